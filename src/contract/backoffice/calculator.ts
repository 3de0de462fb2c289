/**
 * The loyalty calculator's baseline from the chain's own data
 * ("Hent fra kjedens tall"): average basket, visits a year and time as a
 * customer of the members, read from the cloud's projections over the last
 * year (cloud/backoffice/calculator-baseline.ts says how each is reckoned).
 * For the chain, or chosen stores; a store manager's are their own stores.
 *
 * Each figure comes with what it was worked out from, so the page shows how
 * it was got, or with why it cannot be given (too little data) instead of a
 * figure that would mean nothing.
 */
import { z } from 'zod';
import { boCommand, returns } from './define';
import { Id } from './schemas';

/** Why a figure cannot be worked out from the chain's data. */
export type BaselineShortfall =
  /** The chain has no members yet. */
  | 'noMembers'
  /** No member has bought anything in the year read (at the stores chosen). */
  | 'noPurchases'
  /**
   * The members' purchases do not go back far enough: a whole year for visits
   * a year (they would be too few), the lost threshold's days before the year
   * for time as a customer.
   */
  | 'tooShort'
  /** Nobody was a customer at the start of the year read (no purchase in the status days before it). */
  | 'noCustomersThen'
  /** None of the customers at the start of the year has been lost since: life is longer than a year's data tells. */
  | 'noneLost';

export interface BoBaselineBasket {
  /** The members' net sales (voids and returns taken off) in the year, in øre. */
  salesOre: number;
  /** Their receipts (visits): sales less voided ones. */
  receipts: number;
  /** salesOre / receipts, rounded to whole øre. */
  basketOre: number;
}

export interface BoBaselineVisits {
  receipts: number;
  /** Members who bought at least once in the year. */
  buyers: number;
  /** receipts / buyers, in hundredths of a visit (rounded). */
  visitsHundredths: number;
}

export interface BoBaselineLife {
  /** Members who were customers at the start of the year (bought within the lost threshold before it). */
  customersThen: number;
  /** Of those, lost now (no purchase for the lost threshold's days). */
  lostSince: number;
  /** lostSince / customersThen, in tenths of a per cent (rounded): the year's churn. */
  churnPerMille: number;
  /** 1 / churn in years, as hundredths of a month (whole hundredths of a year: × 12), at most 100 years. */
  monthsHundredths: number;
}

export type BaselineFigure<T> = ({ ok: true } & T) | { ok: false; shortfall: BaselineShortfall };

export interface BoCalculatorBaseline {
  /** The year read, as Oslo dates (both included): 365 days up to today. */
  fromDay: string;
  toDay: string;
  /** The stores read (all the account reaches when none were chosen). */
  storeIds: string[];
  /** Days without a purchase after which a member is lost (the programme's status threshold). */
  lostAfterDays: number;
  /** Members of the chain (merged ones apart). */
  members: number;
  /** The Oslo date of the first member purchase at these stores (null: none). */
  firstPurchaseDay: string | null;
  basket: BaselineFigure<BoBaselineBasket>;
  visits: BaselineFigure<BoBaselineVisits>;
  life:
    | BaselineFigure<BoBaselineLife>
    /** None lost: how many were customers then (the page says none of them is lost). */
    | { ok: false; shortfall: 'noneLost'; customersThen: number };
}

export const calculatorCommands = {
  /** The baseline from the members' sales of the last year, for the chain or chosen stores. */
  'calculator.baseline': boCommand({
    input: z.object({
      /** Absent or empty: every store the account reaches. */
      storeIds: z.array(Id()).max(500).optional(),
    }),
    output: returns<BoCalculatorBaseline>(),
    role: 'store_manager',
    scope: 'stores',
    access: 'read',
  }),
} as const;
