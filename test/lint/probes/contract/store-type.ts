// probe: src/contract/lint-probe.ts
// expect: lojal/layers:folder
import type { Db } from '../store/db';

export type Handle = Db;
