// probe: src/host/lint-probe.ts
// expect: lojal/layers:folder
import type { Db } from '../store/db';

export type Handle = Db;
