// probe: src/core/lint-probe.ts
// expect: lojal/layers:pkg
import { v7 } from 'uuid';

export const newId = v7;
