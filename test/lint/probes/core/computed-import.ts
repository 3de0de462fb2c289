// probe: src/core/lint-probe.ts
// expect: lojal/layers:computed
export const load = (name: string) => import(name);
