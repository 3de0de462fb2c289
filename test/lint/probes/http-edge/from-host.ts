// probe: src/host/lint-probe.ts
// expect: nothing
import { RouteTable } from '../http-edge/edge';

export { RouteTable };
