-- Each member's folded ledger (src/core foldMember), kept by the push that
-- stores the member's events, in its transaction and under the member's lock
-- (cloud/member-ledgers.ts): an event in clock order is applied to the stored
-- ledger, a late one, a void or a return refolds the member from the log. The
-- lookup index, redaction and conflicts (cloud/members.ts) are derived from it,
-- and snapshots for new tills are served from it.
CREATE TABLE member_ledgers (
  chain_id text NOT NULL REFERENCES chains (id),
  member_id text NOT NULL,
  -- The MemberLedger as JSON, raw-deflated (a year of a regular's history is
  -- ~20 kB of JSON, ~5 kB deflated, and a push rewrites the ledgers it touches):
  -- read with cloud/member-ledgers.ts (decodeLedger, chainLedgers), never queried inside.
  ledger bytea NOT NULL,
  -- Events in clock order applied to `ledger` since it was written (JSON array,
  -- at most a few): most pushes append here instead of rewriting the ledger,
  -- and the ledger a reader gets is `ledger` with these applied (exact: each was
  -- an incremental step, applyMemberEventInPlace). Written into `ledger` when
  -- the tail is full, and on every refold.
  tail text NOT NULL DEFAULT '[]',
  -- The ledger's newest event clock (tail included, ledger.lastHlc): a snapshot's clock.
  last_hlc text NOT NULL,
  updated_at bigint NOT NULL,
  PRIMARY KEY (chain_id, member_id)
);
-- Already compressed: stored out of line as it is, not compressed again.
ALTER TABLE member_ledgers ALTER COLUMN ledger SET STORAGE EXTERNAL;

-- Chains whose ledgers are still to be folded from their log: every chain that
-- exists now. The server folds them right after migrating (a fold needs the
-- engine, not SQL) and removes each chain once its ledgers are written.
CREATE TABLE member_ledgers_pending (
  chain_id text PRIMARY KEY REFERENCES chains (id)
);
INSERT INTO member_ledgers_pending (chain_id) SELECT id FROM chains;
