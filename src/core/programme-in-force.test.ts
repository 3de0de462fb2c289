import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasStarted, publicationInForce, startsAt } from './programme-in-force';
import type { ProgrammePublication } from './programme-in-force';

const STORES = ['s1', 's2', 's3'];

const publication = fc.record({
  eventId: fc.uuid(),
  hlc: fc.string({ minLength: 1, maxLength: 4 }),
  at: fc.integer({ min: 0, max: 100 }),
  stores: fc.option(fc.subarray(STORES, { minLength: 1 }), { nil: undefined }),
  from: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
}) as fc.Arbitrary<ProgrammePublication>;

const query = fc.record({
  storeId: fc.option(fc.constantFrom(...STORES), { nil: null }),
  now: fc.integer({ min: 0, max: 120 }),
});

describe('publicationInForce', () => {
  it('chooses the version that reaches the store and started last, whatever the order it was given in', () => {
    fc.assert(
      fc.property(fc.array(publication, { maxLength: 12 }), query, (list, q) => {
        const eligible = list.filter(
          (p) =>
            (p.from === undefined || p.from <= Math.max(q.now, p.at)) &&
            (p.stores === undefined || (q.storeId !== null && p.stores.includes(q.storeId))),
        );
        const chosen = publicationInForce(list, q);
        if (eligible.length === 0) {
          expect(chosen).toBeNull();
          return;
        }
        expect(eligible).toContain(chosen);
        for (const p of eligible) {
          const key = (x: ProgrammePublication) => [startsAt(x), x.hlc, x.eventId] as const;
          const [ps, ph, pi] = key(p);
          const [cs, ch, ci] = key(chosen!);
          // Nothing eligible starts after the chosen one, or at the same instant with a later clock.
          expect(ps < cs || (ps === cs && (ph < ch || (ph === ch && pi <= ci)))).toBe(true);
        }
        expect(publicationInForce([...list].reverse(), q)).toBe(chosen);
      }),
    );
  });

  it('starts a version for "at once" whatever its saving clock says, and a dated one at its date', () => {
    const base = { eventId: 'e', hlc: 'h', at: 50 };
    expect(hasStarted(base, 10)).toBe(true);
    expect(hasStarted({ ...base, from: 40 }, 10)).toBe(true);
    expect(hasStarted({ ...base, from: 60 }, 59)).toBe(false);
    expect(hasStarted({ ...base, from: 60 }, 60)).toBe(true);
    expect(startsAt({ ...base, from: 60 })).toBe(60);
    expect(startsAt({ ...base, from: 40 })).toBe(50);
  });
});
