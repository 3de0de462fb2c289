-- Every push writes rows of these tables for most of its events, and each
-- foreign key was checked row by row: a lookup and a share lock of the
-- chain's row (or of the member's facts) per row written, about a tenth of
-- PostgreSQL's work in a push of a day. They are projections the cloud alone
-- writes from its log, kept whole by the code that writes them instead:
-- chains are never deleted, and a member's point lots go with the member's
-- facts (cloud/projections/store.ts dropMemberFacts, the rebuild).
ALTER TABLE member_point_lots DROP CONSTRAINT member_point_lots_chain_id_member_id_fkey;
ALTER TABLE member_facts DROP CONSTRAINT member_facts_chain_id_fkey;
ALTER TABLE sale_facts DROP CONSTRAINT sale_facts_chain_id_fkey;
ALTER TABLE member_ledgers DROP CONSTRAINT member_ledgers_chain_id_fkey;
