// probe: src/ui/lint-probe.ts
// expect: lojal/layers:pkg
import { v7 } from 'uuid';

export const newId = v7;
