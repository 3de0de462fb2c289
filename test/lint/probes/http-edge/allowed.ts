// probe: src/http-edge/lint-probe.ts
// expect: nothing
import type { Socket } from 'node:net';
import type { FastifyError } from 'fastify';
import { findJsonProblem } from '../core/limits';

export type { Socket, FastifyError };
export { findJsonProblem };
