/**
 * A pet shop: "every 8th bag of dog food free", points worth money at the till
 * (1 point per 10 kr, 100 points = 10 kr) and a double-points week.
 *
 * VAT: animal feed is not food for people, so it carries the standard 25 %
 * like everything else here; gift cards 0 %.
 */
import { Programme } from '../programme';
import { demoCatalogue } from './demo-products';
import type { ProgrammeTemplate } from './template';

const programme = Programme.parse({
  name: 'Dyrebutikken',
  termsVersion: '2026-01',
  memberNumberPrefix: '28',
  nonDiscountableCategories: ['Gavekort'],
  points: {
    earn: { mode: 'per_amount', orePerStep: 1000, pointsPerStep: 1 },
    excludedCategories: ['Gavekort'],
    lifetimeMonths: 12,
    // Held for the 14-day return window before they can be spent.
    pendingDays: 14,
    redeemValueOre: 10,
  },
  // "Få hver 8. dyrefor gratis": seven stamps fill the card, the eighth bag is the reward.
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
  bonusCampaigns: [
    {
      id: 'dobbel-poeng-uke',
      name: { nb: 'Dobbel poeng-uke', en: 'Double points week' },
      multiplier: 2,
      validFrom: '2026-10-05',
      validTo: '2026-10-11',
    },
  ],
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
      benefit: { kind: 'free_item', scope: { categories: ['Godbiter'] } },
    },
  },
});

const catalogue = demoCatalogue('7040342', [
  {
    sku: 'hund-adult-12',
    name: 'Hundefôr Adult 12 kg',
    category: 'Hundefôr',
    kroner: 699,
    memberKroner: 649,
    vatRate: 25,
  },
  {
    sku: 'hund-adult-3',
    name: 'Hundefôr Adult 3 kg',
    category: 'Hundefôr',
    kroner: 249,
    vatRate: 25,
  },
  {
    sku: 'hund-valp-12',
    name: 'Hundefôr Valp 12 kg',
    category: 'Hundefôr',
    kroner: 749,
    vatRate: 25,
  },
  {
    sku: 'hund-senior-12',
    name: 'Hundefôr Senior 12 kg',
    category: 'Hundefôr',
    kroner: 729,
    vatRate: 25,
  },
  {
    sku: 'hund-kornfri-10',
    name: 'Hundefôr Kornfri 10 kg',
    category: 'Hundefôr',
    kroner: 899,
    vatRate: 25,
  },
  {
    sku: 'katt-torr-2',
    name: 'Kattemat tørrfôr 2 kg',
    category: 'Kattemat',
    kroner: 229,
    vatRate: 25,
  },
  {
    sku: 'katt-vat-12',
    name: 'Kattemat våtfôr 12 × 85 g',
    category: 'Kattemat',
    kroner: 129,
    vatRate: 25,
  },
  { sku: 'tyggebein-3', name: 'Tyggebein, 3 stk.', category: 'Godbiter', kroner: 79, vatRate: 25 },
  {
    sku: 'tannpleie-7',
    name: 'Tannpleiestaver, 7 stk.',
    category: 'Godbiter',
    kroner: 59,
    vatRate: 25,
  },
  { sku: 'tauleke', name: 'Tauleke', category: 'Leker', kroner: 99, vatRate: 25 },
  { sku: 'ball-pip', name: 'Ball med pip', category: 'Leker', kroner: 69, vatRate: 25 },
  { sku: 'hundeband-2m', name: 'Hundebånd 2 m', category: 'Utstyr', kroner: 249, vatRate: 25 },
  { sku: 'hundeseng-m', name: 'Hundeseng, medium', category: 'Utstyr', kroner: 599, vatRate: 25 },
  { sku: 'kattesand-10', name: 'Kattesand 10 l', category: 'Utstyr', kroner: 149, vatRate: 25 },
  { sku: 'gavekort-500', name: 'Gavekort 500 kr', category: 'Gavekort', kroner: 500, vatRate: 0 },
]);

export const petShop: ProgrammeTemplate = {
  id: 'dyrebutikk',
  name: { nb: 'Dyrebutikk', en: 'Pet shop' },
  programme,
  catalogue,
};
