// probe: shared/helpers.ts
// expect: lojal/layers:unplaced
export const twice = (n: number) => n * 2;
