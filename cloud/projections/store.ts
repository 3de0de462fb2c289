/**
 * Reading and writing the projections' rows (migration 013): each write one
 * set-based statement whatever the number of rows (the rows travel as one
 * JSON text, as cloud/member-ledgers.ts writes ledgers).
 */
import type { MemberFacts, PointLotFact, SaleFact } from '../../src/core/projections';
import type { Queryable } from '../db/database';
import { toInt } from '../db/database';
import { programmeInForce } from '../programme';

/**
 * The time zone the chain's projections count local days in: the one recorded
 * for the chain, or (its first projection rows) the programme's, recorded now.
 */
export async function projectionTimeZone(
  tx: Queryable,
  chainId: string,
  now: number,
): Promise<string> {
  const [row] = await tx.query<{ time_zone: string }>(
    'SELECT time_zone FROM projection_chains WHERE chain_id = $1',
    [chainId],
  );
  if (row) return row.time_zone;
  return recordTimeZone(tx, chainId, now);
}

/** The programme's time zone recorded as the chain's (a rebuild takes it again). */
export async function recordTimeZone(tx: Queryable, chainId: string, now: number): Promise<string> {
  const { timeZone } = await programmeInForce(tx, chainId, { storeId: null, now });
  await tx.query(
    `INSERT INTO projection_chains (chain_id, time_zone) VALUES ($1, $2)
     ON CONFLICT (chain_id) DO UPDATE SET time_zone = excluded.time_zone`,
    [chainId, timeZone],
  );
  return timeZone;
}

/** member_facts' columns as read back (the lots apart). */
type FactsRow = {
  member_id: string;
  erased: boolean;
  merged_into: string | null;
  enrolled_at: unknown;
  enrolled_day: string;
  enrolled_store_id: string;
  enrolled_staff_id: string | null;
  birth_date: string | null;
  gender: string | null;
  postal_code: string | null;
  consent_sms: boolean;
  consent_email: boolean;
  points_deficit: unknown;
  lot_count: number;
  cashback_ore: unknown;
  earn_log: Array<[number, number]>;
  earned_by_year: Record<string, number>;
  stamps: Record<string, number>;
  purchases: number;
  spend_ore: unknown;
  first_purchase_at: unknown;
  last_purchase_at: unknown;
  last_sale_at: unknown;
  categories: string[];
  last_hlc: string;
};

const FACTS_COLUMNS = `member_id, erased, merged_into, enrolled_at, enrolled_day::text AS enrolled_day,
  enrolled_store_id, enrolled_staff_id, birth_date::text AS birth_date, gender, postal_code,
  consent_sms, consent_email, points_deficit, lot_count, cashback_ore, earn_log, earned_by_year,
  stamps, purchases, spend_ore, first_purchase_at, last_purchase_at, last_sale_at, categories, last_hlc`;

const LOT_COLUMNS = `member_id, lot_no, source_id, earned_at, available_at, expires_at,
  expires_day::text AS expires_day, points, remaining`;

type LotRow = {
  member_id: string;
  lot_no: number;
  source_id: string;
  earned_at: unknown;
  available_at: unknown;
  expires_at: unknown;
  expires_day: string | null;
  points: number;
  remaining: number;
};

const orNull = (value: unknown) => (value === null ? null : toInt(value));

function factsOfRow(row: FactsRow, lots: PointLotFact[]): MemberFacts {
  return {
    memberId: row.member_id,
    erased: row.erased,
    mergedInto: row.merged_into,
    enrolledAt: toInt(row.enrolled_at),
    enrolledDay: row.enrolled_day,
    enrolledStoreId: row.enrolled_store_id,
    enrolledStaffId: row.enrolled_staff_id,
    birthDate: row.birth_date,
    gender: row.gender,
    postalCode: row.postal_code,
    consentSms: row.consent_sms,
    consentEmail: row.consent_email,
    pointsDeficit: toInt(row.points_deficit),
    lotCount: row.lot_count,
    openLots: lots,
    cashbackOre: toInt(row.cashback_ore),
    earnLog: row.earn_log,
    earnedByYear: row.earned_by_year,
    stamps: row.stamps,
    purchases: row.purchases,
    spendOre: toInt(row.spend_ore),
    firstPurchaseAt: orNull(row.first_purchase_at),
    lastPurchaseAt: orNull(row.last_purchase_at),
    lastSaleAt: orNull(row.last_sale_at),
    categories: row.categories,
    lastHlc: row.last_hlc,
  };
}

