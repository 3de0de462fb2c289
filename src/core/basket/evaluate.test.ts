import { describe, expect, it } from 'vitest';
import { evaluateBasket } from './evaluate';
import {
  DAY,
  at,
  coupon,
  evaluateInput,
  line,
  member,
  programme,
  punchCard,
  selections,
  tierOf,
} from './test-fixtures';
import type { ProgrammeInput } from '../programme';
import { foldMember } from '../member/fold';
import { memberEvents } from '../member/test-events';
import { memberView } from '../member/view';
import { nbEn, render, saidNbEn } from '../../../test/helpers/said';

const NOW = at('2026-03-10T12:00:00+01:00');
const pointsPer10Kr: ProgrammeInput['points'] = {
  earn: { mode: 'per_amount', orePerStep: 1000, pointsPerStep: 1 },
  excludedCategories: ['Gavekort'],
};

describe('member prices', () => {
  it('applies the member price only when a member is attached, and says so', () => {
    const lines = [
      line('kanelbolle', 3900, { name: 'Kanelbolle', quantity: 2, memberPriceOre: 3500 }),
    ];
    const withMember = evaluateBasket(evaluateInput({ lines }));
    expect(withMember.totalOre).toBe(7000);
    expect(saidNbEn(withMember.benefits)).toEqual([
      expect.objectContaining({
        kind: 'member_price',
        amountOre: 800,
        reason: {
          nb: 'Medlemspris Kanelbolle: 35,00 kr (ordinær pris 39,00 kr)',
          en: 'Member price Kanelbolle: NOK 35.00 (normal price NOK 39.00)',
        },
      }),
    ]);
    expect(withMember.lines[0]).toMatchObject({ listOre: 7800, paidOre: 7000, unitPriceOre: 3900 });

    const anonymous = evaluateBasket(evaluateInput({ lines, member: null }));
    expect(anonymous.totalOre).toBe(7800);
    expect(saidNbEn(anonymous.benefits)).toEqual([]);
    expect(anonymous.effects).toBeNull();
  });
});

describe('no member attached', () => {
  it('gives only prices and totals, and rejects every selection that needs a member', () => {
    const result = evaluateBasket(
      evaluateInput({
        lines: [line('kaffe', 4500, { vatRate: 15 })],
        member: null,
        selections: selections({
          couponIds: ['W-m1'],
          rewardIds: ['K-kaffe-m1-1'],
          pointsToRedeem: 10,
          cashbackToRedeemOre: 500,
          useTierOnce: true,
        }),
      }),
    );
    expect(result.totalOre).toBe(4500);
    expect(result.effects).toBeNull();
    expect(saidNbEn(result.earnedSummary)).toEqual([]);
    expect(result.rejected.map((r) => [r.ref, r.code])).toEqual([
      ['K-kaffe-m1-1', 'needs_member'],
      ['W-m1', 'needs_member'],
      ['tier', 'needs_member'],
      ['points', 'needs_member'],
      ['cashback', 'needs_member'],
    ]);
  });
});

describe('Bronse 5 % / Sølv 10 % / Gull 15 %', () => {
  const prog = programme({
    points: pointsPer10Kr,
    tiers: {
      qualification: { kind: 'calendar_year' },
      levels: [
        {
          id: 'bronse',
          name: { nb: 'Bronse', en: 'Bronze' },
          threshold: 0,
          benefit: { kind: 'percent_every_purchase', percent: 5 },
        },
        {
          id: 'solv',
          name: { nb: 'Sølv', en: 'Silver' },
          threshold: 1000,
          benefit: { kind: 'percent_every_purchase', percent: 10 },
        },
        {
          id: 'gull',
          name: { nb: 'Gull', en: 'Gold' },
          threshold: 3000,
          benefit: { kind: 'percent_every_purchase', percent: 15 },
        },
      ],
    },
  });
  const lines = [
    line('grovbrod', 5900, { quantity: 2, vatRate: 15, category: 'Brød' }),
    line('termokopp', 19900, { vatRate: 25 }),
  ];

  it.each([
    ['bronse', 'Bronse: 5 % medlemsrabatt', 1585],
    ['solv', 'Sølv: 10 % medlemsrabatt', 3170],
    ['gull', 'Gull: 15 % medlemsrabatt', 4755],
  ])('%s takes its percentage off every purchase', (levelId, reasonNb, discount) => {
    const level = prog.tiers!.levels.find((l) => l.id === levelId)!;
    const result = evaluateBasket(
      evaluateInput({ programme: prog, lines, member: member({ tier: tierOf(level) }) }),
    );
    expect(result.listOre).toBe(31700);
    expect(result.discountOre).toBe(discount);
    expect(result.totalOre).toBe(31700 - discount);
    expect(saidNbEn(result.benefits)).toEqual([
      expect.objectContaining({
        id: `tier:${levelId}`,
        kind: 'tier_discount',
        amountOre: discount,
      }),
    ]);
    expect(render(result.benefits[0]!.reason, 'nb')).toBe(reasonNb);
    expect(result.effects!.pointsEarned).toBe(Math.floor((31700 - discount) / 1000));
  });

  it('splits the Gull discount over the lines in proportion and keeps VAT exact', () => {
    const gull = prog.tiers!.levels[2]!;
    const result = evaluateBasket(
      evaluateInput({ programme: prog, lines, member: member({ tier: tierOf(gull) }) }),
    );
    expect(render(result.benefits[0]!.reason, 'en')).toBe('Gold: 15% member discount');
    expect(result.lines.map((l) => l.paidOre)).toEqual([10030, 16915]);
    expect(result.lines[0]!.discounts).toEqual([{ benefitId: 'tier:gull', amountOre: 1770 }]);
    expect(result.vat).toEqual([
      { rate: 25, grossOre: 16915, vatOre: 3383, netOre: 13532 },
      { rate: 15, grossOre: 10030, vatOre: 1308, netOre: 8722 },
    ]);
  });
});

