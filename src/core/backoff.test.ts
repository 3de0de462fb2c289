import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('doubles from the first wait up to the cap', () => {
    const settings = { initialMs: 250, maxMs: 5_000 };
    expect([0, 1, 2, 3, 4, 5, 6, 100].map((n) => backoffDelay(n, settings))).toEqual([
      250, 250, 500, 1_000, 2_000, 4_000, 5_000, 5_000,
    ]);
  });

  it('with jitter waits between half and all of the doubled wait', () => {
    const settings = { initialMs: 1_000, maxMs: 60_000 };
    expect(backoffDelay(3, settings, () => 0)).toBe(2_000);
    expect(backoffDelay(3, settings, () => 0.5)).toBe(3_000);
    expect(backoffDelay(3, settings, () => 0.999_999)).toBe(4_000);
    expect(backoffDelay(9, settings, () => 0)).toBe(30_000);
  });

  it('stays finite and at the cap however many attempts have failed', () => {
    const settings = { initialMs: 0.5, maxMs: Number.MAX_SAFE_INTEGER };
    expect(backoffDelay(1e9, settings)).toBe(0.5 * 2 ** 30);
    expect(backoffDelay(Number.MAX_SAFE_INTEGER, { initialMs: 1_000, maxMs: 30_000 })).toBe(30_000);
  });

  const settingsArb = fc
    .record({
      initialMs: fc.integer({ min: 1, max: 100_000 }),
      extra: fc.integer({ min: 0, max: 10_000_000 }),
    })
    .map(({ initialMs, extra }) => ({ initialMs, maxMs: initialMs + extra }));
  const attemptArb = fc.integer({ min: 1, max: 200 });
  const randomArb = fc.option(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), {
    nil: undefined,
  });

  it('is monotone in the attempt, never above the cap, never below the first wait', () => {
    fc.assert(
      fc.property(settingsArb, attemptArb, attemptArb, randomArb, (settings, a, b, r) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const random = r === undefined ? undefined : () => r;
        const first = backoffDelay(1, settings, random);
        const early = backoffDelay(lo, settings, random);
        const late = backoffDelay(hi, settings, random);
        expect(early).toBeLessThanOrEqual(late);
        expect(late).toBeLessThanOrEqual(settings.maxMs);
        expect(early).toBeGreaterThanOrEqual(first);
        // Jitter never takes more than half of the wait away.
        if (random !== undefined) {
          expect(late * 2).toBeGreaterThanOrEqual(backoffDelay(hi, settings) - 1);
        } else {
          expect(first).toBe(settings.initialMs);
        }
      }),
    );
  });
});
