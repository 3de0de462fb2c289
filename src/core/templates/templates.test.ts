import { describe, expect, it } from 'vitest';
import { programmeTemplate, programmeTemplates, type ProgrammeTemplate } from './index';
import { Catalogue, type Product } from '../catalogue';
import { isValidEan13 } from '../ean13';
import { Programme, type ProductScope } from '../programme';
import { evaluateBasket } from '../basket/evaluate';
import { at, coupon, member, punchCard, selections, tierOf } from '../basket/test-fixtures';
import type { BasketLineInput } from '../basket-types';
import { render, saidNbEn } from '../../../test/helpers/said';

function basketLine(template: ProgrammeTemplate, sku: string, quantity = 1): BasketLineInput {
  const product = template.catalogue.find((p) => p.sku === sku);
  if (!product) throw new Error(`no ${sku} in ${template.id}`);
  return {
    lineId: `${sku}-${quantity}`,
    sku,
    name: product.name,
    category: product.category,
    quantity,
    unitPriceOre: product.priceOre,
    vatRate: product.vatRate,
    ...(product.memberPriceOre === undefined ? {} : { memberPriceOre: product.memberPriceOre }),
  };
}

function scopesOf(programme: Programme): ProductScope[] {
  const templates = [
    programme.welcome?.coupon,
    programme.birthday?.coupon,
    programme.referral?.reward.kind === 'coupon' ? programme.referral.reward.coupon : undefined,
    ...programme.spendCoupons.map((r) => r.coupon),
    ...programme.pointsOffers.map((o) => o.coupon),
    ...programme.campaigns.map((c) => c.coupon),
    ...(programme.tiers?.levels ?? []).map((l) =>
      l.benefit.kind === 'coupons_per_period' ? l.benefit.coupon : undefined,
    ),
  ].filter((t) => t !== undefined);
  return [
    ...programme.punchCards.map((c) => c.qualifying),
    ...templates.map((t) => t.scope),
    ...templates.flatMap((t) => (t.benefit.kind === 'free_item' ? [t.benefit.scope] : [])),
  ];
}

describe('programme templates', () => {
  it('are a bakery, a pet shop and a clothing store, found by id', () => {
    expect(programmeTemplates.map((t) => t.id)).toEqual(['bakeri', 'dyrebutikk', 'klesbutikk']);
    expect(programmeTemplate('dyrebutikk')?.name).toEqual({ nb: 'Dyrebutikk', en: 'Pet shop' });
    expect(programmeTemplate('frisor')).toBeNull();
  });

  describe.each(programmeTemplates.map((t) => [t.id, t] as const))('%s', (_id, template) => {
    it('is a valid programme and catalogue as they stand', () => {
      expect(Programme.parse(template.programme)).toEqual(template.programme);
      expect(Catalogue.parse(template.catalogue)).toEqual(template.catalogue);
    });

    it('has barcodes with valid EAN-13 check digits, none shared', () => {
      const codes = template.catalogue.flatMap((p) => p.barcodes);
      expect(codes.length).toBe(template.catalogue.length);
      for (const code of codes) expect(isValidEan13(code), code).toBe(true);
      expect(new Set(codes).size).toBe(codes.length);
    });

    it('names only products and categories the catalogue has', () => {
      const skus = new Set(template.catalogue.map((p) => p.sku));
      const categories = new Set(template.catalogue.map((p) => p.category));
      for (const scope of scopesOf(template.programme)) {
        for (const sku of scope.skus) expect(skus.has(sku), sku).toBe(true);
        for (const c of scope.categories) expect(categories.has(c), c).toBe(true);
      }
      const p = template.programme;
      for (const c of [
        ...(p.points?.excludedCategories ?? []),
        ...(p.cashback?.excludedCategories ?? []),
        ...p.bonusCampaigns.flatMap((b) => b.categories),
      ]) {
        expect(categories.has(c), c).toBe(true);
      }
    });

    it('sells gift cards VAT-free and excludes them from earning', () => {
      const giftCards = template.catalogue.filter((p: Product) => p.category === 'Gavekort');
      expect(giftCards.length).toBeGreaterThan(0);
      for (const g of giftCards) expect(g.vatRate).toBe(0);
      expect(template.programme.points?.excludedCategories).toContain('Gavekort');
      expect(template.programme.nonDiscountableCategories).toContain('Gavekort');
    });
  });
});

