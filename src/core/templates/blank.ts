/**
 * A blank store: no products (added or imported later in the catalogue, each at
 * one of Norway's VAT rates, 25, 15, 12 or 0 %: `VAT_RATES` in catalogue.ts) and
 * a plain programme: one point per 10 kr, kept 24 months, not yet worth anything
 * at the till, no tiers, coupons or punch cards until the store adds them.
 */
import { Programme } from '../programme';
import type { ProgrammeTemplate } from './template';

const programme = Programme.parse({
  name: 'Butikken',
  termsVersion: '1',
  memberNumberPrefix: '29',
  points: {
    earn: { mode: 'per_amount', orePerStep: 1000, pointsPerStep: 1 },
    lifetimeMonths: 24,
  },
});

export const blank: ProgrammeTemplate = {
  id: 'blank',
  name: { nb: 'Tom butikk', en: 'Blank store', sv: 'Tom butik' },
  programme,
  catalogue: [],
};
