/**
 * The sale bookings a set of events makes: the same whatever order (and
 * however often) the events come in, each booked on its own event's day in
 * the programme's time zone.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LojalEvent } from '../events';
import { HOUR, memberEvents } from '../member/test-events';
import type { SaleFact } from './sale-facts';
import { resolveSaleFacts } from './sale-facts';

const ZONE = 'Europe/Oslo';

function log(): LojalEvent[] {
  const m = memberEvents('m-s');
  const at = Date.UTC(2026, 9, 24, 21, 0);
  const sale = m.sale(at, {
    saleId: 's-1',
    effects: {
      pointsEarned: 9,
      couponsRedeemed: ['W-m-s'],
      stamps: [{ cardId: 'kaffe', count: 2 }],
    },
  });
  const again = { ...m.sale(at + 60_000, { saleId: 's-1' }) };
  return [
    m.enrolled(at - 3_600_000),
    sale,
    again,
    m.voided(Date.UTC(2026, 9, 25, 1, 30), 's-1', { storeId: 'store-2' }),
    m.returned(Date.UTC(2026, 9, 25, 2, 0), 's-1', { returnId: 'r-1', refundOre: 500 }),
    m.returned(Date.UTC(2026, 9, 25, 3, 0), 's-1', { returnId: 'r-1', refundOre: 500 }),
  ];
}

describe('sale facts', () => {
  it('are the same whatever the order and repetition of the events', () => {
    const events = log();
    const expected = resolveSaleFacts(events, ZONE);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
        fc.array(fc.nat({ max: events.length - 1 }), { maxLength: 4 }),
        (order, repeats) => {
          const arrived = [...order, ...repeats.map((i) => events[i]!)];
          expect(resolveSaleFacts(arrived, ZONE)).toEqual(expected);
        },
      ),
    );
  });

  it('books the first sale per sale id, a void with its sale negated, each on its own store and Oslo day', () => {
    const facts = resolveSaleFacts(log(), ZONE);
    expect(
      facts.map((f) => [
        f.booking,
        f.storeId,
        f.day,
        f.amountOre,
        f.receipts,
        f.couponIds,
        f.stamps,
      ]),
    ).toEqual([
      // After the void: nothing taken back (the fold ignores a return of a voided sale).
      ['return:r-1', 'store-1', '2026-10-25', 0, 0, [], {}],
      // 23:00 CEST on 24 October (UTC+2 until the change at 01:00 UTC on the 25th).
      ['sale:s-1', 'store-1', '2026-10-24', 10_000, 1, ['W-m-s'], { kaffe: 2 }],
      // 02:30 CET on 25 October: after the change, UTC+1.
      ['void:s-1', 'store-2', '2026-10-25', -10_000, -1, ['W-m-s'], { kaffe: -2 }],
    ]);
  });

  it('books a void after a partial return as what the sale still held, a return after a void as nothing', () => {
    const m = memberEvents('m-v');
    const at = Date.UTC(2026, 9, 20, 10, 0);
    const sold = (saleId: string) =>
      m.sale(at, {
        saleId,
        totalOre: 10_000,
        effects: {
          pointsEarned: 10,
          pointsRedeemed: 4,
          couponsRedeemed: ['W-m-v', 'C-2'],
          rewardsRedeemed: ['K-kaffe-m-v-1'],
          stamps: [{ cardId: 'kaffe', count: 3 }],
        },
      });
    const returnOf = (saleId: string, when: number) =>
      m.returned(when, saleId, {
        returnId: `r-${saleId}`,
        refundOre: 3_000,
        reversed: {
          points: 3,
          pointsRedeemedRestored: 1,
          couponsRestored: ['C-2'],
          stamps: [{ cardId: 'kaffe', count: 1 }],
        },
      });
    const events = [
      sold('a'),
      returnOf('a', at + HOUR),
      m.voided(at + 2 * HOUR, 'a'),
      sold('b'),
      m.voided(at + HOUR, 'b'),
      returnOf('b', at + 2 * HOUR),
    ];
    const figures = (facts: SaleFact[]) =>
      facts.map((f) => [
        f.booking,
        f.amountOre,
        f.receipts,
        f.couponIds,
        f.rewardIds,
        f.stamps,
        f.pointsEarned,
        f.pointsRedeemed,
      ]);
    const expected = [
      ['return:r-a', -3_000, 0, ['C-2'], [], { kaffe: -1 }, -3, -1],
      ['return:r-b', 0, 0, [], [], {}, 0, 0],
      ['sale:a', 10_000, 1, ['C-2', 'W-m-v'], ['K-kaffe-m-v-1'], { kaffe: 3 }, 10, 4],
      ['sale:b', 10_000, 1, ['C-2', 'W-m-v'], ['K-kaffe-m-v-1'], { kaffe: 3 }, 10, 4],
      ['void:a', -7_000, -1, ['W-m-v'], ['K-kaffe-m-v-1'], { kaffe: -2 }, -7, -3],
      ['void:b', -10_000, -1, ['C-2', 'W-m-v'], ['K-kaffe-m-v-1'], { kaffe: -3 }, -10, -4],
    ];
    fc.assert(
      fc.property(
        fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
        (arrived) => {
          const facts = resolveSaleFacts(arrived, ZONE);
          expect(figures(facts)).toEqual(expected);
          // Sale, return and void together: nothing, as "Dagens tall" and the fold say.
          for (const saleId of ['a', 'b'])
            expect(
              facts.filter((f) => f.saleId === saleId).reduce((t, f) => t + f.amountOre, 0),
            ).toBe(0);
        },
      ),
    );
  });
});
