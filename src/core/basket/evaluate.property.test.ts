import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateBasket } from './evaluate';
import { computeReturn, type ReturnQuantity } from './returns';
import {
  DAY,
  at,
  committedSale,
  coupon,
  member,
  programme,
  punchCard,
  tierOf,
} from './test-fixtures';
import type { BasketLineInput, EvaluateInput } from '../basket-types';
import { EventPayloads } from '../events';
import type { CouponView, MemberView } from '../member-types';
import type { ProgrammeInput, TierBenefit } from '../programme';

const NOW = at('2026-06-15T14:00:00+02:00');
const CATEGORIES = ['Kaffe', 'Bakst', 'Brød', 'Gavekort', 'Klær'] as const;
const category = fc.constantFrom(...CATEGORIES);
const scope = fc.record({
  skus: fc.subarray(['sku0', 'sku1', 'sku2']),
  categories: fc.subarray([...CATEGORIES]),
});
const percent = fc.oneof(fc.integer({ min: 1, max: 100 }), fc.constantFrom(2.5, 12.5, 33.33));

const pointsRules = fc.option(
  fc.record({
    earn: fc.oneof(
      fc.record({
        mode: fc.constant('per_amount' as const),
        orePerStep: fc.integer({ min: 100, max: 5000 }),
        pointsPerStep: fc.integer({ min: 1, max: 3 }),
      }),
      fc.record({
        mode: fc.constant('per_purchase' as const),
        points: fc.integer({ min: 1, max: 50 }),
      }),
    ),
    excludedCategories: fc.subarray(['Gavekort', 'Klær']),
    redeemValueOre: fc.integer({ min: 0, max: 100 }),
    lifetimeMonths: fc.option(fc.integer({ min: 1, max: 36 }), { nil: null }),
    pendingDays: fc.integer({ min: 0, max: 30 }),
  }),
  { nil: null },
);

const programmeInput: fc.Arbitrary<Partial<ProgrammeInput>> = fc.record({
  points: pointsRules,
  cashback: fc.option(
    fc.record({ enabled: fc.boolean(), percent, excludedCategories: fc.subarray(['Gavekort']) }),
    { nil: null },
  ),
  punchCards: fc.uniqueArray(
    fc.record({
      id: fc.constantFrom('kaffe', 'brod', 'alt'),
      name: fc.constant({ nb: 'Kort', en: 'Card' }),
      qualifying: scope,
      stamps: fc.integer({ min: 2, max: 12 }),
      reward: fc.oneof(
        fc.constant({ kind: 'free_item' as const }),
        fc.record({
          kind: fc.constant('amount_off' as const),
          amountOre: fc.integer({ min: 1, max: 20000 }),
        }),
      ),
      capPerPurchase: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    }),
    { maxLength: 3, selector: (c) => c.id },
  ),
  bonusCampaigns: fc.uniqueArray(
    fc.record({
      id: fc.constantFrom('b1', 'b2'),
      name: fc.constant({ nb: 'Bonus', en: 'Bonus' }),
      multiplier: fc.integer({ min: 2, max: 4 }),
      validFrom: fc.constantFrom('2026-06-01', '2026-06-15', '2026-06-16'),
      validTo: fc.constantFrom('2026-06-20', '2026-07-01'),
      categories: fc.subarray([...CATEGORIES]),
    }),
    { maxLength: 2, selector: (c) => c.id },
  ),
  stacking: fc.record({
    maxCouponsPerBasket: fc.integer({ min: 1, max: 3 }),
    tierDiscountWithCoupon: fc.boolean(),
  }),
  verifyRedemptionAboveOre: fc.option(fc.integer({ min: 0, max: 50000 }), { nil: null }),
});

const lines: fc.Arbitrary<BasketLineInput[]> = fc
  .array(
    fc
      .record({
        sku: fc.constantFrom('sku0', 'sku1', 'sku2', 'sku3'),
        category,
        quantity: fc.integer({ min: 1, max: 12 }),
        unitPriceOre: fc.integer({ min: 0, max: 200000 }),
        memberDiscount: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
        vatRate: fc.constantFrom(25, 15, 12, 0),
      })
      .map(({ memberDiscount, ...l }) => ({
        ...l,
        ...(memberDiscount === undefined
          ? {}
          : { memberPriceOre: Math.floor((l.unitPriceOre * (100 - memberDiscount)) / 100) }),
      })),
    { maxLength: 8 },
  )
  .map((ls) => ls.map((l, i) => ({ ...l, lineId: `line${i}`, name: `Vare ${i}` })));