function lotOfRow(row: LotRow): PointLotFact {
  return {
    lotNo: row.lot_no,
    sourceId: row.source_id,
    earnedAt: toInt(row.earned_at),
    availableAt: toInt(row.available_at),
    expiresAt: orNull(row.expires_at),
    expiresDay: row.expires_day,
    points: row.points,
    remaining: row.remaining,
  };
}

/**
 * These members' stored facts (those that have a row); with their open lots
 * when `withLots`, else with none (a plain sale's advance only adds lots).
 */
export async function readMemberFacts(
  tx: Queryable,
  chainId: string,
  memberIds: readonly string[] | null,
  withLots: boolean,
): Promise<Map<string, MemberFacts>> {
  const facts = new Map<string, MemberFacts>();
  if (memberIds !== null && memberIds.length === 0) return facts;
  const rows = await tx.query<FactsRow>(
    `SELECT ${FACTS_COLUMNS} FROM member_facts
      WHERE chain_id = $1 AND ($2::text[] IS NULL OR member_id = ANY($2::text[]))`,
    [chainId, memberIds],
  );
  const lots = new Map<string, PointLotFact[]>();
  if (withLots && rows.length > 0) {
    const lotRows = await tx.query<LotRow>(
      `SELECT ${LOT_COLUMNS} FROM member_point_lots
        WHERE chain_id = $1 AND ($2::text[] IS NULL OR member_id = ANY($2::text[]))
        ORDER BY member_id, lot_no`,
      [chainId, memberIds],
    );
    for (const row of lotRows) {
      const list = lots.get(row.member_id) ?? [];
      list.push(lotOfRow(row));
      lots.set(row.member_id, list);
    }
  }
  for (const row of rows) facts.set(row.member_id, factsOfRow(row, lots.get(row.member_id) ?? []));
  return facts;
}

/**
 * Stores these members' facts (inserted or replaced). Their lots: `replaceLots`
 * members' stored lots are replaced by `openLots`; for the others `openLots`
 * holds only lots new or changed since the stored row (written over it), and
 * `lotsGone` the stored lots no longer open.
 */
export async function writeMemberFacts(
  tx: Queryable,
  chainId: string,
  facts: readonly MemberFacts[],
  replaceLots: ReadonlySet<string>,
  now: number,
  lotsGone: readonly LotGone[] = [],
): Promise<void> {
  if (facts.length === 0) return;
  await writeMemberFactsRows(tx, chainId, memberFactsRows(facts), replaceLots, now, lotsGone);
}

/** A lot no longer open (all spent, or taken back): its row goes. */
export interface LotGone {
  memberId: string;
  lotNo: number;
}

/** writeMemberFacts' rows as JSON texts: the facts, and their open lots (null for none). */
export interface MemberFactsRows {
  facts: string;
  lots: string | null;
}

/** The rows writeMemberFactsRows takes (the import makes them ahead of its transaction). */
export function memberFactsRows(facts: readonly MemberFacts[]): MemberFactsRows {
  const rows = facts.map((f) => ({
    member_id: f.memberId,
    erased: f.erased,
    merged_into: f.mergedInto,
    enrolled_at: f.enrolledAt,
    enrolled_day: f.enrolledDay,
    enrolled_store_id: f.enrolledStoreId,
    enrolled_staff_id: f.enrolledStaffId,
    birth_date: f.birthDate,
    gender: f.gender,
    postal_code: f.postalCode,
    consent_sms: f.consentSms,
    consent_email: f.consentEmail,
    points_deficit: f.pointsDeficit,
    lot_count: f.lotCount,
    cashback_ore: f.cashbackOre,
    earn_log: f.earnLog,
    earned_by_year: f.earnedByYear,
    stamps: f.stamps,
    purchases: f.purchases,
    spend_ore: f.spendOre,
    first_purchase_at: f.firstPurchaseAt,
    last_purchase_at: f.lastPurchaseAt,
    last_sale_at: f.lastSaleAt,
    categories: f.categories,
    last_hlc: f.lastHlc,
  }));
  const lots = facts.flatMap((f) =>
    f.openLots.map((l) => ({
      member_id: f.memberId,
      lot_no: l.lotNo,
      source_id: l.sourceId,
      earned_at: l.earnedAt,
      available_at: l.availableAt,
      expires_at: l.expiresAt,
      expires_day: l.expiresDay,
      points: l.points,
      remaining: l.remaining,
    })),
  );
  return { facts: JSON.stringify(rows), lots: lots.length === 0 ? null : JSON.stringify(lots) };
}

