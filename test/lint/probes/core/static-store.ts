// probe: src/core/lint-probe.ts
// expect: lojal/layers:folder
import { openDatabase } from '../store/db';

export { openDatabase };
