// probe: src/service/lint-probe.ts
// expect: lojal/layers:folder
import { startHost } from '../host/server';

export { startHost };
