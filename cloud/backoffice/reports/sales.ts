/**
 * The reports over sales (src/contract/backoffice/reports.ts), each one SQL
 * query over the projections of migration 013: `sale_facts` (one booking per
 * sale, void and return, each on its own store, local day and signed amount)
 * and `member_facts` (enrolments). Each takes the chain and a plain range —
 * `storeIds` null for every store of the chain, local days `from`–`to`
 * inclusive as YYYY-MM-DD — so the benchmark runs them as they are
 * (bench/, against the bare SQL over the same data).
 */
import type { Queryable } from '../../db/database';
import { toInt } from '../../db/database';

export interface SalesRange {
  /** Null: every store of the chain. */
  storeIds: readonly string[] | null;
  from: string;
  to: string;
}

const IN_RANGE = `chain_id = $1 AND day BETWEEN $2::date AND $3::date
  AND ($4::text[] IS NULL OR store_id = ANY($4::text[]))`;

function rangeParams(chainId: string, range: SalesRange): unknown[] {
  return [chainId, range.from, range.to, range.storeIds === null ? null : [...range.storeIds]];
}

export interface ShareRow {
  /** YYYY-MM-DD; '' for the whole range. */
  day: string;
  amountOre: number;
  memberAmountOre: number;
  receipts: number;
  memberReceipts: number;
  /** Distinct members with a sale booked that day (or in the range). */
  members: number;
}

