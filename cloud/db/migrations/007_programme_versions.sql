-- Who published a programme version in the back office (cloud/backoffice/handlers/programme.ts).
-- The version itself is the `programme.saved` event in the chain's log, as every
-- till pulls it; this notes its author (an account) and, for a roll-back, the
-- version it brought back, written in the same transaction as the event.
CREATE TABLE programme_versions (
  event_id text PRIMARY KEY,
  chain_id text NOT NULL REFERENCES chains (id),
  account_id text NOT NULL REFERENCES accounts (id),
  -- the event id of the older version a roll-back published again
  rolled_back_to text,
  note text,
  created_at bigint NOT NULL
);
CREATE INDEX programme_versions_chain ON programme_versions (chain_id);