describe('tier discount once per period', () => {
  const level = {
    id: 'gull',
    name: { nb: 'Gull', en: 'Gold' },
    threshold: 0,
    benefit: { kind: 'percent_once_per_period' as const, percent: 20 },
  };
  const prog = programme({
    tiers: { qualification: { kind: 'calendar_year' }, levels: [level] },
    stacking: { maxCouponsPerBasket: 1, tierDiscountWithCoupon: false },
  });
  const lines = [line('jakke', 100000)];

  it('applies only when chosen and still unused, and records the period', () => {
    const tier = tierOf(level, { periodKey: 'Y2026' });
    const chosen = evaluateBasket(
      evaluateInput({
        programme: prog,
        lines,
        member: member({ tier }),
        selections: selections({ useTierOnce: true }),
      }),
    );
    expect(chosen.totalOre).toBe(80000);
    expect(chosen.effects!.tierOnceUsed).toBe('Y2026');
    expect(render(chosen.benefits[0]!.reason, 'nb')).toBe(
      'Gull: 20 % medlemsrabatt (én gang i perioden)',
    );

    const notChosen = evaluateBasket(
      evaluateInput({ programme: prog, lines, member: member({ tier }) }),
    );
    expect(notChosen.totalOre).toBe(100000);
    expect(notChosen.effects!.tierOnceUsed).toBeNull();

    const used = tierOf(level, { oncePerPeriodAvailable: false });
    const again = evaluateBasket(
      evaluateInput({
        programme: prog,
        lines,
        member: member({ tier: used }),
        selections: selections({ useTierOnce: true }),
      }),
    );
    expect(again.totalOre).toBe(100000);
    expect(saidNbEn(again.rejected)).toEqual([
      expect.objectContaining({ ref: 'tier', code: 'tier_once_unavailable' }),
    ]);
  });

  it('is refused beside a coupon when the programme does not combine them', () => {
    const result = evaluateBasket(
      evaluateInput({
        programme: prog,
        lines,
        member: member({
          tier: tierOf(level),
          coupons: [
            coupon('W-m1', {
              name: { nb: 'Velkomstkupong', en: 'Welcome coupon' },
              benefit: { kind: 'percent', percent: 10 },
            }),
          ],
        }),
        selections: selections({ useTierOnce: true, couponIds: ['W-m1'] }),
      }),
    );
    expect(result.totalOre).toBe(90000);
    expect(result.effects!.tierOnceUsed).toBeNull();
    expect(saidNbEn(result.rejected)).toEqual([
      expect.objectContaining({
        ref: 'tier',
        code: 'tier_once_unavailable',
        reason: expect.objectContaining({ nb: 'Medlemsrabatten kan ikke kombineres med kupong' }),
      }),
    ]);
  });
});

describe('100 kr coupon for every 2000 kr', () => {
  const prog = programme({
    points: pointsPer10Kr,
    spendCoupons: [
      {
        id: 'hver-2000',
        everyOre: 200000,
        coupon: {
          name: { nb: '100 kr-kupong', en: 'NOK 100 coupon' },
          benefit: { kind: 'amount', amountOre: 10000 },
        },
      },
    ],
  });

  it('counts the paid spend of eligible lines (not gift cards, after member prices)', () => {
    const result = evaluateBasket(
      evaluateInput({
        programme: prog,
        lines: [
          line('jakke', 129900, { category: 'Yttertøy' }),
          line('genser', 79900, { category: 'Strikk', memberPriceOre: 69900 }),
          line('gavekort-500', 50000, { category: 'Gavekort', vatRate: 0 }),
        ],
      }),
    );
    expect(result.totalOre).toBe(249800);
    expect(result.effects!.qualifyingSpendOre).toBe(199800);
    expect(result.effects!.pointsEarned).toBe(199);
  });

  it('takes 100 kr off the next purchase with the issued coupon', () => {
    const spendCoupon = coupon('S-hver-2000-m1-1', prog.spendCoupons[0]!.coupon, {
      source: 'spend',
      ruleId: 'hver-2000',
    });
    const result = evaluateBasket(
      evaluateInput({
        programme: prog,
        member: member({ coupons: [spendCoupon] }),
        lines: [line('bukse', 89900), line('skjerf', 29900)],
        selections: selections({ couponIds: ['S-hver-2000-m1-1'] }),
      }),
    );
    expect(result.totalOre).toBe(109800);
    expect(saidNbEn(result.benefits)).toEqual([
      expect.objectContaining({ kind: 'coupon', couponId: 'S-hver-2000-m1-1', amountOre: 10000 }),
    ]);
    expect(render(result.benefits[0]!.reason, 'nb')).toBe('100 kr-kupong: 100,00 kr rabatt');
    expect(result.lines.map((l) => l.discounts[0]!.amountOre)).toEqual([7504, 2496]);
    expect(result.effects!.couponsRedeemed).toEqual(['S-hver-2000-m1-1']);
    expect(result.effects!.qualifyingSpendOre).toBe(109800);
  });
});

