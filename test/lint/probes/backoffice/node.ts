// probe: src/backoffice/lint-probe.ts
// expect: lojal/layers:node
import { randomBytes } from 'node:crypto';

export const token = () => randomBytes(32);
