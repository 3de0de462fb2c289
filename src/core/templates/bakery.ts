/**
 * A bakery with a café counter: coffee and bread punch cards, 1 point per 10 kr
 * (each worth 50 øre at the till: 100 points take 50 kr off), the
 * Bronse/Sølv/Gull ladder from the seeds, a welcome and a birthday coupon,
 * "100 kr for every 2000 kr", and a free coffee bought with points.
 *
 * VAT: take-away food and drink 15 %, goods 25 %, gift cards 0 % (a
 * multi-purpose voucher is taxed when it is spent, not when it is sold).
 */
import { Programme } from '../programme';
import { demoCatalogue } from './demo-products';
import type { ProgrammeTemplate } from './template';

const programme = Programme.parse({
  name: 'Bakeriet',
  termsVersion: '2026-01',
  memberNumberPrefix: '29',
  nonDiscountableCategories: ['Gavekort'],
  points: {
    earn: { mode: 'per_amount', orePerStep: 1000, pointsPerStep: 1 },
    excludedCategories: ['Gavekort'],
    lifetimeMonths: 24,
    pendingDays: 0,
    // 5 % back in points; the free coffee (50 points) is still the better buy.
    redeemValueOre: 50,
  },
  tiers: {
    qualification: { kind: 'rolling', years: 1 },
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
        threshold: 500,
        benefit: { kind: 'percent_every_purchase', percent: 10 },
      },
      {
        id: 'gull',
        name: { nb: 'Gull', en: 'Gold' },
        threshold: 1500,
        benefit: { kind: 'percent_every_purchase', percent: 15 },
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
    validDaysAfter: 7,
    coupon: {
      name: { nb: 'Bursdagskupong', en: 'Birthday coupon' },
      benefit: { kind: 'free_item', scope: { categories: ['Kaker'] } },
    },
  },
  spendCoupons: [
    {
      id: 'hver-2000',
      everyOre: 200_000,
      coupon: {
        name: { nb: '100 kr-kupong', en: 'NOK 100 coupon' },
        benefit: { kind: 'amount', amountOre: 10_000 },
        validDays: 90,
      },
    },
  ],
  pointsOffers: [
    {
      id: 'gratis-kaffe',
      costPoints: 50,
      coupon: {
        name: { nb: 'Gratis kaffe', en: 'Free coffee' },
        benefit: { kind: 'free_item', scope: { categories: ['Kaffe'] } },
        validDays: 60,
      },
    },
  ],
  // "10. kaffe gratis": nine stamps fill the card, the tenth coffee is the reward.
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
      stamps: 9,
      reward: { kind: 'free_item' },
      capPerPurchase: 2,
    },
  ],
});

const catalogue = demoCatalogue('7040121', [
  {
    sku: 'kaffe-liten',
    name: 'Kaffe, liten',
    category: 'Kaffe',
    kroner: 39,
    vatRate: 15,
    quickKey: true,
  },
  {
    sku: 'kaffe-stor',
    name: 'Kaffe, stor',
    category: 'Kaffe',
    kroner: 45,
    vatRate: 15,
    quickKey: true,
  },
  {
    sku: 'cappuccino',
    name: 'Cappuccino',
    category: 'Kaffe',
    kroner: 52,
    vatRate: 15,
    quickKey: true,
  },
  {
    sku: 'caffe-latte',
    name: 'Caffè latte',
    category: 'Kaffe',
    kroner: 55,
    vatRate: 15,
    quickKey: true,
  },
  { sku: 'te', name: 'Te', category: 'Kaffe', kroner: 35, vatRate: 15 },
  {
    sku: 'grovbrod',
    name: 'Grovbrød',
    category: 'Brød',
    kroner: 59,
    memberKroner: 49,
    vatRate: 15,
    quickKey: true,
  },
  {
    sku: 'kneippbrod',
    name: 'Kneippbrød',
    category: 'Brød',
    kroner: 49,
    vatRate: 15,
    quickKey: true,
  },
  { sku: 'surdeigsbrod', name: 'Surdeigsbrød', category: 'Brød', kroner: 69, vatRate: 15 },
  { sku: 'fransk-loff', name: 'Fransk loff', category: 'Brød', kroner: 42, vatRate: 15 },
  {
    sku: 'rundstykker-6',
    name: 'Rundstykker, 6 stk.',
    category: 'Brød',
    kroner: 45,
    vatRate: 15,
    quickKey: true,
  },
  {
    sku: 'kanelbolle',
    name: 'Kanelbolle',
    category: 'Bakst',
    kroner: 39,
    memberKroner: 35,
    vatRate: 15,
    quickKey: true,
  },
  {
    sku: 'skolebolle',
    name: 'Skolebolle',
    category: 'Bakst',
    kroner: 42,
    vatRate: 15,
    quickKey: true,
  },
  { sku: 'skillingsbolle', name: 'Skillingsbolle', category: 'Bakst', kroner: 39, vatRate: 15 },
  { sku: 'kardemommebolle', name: 'Kardemommebolle', category: 'Bakst', kroner: 36, vatRate: 15 },
  { sku: 'croissant', name: 'Croissant', category: 'Bakst', kroner: 32, vatRate: 15 },
  { sku: 'gulrotkake', name: 'Gulrotkake, stykke', category: 'Kaker', kroner: 62, vatRate: 15 },
  { sku: 'napoleonskake', name: 'Napoleonskake', category: 'Kaker', kroner: 58, vatRate: 15 },
  {
    sku: 'kvaefjordkake',
    name: 'Kvæfjordkake, hel',
    category: 'Kaker',
    kroner: 449,
    memberKroner: 399,
    vatRate: 15,
  },
  { sku: 'eplejuice', name: 'Eplejuice 0,33 l', category: 'Drikke', kroner: 35, vatRate: 15 },
  { sku: 'farris', name: 'Farris 0,5 l', category: 'Drikke', kroner: 32, vatRate: 15 },
  { sku: 'termokopp', name: 'Termokopp', category: 'Varer', kroner: 199, vatRate: 25 },
  { sku: 'baerepose', name: 'Bærepose', category: 'Varer', kroner: 3, vatRate: 25 },
  { sku: 'gavekort-200', name: 'Gavekort 200 kr', category: 'Gavekort', kroner: 200, vatRate: 0 },
  { sku: 'gavekort-500', name: 'Gavekort 500 kr', category: 'Gavekort', kroner: 500, vatRate: 0 },
]);

export const bakery: ProgrammeTemplate = {
  id: 'bakeri',
  name: { nb: 'Bakeri', en: 'Bakery' },
  programme,
  catalogue,
};