const couponViews: fc.Arbitrary<CouponView[]> = fc.uniqueArray(
  fc
    .record({
      couponId: fc.constantFrom('W-m1', 'B-m1-2026', 'C-vaar-m1', 'S-r-m1-1', 'T-gull-Y2026-m1-1'),
      source: fc.constantFrom('welcome', 'birthday', 'campaign', 'spend', 'tier') as fc.Arbitrary<
        CouponView['source']
      >,
      benefit: fc.oneof(
        fc.record({ kind: fc.constant('percent' as const), percent }),
        fc.record({
          kind: fc.constant('amount' as const),
          amountOre: fc.integer({ min: 1, max: 100000 }),
        }),
        fc.record({ kind: fc.constant('free_item' as const), scope }),
      ),
      minBasketOre: fc.integer({ min: 0, max: 100000 }),
      scope,
      validFromDays: fc.integer({ min: -40, max: 2 }),
      validDays: fc.integer({ min: 0, max: 60 }),
      usesLeft: fc.integer({ min: 0, max: 2 }),
    })
    .map((c) =>
      coupon(
        c.couponId,
        {
          name: { nb: 'Kupong', en: 'Coupon' },
          benefit: c.benefit,
          minBasketOre: c.minBasketOre,
          scope: c.scope,
        },
        {
          source: c.source,
          validFrom: NOW + c.validFromDays * DAY,
          validTo: NOW + (c.validFromDays + c.validDays) * DAY,
          usesLeft: c.usesLeft,
        },
      ),
    ),
  { maxLength: 4, selector: (c) => c.couponId },
);

const tierBenefit: fc.Arbitrary<TierBenefit> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({ kind: fc.constant('percent_every_purchase' as const), percent }),
  fc.record({ kind: fc.constant('percent_once_per_period' as const), percent }),
);

const memberView: fc.Arbitrary<MemberView> = fc
  .record({
    tier: fc.option(fc.record({ benefit: tierBenefit, oncePerPeriodAvailable: fc.boolean() }), {
      nil: null,
    }),
    balance: fc.integer({ min: -100, max: 10000 }),
    cashbackOre: fc.integer({ min: 0, max: 50000 }),
    cards: fc.array(
      fc.record({
        cardId: fc.constantFrom('kaffe', 'brod', 'alt'),
        stamps: fc.integer({ min: 0, max: 11 }),
        rewards: fc.integer({ min: 0, max: 2 }),
      }),
      { maxLength: 3 },
    ),
    coupons: couponViews,
  })
  .map((m) =>
    member({
      tier: m.tier
        ? tierOf(
            { id: 'gull', name: { nb: 'Gull', en: 'Gold' }, threshold: 0, benefit: m.tier.benefit },
            { oncePerPeriodAvailable: m.tier.oncePerPeriodAvailable },
          )
        : null,
      points: { balance: m.balance, pending: 0, valueOre: 0, nextExpiry: null },
      cashbackOre: m.cashbackOre,
      punchCards: m.cards.map((c) =>
        punchCard(
          c.cardId,
          c.stamps,
          12,
          Array.from({ length: c.rewards }, (_, k) => `K-${c.cardId}-m1-${k + 1}`),
        ),
      ),
      coupons: m.coupons,
    }),
  );

const rewardIds = ['K-kaffe-m1-1', 'K-kaffe-m1-2', 'K-brod-m1-1', 'K-alt-m1-1', 'K-none-m1-1'];
const couponIds = [
  'W-m1',
  'B-m1-2026',
  'C-vaar-m1',
  'S-r-m1-1',
  'T-gull-Y2026-m1-1',
  'C-unknown-m1',
];

const evaluateInputs: fc.Arbitrary<EvaluateInput> = fc
  .record({
    programme: programmeInput,
    lines,
    member: fc.option(memberView, { nil: null, freq: 5 }),
    verified: fc.boolean(),
    selections: fc.record({
      couponIds: fc.shuffledSubarray(couponIds),
      rewardIds: fc.shuffledSubarray(rewardIds),
      pointsToRedeem: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 12000 })),
      cashbackToRedeemOre: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 60000 })),
      useTierOnce: fc.boolean(),
    }),
    nowOffsetMinutes: fc.integer({ min: -60 * 24 * 20, max: 60 * 24 * 20 }),
  })
  .map(({ programme: p, nowOffsetMinutes, ...rest }) => ({
    ...rest,
    programme: programme(p),
    now: NOW + nowOffsetMinutes * 60_000,
  }));

