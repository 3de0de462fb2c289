/**
 * The loyalty calculator's baseline from the chain's own data (issue 16,
 * point 5; "Hent fra kjedens tall"), read from the sales projection
 * (`sale_facts`, migration 013) at the stores chosen, members' sales only:
 *
 * - The year read: the 365 local days up to and including today.
 * - Kroner per visit: the members' net sales in the year (voids and returns
 *   taken off, each booked on its own day, as the reports book them) divided
 *   by their receipts (sales less voids).
 * - Visits a year: those receipts divided by the members who bought in the
 *   year (net receipts above 0). Only when the members' purchases go back a
 *   whole year: a younger chain's members have not had a year to come back.
 * - Years as a customer: 1 / the year's churn. The cohort is the members who
 *   were customers the day before the year read (a purchase within the
 *   programme's "lost" threshold, `memberStatusDays.lapsing`, 180 days by
 *   default, before it); churn is the share of them who are lost today (no
 *   purchase in the threshold's days up to today). With a constant yearly
 *   churn p, a customer stays 1/p years on average. Members who were lost and
 *   came back within the year are not churn (they are customers today), and
 *   members who joined during the year are not in the cohort, so a growing
 *   chain does not look like a faithful one. A member is lost as the status
 *   figures say (src/core/member/segment.ts `memberStatus`), counted in whole
 *   local days here.
 *
 * A purchase is a sale that was not voided (where or whenever the void was
 * made). At a store manager's stores, "bought" and "lost" mean at those
 * stores. When a figure cannot be worked out it says why (BaselineShortfall)
 * instead.
 */
import type {
  BaselineFigure,
  BoBaselineBasket,
  BoBaselineVisits,
  BoCalculatorBaseline,
} from '../../src/contract/backoffice/calculator';
import { CALCULATOR_LIMITS } from '../../src/core/loyalty-calculator';
import { MEMBER_STATUS_DAYS } from '../../src/core/member';
import { addDays, isoDate, localDateOf, parseIsoDate } from '../../src/core/time';
import type { Queryable } from '../db/database';
import { toInt } from '../db/database';
import { programmeInForce } from '../programme';

/** Days in the year read. */
export const BASELINE_DAYS = 365;

export interface BaselineWhere {
  chainId: string;
  /** The stores read (already checked against the account's scope). */
  storeIds: readonly string[];
  now: number;
}

/** The counts the figures are worked out from (what the SQL answers). */
export interface BaselineCounts {
  members: number;
  salesOre: number;
  receipts: number;
  buyers: number;
  firstPurchaseDay: string | null;
  customersThen: number;
  lostSince: number;
}

/** The dates the year, the cohort and "lost" are read over, from today and the lost threshold. */
export function baselineDays(today: string, lostAfterDays: number) {
  const day = parseIsoDate(today);
  const fromDay = isoDate(addDays(day, -(BASELINE_DAYS - 1)));
  return {
    fromDay,
    toDay: today,
    /** Customers then: a purchase in [cohortFrom, cohortTo], the threshold's days before the year. */
    cohortFrom: isoDate(addDays(day, -(BASELINE_DAYS - 1) - lostAfterDays)),
    cohortTo: isoDate(addDays(day, -BASELINE_DAYS)),
    /** Lost today: no purchase after this day (the threshold's days up to today bought nothing). */
    lostIfNoneAfter: isoDate(addDays(day, -lostAfterDays)),
  };
}

/** n / d rounded half up, for n ≥ 0 and d > 0 (exact in BigInt). */
function rounded(n: number, d: number): number {
  const big = (2n * BigInt(n) + BigInt(d)) / (2n * BigInt(d));
  return Number(big);
}

/** The figures from the counts, or why each cannot be given. */
export function baselineFigures(
  counts: BaselineCounts,
  days: ReturnType<typeof baselineDays>,
): Pick<BoCalculatorBaseline, 'basket' | 'visits' | 'life'> {
  if (counts.members === 0) {
    const none = { ok: false, shortfall: 'noMembers' } as const;
    return { basket: none, visits: none, life: none };
  }
  const noPurchases = counts.receipts <= 0 || counts.salesOre <= 0 || counts.buyers === 0;
  const basket: BaselineFigure<BoBaselineBasket> = noPurchases
    ? { ok: false, shortfall: 'noPurchases' }
    : {
        ok: true,
        salesOre: counts.salesOre,
        receipts: counts.receipts,
        basketOre: Math.min(
          rounded(counts.salesOre, counts.receipts),
          CALCULATOR_LIMITS.maxBasketOre,
        ),
      };
  const aYearBack = counts.firstPurchaseDay !== null && counts.firstPurchaseDay <= days.fromDay;
  const visits: BaselineFigure<BoBaselineVisits> = noPurchases
    ? { ok: false, shortfall: 'noPurchases' }
    : !aYearBack
      ? { ok: false, shortfall: 'tooShort' }
      : {
          ok: true,
          receipts: counts.receipts,
          buyers: counts.buyers,
          visitsHundredths: Math.min(
            rounded(counts.receipts * 100, counts.buyers),
            CALCULATOR_LIMITS.maxVisitsHundredths,
          ),
        };
  let life: BoCalculatorBaseline['life'];
  if (counts.firstPurchaseDay === null) life = { ok: false, shortfall: 'noPurchases' };
  else if (counts.firstPurchaseDay > days.cohortTo) life = { ok: false, shortfall: 'tooShort' };
  else if (counts.customersThen === 0) life = { ok: false, shortfall: 'noCustomersThen' };
  else if (counts.lostSince === 0)
    life = { ok: false, shortfall: 'noneLost', customersThen: counts.customersThen };
  else {
    // Years as a customer = customersThen / lostSince, in whole hundredths of a year.
    const yearsHundredths = rounded(counts.customersThen * 100, counts.lostSince);
    life = {
      ok: true,
      customersThen: counts.customersThen,
      lostSince: counts.lostSince,
      churnPerMille: rounded(counts.lostSince * 1000, counts.customersThen),
      monthsHundredths: Math.min(yearsHundredths * 12, CALCULATOR_LIMITS.maxMonthsHundredths),
    };
  }
  return { basket, visits, life };
}

