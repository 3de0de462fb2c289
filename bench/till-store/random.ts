/**
 * Seeded randomness for the generated store, so one generator version always
 * gives the same database (and a cached file is the one a re-run would make).
 */
import type { Random } from '../../src/core/seeded-random';

export type { Random };
export { seededRandom as prng } from '../../src/core/seeded-random';

export function intBelow(random: Random, n: number): number {
  return Math.floor(random() * n);
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[intBelow(random, items.length)]!;
}

const HEX = '0123456789abcdef';

function hex(random: Random, digits: number): string {
  let out = '';
  for (let i = 0; i < digits; i++) out += HEX[intBelow(random, 16)];
  return out;
}

/** A UUIDv7 for an instant, with seeded random bits (the store validates the format). */
export function uuidv7(random: Random, ms: number): string {
  const time = ms.toString(16).padStart(12, '0');
  const variant = HEX[8 + intBelow(random, 4)];
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${hex(random, 3)}-${variant}${hex(random, 3)}-${hex(random, 12)}`;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A member QR token in the store's format (26 base-32 characters), seeded. */
export function qrToken(random: Random): string {
  let out = '';
  for (let i = 0; i < 26; i++) out += BASE32[intBelow(random, 32)];
  return out;
}
