// probe: electron/lint-probe.ts
// expect: lojal/layers:folder
import type { SecretSealer } from '../src/store/secret-sealer';

export type Sealer = SecretSealer;
