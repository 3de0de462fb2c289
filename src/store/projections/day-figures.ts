/**
 * "Dagens tall": totals per store, quarter hour (UTC) and staff member
 * (migration 009), kept in the transaction that stores the events, so a day's
 * report adds up a few hundred rows however large the store is.
 *
 * A sale's share is a function of its row in `sales` (which is itself a
 * function of the set of its events): before and after each of its events the
 * projection reads what the row gave and applies the difference. So a void or
 * return that arrives before its sale, a sale stored twice or a return sent
 * twice count once, and a rebuild from the log gives the same rows.
 *
 * What a sale gives, so that a day's figures explain that day's money at
 * that store: one sale (amount, member or not, coupons, rewards and points
 * redeemed) at the quarter of its `at`, its store and staff member, for good:
 * a later void does not change a day already printed. Each of its returns
 * (once per return id, the earliest event by clock) is one return of the
 * refund at the store, quarter and staff member of its own `sale.returned`
 * event, voided sale or not (the money went out there and then). Its void
 * (the earliest `sale.voided` by clock) is booked at the store, quarter and
 * staff member of that event: one void of what the sale still stood for (its
 * amount less the refunds of returns made before the void), and the sale
 * taken back out of that day's sales by the same amount (count, members'
 * share, coupons, rewards and points too). So a sale voided the same day
 * leaves the day's sales as if never made and shows as a void; yesterday's
 * sale voided today stays in yesterday's figures and today's sales go down by
 * what today's void gave back, shown as today's void. The sale row keeps these
 * bookings (`sales.day_bookings`, written with the row from the events). An
 * enrolment counts once per `member.enrolled` event, at the event's store.
 *
 * A sale row that goes (the retention drops other stores' old sales) takes
 * all of this with it, its void and returns too, wherever they were booked:
 * a rebuild, without the sale's committed event, would book none of them.
 */
import type { EventEnvelope } from '../../core/events';
import type { Db, Readable } from '../db';
import { reading } from '../db';
import { statement } from '../statements';

export const QUARTER_MS = 900_000;

/** The counters of a row, in the table's column order. */
export const DAY_FIGURE_COUNTERS = [
  'sales',
  'sales_ore',
  'member_sales',
  'member_sales_ore',
  'voided',
  'voided_ore',
  'returns',
  'returned_ore',
  'coupons',
  'rewards',
  'points_redeemed',
  'enrolments',
] as const;
export type DayFigureCounter = (typeof DAY_FIGURE_COUNTERS)[number];
export type DayFigureCounters = Record<DayFigureCounter, number>;

export interface DayFigureRow extends DayFigureCounters {
  store_id: string;
  quarter: number;
  staff_id: string;
}

export function quarterOf(at: number): number {
  return at - (((at % QUARTER_MS) + QUARTER_MS) % QUARTER_MS);
}

function zero(): DayFigureCounters {
  return {
    sales: 0,
    sales_ore: 0,
    member_sales: 0,
    member_sales_ore: 0,
    voided: 0,
    voided_ore: 0,
    returns: 0,
    returned_ore: 0,
    coupons: 0,
    rewards: 0,
    points_redeemed: 0,
    enrolments: 0,
  };
}

/** Pending changes keyed by row; applied together. */
type Deltas = Map<string, { store: string; quarter: number; staff: string; d: DayFigureCounters }>;

function add(
  deltas: Deltas,
  store: string,
  at: number,
  staff: string | null,
  sign: 1 | -1,
  values: Partial<DayFigureCounters>,
): void {
  const quarter = quarterOf(at);
  const staffKey = staff ?? '';
  const key = `${store}\u0000${quarter}\u0000${staffKey}`;
  let entry = deltas.get(key);
  if (!entry) {
    entry = { store, quarter, staff: staffKey, d: zero() };
    deltas.set(key, entry);
  }
  for (const [name, value] of Object.entries(values) as Array<[DayFigureCounter, number]>) {
    entry.d[name] += sign * value;
  }
}

/** A void or return of a sale as the day figures book it (the JSON of `sales.day_bookings`). */
export type DayBooking =
  | {
      kind: 'return';
      storeId: string;
      at: number;
      staffId: string | null;
      refundOre: number;
    }
  | {
      kind: 'void';
      storeId: string;
      at: number;
      staffId: string | null;
      /** Refunds of the sale's returns made (by clock) before the void. */
      returnedBeforeOre: number;
    };

/** What a sale's row in `sales` gives the figures (the columns the sums need). */
export interface SaleShare {
  store_id: string;
  at: number;
  staff_id: string | null;
  member: number;
  total_ore: number;
  day_bookings: string;
  coupons: number;
  rewards: number;
  points_redeemed: number;
}

const SHARE_SQL = `SELECT store_id, at, staff_id, member_id IS NOT NULL AS member, total_ore, day_bookings,
    coalesce(json_array_length(payload, '$.effects.couponsRedeemed'), 0) AS coupons,
    coalesce(json_array_length(payload, '$.effects.rewardsRedeemed'), 0) AS rewards,
    coalesce(json_extract(payload, '$.effects.pointsRedeemed'), 0) AS points_redeemed
  FROM sales WHERE sale_id = ?`;

/** The sale's share as its row stands now (undefined: no row yet). */
export function saleShare(db: Db, saleId: string): SaleShare | undefined {
  return statement(db, SHARE_SQL).get(saleId) as SaleShare | undefined;
}

