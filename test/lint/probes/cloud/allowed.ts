// probe: cloud/http/lint-probe.ts
// expect: nothing
import Fastify from 'fastify';
import { PROTOCOL_VERSION } from '../../src/sync/protocol';
import { normalisePhone } from '../../src/core/phone';

export { Fastify, PROTOCOL_VERSION, normalisePhone };
