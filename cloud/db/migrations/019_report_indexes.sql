-- Indexes the back office's reports and segment counts read without touching
-- the tables' rows (issue 16's benchmarks, bench/reports.ts: 1,000,000
-- members, 3,000,000 sales):
--
-- sale_facts_day_store covers what the sales reports sum over a range of days
-- (members' share, top N), so a month's bookings are read from the index in
-- day order however the rows lie on disk (late pushes scatter them).
--
-- Like every migration it runs as the cloud starts, before it listens: the
-- index builds hold sale_facts and member_facts meanwhile (about a minute per
-- three million bookings here), so a chain's tills wait that long to push.
DROP INDEX sale_facts_day_store;
CREATE INDEX sale_facts_day_store ON sale_facts (chain_id, day, store_id)
  INCLUDE (member_id, kind, amount_ore, receipts);

-- A sale's voids and returns are looked up by its id (the push's resolution,
-- a segment's windows): only the non-sale rows, about a tenth of the table,
-- so the index a push writes to is a tenth the size.
DROP INDEX sale_facts_sale;
CREATE INDEX sale_facts_undo ON sale_facts (chain_id, sale_id) WHERE kind <> 'sale';

-- The points liability's members: the distinct ids of open lots, read in
-- index order with what decides that a lot is open.
CREATE INDEX member_point_lots_member ON member_point_lots (chain_id, member_id)
  INCLUDE (available_at, expires_at, expires_day, remaining);

-- A member's points deficit (points spent offline beyond the balance, paid off
-- by later earnings) sums events of up to 10^9 points each: three tills
-- offline overflowed a 32-bit integer, and the push that brought the third
-- was refused, for good (cloud/projections/projections.test.ts).
ALTER TABLE member_facts ALTER COLUMN points_deficit TYPE bigint;