/** Sales per local day, members' and all, and the range's total (distinct members over the range). */
export async function memberShareRows(
  db: Queryable,
  chainId: string,
  range: SalesRange,
): Promise<ShareRow[]> {
  const rows = await db.query<{
    day: string | null;
    amount: unknown;
    member_amount: unknown;
    receipts: unknown;
    member_receipts: unknown;
    members: unknown;
  }>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day,
            coalesce(sum(amount_ore), 0) AS amount,
            coalesce(sum(amount_ore) FILTER (WHERE member_id IS NOT NULL), 0) AS member_amount,
            coalesce(sum(receipts), 0) AS receipts,
            coalesce(sum(receipts) FILTER (WHERE member_id IS NOT NULL), 0) AS member_receipts,
            count(DISTINCT member_id) FILTER (WHERE kind = 'sale') AS members
       FROM sale_facts
      WHERE ${IN_RANGE}
      GROUP BY GROUPING SETS ((day), ())
      ORDER BY day NULLS FIRST`,
    rangeParams(chainId, range),
  );
  return rows.map((r) => ({
    day: r.day ?? '',
    amountOre: toInt(r.amount),
    memberAmountOre: toInt(r.member_amount),
    receipts: toInt(r.receipts),
    memberReceipts: toInt(r.member_receipts),
    members: toInt(r.members),
  }));
}

export interface EnrolmentRow {
  day: string;
  storeId: string;
  staffId: string | null;
  enrolments: number;
}

/**
 * Enrolments per local day, store and staff member. A member merged into
 * another is left out: the two enrolments were one person's.
 */
export async function enrolmentRows(
  db: Queryable,
  chainId: string,
  range: SalesRange,
): Promise<EnrolmentRow[]> {
  const rows = await db.query<{
    day: string;
    store_id: string;
    staff_id: string | null;
    enrolments: unknown;
  }>(
    `SELECT to_char(enrolled_day, 'YYYY-MM-DD') AS day, enrolled_store_id AS store_id,
            enrolled_staff_id AS staff_id, count(*) AS enrolments
       FROM member_facts
      WHERE chain_id = $1 AND enrolled_day BETWEEN $2::date AND $3::date
        AND ($4::text[] IS NULL OR enrolled_store_id = ANY($4::text[]))
        AND merged_into IS NULL
      GROUP BY enrolled_day, enrolled_store_id, enrolled_staff_id
      ORDER BY enrolled_day, enrolled_store_id, enrolled_staff_id NULLS LAST`,
    rangeParams(chainId, range),
  );
  return rows.map((r) => ({
    day: r.day,
    storeId: r.store_id,
    staffId: r.staff_id,
    enrolments: toInt(r.enrolments),
  }));
}

export interface TopMemberRow {
  memberId: string;
  spendOre: number;
  receipts: number;
  memberNumber: string | null;
  name: string | null;
  phoneE164: string | null;
  erased: boolean;
  /** The stores the member enrolled at or bought in (the lookup index's), to tell whose customer they are. */
  storeIds: string[];
}

/**
 * The `n` members with the most spend (net of voids and returns) at the
 * stores in the range, most first (ties by member id); members whose net is
 * not above zero are not ranked. Names and phones from the lookup index.
 */
export async function topMemberRows(
  db: Queryable,
  chainId: string,
  range: SalesRange & { n: number },
): Promise<TopMemberRow[]> {
  const rows = await db.query<{
    member_id: string;
    spend: unknown;
    receipts: unknown;
    member_number: string | null;
    full_name: string | null;
    phone_e164: string | null;
    erased: boolean | null;
    store_ids: string[] | null;
  }>(
    `WITH top AS (
       SELECT member_id, sum(amount_ore) AS spend, sum(receipts) AS receipts
         FROM sale_facts
        WHERE ${IN_RANGE} AND member_id IS NOT NULL
        GROUP BY member_id
       HAVING sum(amount_ore) > 0
        ORDER BY spend DESC, member_id
        LIMIT $5)
     SELECT top.member_id, top.spend, top.receipts, m.member_number, m.full_name,
            m.phone_e164, m.erased, m.store_ids
       FROM top LEFT JOIN members m ON m.chain_id = $1 AND m.member_id = top.member_id
      ORDER BY top.spend DESC, top.member_id`,
    [...rangeParams(chainId, range), range.n],
  );
  return rows.map((r) => ({
    memberId: r.member_id,
    spendOre: toInt(r.spend),
    receipts: toInt(r.receipts),
    memberNumber: r.member_number,
    name: r.full_name,
    phoneE164: r.phone_e164,
    erased: r.erased === true,
    storeIds: r.store_ids ?? [],
  }));
}

export interface CouponUseRow {
  /** The id's first letter: W, B, S, T, C, P or R (src/core/member/coupons.ts). */
  prefix: string;
  /** The campaign, spend rule or tier level the id names (src/core/reports/shape.ts `couponOrigin`, in SQL). */
  ruleId: string | null;
  redemptions: number;
}

/**
 * Coupons redeemed, net: a sale's coupons count +1 each, a void's and a
 * return's (given back) -1, each on its own row's day and store. Grouped by
 * the rule the coupon's id names; the member's id in the id separates the
 * rule's id (which may hold `-`) from the rest, as `couponOrigin` does.
 */
export async function couponRows(
  db: Queryable,
  chainId: string,
  range: SalesRange,
): Promise<CouponUseRow[]> {
  const rows = await db.query<{ prefix: string; rule_id: string | null; redemptions: unknown }>(
    `WITH used AS (
       SELECT CASE kind WHEN 'sale' THEN 1 ELSE -1 END AS sign, member_id,
              unnest(coupon_ids) AS coupon_id
         FROM sale_facts
        WHERE ${IN_RANGE} AND cardinality(coupon_ids) > 0),
     read AS (
       SELECT sign, left(coupon_id, 1) AS prefix, substr(coupon_id, 3) AS rest,
              -- without the count at the end (spend and tier ids end -{memberId}-{n})
              regexp_replace(substr(coupon_id, 3), '-[0-9]+$', '') AS counted,
              coalesce(member_id, '') AS member_id
         FROM used
        WHERE substr(coupon_id, 2, 1) = '-' AND left(coupon_id, 1) IN ('W', 'B', 'S', 'T', 'C', 'P', 'R'))
     SELECT prefix,
            CASE prefix
              WHEN 'C' THEN CASE WHEN member_id <> '' AND right(rest, length(member_id) + 1) = '-' || member_id
                                 THEN left(rest, length(rest) - length(member_id) - 1) END
              WHEN 'S' THEN CASE WHEN member_id <> '' AND right(counted, length(member_id) + 1) = '-' || member_id
                                      AND length(counted) > length(member_id) + 1
                                 THEN left(counted, length(counted) - length(member_id) - 1) END
              WHEN 'T' THEN CASE WHEN member_id <> '' AND right(counted, length(member_id) + 1) = '-' || member_id
                                 THEN substring(left(counted, length(counted) - length(member_id) - 1)
                                                FROM '^(.+)-[YR][0-9]+$') END
            END AS rule_id,
            sum(sign) AS redemptions
       FROM read
      GROUP BY 1, 2
     HAVING sum(sign) <> 0
      ORDER BY 1, 2 NULLS FIRST`,
    rangeParams(chainId, range),
  );
  return rows.map((r) => ({
    prefix: r.prefix,
    ruleId: r.rule_id,
    redemptions: toInt(r.redemptions),
  }));
}

export interface PunchCardRow {
  cardId: string;
  completed: number;
}

/**
 * Punch cards completed in the range, per card: each member's stamps on a
 * card summed in the order collected (instant, then clock), all stores and
 * all time up to the range's end; a booking completes as many cards as its
 * running sum crosses multiples of the card's size (a void or return that
 * takes stamps back below a multiple un-completes one). Counted for the
 * bookings in the range at the stores. `sizes`: stamps per card in the
 * programme in force (cards no longer in it are not counted).
 */
export async function punchCardRows(
  db: Queryable,
  chainId: string,
  range: SalesRange & { sizes: Readonly<Record<string, number>> },
): Promise<PunchCardRow[]> {
  const rows = await db.query<{ card_id: string; completed: unknown }>(
    `WITH stamped AS (
       SELECT f.member_id, f.store_id, f.day, f.at, f.hlc, s.key AS card_id, s.value::int AS n
         FROM sale_facts f, jsonb_each_text(f.stamps) s
        WHERE f.chain_id = $1 AND f.day <= $3::date AND f.member_id IS NOT NULL
          AND f.stamps <> '{}'::jsonb),
     running AS (
       SELECT store_id, day, card_id, n,
              sum(n) OVER (PARTITION BY member_id, card_id ORDER BY at, hlc
                           ROWS UNBOUNDED PRECEDING) AS after
         FROM stamped)
     SELECT r.card_id,
            sum(floor(r.after::numeric / z.size) - floor((r.after - r.n)::numeric / z.size)) AS completed
       FROM running r
       JOIN (SELECT key AS card_id, value::int AS size FROM jsonb_each_text($5::jsonb)) z
         ON z.card_id = r.card_id
      WHERE r.day >= $2::date AND ($4::text[] IS NULL OR r.store_id = ANY($4::text[]))
      GROUP BY r.card_id
     HAVING sum(floor(r.after::numeric / z.size) - floor((r.after - r.n)::numeric / z.size)) <> 0
      ORDER BY r.card_id`,
    [...rangeParams(chainId, range), JSON.stringify(range.sizes)],
  );
  return rows.map((r) => ({ cardId: r.card_id, completed: toInt(r.completed) }));
}
