// probe: cloud/http/lint-probe.ts
// expect: nothing
import { RouteTable } from '../../src/http-edge/edge';

export { RouteTable };
