// probe: src/contract/lint-probe.ts
// expect: lojal/layers:folder
import { getSetting } from '../store';

export const read = getSetting;
