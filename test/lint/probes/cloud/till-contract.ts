// probe: cloud/backoffice/lint-probe.ts
// expect: lojal/layers:folder
import { COMMANDS } from '../../src/contract/commands';

export { COMMANDS };