describe('the bakery template', () => {
  const bakery = programmeTemplate('bakeri')!;

  it('prices food at 15 % VAT, goods at 25 %, and has quick keys for coffee, bread and buns', () => {
    const food = ['Kaffe', 'Brød', 'Bakst', 'Kaker', 'Drikke'];
    for (const p of bakery.catalogue) {
      if (food.includes(p.category)) expect(p.vatRate, p.sku).toBe(15);
      else if (p.category !== 'Gavekort') expect(p.vatRate, p.sku).toBe(25);
    }
    const quick = bakery.catalogue.filter((p) => p.quickKey).map((p) => p.category);
    expect(quick.length).toBeGreaterThanOrEqual(6);
    expect(new Set(quick)).toEqual(new Set(['Kaffe', 'Brød', 'Bakst']));
  });

  it('has the Bronse 5 % / Sølv 10 % / Gull 15 % ladder and "10. kaffe gratis"', () => {
    const levels = bakery.programme.tiers!.levels.map((l) => [
      l.name.nb,
      l.benefit.kind === 'percent_every_purchase' ? l.benefit.percent : null,
    ]);
    expect(levels).toEqual([
      ['Bronse', 5],
      ['Sølv', 10],
      ['Gull', 15],
    ]);
    const result = evaluateBasket({
      programme: bakery.programme,
      lines: [basketLine(bakery, 'kaffe-stor', 2), basketLine(bakery, 'kanelbolle')],
      member: member({ punchCards: [punchCard('kaffe', 4, 9, ['K-kaffe-m1-1'])] }),
      verified: true,
      selections: selections({ rewardIds: ['K-kaffe-m1-1'] }),
      now: at('2026-03-10T08:15:00+01:00'),
    });
    expect(result.benefits.map((b) => render(b.reason, 'nb'))).toEqual([
      'Medlemspris Kanelbolle: 35,00 kr (ordinær pris 39,00 kr)',
      'Klippekort Kaffe: 10. kaffe gratis',
    ]);
    expect(result.totalOre).toBe(4500 + 3500);
    expect(saidNbEn(result.earnedSummary)).toContainEqual({
      nb: '+1 stempel på Kaffe (5/9)',
      en: '+1 stamp on Coffee (5/9)',
    });
  });

  it('gives 10 % off with the welcome coupon on the day of enrolment', () => {
    const enrolledAt = at('2026-03-10T08:14:00+01:00');
    const welcome = coupon('W-m1', bakery.programme.welcome!.coupon, {
      source: 'welcome',
      validFrom: enrolledAt,
      validTo: enrolledAt + bakery.programme.welcome!.coupon.validDays * 86_400_000,
    });
    const bronse = tierOf(bakery.programme.tiers!.levels[0]!);
    const result = evaluateBasket({
      programme: bakery.programme,
      lines: [basketLine(bakery, 'grovbrod'), basketLine(bakery, 'cappuccino')],
      member: member({ enrolledAt, coupons: [welcome], tier: bronse }),
      verified: false,
      selections: selections({ couponIds: ['W-m1'] }),
      now: enrolledAt + 60_000,
    });
    // 49 (member price) + 52 = 101 kr; 10 % = 10,10 kr; then Bronse 5 % of 90,90 = 4,55 kr.
    expect(result.benefits.map((b) => [b.kind, b.amountOre])).toEqual([
      ['member_price', 1000],
      ['coupon', 1010],
      ['tier_discount', 455],
    ]);
    expect(result.totalOre).toBe(8635);
    expect(result.effects!.pointsEarned).toBe(8);
  });
});

