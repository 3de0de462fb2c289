// probe: src/core/lint-probe.ts
// expect: @typescript-eslint/no-require-imports, lojal/layers:folder, no-restricted-globals
export const db = require('../store/db');