/** The time zone the chain's projections count local days in (the programme's until they have one). */
async function timeZoneOf(db: Queryable, chainId: string, programmeZone: string): Promise<string> {
  const rows = await db.query<{ time_zone: string }>(
    'SELECT time_zone FROM projection_chains WHERE chain_id = $1',
    [chainId],
  );
  return rows[0]?.time_zone ?? programmeZone;
}

// A purchase: a member's sale row at the stores whose sale has no void booked (anywhere).
const PURCHASES = `
  SELECT s.member_id, s.day
    FROM sale_facts s
   WHERE s.chain_id = $1 AND s.store_id = ANY($2::text[]) AND s.member_id IS NOT NULL
     AND s.kind = 'sale'
     AND NOT EXISTS (SELECT 1 FROM sale_facts v
                      WHERE v.chain_id = s.chain_id AND v.booking = 'void:' || s.sale_id)`;

/** The counts behind the baseline (three reads, each an index range of the chain). */
export async function baselineCounts(
  db: Queryable,
  where: BaselineWhere,
  days: ReturnType<typeof baselineDays>,
): Promise<BaselineCounts> {
  const stores = [...where.storeIds];
  const [members] = await db.query<{ members: unknown }>(
    `SELECT count(*) AS members FROM member_facts
      WHERE chain_id = $1 AND merged_into IS NULL`,
    [where.chainId],
  );
  const [year] = await db.query<{ sales_ore: unknown; receipts: unknown; buyers: unknown }>(
    `SELECT coalesce(sum(amount_ore), 0) AS sales_ore, coalesce(sum(receipts), 0) AS receipts,
            count(*) FILTER (WHERE receipts > 0) AS buyers
       FROM (SELECT member_id, sum(amount_ore) AS amount_ore, sum(receipts) AS receipts
               FROM sale_facts
              WHERE chain_id = $1 AND store_id = ANY($2::text[]) AND member_id IS NOT NULL
                AND day BETWEEN $3::date AND $4::date
              GROUP BY member_id) AS per_member`,
    [where.chainId, stores, days.fromDay, days.toDay],
  );
  const [cohort] = await db.query<{
    first_day: string | Date | null;
    customers_then: unknown;
    lost_since: unknown;
  }>(
    `WITH purchases AS (${PURCHASES}),
          last_purchase AS (
            SELECT member_id,
                   bool_or(day BETWEEN $3::date AND $4::date) AS customer_then,
                   max(day) AS last_day
              FROM purchases GROUP BY member_id)
     SELECT (SELECT min(day) FROM purchases)::text AS first_day,
            count(*) FILTER (WHERE customer_then) AS customers_then,
            count(*) FILTER (WHERE customer_then AND last_day <= $5::date) AS lost_since
       FROM last_purchase`,
    [where.chainId, stores, days.cohortFrom, days.cohortTo, days.lostIfNoneAfter],
  );
  return {
    members: toInt(members?.members ?? 0),
    salesOre: toInt(year?.sales_ore ?? 0),
    receipts: toInt(year?.receipts ?? 0),
    buyers: toInt(year?.buyers ?? 0),
    firstPurchaseDay: cohort?.first_day == null ? null : String(cohort.first_day).slice(0, 10),
    customersThen: toInt(cohort?.customers_then ?? 0),
    lostSince: toInt(cohort?.lost_since ?? 0),
  };
}

/** The baseline for the calculator at these stores, as of `now`. */
export async function calculatorBaseline(
  db: Queryable,
  where: BaselineWhere,
): Promise<BoCalculatorBaseline> {
  const programme = await programmeInForce(db, where.chainId, { storeId: null, now: where.now });
  const lostAfterDays = (programme.memberStatusDays ?? MEMBER_STATUS_DAYS).lapsing;
  const timeZone = await timeZoneOf(db, where.chainId, programme.timeZone);
  const days = baselineDays(isoDate(localDateOf(where.now, timeZone)), lostAfterDays);
  const counts = await baselineCounts(db, where, days);
  return {
    fromDay: days.fromDay,
    toDay: days.toDay,
    storeIds: [...where.storeIds],
    lostAfterDays,
    members: counts.members,
    firstPurchaseDay: counts.firstPurchaseDay,
    ...baselineFigures(counts, days),
  };
}