describe('every 8th bag of dog food free', () => {
  const prog = programme({
    points: pointsPer10Kr,
    punchCards: [
      {
        id: 'hundefor',
        name: { nb: 'Hundefôr', en: 'Dog food' },
        qualifying: { categories: ['Hundefôr'] },
        stamps: 7,
        reward: { kind: 'free_item' },
        capPerPurchase: 4,
      },
    ],
  });
  const bigBag = (quantity: number) =>
    line('adult-12kg', 69900, { name: 'Hundefôr Adult 12 kg', category: 'Hundefôr', quantity });
  const smallBag = line('valp-3kg', 24900, { name: 'Hundefôr Valp 3 kg', category: 'Hundefôr' });
  const chew = line('tyggebein', 4900, { name: 'Tyggebein', category: 'Godbiter' });

  it('makes the cheapest bag free; the free bag earns no stamp', () => {
    const card = {
      ...punchCard('hundefor', 2, 7, ['K-hundefor-m1-1']),
      name: { nb: 'Hundefôr', en: 'Dog food' },
    };
    const result = evaluateBasket(
      evaluateInput({
        programme: prog,
        member: member({ punchCards: [card] }),
        lines: [bigBag(2), smallBag, chew],
        selections: selections({ rewardIds: ['K-hundefor-m1-1'] }),
      }),
    );
    expect(saidNbEn(result.benefits)).toEqual([
      expect.objectContaining({
        kind: 'punch_reward',
        amountOre: 24900,
        rewardId: 'K-hundefor-m1-1',
        cardId: 'hundefor',
        reason: {
          nb: 'Klippekort Hundefôr: 8. hundefôr gratis',
          en: 'Punch card Dog food: 8th dog food free',
        },
      }),
    ]);
    expect(result.lines.map((l) => l.paidOre)).toEqual([139800, 0, 4900]);
    expect(result.effects!.rewardsRedeemed).toEqual(['K-hundefor-m1-1']);
    expect(result.effects!.stamps).toEqual([{ cardId: 'hundefor', count: 2 }]);
    expect(saidNbEn(result.earnedSummary)).toContainEqual({
      nb: '+2 stempler på Hundefôr (4/7)',
      en: '+2 stamps on Dog food (4/7)',
    });
  });

  it('gives one stamp per bag (quantity 3 = 3 stamps), up to the cap per purchase', () => {
    const three = evaluateBasket(evaluateInput({ programme: prog, lines: [bigBag(3), chew] }));
    expect(three.effects!.stamps).toEqual([{ cardId: 'hundefor', count: 3 }]);
    const six = evaluateBasket(evaluateInput({ programme: prog, lines: [bigBag(6)] }));
    expect(six.effects!.stamps).toEqual([{ cardId: 'hundefor', count: 4 }]);
    expect(six.effects!.lineEarnings![0]!.stampUnits).toEqual([{ cardId: 'hundefor', count: 6 }]);
  });

  it('refuses the reward when no bag is in the basket, and an unknown reward', () => {
    const result = evaluateBasket(
      evaluateInput({
        programme: prog,
        member: member({ punchCards: [punchCard('hundefor', 0, 7, ['K-hundefor-m1-1'])] }),
        lines: [chew],
        selections: selections({ rewardIds: ['K-hundefor-m1-1', 'K-hundefor-m1-9'] }),
      }),
    );
    expect(result.totalOre).toBe(4900);
    expect(result.rejected.map((r) => [r.ref, r.code])).toEqual([
      ['K-hundefor-m1-1', 'reward_no_matching_items'],
      ['K-hundefor-m1-9', 'reward_unknown'],
    ]);
  });
});

describe('punch card amount off and progress summary', () => {
  const prog = programme({
    punchCards: [
      {
        id: 'kaffe',
        name: { nb: 'Kaffe', en: 'Coffee' },
        qualifying: { categories: ['Kaffe'] },
        stamps: 9,
        reward: { kind: 'free_item' },
      },
      {
        id: 'brod',
        name: { nb: 'Brød', en: 'Bread' },
        qualifying: { categories: ['Brød'] },
        stamps: 10,
        reward: { kind: 'amount_off', amountOre: 10000 },
      },
    ],
  });
  const coffee = (quantity: number) =>
    line('kaffe', 4500, { category: 'Kaffe', vatRate: 15, quantity });

  it('"Klippekort Kaffe: 10. kaffe gratis" and "+2 stempler på Kaffe (7/9)"', () => {
    const result = evaluateBasket(
      evaluateInput({
        programme: prog,
        member: member({ punchCards: [punchCard('kaffe', 5, 9, ['K-kaffe-m1-1'])] }),
        lines: [coffee(3)],
        selections: selections({ rewardIds: ['K-kaffe-m1-1'] }),
      }),
    );
    expect(render(result.benefits[0]!.reason, 'nb')).toBe('Klippekort Kaffe: 10. kaffe gratis');
    expect(render(result.benefits[0]!.reason, 'sv')).toBe('Stämpelkort Kaffe: 10:e kaffe gratis');
    expect(render(result.earnedSummary[0]!, 'sv')).toBe('+2 stämplar på Kaffe (7/9)');
    expect(result.totalOre).toBe(9000);
    expect(saidNbEn(result.earnedSummary)).toEqual([
      { nb: '+2 stempler på Kaffe (7/9)', en: '+2 stamps on Coffee (7/9)' },
    ]);
  });

  it('says when the card fills', () => {
    const result = evaluateBasket(
      evaluateInput({
        programme: prog,
        member: member({ punchCards: [punchCard('kaffe', 8, 9)] }),
        lines: [coffee(3)],
      }),
    );
    expect(saidNbEn(result.earnedSummary)).toEqual([
      {
        nb: '+3 stempler på Kaffe: kortet er fullt, belønning klar (2/9)',
        en: '+3 stamps on Coffee: card full, reward ready (2/9)',
      },
    ]);
  });

  it('caps an amount-off reward at the qualifying lines', () => {
    const result = evaluateBasket(
      evaluateInput({
        programme: prog,
        member: member({ punchCards: [punchCard('brod', 0, 10, ['K-brod-m1-1'])] }),
        lines: [line('grovbrod', 5900, { category: 'Brød', vatRate: 15 }), coffee(1)],
        selections: selections({ rewardIds: ['K-brod-m1-1'] }),
      }),
    );
    expect(saidNbEn(result.benefits[0])).toMatchObject({
      amountOre: 5900,
      reason: { nb: 'Klippekort Brød: 100,00 kr rabatt' },
    });
    expect(result.lines.map((l) => l.paidOre)).toEqual([0, 4500]);
  });
});

