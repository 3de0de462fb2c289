import { describe, expect, it } from 'vitest';
import { backoffDelay, retryDelay } from './backoff';

const settings = { initialMs: 1_000, maxMs: 60_000 };

describe('backoff', () => {
  it('doubles from the first wait up to the ceiling', () => {
    const top = () => 1;
    expect([1, 2, 3, 4, 7, 8, 50].map((n) => backoffDelay(n, settings, top))).toEqual([
      1_000, 2_000, 4_000, 8_000, 60_000, 60_000, 60_000,
    ]);
  });

  it('jitters within the upper half of each wait, never to zero', () => {
    expect(backoffDelay(3, settings, () => 0)).toBe(2_000);
    expect(backoffDelay(3, settings, () => 0.5)).toBe(3_000);
    const seen = new Set<number>();
    let seed = 7;
    const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    for (let i = 0; i < 200; i++) {
      const wait = backoffDelay(4, settings, random);
      expect(wait).toBeGreaterThanOrEqual(4_000);
      expect(wait).toBeLessThanOrEqual(8_000);
      seen.add(wait);
    }
    expect(seen.size).toBeGreaterThan(100);
  });

  it('waits at least what the cloud asked for, but no longer than the ceiling', () => {
    expect(retryDelay(1, settings, () => 0, 30_000)).toBe(30_000);
    expect(retryDelay(1, settings, () => 0, 600_000)).toBe(60_000);
    expect(retryDelay(5, settings, () => 0, 10)).toBe(8_000);
    expect(retryDelay(1, settings, () => 0, null)).toBe(500);
  });
});