describe('basket evaluation invariants', () => {
  it('allocation and VAT sums are exact, no line goes negative, the total never exceeds the list', () => {
    fc.assert(
      fc.property(evaluateInputs, (input) => {
        const result = evaluateBasket(input);
        const paid = result.lines.reduce((s, l) => s + l.paidOre, 0);
        expect(paid).toBe(result.totalOre);
        expect(result.vat.reduce((s, r) => s + r.grossOre, 0)).toBe(result.totalOre);
        expect(result.totalOre).toBeLessThanOrEqual(result.listOre);
        expect(result.totalOre).toBeGreaterThanOrEqual(0);
        expect(result.discountOre).toBe(result.listOre - result.totalOre);
        expect(result.benefits.reduce((s, b) => s + b.amountOre, 0)).toBe(result.discountOre);
        for (const l of result.lines) {
          expect(l.paidOre).toBeGreaterThanOrEqual(0);
          expect(l.listOre - l.discounts.reduce((s, d) => s + d.amountOre, 0)).toBe(l.paidOre);
          for (const d of l.discounts) expect(d.amountOre).toBeGreaterThan(0);
        }
        for (const row of result.vat) expect(row.vatOre + row.netOre).toBe(row.grossOre);
        for (const b of result.benefits) {
          const onLines = result.lines
            .flatMap((l) => l.discounts)
            .filter((d) => d.benefitId === b.id);
          expect(onLines.reduce((s, d) => s + d.amountOre, 0)).toBe(b.amountOre);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('is deterministic and leaves its input untouched', () => {
    fc.assert(
      fc.property(evaluateInputs, (input) => {
        const copy = structuredClone(input);
        const first = evaluateBasket(input);
        expect(input).toEqual(copy);
        expect(evaluateBasket(copy)).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });

  it('gives a sale.committed payload the event schema accepts unchanged, with per-line earnings that add up', () => {
    fc.assert(
      fc.property(evaluateInputs, (input) => {
        const result = evaluateBasket(input);
        // Unchanged: the till stores its own events without parsing them again.
        const payload = committedSale(result);
        expect(EventPayloads['sale.committed'].parse(payload)).toEqual(payload);
        expect(result.effects === null).toBe(input.member === null);
        const effects = result.effects;
        if (!effects) return;
        const byLine = effects.lineEarnings!;
        expect(byLine.reduce((s, l) => s + l.points, 0)).toBe(effects.pointsEarned);
        expect(byLine.reduce((s, l) => s + l.cashbackOre, 0)).toBe(effects.cashbackEarnedOre);
        expect(byLine.reduce((s, l) => s + l.qualifyingSpendOre, 0)).toBe(
          effects.qualifyingSpendOre,
        );
        expect(effects.pointsReasons.reduce((s, r) => s + r.points, 0)).toBe(effects.pointsEarned);
        expect(effects.couponsRedeemed.length).toBeLessThanOrEqual(
          input.programme.stacking.maxCouponsPerBasket,
        );
      }),
      { numRuns: 300 },
    );
  });
});

/** Splits every line's quantity into a sequence of returns driven by `cuts`, the last taking what is left. */
function returnSequence(
  lines: ReadonlyArray<{ lineId: string; quantity: number }>,
  cuts: number[],
): ReturnQuantity[][] {
  const left = new Map(lines.map((l) => [l.lineId, l.quantity]));
  const steps: ReturnQuantity[][] = [];
  for (const cut of cuts) {
    const open = [...left.entries()].filter(([, q]) => q > 0);
    if (open.length === 0) break;
    const [lineId, remaining] = open[cut % open.length]!;
    const quantity = 1 + (cut % remaining);
    left.set(lineId, remaining - quantity);
    steps.push([{ lineId, quantity }]);
  }
  const rest = [...left.entries()]
    .filter(([, q]) => q > 0)
    .map(([lineId, quantity]) => ({ lineId, quantity }));
  if (rest.length > 0) steps.push(rest);
  return steps;
}

describe('returns', () => {
  it('returning every line, in any steps, refunds exactly the total and reverses everything once', () => {
    fc.assert(
      fc.property(
        evaluateInputs,
        fc.array(fc.nat({ max: 1000 }), { maxLength: 12 }),
        (input, cuts) => {
          const sale = committedSale(evaluateBasket(input));
          const steps = returnSequence(sale.lines, cuts);
          const earlier: ReturnQuantity[] = [];
          const outcomes = steps.map((step) => {
            const outcome = computeReturn(sale, step, earlier);
            earlier.push(...step);
            EventPayloads['sale.returned'].shape.reversed.parse(outcome.reversed);
            return outcome;
          });
          const sum = (pick: (o: (typeof outcomes)[number]) => number) =>
            outcomes.reduce((s, o) => s + pick(o), 0);
          expect(sum((o) => o.refundOre)).toBe(sale.totalOre);
          const effects = sale.effects;
          if (!effects) {
            expect(sum((o) => o.reversed.points)).toBe(0);
            return;
          }
          expect(sum((o) => o.reversed.points)).toBe(effects.pointsEarned);
          expect(sum((o) => o.reversed.cashbackOre)).toBe(effects.cashbackEarnedOre);
          expect(sum((o) => o.reversed.qualifyingSpendOre)).toBe(effects.qualifyingSpendOre);
          for (const s of effects.stamps) {
            const back = outcomes
              .flatMap((o) => o.reversed.stamps)
              .filter((r) => r.cardId === s.cardId);
            expect(back.reduce((t, r) => t + r.count, 0)).toBe(s.count);
          }
          expect(outcomes.flatMap((o) => o.reversed.couponsRestored)).toEqual(
            effects.couponsRedeemed,
          );
          expect(outcomes.flatMap((o) => o.reversed.rewardsRestored)).toEqual(
            effects.rewardsRedeemed,
          );
          expect(sum((o) => o.reversed.pointsRedeemedRestored)).toBe(effects.pointsRedeemed);
          expect(sum((o) => o.reversed.cashbackRedeemedRestoredOre)).toBe(
            effects.cashbackRedeemedOre,
          );
          for (const o of outcomes) expect(o.refundOre).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
