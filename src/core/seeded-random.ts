/**
 * A seeded random sequence (mulberry32): small, fast, the same numbers for the
 * same seed. For what must replay exactly: the demo store, generated benchmark
 * data, simulations. Never for secrets (src/store/ids.ts draws those).
 */
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
