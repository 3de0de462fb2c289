// probe: src/core/lint-probe.ts
// expect: no-restricted-globals
export const id = crypto.randomUUID();
