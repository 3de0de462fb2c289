// probe: src/host/lint-probe.ts
// expect: lojal/layers:pkg
import Database from 'better-sqlite3';

export { Database };
