// probe: src/ui/lint-probe.ts
// expect: @typescript-eslint/consistent-type-imports, lojal/layers:folder
export type Handle = typeof import('../store/db');