describe('double points in a week', () => {
  const prog = programme({
    points: pointsPer10Kr,
    bonusCampaigns: [
      {
        id: 'dobbel-poeng',
        name: { nb: 'Dobbel poeng-uke', en: 'Double points week' },
        multiplier: 2,
        validFrom: '2026-10-05',
        validTo: '2026-10-11',
      },
    ],
  });
  const lines = [
    line('valp-3kg', 24900, { category: 'Hundefôr' }),
    line('tyggebein', 4500, { category: 'Godbiter' }),
  ];

  it('doubles the points inside the window (store-local days, inclusive)', () => {
    for (const now of [
      at('2026-10-05T00:10:00+02:00'),
      at('2026-10-08T12:00:00+02:00'),
      at('2026-10-11T23:50:00+02:00'),
    ]) {
      const result = evaluateBasket(evaluateInput({ programme: prog, lines, now }));
      expect(result.effects!.pointsEarned).toBe(58);
      expect(saidNbEn(result.effects!.pointsReasons)).toEqual([
        { points: 29, reason: { nb: '1 poeng per 10,00 kr', en: '1 point per NOK 10.00' } },
        {
          points: 29,
          reason: { nb: 'Dobbel poeng-uke: 2× poeng', en: 'Double points week: 2× points' },
        },
      ]);
    }
  });

  it('gives ordinary points outside the window', () => {
    for (const now of [at('2026-10-04T23:50:00+02:00'), at('2026-10-12T00:10:00+02:00')]) {
      const result = evaluateBasket(evaluateInput({ programme: prog, lines, now }));
      expect(result.effects!.pointsEarned).toBe(29);
    }
  });

  it('limits the bonus to the campaign categories and tiers', () => {
    const byCategory = programme({
      points: pointsPer10Kr,
      bonusCampaigns: [{ ...prog.bonusCampaigns[0]!, categories: ['Hundefôr'] }],
    });
    const now = at('2026-10-08T12:00:00+02:00');
    expect(
      evaluateBasket(evaluateInput({ programme: byCategory, lines, now })).effects!.pointsEarned,
    ).toBe(29 + 24);

    const goldOnly = programme({
      points: pointsPer10Kr,
      bonusCampaigns: [{ ...prog.bonusCampaigns[0]!, tiers: ['gull'] }],
    });
    expect(
      evaluateBasket(evaluateInput({ programme: goldOnly, lines, now })).effects!.pointsEarned,
    ).toBe(29);
  });

  it('limits the bonus to a segment', () => {
    const youngOnly = programme({
      points: pointsPer10Kr,
      bonusCampaigns: [{ ...prog.bonusCampaigns[0]!, segment: { maxAge: 30 } }],
    });
    const now = at('2026-10-08T12:00:00+02:00');
    // The view says which segmented bonus campaigns the member is in: it is read from a ledger.
    const viewBornIn = (birthDate: string) => {
      const m = memberEvents(`m-${birthDate}`);
      const base = m.enrolled(at('2026-01-05T12:00:00+01:00'));
      const ledger = foldMember([
        m.enrolled(base.payload.at, { profile: { ...base.payload.profile, birthDate } }),
      ]);
      return memberView(youngOnly, ledger!, now);
    };
    const young = viewBornIn('2000-05-01');
    const older = viewBornIn('1970-05-01');
    expect(
      evaluateBasket(evaluateInput({ programme: youngOnly, lines, now, member: young })).effects!
        .pointsEarned,
    ).toBe(58);
    expect(
      evaluateBasket(evaluateInput({ programme: youngOnly, lines, now, member: older })).effects!
        .pointsEarned,
    ).toBe(29);
  });
});

