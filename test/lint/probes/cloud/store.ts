// probe: cloud/http/lint-probe.ts
// expect: lojal/layers:folder
import { openDatabase } from '../../src/store/db';

export { openDatabase };
