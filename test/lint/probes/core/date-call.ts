// probe: src/core/lint-probe.ts
// expect: no-restricted-syntax
export const now = Date();
