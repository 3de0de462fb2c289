// probe: src/http-edge/lint-probe.ts
// expect: lojal/layers:folder
import { failure } from '../host/errors';

export { failure };
