// probe: src/store/lint-probe.ts
// expect: lojal/layers:folder
import { SyncClient } from '../sync/client';

export { SyncClient };
