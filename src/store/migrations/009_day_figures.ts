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
 * holds the two to each other).
 *
 * The print queue takes a fourth kind of job, the printed report ('report'):
 * SQLite cannot change a CHECK, so print_jobs is copied into a new table.
 */
/** Fills the table from the sales and enrolments already stored (the projection's rules, in SQL). */
export const backfill = /* sql */ `
-- Unvoided sales.
INSERT INTO day_figures (store_id, quarter, staff_id, sales, sales_ore, member_sales,
    member_sales_ore, coupons, rewards, points_redeemed)
  SELECT store_id, at - at % 900000, coalesce(staff_id, ''), count(*), sum(total_ore),
    sum(member_id IS NOT NULL), sum(CASE WHEN member_id IS NOT NULL THEN total_ore ELSE 0 END),
    sum(coalesce(json_array_length(payload, '$.effects.couponsRedeemed'), 0)),
    sum(coalesce(json_array_length(payload, '$.effects.rewardsRedeemed'), 0)),
    sum(coalesce(json_extract(payload, '$.effects.pointsRedeemed'), 0))
  FROM sales WHERE voided = 0 GROUP BY 1, 2, 3;

-- Voided sales.
INSERT INTO day_figures (store_id, quarter, staff_id, voided, voided_ore)
  SELECT store_id, at - at % 900000, coalesce(staff_id, ''), count(*), sum(total_ore)
  FROM sales WHERE voided = 1 GROUP BY 1, 2, 3
  ON CONFLICT (store_id, quarter, staff_id) DO UPDATE SET
    voided = voided + excluded.voided, voided_ore = voided_ore + excluded.voided_ore;

-- Returns of unvoided sales, at their own time and staff member.
INSERT INTO day_figures (store_id, quarter, staff_id, returns, returned_ore)
  SELECT s.store_id, json_extract(r.value, '$.at') - json_extract(r.value, '$.at') % 900000,
    coalesce(json_extract(r.value, '$.staffId'), ''), count(*),
    sum(json_extract(r.value, '$.refundOre'))
  FROM sales AS s, json_each(s.returns) AS r WHERE s.voided = 0 GROUP BY 1, 2, 3
  ON CONFLICT (store_id, quarter, staff_id) DO UPDATE SET
    returns = returns + excluded.returns, returned_ore = returned_ore + excluded.returned_ore;

-- Enrolments.
INSERT INTO day_figures (store_id, quarter, staff_id, enrolments)
  SELECT store_id, json_extract(payload, '$.at') - json_extract(payload, '$.at') % 900000,
    coalesce(json_extract(payload, '$.staffId'), ''), count(*)
  FROM events WHERE type = 'member.enrolled' GROUP BY 1, 2, 3
  ON CONFLICT (store_id, quarter, staff_id) DO UPDATE SET
    enrolments = enrolments + excluded.enrolments;
`;

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

${backfill}
-- A sale row that goes (the retention drops other stores' old sales with their
-- events) takes its share with it, as a rebuild without its events would give.
CREATE TRIGGER sales_leave_day_figures AFTER DELETE ON sales BEGIN
  INSERT INTO day_figures (store_id, quarter, staff_id, sales, sales_ore, member_sales,
      member_sales_ore, coupons, rewards, points_redeemed)
    SELECT old.store_id, old.at - old.at % 900000, coalesce(old.staff_id, ''), -1, -old.total_ore,
      -(old.member_id IS NOT NULL), CASE WHEN old.member_id IS NOT NULL THEN -old.total_ore ELSE 0 END,
      -coalesce(json_array_length(old.payload, '$.effects.couponsRedeemed'), 0),
      -coalesce(json_array_length(old.payload, '$.effects.rewardsRedeemed'), 0),
      -coalesce(json_extract(old.payload, '$.effects.pointsRedeemed'), 0)
    WHERE old.voided = 0
    ON CONFLICT (store_id, quarter, staff_id) DO UPDATE SET
      sales = sales + excluded.sales, sales_ore = sales_ore + excluded.sales_ore,
      member_sales = member_sales + excluded.member_sales,
      member_sales_ore = member_sales_ore + excluded.member_sales_ore,
      coupons = coupons + excluded.coupons, rewards = rewards + excluded.rewards,
      points_redeemed = points_redeemed + excluded.points_redeemed;
  INSERT INTO day_figures (store_id, quarter, staff_id, voided, voided_ore)
    SELECT old.store_id, old.at - old.at % 900000, coalesce(old.staff_id, ''), -1, -old.total_ore
    WHERE old.voided = 1
    ON CONFLICT (store_id, quarter, staff_id) DO UPDATE SET
      voided = voided + excluded.voided, voided_ore = voided_ore + excluded.voided_ore;
  INSERT INTO day_figures (store_id, quarter, staff_id, returns, returned_ore)
    SELECT old.store_id, json_extract(r.value, '$.at') - json_extract(r.value, '$.at') % 900000,
      coalesce(json_extract(r.value, '$.staffId'), ''), -count(*),
      -sum(json_extract(r.value, '$.refundOre'))
    FROM json_each(old.returns) AS r WHERE old.voided = 0 GROUP BY 1, 2, 3
    ON CONFLICT (store_id, quarter, staff_id) DO UPDATE SET
      returns = returns + excluded.returns, returned_ore = returned_ore + excluded.returned_ore;
  DELETE FROM day_figures WHERE store_id = old.store_id
    AND (quarter = old.at - old.at % 900000 OR quarter IN (
      SELECT json_extract(r.value, '$.at') - json_extract(r.value, '$.at') % 900000
      FROM json_each(old.returns) AS r))
    AND sales = 0 AND sales_ore = 0 AND member_sales = 0 AND member_sales_ore = 0 AND voided = 0 AND voided_ore = 0 AND returns = 0 AND returned_ore = 0 AND coupons = 0 AND rewards = 0 AND points_redeemed = 0 AND enrolments = 0;
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
