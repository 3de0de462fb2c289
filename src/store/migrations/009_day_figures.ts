/**
 * "Dagens tall" at the till (src/store/projections/day-figures.ts): a day's
 * sales, members' share, coupons and rewards used and enrolments per staff
 * member, kept as totals per store, quarter of an hour and staff member in
 * the same transaction as the events. A day's report then reads a few hundred
 * small rows instead of the day's sales (and never the members' ledgers).
 *
 * Quarters of an hour in UTC, not local days: every zone's midnight falls on
 * one (DST days included), so the rows do not depend on the programme's time
 * zone, which a later programme may change. An existing store's rows are
 * filled here from its sales and enrolments by the projection's rules (a test
 * holds the two to each other). Each sale row keeps where and when its void
 * and returns were made (`sales.day_bookings`, filled here from the log), so
 * they are booked there, not at the sale's store and time.
 *
 * The print queue takes a fourth kind of job, the printed report ('report'):
 * SQLite cannot change a CHECK, so print_jobs is copied into a new table.
 */
// The columns, written out here: a migration's text must not follow later code.
const COUNTERS = [
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
];

/**
 * Every sale row's share of the figures (src/store/projections/day-figures.ts,
 * addShare), in SQL, summed per key and multiplied by `sign`; `s` is the rows
 * (the sales table, or the row a trigger deletes).
 */
function shareSql(s: string, sign: 1 | -1): string {
  const b = (path: string) => `json_extract(b.value, '$.${path}')`;
  const isVoid = `${b('kind')} = 'void'`;
  const voidOre = `(s.total_ore - ${b('returnedBeforeOre')})`;
  const coupons = `coalesce(json_array_length(s.payload, '$.effects.couponsRedeemed'), 0)`;
  const rewards = `coalesce(json_array_length(s.payload, '$.effects.rewardsRedeemed'), 0)`;
  const points = `coalesce(json_extract(s.payload, '$.effects.pointsRedeemed'), 0)`;
  const ifVoid = (value: string) => `CASE WHEN ${isVoid} THEN ${value} ELSE 0 END`;
  const ifReturn = (value: string) => `CASE WHEN ${isVoid} THEN 0 ELSE ${value} END`;
  return `SELECT store_id, quarter, staff_id, ${COUNTERS.map((c) => `${sign} * sum(${c})`).join(', ')}
  FROM (
    SELECT s.store_id AS store_id, s.at - s.at % 900000 AS quarter,
      coalesce(s.staff_id, '') AS staff_id, 1 AS sales, s.total_ore AS sales_ore,
      s.member_id IS NOT NULL AS member_sales,
      CASE WHEN s.member_id IS NOT NULL THEN s.total_ore ELSE 0 END AS member_sales_ore,
      0 AS voided, 0 AS voided_ore, 0 AS returns, 0 AS returned_ore, ${coupons} AS coupons,
      ${rewards} AS rewards, ${points} AS points_redeemed, 0 AS enrolments
    FROM ${s}
    UNION ALL
    SELECT ${b('storeId')}, ${b('at')} - ${b('at')} % 900000, coalesce(${b('staffId')}, ''),
      ${ifVoid('-1')}, ${ifVoid(`-${voidOre}`)}, ${ifVoid('-(s.member_id IS NOT NULL)')},
      ${ifVoid(`CASE WHEN s.member_id IS NOT NULL THEN -${voidOre} ELSE 0 END`)},
      ${ifVoid('1')}, ${ifVoid(voidOre)}, ${ifReturn('1')}, ${ifReturn(b('refundOre'))},
      ${ifVoid(`-${coupons}`)}, ${ifVoid(`-${rewards}`)}, ${ifVoid(`-${points}`)}, 0
    FROM ${s}, json_each(s.day_bookings) AS b
  ) WHERE true GROUP BY store_id, quarter, staff_id`;
}

const ADD = `ON CONFLICT (store_id, quarter, staff_id) DO UPDATE SET
    ${COUNTERS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`;

/**
 * Where and when each sale's void and returns were made, from the log (as
 * src/store/projections/sales.ts refreshSale keeps them): each return id once
 * (its earliest event by clock), the earliest void with the refunds of the
 * returns before it.
 */
const bookingsFill = /* sql */ `
UPDATE sales SET day_bookings = coalesce((
  SELECT json_group_array(json(booking)) FROM (
    SELECT CASE WHEN type = 'sale.voided' THEN json_object('kind', 'void', 'storeId', store_id,
        'at', at, 'staffId', staff_id, 'returnedBeforeOre', coalesce((
          SELECT sum(r.refund_ore) FROM sale_changes AS r
          WHERE r.type = 'sale.returned' AND r.n = 1 AND (r.hlc, r.id) < (c.hlc, c.id)), 0))
      ELSE json_object('kind', 'return', 'storeId', store_id, 'at', at, 'staffId', staff_id,
        'refundOre', refund_ore) END AS booking
    FROM sale_changes AS c WHERE n = 1 ORDER BY hlc, id)
), '[]')
WHERE voided = 1 OR returns <> '[]'`;