/**
 * writeMemberFacts with its rows made already (memberFactsRows of at least one
 * member). `brandNew`: the caller knows none of these members has facts or
 * lots yet (the import's new members), so plain INSERTs; a row met anyway
 * fails the transaction.
 */
export async function writeMemberFactsRows(
  tx: Queryable,
  chainId: string,
  rows: MemberFactsRows,
  replaceLots: ReadonlySet<string>,
  now: number,
  lotsGone: readonly LotGone[] = [],
  brandNew = false,
): Promise<void> {
  await tx.query(
    `INSERT INTO member_facts (chain_id, member_id, erased, merged_into, enrolled_at, enrolled_day,
       enrolled_store_id, enrolled_staff_id, birth_date, gender, postal_code, consent_sms, consent_email,
       points_deficit, lot_count, cashback_ore, earn_log, earned_by_year, stamps, purchases, spend_ore,
       first_purchase_at, last_purchase_at, last_sale_at, categories, last_hlc, updated_at)
     SELECT $1, f.member_id, f.erased, f.merged_into, f.enrolled_at, f.enrolled_day::date,
            f.enrolled_store_id, f.enrolled_staff_id, f.birth_date::date, f.gender, f.postal_code,
            f.consent_sms, f.consent_email, f.points_deficit, f.lot_count, f.cashback_ore, f.earn_log,
            f.earned_by_year, f.stamps, f.purchases, f.spend_ore, f.first_purchase_at,
            f.last_purchase_at, f.last_sale_at, ARRAY(SELECT json_array_elements_text(f.categories)),
            f.last_hlc, $2
       FROM json_to_recordset($3::json) AS f(member_id text, erased boolean, merged_into text,
              enrolled_at bigint, enrolled_day text, enrolled_store_id text, enrolled_staff_id text,
              birth_date text, gender text, postal_code text, consent_sms boolean, consent_email boolean,
              points_deficit bigint, lot_count integer, cashback_ore bigint, earn_log jsonb,
              earned_by_year jsonb, stamps jsonb, purchases integer, spend_ore bigint,
              first_purchase_at bigint, last_purchase_at bigint, last_sale_at bigint, categories json,
              last_hlc text)
      ORDER BY f.member_id` +
      (brandNew
        ? ''
        : `
     ON CONFLICT (chain_id, member_id) DO UPDATE SET erased = excluded.erased,
       merged_into = excluded.merged_into, enrolled_at = excluded.enrolled_at,
       enrolled_day = excluded.enrolled_day, enrolled_store_id = excluded.enrolled_store_id,
       enrolled_staff_id = excluded.enrolled_staff_id, birth_date = excluded.birth_date,
       gender = excluded.gender, postal_code = excluded.postal_code,
       consent_sms = excluded.consent_sms, consent_email = excluded.consent_email,
       points_deficit = excluded.points_deficit, lot_count = excluded.lot_count,
       cashback_ore = excluded.cashback_ore, earn_log = excluded.earn_log,
       earned_by_year = excluded.earned_by_year, stamps = excluded.stamps,
       purchases = excluded.purchases, spend_ore = excluded.spend_ore,
       first_purchase_at = excluded.first_purchase_at, last_purchase_at = excluded.last_purchase_at,
       last_sale_at = excluded.last_sale_at, categories = excluded.categories,
       last_hlc = excluded.last_hlc, updated_at = excluded.updated_at`),
    [chainId, now, rows.facts],
  );
  if (replaceLots.size > 0) {
    await tx.query(
      'DELETE FROM member_point_lots WHERE chain_id = $1 AND member_id = ANY($2::text[])',
      [chainId, [...replaceLots]],
    );
  }
  if (lotsGone.length > 0) {
    await tx.query(
      `DELETE FROM member_point_lots p
        USING unnest($2::text[], $3::int[]) AS g(member_id, lot_no)
        WHERE p.chain_id = $1 AND p.member_id = g.member_id AND p.lot_no = g.lot_no`,
      [chainId, lotsGone.map((g) => g.memberId), lotsGone.map((g) => g.lotNo)],
    );
  }
  if (rows.lots === null) return;
  await tx.query(
    `INSERT INTO member_point_lots (chain_id, member_id, lot_no, source_id, earned_at, available_at,
       expires_at, expires_day, points, remaining)
     SELECT $1, l.member_id, l.lot_no, l.source_id, l.earned_at, l.available_at, l.expires_at,
            l.expires_day::date, l.points, l.remaining
       FROM json_to_recordset($2::json) AS l(member_id text, lot_no integer, source_id text,
              earned_at bigint, available_at bigint, expires_at bigint, expires_day text,
              points integer, remaining integer)
      ORDER BY l.member_id, l.lot_no` +
      (brandNew
        ? ''
        : `
     ON CONFLICT (chain_id, member_id, lot_no) DO UPDATE SET source_id = excluded.source_id,
       earned_at = excluded.earned_at, available_at = excluded.available_at,
       expires_at = excluded.expires_at, expires_day = excluded.expires_day,
       points = excluded.points, remaining = excluded.remaining`),
    [chainId, rows.lots],
  );
}