describe('10 % welcome coupon usable in the same visit', () => {
  const prog = programme({
    points: pointsPer10Kr,
    welcome: {
      coupon: {
        name: { nb: 'Velkomstkupong', en: 'Welcome coupon' },
        benefit: { kind: 'percent', percent: 10 },
      },
    },
  });
  const enrolledAt = at('2026-03-10T11:59:30+01:00');
  const welcome = coupon('W-m1', prog.welcome!.coupon, {
    source: 'welcome',
    ruleId: 'welcome',
    validFrom: enrolledAt,
    validTo: enrolledAt + 30 * DAY,
  });
  const fresh = member({ enrolledAt, coupons: [welcome] });
  const lines = [
    line('kanelbolle', 3900, { category: 'Bakst', vatRate: 15, quantity: 2 }),
    line('kaffe', 4500, { category: 'Kaffe', vatRate: 15 }),
  ];

  it('takes 10 % off the first purchase right after enrolment', () => {
    const result = evaluateBasket(
      evaluateInput({
        programme: prog,
        member: fresh,
        lines,
        now: enrolledAt + 30_000,
        selections: selections({ couponIds: ['W-m1'] }),
      }),
    );
    expect(result.totalOre).toBe(11070);
    expect(nbEn(result.benefits[0]!.reason)).toEqual({
      nb: 'Velkomstkupong: 10 % rabatt',
      en: 'Welcome coupon: 10% off',
    });
    // No Swedish name written for the coupon: its bokmål name, in Swedish wording.
    expect(render(result.benefits[0]!.reason, 'sv')).toBe('Velkomstkupong: 10 % rabatt');
    expect(result.effects!.couponsRedeemed).toEqual(['W-m1']);
    expect(result.effects!.pointsEarned).toBe(11);
    expect(saidNbEn(result.rejected)).toEqual([]);
  });

  it('is refused once its 30 days have passed', () => {
    const result = evaluateBasket(
      evaluateInput({
        programme: prog,
        member: fresh,
        lines,
        now: enrolledAt + 31 * DAY,
        selections: selections({ couponIds: ['W-m1'] }),
      }),
    );
    expect(result.totalOre).toBe(12300);
    expect(saidNbEn(result.rejected)).toEqual([
      expect.objectContaining({
        ref: 'W-m1',
        code: 'coupon_expired',
        reason: expect.objectContaining({ nb: 'Kupongen gikk ut 09.04.2026' }),
      }),
    ]);
  });
});

describe('coupons', () => {
  const tenPercent = coupon(
    'C-vaar-m1',
    { name: { nb: 'Vårkupong', en: 'Spring coupon' }, benefit: { kind: 'percent', percent: 10 } },
    { source: 'campaign', ruleId: 'vaar' },
  );
  const fiftyOff = coupon(
    'B-m1-2026',
    {
      name: { nb: 'Bursdagskupong', en: 'Birthday coupon' },
      benefit: { kind: 'amount', amountOre: 5000 },
    },
    { source: 'birthday' },
  );
  const lines = [line('genser', 60000)];

  it('allows one coupon per basket by default; the next is refused with the stacking limit', () => {
    const result = evaluateBasket(
      evaluateInput({
        lines,
        member: member({ coupons: [tenPercent, fiftyOff] }),
        selections: selections({ couponIds: ['C-vaar-m1', 'B-m1-2026'] }),
      }),
    );
    expect(result.totalOre).toBe(54000);
    expect(saidNbEn(result.benefits)).toEqual([
      expect.objectContaining({ couponId: 'C-vaar-m1', campaignId: 'vaar' }),
    ]);
    expect(saidNbEn(result.rejected)).toEqual([
      expect.objectContaining({
        ref: 'B-m1-2026',
        code: 'coupon_stacking_limit',
        reason: { nb: 'Bare 1 kupong per kjøp', en: 'Only 1 coupon per purchase' },
      }),
    ]);
  });

  it('stacks coupons in the order chosen when the programme allows', () => {
    const result = evaluateBasket(
      evaluateInput({
        programme: programme({
          stacking: { maxCouponsPerBasket: 2, tierDiscountWithCoupon: true },
        }),
        lines,
        member: member({ coupons: [tenPercent, fiftyOff] }),
        selections: selections({ couponIds: ['C-vaar-m1', 'B-m1-2026'] }),
      }),
    );
    expect(result.totalOre).toBe(60000 - 6000 - 5000);
    expect(result.effects!.couponsRedeemed).toEqual(['C-vaar-m1', 'B-m1-2026']);
  });

  it('measures the minimum basket after member prices and rewards', () => {
    const minimum = coupon('C-min-m1', {
      name: { nb: 'Kupong', en: 'Coupon' },
      benefit: { kind: 'amount', amountOre: 5000 },
      minBasketOre: 50000,
    });
    const pick = selections({ couponIds: ['C-min-m1'] });
    const belowAfterMemberPrice = evaluateBasket(
      evaluateInput({
        lines: [line('genser', 52000, { memberPriceOre: 45000 })],
        member: member({ coupons: [minimum] }),
        selections: pick,
      }),
    );
    expect(belowAfterMemberPrice.totalOre).toBe(45000);
    expect(saidNbEn(belowAfterMemberPrice.rejected)).toEqual([
      expect.objectContaining({
        code: 'coupon_min_basket',
        reason: {
          nb: 'Kupongen krever kjøp for minst 500,00 kr (kjøpet er 450,00 kr)',
          en: 'The coupon needs a purchase of at least NOK 500.00 (this one is NOK 450.00)',
        },
      }),
    ]);
    const enough = evaluateBasket(
      evaluateInput({
        lines: [line('genser', 52000)],
        member: member({ coupons: [minimum] }),
        selections: pick,
      }),
    );
    expect(enough.totalOre).toBe(47000);
  });

  it('gives a scoped discount only to matching lines', () => {
    const bakst = coupon('C-bakst-m1', {
      name: { nb: 'Bakstkupong', en: 'Pastry coupon' },
      benefit: { kind: 'percent', percent: 20 },
      scope: { categories: ['Bakst'] },
    });
    const result = evaluateBasket(
      evaluateInput({
        lines: [
          line('kanelbolle', 3900, { category: 'Bakst', quantity: 2 }),
          line('kaffe', 4500, { category: 'Kaffe' }),
        ],
        member: member({ coupons: [bakst] }),
        selections: selections({ couponIds: ['C-bakst-m1'] }),
      }),
    );
    expect(result.lines.map((l) => l.paidOre)).toEqual([6240, 4500]);
    expect(result.lines[1]!.discounts).toEqual([]);

    const nothing = evaluateBasket(
      evaluateInput({
        lines: [line('kaffe', 4500, { category: 'Kaffe' })],
        member: member({ coupons: [bakst] }),
        selections: selections({ couponIds: ['C-bakst-m1'] }),
      }),
    );
    expect(saidNbEn(nothing.rejected)).toEqual([
      expect.objectContaining({ code: 'coupon_no_matching_items' }),
    ]);
  });

  it('makes the cheapest matching unit free with a free-item coupon', () => {
    const cake = coupon('B-m1-2026', {
      name: { nb: 'Bursdagskupong', en: 'Birthday coupon' },
      benefit: { kind: 'free_item', scope: { categories: ['Bakst'] } },
    });
    const result = evaluateBasket(
      evaluateInput({
        lines: [
          line('gulrotkake', 6200, { name: 'Gulrotkake', category: 'Bakst' }),
          line('kanelbolle', 3900, { name: 'Kanelbolle', category: 'Bakst', quantity: 2 }),
        ],
        member: member({ coupons: [cake] }),
        selections: selections({ couponIds: ['B-m1-2026'] }),
      }),
    );
    expect(result.totalOre).toBe(6200 + 3900);
    expect(nbEn(result.benefits[0]!.reason)).toEqual({
      nb: 'Bursdagskupong: 1 Kanelbolle gratis',
      en: 'Birthday coupon: 1 Kanelbolle free',
    });
  });

  it('never takes a line below zero', () => {
    const big = coupon('C-big-m1', {
      name: { nb: 'Kupong', en: 'Coupon' },
      benefit: { kind: 'amount', amountOre: 10000 },
    });
    const result = evaluateBasket(
      evaluateInput({
        lines: [line('kaffe', 4500)],
        member: member({ coupons: [big] }),
        selections: selections({ couponIds: ['C-big-m1'] }),
      }),
    );
    expect(result.totalOre).toBe(0);
    expect(result.benefits[0]!.amountOre).toBe(4500);
  });

  it('refuses unknown, used, not-yet-valid and repeated coupons with the reason', () => {
    const used = coupon('C-used-m1', tenPercent.template, { usesLeft: 0 });
    const later = coupon('C-later-m1', tenPercent.template, {
      validFrom: at('2026-04-01T00:00:00+02:00'),
    });
    const result = evaluateBasket(
      evaluateInput({
        programme: programme({
          stacking: { maxCouponsPerBasket: 5, tierDiscountWithCoupon: true },
        }),
        lines,
        now: NOW,
        member: member({ coupons: [tenPercent, used, later] }),
        selections: selections({
          couponIds: ['C-nope-m1', 'C-used-m1', 'C-later-m1', 'C-vaar-m1', 'C-vaar-m1'],
        }),
      }),
    );
    expect(result.rejected.map((r) => [r.ref, r.code])).toEqual([
      ['C-nope-m1', 'coupon_unknown'],
      ['C-used-m1', 'coupon_used'],
      ['C-later-m1', 'coupon_not_yet_valid'],
      ['C-vaar-m1', 'coupon_used'],
    ]);
    expect(render(result.rejected[2]!.reason, 'nb')).toBe('Kupongen gjelder fra 01.04.2026');
    expect(render(result.rejected[2]!.reason, 'sv')).toBe('Kupongen gäller från 2026-04-01');
    expect(result.totalOre).toBe(54000);
  });
});

