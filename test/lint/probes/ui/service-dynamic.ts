// probe: src/ui/screens/lint-probe.ts
// expect: lojal/layers:folder
export const load = () => import('../../service/till-service');
