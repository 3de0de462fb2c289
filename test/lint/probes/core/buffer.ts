// probe: src/core/lint-probe.ts
// expect: no-restricted-globals
export const bytes = Buffer.from('kvittering');
