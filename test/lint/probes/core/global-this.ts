// probe: src/core/lint-probe.ts
// expect: no-restricted-syntax
export const env = globalThis.process;