describe('points redemption', () => {
  const prog = programme({ points: { ...pointsPer10Kr, redeemValueOre: 10 } });
  const rich = member({ points: { balance: 5000, pending: 0, valueOre: 50000, nextExpiry: null } });

  it('takes the points the member picks, partially', () => {
    const result = evaluateBasket(
      evaluateInput({
        programme: prog,
        member: rich,
        lines: [line('genser', 10000)],
        selections: selections({ pointsToRedeem: 200 }),
      }),
    );
    expect(result.totalOre).toBe(8000);
    expect(result.effects!.pointsRedeemed).toBe(200);
    expect(saidNbEn(result.benefits[0])).toMatchObject({
      kind: 'points_redemption',
      points: 200,
      amountOre: 2000,
      reason: { nb: 'Betalt med 200 poeng (20,00 kr)' },
    });
  });

  it('earns no points on the part paid with points', () => {
    const result = evaluateBasket(
      evaluateInput({
        programme: prog,
        member: rich,
        lines: [line('genser', 10000)],
        selections: selections({ pointsToRedeem: 200 }),
      }),
    );
    expect(result.effects!.pointsEarned).toBe(8);
    expect(result.effects!.qualifyingSpendOre).toBe(8000);
  });

  it('clamps to what the basket can absorb and says so', () => {
    const result = evaluateBasket(
      evaluateInput({
        programme: prog,
        member: rich,
        lines: [line('kaffe', 1500)],
        selections: selections({ pointsToRedeem: 300 }),
      }),
    );
    expect(result.totalOre).toBe(0);
    expect(result.effects!.pointsRedeemed).toBe(150);
    expect(render(result.benefits[0]!.reason, 'nb')).toBe(
      'Betalt med 150 poeng (15,00 kr): 300 poeng valgt, men kjøpet rommer bare 150',
    );
    expect(result.effects!.pointsEarned).toBe(0);
  });

  it('refuses more than the balance, and points where they are not redeemable', () => {
    const tooMany = evaluateBasket(
      evaluateInput({
        programme: prog,
        member: rich,
        lines: [line('genser', 100000)],
        selections: selections({ pointsToRedeem: 5001 }),
      }),
    );
    expect(saidNbEn(tooMany.rejected)).toEqual([
      expect.objectContaining({ ref: 'points', code: 'points_insufficient' }),
    ]);
    expect(tooMany.totalOre).toBe(100000);

    const notRedeemable = evaluateBasket(
      evaluateInput({
        programme: programme({ points: pointsPer10Kr }),
        member: rich,
        lines: [line('genser', 100000)],
        selections: selections({ pointsToRedeem: 10 }),
      }),
    );
    expect(saidNbEn(notRedeemable.rejected)).toEqual([
      expect.objectContaining({ code: 'points_not_redeemable' }),
    ]);
  });
});