/** Which of these members have a facts row. */
export async function membersWithFacts(
  tx: Queryable,
  chainId: string,
  memberIds: readonly string[],
): Promise<Set<string>> {
  if (memberIds.length === 0) return new Set();
  const rows = await tx.query<{ member_id: string }>(
    'SELECT member_id FROM member_facts WHERE chain_id = $1 AND member_id = ANY($2::text[])',
    [chainId, memberIds],
  );
  return new Set(rows.map((r) => r.member_id));
}

/** Members with no ledger any more: their facts (and lots) go. */
export async function dropMemberFacts(
  tx: Queryable,
  chainId: string,
  memberIds: readonly string[],
): Promise<void> {
  if (memberIds.length === 0) return;
  // Lots first: no foreign key takes them with the facts (migration 026).
  for (const table of ['member_point_lots', 'member_facts'])
    await tx.query(`DELETE FROM ${table} WHERE chain_id = $1 AND member_id = ANY($2::text[])`, [
      chainId,
      memberIds,
    ]);
}

/**
 * Stores these bookings (at most one per key: the caller keeps the first of
 * the batch). A key already stored keeps the booking of the earlier event in
 * clock order (ties by id). Then each void and return of the sales touched
 * takes its sale's member, a void its sale's figures negated. Returns the keys
 * booked for the first time now.
 */
