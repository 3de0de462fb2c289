// probe: src/host/lint-probe.ts
// expect: nothing
import Fastify from 'fastify';
import { openTillService } from '../service/index';
import { text } from '../core/i18n';

export { Fastify, openTillService, text };
