// probe: src/core/member/lint-probe.ts
// expect: lojal/layers:folder
export const load = () => import('../../store/db');