export async function writeSaleFacts(
  tx: Queryable,
  chainId: string,
  facts: readonly SaleFact[],
  now: number,
): Promise<Set<string>> {
  if (facts.length === 0) return new Set();
  const rows = facts.map((f) => ({
    booking: f.booking,
    kind: f.kind,
    event_id: f.eventId,
    hlc: f.hlc,
    sale_id: f.saleId,
    return_id: f.returnId,
    store_id: f.storeId,
    terminal_id: f.terminalId,
    staff_id: f.staffId,
    member_id: f.memberId,
    at: f.at,
    day: f.day,
    amount_ore: f.amountOre,
    receipts: f.receipts,
    coupon_ids: f.couponIds,
    reward_ids: f.rewardIds,
    stamps: f.stamps,
    points_earned: f.pointsEarned,
    points_redeemed: f.pointsRedeemed,
  }));
  // xmax is 0 on a row this statement inserted, not on one it updated.
  const written = await tx.query<{ booking: string; inserted: boolean }>(
    `INSERT INTO sale_facts (chain_id, booking, kind, event_id, hlc, sale_id, return_id, store_id,
       terminal_id, staff_id, member_id, at, day, amount_ore, receipts, coupon_ids, reward_ids, stamps,
       points_earned, points_redeemed, updated_at)
     SELECT $1, s.booking, s.kind, s.event_id, s.hlc, s.sale_id, s.return_id, s.store_id,
            s.terminal_id, s.staff_id, s.member_id, s.at, s.day::date, s.amount_ore, s.receipts,
            ARRAY(SELECT json_array_elements_text(s.coupon_ids)),
            ARRAY(SELECT json_array_elements_text(s.reward_ids)), s.stamps, s.points_earned,
            s.points_redeemed, $2
       FROM json_to_recordset($3::json) AS s(booking text, kind text, event_id text, hlc text,
              sale_id text, return_id text, store_id text, terminal_id text, staff_id text,
              member_id text, at bigint, day text, amount_ore bigint, receipts integer,
              coupon_ids json, reward_ids json, stamps jsonb, points_earned integer,
              points_redeemed integer)
      ORDER BY s.booking
     ON CONFLICT (chain_id, booking) DO UPDATE SET kind = excluded.kind,
       event_id = excluded.event_id, hlc = excluded.hlc, sale_id = excluded.sale_id,
       return_id = excluded.return_id, store_id = excluded.store_id,
       terminal_id = excluded.terminal_id, staff_id = excluded.staff_id,
       member_id = excluded.member_id, at = excluded.at, day = excluded.day,
       amount_ore = excluded.amount_ore, receipts = excluded.receipts,
       coupon_ids = excluded.coupon_ids, reward_ids = excluded.reward_ids, stamps = excluded.stamps,
       points_earned = excluded.points_earned, points_redeemed = excluded.points_redeemed,
       updated_at = excluded.updated_at
     WHERE (excluded.hlc COLLATE "C", excluded.event_id COLLATE "C")
         < (sale_facts.hlc COLLATE "C", sale_facts.event_id COLLATE "C")
     RETURNING booking, (xmax = 0) AS inserted`,
    [chainId, now, JSON.stringify(rows)],
  );
  await resolveAgainstSales(tx, chainId, await salesToResolve(tx, chainId, facts));
  return new Set(written.filter((w) => w.inserted).map((w) => w.booking));
}

/**
 * The sales whose voids and returns need completing after these bookings:
 * those a void or return of the batch belongs to, and those of the batch's
 * sales that have a void or return stored already (it arrived first). A plain
 * sale with neither, nearly every one, costs one probe of the small index of
 * voids and returns (sale_facts_undo), not two updates.
 */
async function salesToResolve(
  tx: Queryable,
  chainId: string,
  facts: readonly SaleFact[],
): Promise<string[]> {
  const undone = new Set<string>();
  const sales: string[] = [];
  for (const fact of facts) {
    if (fact.kind === 'sale') sales.push(fact.saleId);
    else undone.add(fact.saleId);
  }
  const unknown = sales.filter((id) => !undone.has(id));
  if (unknown.length > 0) {
    const stored = await tx.query<{ sale_id: string }>(UNDO_PROBE, [chainId, unknown]);
    for (const row of stored) undone.add(row.sale_id);
  }
  return [...undone];
}

/**
 * Which of the sales $2 of chain $1 have a void or return stored (salesToResolve's
 * probe): one index probe per sale, whatever the statistics say (the LIMIT keeps
 * the lookup a nested loop). As a join, missing or stale statistics chose to
 * read all the chain's voids and returns on every push.
 */
export const UNDO_PROBE = `SELECT t.sale_id FROM unnest($2::text[]) AS t(sale_id)
  CROSS JOIN LATERAL (SELECT 1 FROM sale_facts x
                       WHERE x.chain_id = $1 AND x.sale_id = t.sale_id AND x.kind <> 'sale'
                       LIMIT 1) AS undone`;

/** Return bookings `r` of void `v`'s sale made before the void (by clock, ties by event id). */
const RETURNS_BEFORE_VOID = `r.chain_id = v.chain_id AND r.sale_id = v.sale_id AND r.kind = 'return'
  AND (r.hlc COLLATE "C", r.event_id COLLATE "C") < (v.hlc COLLATE "C", v.event_id COLLATE "C")`;

/** Return booking `r` made after void `v` (by clock, ties by event id). */
const RETURN_AFTER_VOID = `(r.hlc COLLATE "C", r.event_id COLLATE "C") > (v.hlc COLLATE "C", v.event_id COLLATE "C")`;