/** Fills the table from the sales and enrolments already stored (the projection's rules, in SQL). */
export const backfill = /* sql */ `
${bookingsFill.replaceAll(
  'sale_changes',
  `(SELECT e.id, e.hlc, e.type, e.store_id, json_extract(e.payload, '$.at') AS at,
      json_extract(e.payload, '$.staffId') AS staff_id,
      json_extract(e.payload, '$.refundOre') AS refund_ore,
      row_number() OVER (PARTITION BY e.type, json_extract(e.payload, '$.returnId')
        ORDER BY e.hlc, e.id) AS n
    FROM events AS e WHERE e.type IN ('sale.voided', 'sale.returned')
      AND json_extract(e.payload, '$.saleId') = sales.sale_id)`,
)};

INSERT INTO day_figures (store_id, quarter, staff_id, ${COUNTERS.join(', ')})
  ${shareSql('sales AS s', 1)};

-- Enrolments.
INSERT INTO day_figures (store_id, quarter, staff_id, enrolments)
  SELECT store_id, json_extract(payload, '$.at') - json_extract(payload, '$.at') % 900000,
    coalesce(json_extract(payload, '$.staffId'), ''), count(*)
  FROM events WHERE type = 'member.enrolled' GROUP BY 1, 2, 3
  ON CONFLICT (store_id, quarter, staff_id) DO UPDATE SET
    enrolments = enrolments + excluded.enrolments;
`;

const OLD_ROW = `(SELECT old.store_id AS store_id, old.at AS at, old.staff_id AS staff_id,
    old.member_id AS member_id, old.total_ore AS total_ore, old.payload AS payload,
    old.day_bookings AS day_bookings) AS s`;

export const sql = /* sql */ `
CREATE TABLE day_figures (
  store_id TEXT NOT NULL,
  -- The quarter hour's first instant (epoch ms, a multiple of 900000).
  quarter INTEGER NOT NULL,
  -- '' when the event names no staff member.
  staff_id TEXT NOT NULL,
  sales INTEGER NOT NULL DEFAULT 0,
  sales_ore INTEGER NOT NULL DEFAULT 0,
  member_sales INTEGER NOT NULL DEFAULT 0,
  member_sales_ore INTEGER NOT NULL DEFAULT 0,
  voided INTEGER NOT NULL DEFAULT 0,
  voided_ore INTEGER NOT NULL DEFAULT 0,
  returns INTEGER NOT NULL DEFAULT 0,
  returned_ore INTEGER NOT NULL DEFAULT 0,
  coupons INTEGER NOT NULL DEFAULT 0,
  rewards INTEGER NOT NULL DEFAULT 0,
  points_redeemed INTEGER NOT NULL DEFAULT 0,
  enrolments INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (store_id, quarter, staff_id)
) STRICT, WITHOUT ROWID;

-- The sale's void and returns as the figures book them: a JSON array of
-- {kind: 'void', storeId, at, staffId, returnedBeforeOre} and
-- {kind: 'return', storeId, at, staffId, refundOre}, kept by the sales projection.
ALTER TABLE sales ADD COLUMN day_bookings TEXT NOT NULL DEFAULT '[]';

${backfill}
-- A sale row that goes (the retention drops other stores' old sales with their
-- events) takes its whole share with it (its void and returns wherever they
-- were booked), as a rebuild without its committed event would give: nothing
-- else books them, so nothing is taken twice.
CREATE TRIGGER sales_leave_day_figures AFTER DELETE ON sales BEGIN
  INSERT INTO day_figures (store_id, quarter, staff_id, ${COUNTERS.join(', ')})
    ${shareSql(OLD_ROW, -1)}
    ${ADD};
  DELETE FROM day_figures WHERE (store_id, quarter, staff_id) IN (
      SELECT old.store_id, old.at - old.at % 900000, coalesce(old.staff_id, '')
      UNION ALL
      SELECT json_extract(b.value, '$.storeId'),
        json_extract(b.value, '$.at') - json_extract(b.value, '$.at') % 900000,
        coalesce(json_extract(b.value, '$.staffId'), '')
      FROM json_each(old.day_bookings) AS b)
    AND ${COUNTERS.map((c) => `${c} = 0`).join(' AND ')};
END;

CREATE TABLE print_jobs_009 (
  id TEXT PRIMARY KEY,
  sale_id TEXT,
  kind TEXT NOT NULL CHECK (kind IN ('receipt', 'copy', 'test', 'report')),
  document TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'printing', 'printed', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  printed_at INTEGER
) STRICT;
INSERT INTO print_jobs_009 (id, sale_id, kind, document, status, attempts, last_error, created_at, printed_at)
  SELECT id, sale_id, kind, document, status, attempts, last_error, created_at, printed_at FROM print_jobs;
DROP TABLE print_jobs;
ALTER TABLE print_jobs_009 RENAME TO print_jobs;
CREATE INDEX print_jobs_status ON print_jobs (status, created_at);
`;
