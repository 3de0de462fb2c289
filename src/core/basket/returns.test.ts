import { describe, expect, it } from 'vitest';
import { evaluateBasket } from './evaluate';
import { computeReturn, firstUnitsShare, ReturnRejected, voidEffects } from './returns';
import {
  committedSale,
  coupon,
  evaluateInput,
  line,
  member,
  programme,
  punchCard,
  selections,
} from './test-fixtures';
import type { EventPayload } from '../events';
import { render, saidNbEn } from '../../../test/helpers/said';

const prog = programme({
  points: {
    earn: { mode: 'per_amount', orePerStep: 1000, pointsPerStep: 1 },
    excludedCategories: ['Gavekort'],
    redeemValueOre: 10,
  },
  cashback: { enabled: true, percent: 5, excludedCategories: ['Gavekort'] },
  punchCards: [
    {
      id: 'kaffe',
      name: { nb: 'Kaffe', en: 'Coffee' },
      qualifying: { categories: ['Kaffe'] },
      stamps: 9,
      reward: { kind: 'free_item' },
      capPerPurchase: 4,
    },
  ],
  stacking: { maxCouponsPerBasket: 1, tierDiscountWithCoupon: true },
});

function coffeeSale(quantity: number) {
  const evaluation = evaluateBasket(
    evaluateInput({
      programme: prog,
      lines: [line('kaffe', 4500, { lineId: 'kaffe', category: 'Kaffe', vatRate: 15, quantity })],
    }),
  );
  return committedSale(evaluation);
}

describe('firstUnitsShare', () => {
  it('splits a line over its units by largest remainder, earlier units first', () => {
    expect([1, 2, 3].map((k) => firstUnitsShare(10001, 3, k))).toEqual([3334, 6668, 10001]);
    expect(firstUnitsShare(10001, 3, 0)).toBe(0);
  });
});

describe('returning part of a sale', () => {
  it('refunds the returned units and takes back their points, cashback, spend and stamps', () => {
    const sale = coffeeSale(3);
    expect(sale.totalOre).toBe(13500);
    expect(sale.effects).toMatchObject({
      pointsEarned: 13,
      cashbackEarnedOre: 675,
      stamps: [{ cardId: 'kaffe', count: 3 }],
    });

    const first = computeReturn(sale, [{ lineId: 'kaffe', quantity: 1 }]);
    expect(first.refundOre).toBe(4500);
    expect(first.reversed).toEqual({
      points: 5,
      cashbackOre: 225,
      stamps: [{ cardId: 'kaffe', count: 1 }],
      qualifyingSpendOre: 4500,
      couponsRestored: [],
      rewardsRestored: [],
      pointsRedeemedRestored: 0,
      cashbackRedeemedRestoredOre: 0,
    });

    const rest = computeReturn(
      sale,
      [{ lineId: 'kaffe', quantity: 2 }],
      [{ lineId: 'kaffe', quantity: 1 }],
    );
    expect(rest.refundOre).toBe(9000);
    expect(rest.reversed.points).toBe(8);
    expect(rest.reversed.stamps).toEqual([{ cardId: 'kaffe', count: 2 }]);
  });

  it('keeps capped stamps while enough qualifying units are kept', () => {
    const sale = coffeeSale(6);
    expect(sale.effects!.stamps).toEqual([{ cardId: 'kaffe', count: 4 }]);
    const returns = [1, 2, 3].map((quantity, i, all) =>
      computeReturn(
        sale,
        [{ lineId: 'kaffe', quantity }],
        all.slice(0, i).map((q) => ({ lineId: 'kaffe', quantity: q })),
      ),
    );
    // 6 bought, 4 stamped: after returning 1 (5 kept) none go back, after 3 (3 kept) one, after 6 the rest.
    expect(returns.map((r) => r.reversed.stamps)).toEqual([
      [],
      [{ cardId: 'kaffe', count: 1 }],
      [{ cardId: 'kaffe', count: 3 }],
    ]);
  });
});

