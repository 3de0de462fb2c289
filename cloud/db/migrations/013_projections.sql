-- Projections for the back office's reports and segments (docs/architecture.md,
-- "Projections"): tables kept by the push that stores the events, in its
-- transaction and under its members' locks (cloud/projections/maintain.ts),
-- each row a fold of the log by src/core/projections. Rebuilt from the log
-- (cloud/projections/rebuild.ts `rebuildProjections`) they hold identical rows
-- (`updated_at` apart, the wall clock of the write).
--
-- Nothing stored depends on "now" or on the programme's rules: balances that
-- expire, the tier, rolling windows (visits and spend in the last N days) and
-- the status new / active / lapsing / lost are computed when queried, from the
-- instants stored here (src/core/member/segment.ts, tier.ts and points.ts say
-- how). The one setting folded in is the time zone local days are counted in
-- (`projection_chains`); a chain whose programme changes time zone needs
-- `rebuildProjections`.

-- The time zone each chain's projections count local days in: the programme's
-- (Europe/Oslo by default), taken when the chain's first projection row is
-- written or the chain is rebuilt.
CREATE TABLE projection_chains (
  chain_id text PRIMARY KEY REFERENCES chains (id),
  -- IANA zone name, e.g. 'Europe/Oslo'. Every `*_day` / `day` column below is a local date in it.
  time_zone text NOT NULL
);

