// probe: src/core/lint-probe.ts
// expect: no-restricted-properties
export const now = Date.now();