describe('returning the whole sale', () => {
  const evaluation = evaluateBasket(
    evaluateInput({
      programme: prog,
      member: member({
        points: { balance: 500, pending: 0, valueOre: 5000, nextExpiry: null },
        cashbackOre: 1000,
        punchCards: [punchCard('kaffe', 5, 9, ['K-kaffe-m1-1'])],
        coupons: [
          coupon(
            'W-m1',
            {
              name: { nb: 'Velkomstkupong', en: 'Welcome coupon' },
              benefit: { kind: 'percent', percent: 10 },
            },
            { source: 'welcome' },
          ),
        ],
      }),
      lines: [
        line('kaffe', 4500, { lineId: 'kaffe', category: 'Kaffe', vatRate: 15, quantity: 3 }),
        line('kanelbolle', 3900, {
          lineId: 'bolle',
          category: 'Bakst',
          vatRate: 15,
          quantity: 2,
          memberPriceOre: 3500,
        }),
        line('gavekort', 50000, { lineId: 'gavekort', category: 'Gavekort', vatRate: 0 }),
      ],
      selections: selections({
        rewardIds: ['K-kaffe-m1-1'],
        couponIds: ['W-m1'],
        pointsToRedeem: 50,
        cashbackToRedeemOre: 300,
      }),
    }),
  );
  const sale = committedSale(evaluation);

  it('is a sale that used every kind of benefit', () => {
    expect(saidNbEn(evaluation.rejected)).toEqual([]);
    expect(sale.effects).toMatchObject({
      couponsRedeemed: ['W-m1'],
      rewardsRedeemed: ['K-kaffe-m1-1'],
      pointsRedeemed: 50,
      cashbackRedeemedOre: 300,
      stamps: [{ cardId: 'kaffe', count: 2 }],
    });
  });

  it('in one go refunds the total, reverses every earning and restores every redemption', () => {
    const all = computeReturn(
      sale,
      sale.lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity })),
    );
    expect(all).toEqual({
      refundOre: sale.totalOre,
      reversed: {
        points: sale.effects!.pointsEarned,
        cashbackOre: sale.effects!.cashbackEarnedOre,
        stamps: sale.effects!.stamps,
        qualifyingSpendOre: sale.effects!.qualifyingSpendOre,
        couponsRestored: ['W-m1'],
        rewardsRestored: ['K-kaffe-m1-1'],
        pointsRedeemedRestored: 50,
        cashbackRedeemedRestoredOre: 300,
      },
    });
  });

  it('in steps restores the redemptions only with the return that completes the sale', () => {
    const first = computeReturn(sale, [
      { lineId: 'kaffe', quantity: 3 },
      { lineId: 'bolle', quantity: 1 },
    ]);
    expect(first.reversed.couponsRestored).toEqual([]);
    expect(first.reversed.pointsRedeemedRestored).toBe(0);
    const earlier = [
      { lineId: 'kaffe', quantity: 3 },
      { lineId: 'bolle', quantity: 1 },
    ];
    const last = computeReturn(
      sale,
      [
        { lineId: 'bolle', quantity: 1 },
        { lineId: 'gavekort', quantity: 1 },
      ],
      earlier,
    );
    expect(last.reversed.couponsRestored).toEqual(['W-m1']);
    expect(last.reversed.rewardsRestored).toEqual(['K-kaffe-m1-1']);
    expect(first.refundOre + last.refundOre).toBe(sale.totalOre);
    expect(first.reversed.points + last.reversed.points).toBe(sale.effects!.pointsEarned);
  });

  it('voidEffects takes back what earlier returns left', () => {
    const earlier = [{ lineId: 'kaffe', quantity: 1 }];
    const partial = computeReturn(sale, earlier);
    const rest = voidEffects(sale, earlier);
    expect(partial.refundOre + rest.refundOre).toBe(sale.totalOre);
    expect(partial.reversed.cashbackOre + rest.reversed.cashbackOre).toBe(
      sale.effects!.cashbackEarnedOre,
    );
    expect(rest.reversed.pointsRedeemedRestored).toBe(50);
    expect(voidEffects(sale).reversed.couponsRestored).toEqual(['W-m1']);
  });
});

