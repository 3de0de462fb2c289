// probe: src/core/lint-probe.ts
// expect: no-restricted-properties
export const dice = Math.random();
