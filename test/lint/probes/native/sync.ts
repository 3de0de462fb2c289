// probe: native/printer/lint-probe.ts
// expect: lojal/layers:folder
import { SyncClient } from '../../src/sync/client';

export { SyncClient };