describe('refusing a return', () => {
  const sale = coffeeSale(2);

  it('refuses more than was bought, counting earlier returns', () => {
    expect(() => computeReturn(sale, [{ lineId: 'kaffe', quantity: 3 }])).toThrow(ReturnRejected);
    try {
      computeReturn(sale, [{ lineId: 'kaffe', quantity: 2 }], [{ lineId: 'kaffe', quantity: 1 }]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ReturnRejected);
      const rejected = error as ReturnRejected;
      expect(rejected.code).toBe('more_than_bought');
      expect(render(rejected.reason, 'nb')).toBe(
        'Kan ikke returnere 2 av «kaffe»: 2 kjøpt, 1 returnert før',
      );
    }
  });

  it('refuses a line that is not on the receipt and a quantity that is not a positive whole number', () => {
    const refusal = (toReturn: Array<{ lineId: string; quantity: number }>) => {
      try {
        computeReturn(sale, toReturn);
      } catch (error) {
        expect(error).toBeInstanceOf(ReturnRejected);
        return render((error as ReturnRejected).reason, 'en');
      }
      throw new Error('the return was not refused');
    };
    expect(refusal([{ lineId: 'nope', quantity: 1 }])).toMatch(/not on the receipt/);
    expect(refusal([{ lineId: 'kaffe', quantity: 0 }])).toMatch(/whole number above zero/);
    expect(refusal([{ lineId: 'kaffe', quantity: 1.5 }])).toMatch(/whole number above zero/);
  });
});

describe('sales without a member or without a per-line split', () => {
  it('refunds an anonymous sale and reverses nothing', () => {
    const sale = committedSale(
      evaluateBasket(
        evaluateInput({
          programme: prog,
          member: null,
          lines: [line('kaffe', 4500, { lineId: 'k', quantity: 2 })],
        }),
      ),
    );
    const result = computeReturn(sale, [{ lineId: 'k', quantity: 1 }]);
    expect(result.refundOre).toBe(4500);
    expect(result.reversed.points).toBe(0);
    expect(result.reversed.stamps).toEqual([]);
  });

  it('splits the totals by what each line paid, and takes stamps back with the whole sale', () => {
    const recorded = coffeeSale(3);
    const withGift = evaluateBasket(
      evaluateInput({
        programme: prog,
        lines: [
          line('kaffe', 4500, { lineId: 'kaffe', category: 'Kaffe', quantity: 3 }),
          line('bolle', 1500, { lineId: 'bolle', category: 'Bakst' }),
        ],
      }),
    );
    const { lineEarnings: _dropped, ...effects } = withGift.effects!;
    const sale = committedSale(withGift);
    const { lineEarnings: _alsoDropped, ...recordedEffects } = sale.effects!;
    const legacy: EventPayload<'sale.committed'> = { ...sale, effects: recordedEffects };
    expect(recorded.effects!.lineEarnings).toBeDefined();
    const coffee = computeReturn(legacy, [{ lineId: 'kaffe', quantity: 3 }]);
    // 15 points over paid 13500 and 1500: 13.5 → 14 on coffee by largest remainder.
    expect(effects.pointsEarned).toBe(15);
    expect(coffee.reversed.points).toBe(14);
    expect(coffee.reversed.stamps).toEqual([]);
    const bun = computeReturn(
      legacy,
      [{ lineId: 'bolle', quantity: 1 }],
      [{ lineId: 'kaffe', quantity: 3 }],
    );
    expect(bun.reversed.points).toBe(1);
    expect(bun.reversed.stamps).toEqual([{ cardId: 'kaffe', count: 3 }]);
  });
});
