/**
 * A clothing store: 5 % cashback to spend on later purchases, points (1 per
 * krone) that only count toward the tiers, a Sølv level with 20 % once a year
 * and a Gull level with two 15 % coupons a year, birthday and refer-a-friend
 * coupons, and an autumn campaign on outerwear.
 *
 * VAT: clothing 25 %, gift cards 0 %.
 */
import { Programme } from '../programme';
import { demoCatalogue } from './demo-products';
import type { ProgrammeTemplate } from './template';

const programme = Programme.parse({
  name: 'Klesbutikken',
  termsVersion: '2026-01',
  memberNumberPrefix: '27',
  nonDiscountableCategories: ['Gavekort'],
  points: {
    earn: { mode: 'per_amount', orePerStep: 100, pointsPerStep: 1 },
    excludedCategories: ['Gavekort'],
    lifetimeMonths: 12,
    pendingDays: 30,
    redeemValueOre: 0,
  },
  cashback: { enabled: true, percent: 5, excludedCategories: ['Gavekort'] },
  tiers: {
    qualification: { kind: 'calendar_year' },
    levels: [
      {
        id: 'medlem',
        name: { nb: 'Medlem', en: 'Member' },
        threshold: 0,
        benefit: { kind: 'none' },
      },
      {
        id: 'solv',
        name: { nb: 'Sølv', en: 'Silver' },
        threshold: 5_000,
        benefit: { kind: 'percent_once_per_period', percent: 20 },
      },
      {
        id: 'gull',
        name: { nb: 'Gull', en: 'Gold' },
        threshold: 15_000,
        benefit: {
          kind: 'coupons_per_period',
          count: 2,
          coupon: {
            name: { nb: 'Gull-kupong', en: 'Gold coupon' },
            benefit: { kind: 'percent', percent: 15 },
            validDays: 180,
          },
        },
      },
    ],
  },
  welcome: {
    coupon: {
      name: { nb: 'Velkomstkupong', en: 'Welcome coupon' },
      benefit: { kind: 'percent', percent: 10 },
      validDays: 30,
    },
  },
  birthday: {
    issueDaysBefore: 7,
    validDaysAfter: 14,
    coupon: {
      name: { nb: 'Bursdagskupong', en: 'Birthday coupon' },
      benefit: { kind: 'percent', percent: 20 },
    },
  },
  referral: {
    reward: {
      kind: 'coupon',
      coupon: {
        name: { nb: 'Verv en venn', en: 'Refer a friend' },
        benefit: { kind: 'amount', amountOre: 10_000 },
        minBasketOre: 50_000,
        validDays: 90,
      },
    },
    monthlyCap: 5,
  },
  campaigns: [
    {
      id: 'host26',
      coupon: {
        name: { nb: 'Høstsalg yttertøy', en: 'Autumn sale outerwear' },
        benefit: { kind: 'percent', percent: 20 },
        scope: { categories: ['Yttertøy'] },
      },
      validFrom: '2026-09-01',
      validTo: '2026-09-30',
      code: 'HOST26',
    },
  ],
  stacking: { maxCouponsPerBasket: 1, tierDiscountWithCoupon: false },
});

const catalogue = demoCatalogue('7040563', [
  { sku: 'jeans-slim-bla', name: 'Jeans Slim, blå', category: 'Bukser', kroner: 899, vatRate: 25 },
  {
    sku: 'jeans-regular-svart',
    name: 'Jeans Regular, svart',
    category: 'Bukser',
    kroner: 899,
    vatRate: 25,
  },
  { sku: 'chino-beige', name: 'Chinos, beige', category: 'Bukser', kroner: 699, vatRate: 25 },
  {
    sku: 't-skjorte-hvit',
    name: 'T-skjorte, hvit',
    category: 'Overdeler',
    kroner: 199,
    memberKroner: 149,
    vatRate: 25,
  },
  { sku: 'skjorte-lin', name: 'Linskjorte', category: 'Overdeler', kroner: 599, vatRate: 25 },
  {
    sku: 'ullgenser-marius',
    name: 'Ullgenser, mariusmønster',
    category: 'Strikk',
    kroner: 1299,
    vatRate: 25,
  },
  { sku: 'strikkelue', name: 'Strikkelue', category: 'Strikk', kroner: 299, vatRate: 25 },
  {
    sku: 'vinterjakke',
    name: 'Vinterjakke',
    category: 'Yttertøy',
    kroner: 2499,
    memberKroner: 2199,
    vatRate: 25,
  },
  { sku: 'regnjakke', name: 'Regnjakke', category: 'Yttertøy', kroner: 1499, vatRate: 25 },
  { sku: 'skjerf-ull', name: 'Skjerf, ull', category: 'Tilbehør', kroner: 399, vatRate: 25 },
  { sku: 'sokker-3pk', name: 'Sokker, 3-pk.', category: 'Tilbehør', kroner: 149, vatRate: 25 },
  { sku: 'belte-skinn', name: 'Belte, skinn', category: 'Tilbehør', kroner: 449, vatRate: 25 },
  { sku: 'gavekort-500', name: 'Gavekort 500 kr', category: 'Gavekort', kroner: 500, vatRate: 0 },
  {
    sku: 'gavekort-1000',
    name: 'Gavekort 1000 kr',
    category: 'Gavekort',
    kroner: 1000,
    vatRate: 0,
  },
]);

export const clothingStore: ProgrammeTemplate = {
  id: 'klesbutikk',
  name: { nb: 'Klesbutikk', en: 'Clothing store' },
  programme,
  catalogue,
};