describe('cashback', () => {
  const prog = programme({
    cashback: { enabled: true, percent: 5, excludedCategories: ['Gavekort'] },
  });

  it('earns a percentage of the paid amount, not of the part paid with cashback', () => {
    const result = evaluateBasket(
      evaluateInput({
        programme: prog,
        member: member({ cashbackOre: 3000 }),
        lines: [
          line('genser', 10000),
          line('gavekort', 50000, { category: 'Gavekort', vatRate: 0 }),
        ],
        selections: selections({ cashbackToRedeemOre: 2000 }),
      }),
    );
    expect(result.totalOre).toBe(58000);
    expect(result.effects!.cashbackRedeemedOre).toBe(2000);
    // 2000 of cashback is spread 1/6 on the sweater (333) and 5/6 on the gift card.
    expect(result.lines[0]!.paidOre).toBe(9667);
    expect(result.effects!.cashbackEarnedOre).toBe(483);
    expect(saidNbEn(result.earnedSummary)).toContainEqual({
      nb: '+4,83 kr bonus',
      en: '+NOK 4.83 cashback',
    });
  });

  it('refuses more than the balance', () => {
    const result = evaluateBasket(
      evaluateInput({
        programme: prog,
        member: member({ cashbackOre: 1000 }),
        lines: [line('genser', 10000)],
        selections: selections({ cashbackToRedeemOre: 2000 }),
      }),
    );
    expect(saidNbEn(result.rejected)).toEqual([
      expect.objectContaining({ code: 'cashback_insufficient' }),
    ]);
    expect(result.totalOre).toBe(10000);
  });
});

describe('exclusion categories', () => {
  it('earn no points and no qualifying spend', () => {
    const result = evaluateBasket(
      evaluateInput({
        programme: programme({ points: pointsPer10Kr }),
        lines: [
          line('gavekort-500', 50000, { category: 'Gavekort', vatRate: 0 }),
          line('kaffe', 4500, { category: 'Kaffe', vatRate: 15 }),
        ],
      }),
    );
    expect(result.effects!.pointsEarned).toBe(4);
    expect(result.effects!.qualifyingSpendOre).toBe(4500);
    expect(result.effects!.lineEarnings!.map((l) => l.points)).toEqual([0, 4]);
    expect(result.effects!.categories).toEqual(['Gavekort', 'Kaffe']);
  });

  it('per-purchase points need an eligible line', () => {
    const prog = programme({
      points: { earn: { mode: 'per_purchase', points: 5 }, excludedCategories: ['Gavekort'] },
    });
    const giftOnly = evaluateBasket(
      evaluateInput({
        programme: prog,
        lines: [line('gavekort', 50000, { category: 'Gavekort' })],
      }),
    );
    expect(giftOnly.effects!.pointsEarned).toBe(0);
    const coffee = evaluateBasket(evaluateInput({ programme: prog, lines: [line('kaffe', 4500)] }));
    expect(coffee.effects!.pointsEarned).toBe(5);
    expect(saidNbEn(coffee.earnedSummary)).toEqual([{ nb: '+5 poeng', en: '+5 points' }]);
  });
});

describe('verification threshold', () => {
  const prog = programme({
    points: { ...pointsPer10Kr, redeemValueOre: 10 },
    verifyRedemptionAboveOre: 20000,
  });
  const rich = member({ points: { balance: 5000, pending: 0, valueOre: 50000, nextExpiry: null } });
  const lines = [line('jakke', 200000)];

  it('asks for verification of a large redemption by a member found by phone alone', () => {
    const big = selections({ pointsToRedeem: 2500 });
    const byPhone = evaluateBasket(
      evaluateInput({ programme: prog, member: rich, lines, selections: big, verified: false }),
    );
    expect(byPhone.needsVerification).toBe(true);
    expect(byPhone.totalOre).toBe(175000);
    expect(
      evaluateBasket(
        evaluateInput({ programme: prog, member: rich, lines, selections: big, verified: true }),
      ).needsVerification,
    ).toBe(false);
  });

  it('does not ask below the limit, nor for member prices and tier discounts', () => {
    const small = selections({ pointsToRedeem: 2000 });
    expect(
      evaluateBasket(
        evaluateInput({ programme: prog, member: rich, lines, selections: small, verified: false }),
      ).needsVerification,
    ).toBe(false);
    const gold = tierOf({
      id: 'gull',
      name: { nb: 'Gull', en: 'Gold' },
      threshold: 0,
      benefit: { kind: 'percent_every_purchase', percent: 15 },
    });
    const discounted = evaluateBasket(
      evaluateInput({
        programme: prog,
        member: member({ tier: gold }),
        lines: [line('jakke', 200000, { memberPriceOre: 150000 })],
        verified: false,
      }),
    );
    expect(discounted.discountOre).toBe(72500);
    expect(discounted.needsVerification).toBe(false);
  });

  it('is never asked when the programme sets no limit', () => {
    const noLimit = programme({
      points: { ...pointsPer10Kr, redeemValueOre: 10 },
      verifyRedemptionAboveOre: null,
    });
    expect(
      evaluateBasket(
        evaluateInput({
          programme: noLimit,
          member: rich,
          lines,
          selections: selections({ pointsToRedeem: 5000 }),
          verified: false,
        }),
      ).needsVerification,
    ).toBe(false);
  });
});

