// probe: src/ui/lint-probe.ts
// expect: lojal/layers:node
import { readFileSync } from 'node:fs';

export const read = readFileSync;
