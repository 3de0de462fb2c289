// probe: src/core/lint-probe.ts
// expect: lojal/layers:folder
export { SyncClient } from '../sync/client';