/**
 * Voids and returns of these sales completed from their sale's bookings (as
 * src/core/projections/sale-facts.ts `withSale`): the member; a void what
 * the sale still held negated (its figures less its returns before the void);
 * a return after the void nothing. Without a sale booking a void stays as
 * booked. A return zeroed here is after the void and stays so: a booking only
 * moves to an earlier event, so the void never moves after it, and an earlier
 * event of the return rewrites the whole row before this runs again.
 */
export async function resolveAgainstSales(
  tx: Queryable,
  chainId: string,
  saleIds: readonly string[],
): Promise<void> {
  if (saleIds.length === 0) return;
  // Driven by the sale ids (index lookups on both sides), whatever the table's statistics say.
  await tx.query(
    `UPDATE sale_facts r
        SET amount_ore = 0, coupon_ids = '{}', reward_ids = '{}', stamps = '{}'::jsonb,
            points_earned = 0, points_redeemed = 0
       FROM unnest($2::text[]) AS t(sale_id), sale_facts v
      WHERE r.chain_id = $1 AND r.sale_id = t.sale_id AND r.kind = 'return'
        AND v.chain_id = $1 AND v.booking = 'void:' || t.sale_id AND ${RETURN_AFTER_VOID}
        AND (r.amount_ore <> 0 OR r.coupon_ids <> '{}' OR r.reward_ids <> '{}'
             OR r.stamps <> '{}'::jsonb OR r.points_earned <> 0 OR r.points_redeemed <> 0)`,
    [chainId, saleIds],
  );
  await tx.query(
    `UPDATE sale_facts v
        SET member_id = s.member_id,
            amount_ore = CASE WHEN v.kind = 'void'
                           THEN -(s.amount_ore + coalesce((SELECT sum(r.amount_ore) FROM sale_facts r
                                                            WHERE ${RETURNS_BEFORE_VOID}), 0))
                           ELSE v.amount_ore END,
            coupon_ids = CASE WHEN v.kind = 'void'
                           THEN ARRAY(SELECT c.id FROM unnest(s.coupon_ids) WITH ORDINALITY AS c(id, n)
                                       WHERE NOT EXISTS (SELECT FROM sale_facts r
                                                          WHERE ${RETURNS_BEFORE_VOID}
                                                            AND c.id = ANY(r.coupon_ids))
                                       ORDER BY c.n)
                           ELSE v.coupon_ids END,
            reward_ids = CASE WHEN v.kind = 'void'
                           THEN ARRAY(SELECT c.id FROM unnest(s.reward_ids) WITH ORDINALITY AS c(id, n)
                                       WHERE NOT EXISTS (SELECT FROM sale_facts r
                                                          WHERE ${RETURNS_BEFORE_VOID}
                                                            AND c.id = ANY(r.reward_ids))
                                       ORDER BY c.n)
                           ELSE v.reward_ids END,
            stamps = CASE WHEN v.kind = 'void'
                       THEN (SELECT coalesce(jsonb_object_agg(c.key, -c.total), '{}'::jsonb)
                               FROM (SELECT e.key, sum(e.value::bigint) AS total
                                       FROM (SELECT s.stamps AS held
                                             UNION ALL
                                             SELECT r.stamps FROM sale_facts r WHERE ${RETURNS_BEFORE_VOID}) AS h,
                                            jsonb_each_text(h.held) AS e
                                      GROUP BY e.key) AS c)
                       ELSE v.stamps END,
            points_earned = CASE WHEN v.kind = 'void'
                              THEN -(s.points_earned + coalesce((SELECT sum(r.points_earned)
                                       FROM sale_facts r WHERE ${RETURNS_BEFORE_VOID}), 0))
                              ELSE v.points_earned END,
            points_redeemed = CASE WHEN v.kind = 'void'
                                THEN -(s.points_redeemed + coalesce((SELECT sum(r.points_redeemed)
                                         FROM sale_facts r WHERE ${RETURNS_BEFORE_VOID}), 0))
                                ELSE v.points_redeemed END
       FROM unnest($2::text[]) AS t(sale_id), sale_facts s
      WHERE v.chain_id = $1 AND v.sale_id = t.sale_id AND v.kind <> 'sale'
        AND s.chain_id = $1 AND s.booking = 'sale:' || t.sale_id`,
    [chainId, saleIds],
  );
}