describe('VAT summary', () => {
  it('carves VAT out of each rate and sums to the total', () => {
    const result = evaluateBasket(
      evaluateInput({
        member: null,
        lines: [
          line('a', 12500, { vatRate: 25 }),
          line('b', 11500, { vatRate: 15 }),
          line('c', 5000, { vatRate: 0 }),
          line('d', 11200, { vatRate: 12 }),
        ],
      }),
    );
    expect(result.vat).toEqual([
      { rate: 25, grossOre: 12500, vatOre: 2500, netOre: 10000 },
      { rate: 15, grossOre: 11500, vatOre: 1500, netOre: 10000 },
      { rate: 12, grossOre: 11200, vatOre: 1200, netOre: 10000 },
      { rate: 0, grossOre: 5000, vatOre: 0, netOre: 5000 },
    ]);
    expect(result.totalOre).toBe(40200);
  });
});

describe('when earned points become available and expire', () => {
  it('expires after calendar months in the store zone (31 January + 1 month = 28 February)', () => {
    const prog = programme({ points: { ...pointsPer10Kr, lifetimeMonths: 1 } });
    const result = evaluateBasket(
      evaluateInput({
        programme: prog,
        lines: [line('a', 5000)],
        now: at('2026-01-31T12:00:00+01:00'),
      }),
    );
    expect(result.effects!.pointsExpireAt).toBe(at('2026-02-28T12:00:00+01:00'));
    expect(result.effects!.pointsAvailableAt).toBe(at('2026-01-31T12:00:00+01:00'));
  });

  it('holds points for the pending days across a summer-time change, and never expires when unlimited', () => {
    const prog = programme({ points: { ...pointsPer10Kr, lifetimeMonths: null, pendingDays: 14 } });
    const result = evaluateBasket(
      evaluateInput({
        programme: prog,
        lines: [line('a', 5000)],
        now: at('2026-03-20T12:00:00+01:00'),
      }),
    );
    expect(result.effects!.pointsAvailableAt).toBe(at('2026-04-03T12:00:00+02:00'));
    expect(result.effects!.pointsExpireAt).toBeNull();
  });
});

describe('non-discountable categories (gift cards)', () => {
  const gull = {
    id: 'gull',
    name: { nb: 'Gull', en: 'Gold' },
    threshold: 0,
    benefit: { kind: 'percent_every_purchase' as const, percent: 15 },
  };
  const prog = programme({
    points: { ...pointsPer10Kr, redeemValueOre: 100 },
    nonDiscountableCategories: ['Gavekort'],
    tiers: { qualification: { kind: 'calendar_year' }, levels: [gull] },
  });
  const lines = [
    line('gavekort-500', 50000, { vatRate: 0, category: 'Gavekort' }),
    line('kake', 20000, { vatRate: 15, category: 'Kaker' }),
  ];

  it('are sold at full price: tier discount, coupons and points touch only the other lines', () => {
    const welcome = coupon('W-m1', {
      name: { nb: 'Velkommen', en: 'Welcome' },
      benefit: { kind: 'percent', percent: 10 },
    });
    const result = evaluateBasket(
      evaluateInput({
        programme: prog,
        lines,
        member: member({
          tier: tierOf(prog.tiers!.levels[0]!),
          coupons: [welcome],
          points: { balance: 5000, pending: 0, valueOre: 500000, nextExpiry: null },
        }),
        selections: selections({ couponIds: ['W-m1'], pointsToRedeem: 5000 }),
      }),
    );
    const giftCard = result.lines.find((l) => l.sku === 'gavekort-500')!;
    expect(giftCard.paidOre).toBe(50000);
    expect(giftCard.discounts).toEqual([]);
    const cake = result.lines.find((l) => l.sku === 'kake')!;
    expect(cake.paidOre).toBe(0);
    expect(result.totalOre).toBe(50000);
  });

  it('refuses a coupon whose only matching lines are gift cards', () => {
    const giftOnly = [line('gavekort-500', 50000, { vatRate: 0, category: 'Gavekort' })];
    const result = evaluateBasket(
      evaluateInput({
        programme: prog,
        lines: giftOnly,
        member: member({
          coupons: [
            coupon('W-m1', {
              name: { nb: 'Rabatt', en: 'Off' },
              benefit: { kind: 'amount', amountOre: 5000 },
            }),
          ],
        }),
        selections: selections({ couponIds: ['W-m1'] }),
      }),
    );
    expect(result.totalOre).toBe(50000);
    expect(saidNbEn(result.rejected)).toEqual([
      expect.objectContaining({ ref: 'W-m1', code: 'coupon_no_matching_items' }),
    ]);
  });
});
