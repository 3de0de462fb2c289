// probe: src/host/lint-probe.test.ts
// expect: lojal/layers:folder
import { openDatabase } from '../store/db';

export { openDatabase };
