// probe: src/ui/screens/lint-probe.ts
// expect: lojal/layers:typesOnly
export const load = () => import('../../service/till-service');