-- One row per folded member (a member with an enrolment in the log), from the
-- member's ledger (src/core/projections/member-facts.ts `memberFactsOf`).
-- Erasure: the personal columns (birth_date, gender, postal_code) are null and
-- both consents false once the member is erased; the row itself stays with its
-- anonymous sums, as the ledger keeps them. A member merged into another holds
-- nothing (its balances and purchases moved to the member kept).
CREATE TABLE member_facts (
  chain_id text NOT NULL REFERENCES chains (id),
  member_id text NOT NULL,
  -- The log holds a `member.erased` of the member.
  erased boolean NOT NULL,
  -- The member id this member was merged into (`member.merged`), null when never merged.
  merged_into text,
  -- Enrolment instant (ms since epoch) and its local date.
  enrolled_at bigint NOT NULL,
  enrolled_day date NOT NULL,
  -- The store, terminal and staff member that enrolled the member (the home store).
  enrolled_store_id text NOT NULL,
  enrolled_staff_id text,
  -- Personal profile fields, null when unknown or erased. gender: the profile's Gender enum.
  birth_date date,
  gender text,
  postal_code text,
  -- Current consent per channel (false once erased).
  consent_sms boolean NOT NULL,
  consent_email boolean NOT NULL,
  -- Points spent that no lot covered (offline double spend): the balance at an
  -- instant is the open lots' `remaining` (member_point_lots: available and not
  -- expired then) minus this.
  points_deficit integer NOT NULL,
  -- How many point lots the ledger holds (spent ones included): the next lot's `lot_no`.
  lot_count integer NOT NULL,
  -- Cashback balance in øre.
  cashback_ore bigint NOT NULL,
  -- Points earned (net of returns) for tier qualification: `earn_log` the
  -- ledger's earnings as [[at_ms, points], ...] in the order earned (rolling
  -- qualification periods sum these between the period's instants);
  -- `earned_by_year` the same summed per local calendar year {"2026": 1200}
  -- (calendar-year tiers: greatest of this year's and last year's sum against
  -- each level's threshold). src/core/projections/member-facts.ts `tierOfFacts`
  -- is the engine's tierAt over these columns.
  earn_log jsonb NOT NULL,
  earned_by_year jsonb NOT NULL,
  -- Net stamps ever collected per punch card {"cardId": n} (full cards
  -- included): completed cards = floor(n / the card's size).
  stamps jsonb NOT NULL,
  -- Purchases (sales not voided, not fully returned), their spend after
  -- returns in øre, the first and last purchase instant (ms, null before any).
  purchases integer NOT NULL,
  spend_ore bigint NOT NULL,
  first_purchase_at bigint,
  last_purchase_at bigint,
  -- Categories of lines bought and kept, sorted.
  categories text[] NOT NULL,
  -- The newest event clock folded into this row.
  last_hlc text NOT NULL,
  -- Wall clock of the write (ms): the one column a rebuild does not reproduce.
  updated_at bigint NOT NULL,
  PRIMARY KEY (chain_id, member_id)
);
CREATE INDEX member_facts_last_purchase ON member_facts (chain_id, last_purchase_at);
CREATE INDEX member_facts_enrolled_day ON member_facts (chain_id, enrolled_day, enrolled_store_id);
CREATE INDEX member_facts_spend ON member_facts (chain_id, spend_ore DESC);
CREATE INDEX member_facts_home_store ON member_facts (chain_id, enrolled_store_id);

-- The member's point lots that still hold points (remaining > 0), one row per
-- lot of the ledger (a child table rather than JSON in member_facts, so the
-- points liability and "what expires in each of the next 6 months" are plain
-- indexed SQL: sum(remaining) WHERE available_at <= now AND (expires_at IS NULL
-- OR expires_at > now), grouped by the local month of expires_at). Lots spent
-- to nothing are not stored.
CREATE TABLE member_point_lots (
  chain_id text NOT NULL,
  member_id text NOT NULL,
  -- The lot's position in the ledger's lots (0 first).
  lot_no integer NOT NULL,
  -- What earned it: a sale id, an adjustment event id, `referral:<id>`, `merge:<id>:<i>`.
  source_id text NOT NULL,
  earned_at bigint NOT NULL,
  -- Spendable from this instant (before it: pending, the returns window).
  available_at bigint NOT NULL,
  -- Expired from this instant on (expires_at <= now: expired); null never expires.
  expires_at bigint,
  -- The local date of expires_at (null when it never expires), for per-month groupings.
  expires_day date,
  -- Points earned in the lot, and what is left after spends before it expired.
  points integer NOT NULL,
  remaining integer NOT NULL,
  PRIMARY KEY (chain_id, member_id, lot_no),
  FOREIGN KEY (chain_id, member_id) REFERENCES member_facts (chain_id, member_id) ON DELETE CASCADE
);
CREATE INDEX member_point_lots_expiry ON member_point_lots (chain_id, expires_at);

-- One booking row per sale event, void and return, each booked on its own
-- event's store, terminal, staff member, instant and local day (as the till's
-- "Dagens tall", src/core/day-report.ts: a return or void is counted when and
-- where it was made), from src/core/projections/sale-facts.ts. Sales without a
-- member (member_id null) are rows too. The row of a void or return takes the
-- member of its sale's row when that is stored (a void also its sale's
-- amounts, negated), whatever order they arrived in. A sale id's first
-- `sale.committed` in clock order is its sale (as the member fold counts it),
-- a sale's first void, a return id's first return.
CREATE TABLE sale_facts (
  chain_id text NOT NULL REFERENCES chains (id),
  -- 'sale:<saleId>', 'void:<saleId>' or 'return:<returnId>': one row each.
  booking text NOT NULL,
  -- 'sale' | 'void' | 'return'.
  kind text NOT NULL CHECK (kind IN ('sale', 'void', 'return')),
  -- The event booked here, and its clock (the first in clock order wins a booking).
  event_id text NOT NULL,
  hlc text NOT NULL,
  sale_id text NOT NULL,
  -- The return's id (kind 'return'), else null.
  return_id text,
  store_id text NOT NULL,
  terminal_id text NOT NULL,
  staff_id text,
  -- The member of the sale (null: a sale without a member). Kept after an
  -- erasure: a pseudonymous id, nothing personal is in these rows.
  member_id text,
  -- The event's own instant (ms) and its local date.
  at bigint NOT NULL,
  day date NOT NULL,
  -- Signed øre: a sale its total, a void minus its sale's total (0 while the
  -- sale is not stored), a return minus its refund.
  amount_ore bigint NOT NULL,
  -- Receipts: +1 a sale, -1 a void, 0 a return.
  receipts integer NOT NULL,
  -- Coupons and rewards (punch-card rewards: K-<cardId>-<memberId>-<k>) a sale
  -- redeemed; for a void its sale's, for a return those it gave back. A report
  -- nets them: sale rows minus void and return rows.
  coupon_ids text[] NOT NULL,
  reward_ids text[] NOT NULL,
  -- Stamps per punch card {"cardId": n}: collected by a sale, negative for
  -- what a void or return took back. Cards completed in a period: the member's
  -- running sum crossing multiples of the card's size.
  stamps jsonb NOT NULL,
  -- Points earned and redeemed: a sale's, negated for a void (its sale's) and
  -- a return (what it took back and gave back).
  points_earned integer NOT NULL,
  points_redeemed integer NOT NULL,
  updated_at bigint NOT NULL,
  PRIMARY KEY (chain_id, booking)
);
CREATE INDEX sale_facts_day_store ON sale_facts (chain_id, day, store_id);
CREATE INDEX sale_facts_member_at ON sale_facts (chain_id, member_id, at);
CREATE INDEX sale_facts_sale ON sale_facts (chain_id, sale_id);

-- Chains whose projections are still to be built from their log: every chain
-- that exists now (cloud/projections/rebuild.ts `buildPendingProjections`,
-- run after migrating, as member_ledgers_pending is).
CREATE TABLE projections_pending (
  chain_id text PRIMARY KEY REFERENCES chains (id)
);
INSERT INTO projections_pending (chain_id) SELECT id FROM chains;
