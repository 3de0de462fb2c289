// probe: src/http-edge/lint-probe.ts
// expect: lojal/layers:folder
import { CloudError } from '../../cloud/http/errors';

export { CloudError };
