-- Beside each member's stored ledger, what a push reads to decide whether new
-- sales can join the tail without the ledger being read (cloud/members.ts):
-- how many events the tail holds (the length of `tail`'s JSON list; parsing
-- every tail for it cost more than the rest of the push), and whether the
-- ledger holds nothing a conflict flag is made of (no coupon, reward or tier
-- redemptions, no points deficit, no negative cashback: `flagFree` in
-- src/core/member/flags.ts), so that no programme version or clock can flag
-- it. Rows from before start as not flag-free: their next push reads them.
ALTER TABLE member_ledgers ADD COLUMN tail_length integer NOT NULL DEFAULT 0;
UPDATE member_ledgers SET tail_length = json_array_length(tail::json) WHERE tail <> '[]';
ALTER TABLE member_ledgers ADD COLUMN flag_free boolean NOT NULL DEFAULT false;
