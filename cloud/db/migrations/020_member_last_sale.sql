-- The latest instant of any of a member's sales (voided and returned ones
-- too; src/core/projections/member-facts.ts lastSaleAt): a segment that asks
-- for visits or spend in a window skips, by this column alone, the members
-- with no sale since the window's start, instead of looking each one up in
-- sale_facts (cloud/segments/sql.ts). Every chain's projections are built
-- again from its log to fill it in, as migration 013 built them first.
ALTER TABLE member_facts ADD COLUMN last_sale_at bigint;
INSERT INTO projections_pending (chain_id) SELECT id FROM chains ON CONFLICT DO NOTHING;