describe('the pet shop template', () => {
  const shop = programmeTemplate('dyrebutikk')!;

  it('every 8th bag of dog food free, and double points in the campaign week', () => {
    const lines = [basketLine(shop, 'hund-adult-12', 2), basketLine(shop, 'hund-adult-3')];
    const card = punchCard('hundefor', 6, 7, ['K-hundefor-m1-1']);
    const inWeek = evaluateBasket({
      programme: shop.programme,
      lines,
      member: member({ punchCards: [card] }),
      verified: true,
      selections: selections({ rewardIds: ['K-hundefor-m1-1'] }),
      now: at('2026-10-07T16:00:00+02:00'),
    });
    expect(render(inWeek.benefits.find((b) => b.kind === 'punch_reward')!.reason, 'nb')).toBe(
      'Klippekort Hundefôr: 8. hundefôr gratis',
    );
    // 2 × 649 (member price) paid, the 3 kg bag free.
    expect(inWeek.totalOre).toBe(129800);
    expect(inWeek.effects!.pointsEarned).toBe(129 * 2);
    expect(inWeek.effects!.stamps).toEqual([{ cardId: 'hundefor', count: 2 }]);

    const weekAfter = evaluateBasket({
      programme: shop.programme,
      lines,
      member: member(),
      verified: true,
      selections: selections(),
      now: at('2026-10-14T16:00:00+02:00'),
    });
    expect(weekAfter.effects!.pointsEarned).toBe(Math.floor(weekAfter.totalOre / 1000));
    expect(weekAfter.effects!.pointsAvailableAt).toBe(at('2026-10-28T16:00:00+01:00'));
  });
});

describe('the clothing store template', () => {
  const store = programmeTemplate('klesbutikk')!;

  it('has once-per-period and coupons-per-period tiers, cashback, birthday and referral', () => {
    const kinds = store.programme.tiers!.levels.map((l) => l.benefit.kind);
    expect(kinds).toContain('percent_once_per_period');
    expect(kinds).toContain('coupons_per_period');
    expect(store.programme.cashback).toMatchObject({ enabled: true, percent: 5 });
    expect(store.programme.birthday?.enabled).toBe(true);
    expect(store.programme.referral?.enabled).toBe(true);
  });

  it('earns 5 % cashback and applies Sølv 20 % once, not beside a coupon', () => {
    const solv = tierOf(store.programme.tiers!.levels[1]!, { periodKey: 'Y2026' });
    const lines = [basketLine(store, 'vinterjakke'), basketLine(store, 'skjerf-ull')];
    const result = evaluateBasket({
      programme: store.programme,
      lines,
      member: member({ tier: solv }),
      verified: true,
      selections: selections({ useTierOnce: true }),
      now: at('2026-11-20T13:00:00+01:00'),
    });
    // 2199 (member price) + 399 = 2598 kr; 20 % = 519,60 kr; 5 % cashback of 2078,40 kr.
    expect(result.totalOre).toBe(259800 - 51960);
    expect(result.effects!.tierOnceUsed).toBe('Y2026');
    expect(result.effects!.cashbackEarnedOre).toBe(10392);

    const withCoupon = evaluateBasket({
      programme: store.programme,
      lines,
      member: member({
        tier: solv,
        coupons: [coupon('B-m1-2026', store.programme.birthday!.coupon, { source: 'birthday' })],
      }),
      verified: true,
      selections: selections({ useTierOnce: true, couponIds: ['B-m1-2026'] }),
      now: at('2026-11-20T13:00:00+01:00'),
    });
    expect(withCoupon.effects!.tierOnceUsed).toBeNull();
    expect(withCoupon.rejected.map((r) => r.code)).toEqual(['tier_once_unavailable']);
  });
});
