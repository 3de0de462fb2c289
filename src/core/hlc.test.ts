import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeHlc, encodeHlc, MAX_HLC_COUNTER, MAX_HLC_WALL_MS, receiveHlc, tickHlc } from './hlc';
import type { Hlc } from './hlc';

const node = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);
/** Any clock the encoding holds below the very last millisecond, counters at the maximum often. */
const validClock = fc.record({
  wallMs: fc.oneof(
    fc.integer({ min: 0, max: MAX_HLC_WALL_MS - 1 }),
    fc.constantFrom(0, 1_772_000_000_000, MAX_HLC_WALL_MS - 1),
  ),
  counter: fc.oneof(
    fc.integer({ min: 0, max: MAX_HLC_COUNTER }),
    fc.constantFrom(MAX_HLC_COUNTER, MAX_HLC_COUNTER - 1),
  ),
  node,
});
const wall = fc.oneof(fc.integer({ min: 0, max: MAX_HLC_WALL_MS }), fc.constant(1_772_000_000_000));

describe('HLC ticks', () => {
  it('stay strictly increasing and never throw, from any valid clock (counter at its maximum included)', () => {
    fc.assert(
      fc.property(
        validClock,
        fc.array(fc.oneof(wall, fc.constant(-1)), { minLength: 1, maxLength: 20 }),
        (start, walls) => {
          let last: Hlc = start;
          let encoded = encodeHlc(last);
          for (const w of walls) {
            // -1: the wall clock stands still at the clock's own millisecond.
            const next = tickHlc(last, w === -1 ? last.wallMs : w, start.node);
            const nextEncoded = encodeHlc(next);
            expect(nextEncoded > encoded).toBe(true);
            expect(decodeHlc(nextEncoded)).toEqual(next);
            last = next;
            encoded = nextEncoded;
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('received clocks merge without throwing, and the next tick sorts after both', () => {
    fc.assert(
      fc.property(validClock, validClock, wall, (last, remote, w) => {
        const merged = receiveHlc(last, remote, w, last.node);
        const encoded = encodeHlc(merged);
        const next = encodeHlc(tickHlc(merged, w, last.node));
        expect(next > encoded).toBe(true);
        const order = (h: Hlc) => encodeHlc({ ...h, node: 'n' });
        expect(order(merged) > order(last)).toBe(true);
        expect(order(merged) > order(remote)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('moves the wall part on by 1 ms when the counter is full (no "counter overflow")', () => {
    const full: Hlc = { wallMs: 1_772_000_000_000, counter: MAX_HLC_COUNTER, node: 'a' };
    expect(tickHlc(full, 1_000, 'a')).toEqual({ wallMs: 1_772_000_000_001, counter: 0, node: 'a' });
    expect(receiveHlc(null, full, 1_000, 'a')).toEqual({
      wallMs: 1_772_000_000_001,
      counter: 0,
      node: 'a',
    });
  });

  it('does not throw even at the last clock the encoding holds', () => {
    const poisoned = decodeHlc('999999999999999-zzzzzz-x');
    expect(poisoned).toEqual({ wallMs: MAX_HLC_WALL_MS, counter: MAX_HLC_COUNTER, node: 'x' });
    const now = 1_772_000_000_000;
    expect(() => encodeHlc(tickHlc(poisoned, now, 'a'))).not.toThrow();
    expect(() => encodeHlc(receiveHlc(poisoned, poisoned, now, 'a'))).not.toThrow();
  });
});