/** What a sale's row holds just after its committed event inserted it (no void or return yet). */
export function shareOfCommitted(event: EventEnvelope<'sale.committed'>): SaleShare {
  const p = event.payload;
  return {
    store_id: event.storeId,
    at: p.at,
    staff_id: p.staffId,
    member: event.memberId === null ? 0 : 1,
    total_ore: p.totalOre,
    day_bookings: '[]',
    coupons: p.effects?.couponsRedeemed.length ?? 0,
    rewards: p.effects?.rewardsRedeemed.length ?? 0,
    points_redeemed: p.effects?.pointsRedeemed ?? 0,
  };
}

function addShare(deltas: Deltas, share: SaleShare, sign: 1 | -1): void {
  const sale = {
    sales: 1,
    sales_ore: share.total_ore,
    member_sales: share.member,
    member_sales_ore: share.member === 1 ? share.total_ore : 0,
    coupons: share.coupons,
    rewards: share.rewards,
    points_redeemed: share.points_redeemed,
  };
  add(deltas, share.store_id, share.at, share.staff_id, sign, sale);
  if (share.day_bookings === '[]') return;
  for (const b of JSON.parse(share.day_bookings) as DayBooking[]) {
    if (b.kind === 'return') {
      add(deltas, b.storeId, b.at, b.staffId, sign, { returns: 1, returned_ore: b.refundOre });
      continue;
    }
    const ore = share.total_ore - b.returnedBeforeOre;
    add(deltas, b.storeId, b.at, b.staffId, sign, {
      voided: 1,
      voided_ore: ore,
      sales: -1,
      sales_ore: -ore,
      member_sales: -share.member,
      member_sales_ore: share.member === 1 ? -ore : 0,
      coupons: -share.coupons,
      rewards: -share.rewards,
      points_redeemed: -share.points_redeemed,
    });
  }
}

let kept = true;

/**
 * Turns the upkeep of "Dagens tall" off or on for this process. ONLY the
 * benchmark (bench/till-store/measure.ts) turns it off, on alternate sales, to
 * show what keeping the totals adds to a sale's commit; the till always keeps them.
 */
export function setDayFiguresKeptForBench(on: boolean): void {
  kept = on;
}

/** Whether this process keeps "Dagens tall" (always, outside the benchmark). */
export function dayFiguresKept(): boolean {
  return kept;
}

/** Apply the difference between a sale's share before and after one of its events. */
export function applySaleShare(
  db: Db,
  before: SaleShare | undefined,
  after: SaleShare | undefined,
): void {
  const deltas: Deltas = new Map();
  if (before) addShare(deltas, before, -1);
  if (after) addShare(deltas, after, 1);
  applyDeltas(db, deltas);
}

export function projectEnrolment(db: Db, event: EventEnvelope<'member.enrolled'>): void {
  if (!kept) return;
  const deltas: Deltas = new Map();
  add(deltas, event.storeId, event.payload.at, event.payload.staffId, 1, { enrolments: 1 });
  applyDeltas(db, deltas);
}

const UPSERT_SQL = `INSERT INTO day_figures (store_id, quarter, staff_id, ${DAY_FIGURE_COUNTERS.join(', ')})
  VALUES (?, ?, ?, ${DAY_FIGURE_COUNTERS.map(() => '?').join(', ')})
  ON CONFLICT (store_id, quarter, staff_id) DO UPDATE SET
  ${DAY_FIGURE_COUNTERS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`;

const DROP_EMPTY_SQL = `DELETE FROM day_figures WHERE store_id = ? AND quarter = ? AND staff_id = ?
  AND ${DAY_FIGURE_COUNTERS.map((c) => `${c} = 0`).join(' AND ')}`;

function applyDeltas(db: Db, deltas: Deltas): void {
  for (const { store, quarter, staff, d } of deltas.values()) {
    const values = DAY_FIGURE_COUNTERS.map((c) => d[c]);
    // A sale's own event re-read as it was (a repeated return, a later duplicate) changes nothing.
    if (values.every((v) => v === 0)) continue;
    statement(db, UPSERT_SQL).run(store, quarter, staff, ...values);
    // A row taken back to nothing goes, as a rebuild would never have made it.
    if (values.some((v) => v < 0)) statement(db, DROP_EMPTY_SQL).run(store, quarter, staff);
  }
}

/** Every row (tests compare the kept rows with a rebuild's and with a fold of the log). */
export function allDayFigureRows(handle: Readable): DayFigureRow[] {
  return reading(handle)
    .prepare('SELECT * FROM day_figures ORDER BY store_id, quarter, staff_id')
    .all() as DayFigureRow[];
}

/** A store's figures per staff member ('' for none) for the quarters in [from, to). */
export function dayFiguresByStaff(
  handle: Readable,
  storeId: string,
  from: number,
  to: number,
): Array<DayFigureCounters & { staff_id: string }> {
  const db = reading(handle);
  return statement(
    db,
    `SELECT staff_id, ${DAY_FIGURE_COUNTERS.map((c) => `sum(${c}) AS ${c}`).join(', ')}
     FROM day_figures WHERE store_id = ? AND quarter >= ? AND quarter < ?
     GROUP BY staff_id ORDER BY staff_id`,
  ).all(storeId, from, to) as Array<DayFigureCounters & { staff_id: string }>;
}
