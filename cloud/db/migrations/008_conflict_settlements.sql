-- How the chain's conflicts were settled in the back office (cloud/backoffice/conflicts.ts):
-- one row per conflict settled, kept after the conflict itself is gone (a void, an
-- adjustment that cleared a negative balance), with who settled it and when.
-- A conflict is one occurrence of a flag: its member, kind, subject and the time the
-- cloud first saw it (a flag that goes and comes back is a new conflict).
CREATE TABLE conflict_settlements (
  chain_id text NOT NULL REFERENCES chains (id),
  -- md5 of member, kind, subject and first_seen_at (the id the back office is given)
  conflict_id text NOT NULL,
  member_id text NOT NULL,
  kind text NOT NULL,
  subject text NOT NULL,
  -- the engine's flag as it stood when settled
  flag jsonb NOT NULL,
  first_seen_at bigint NOT NULL,
  last_seen_at bigint NOT NULL,
  -- the stores of the events involved (a store manager sees the settlements of theirs)
  store_ids text[] NOT NULL,
  -- the events involved: [{what, eventId, at, storeId, terminalId, receiptNo}]
  involved jsonb NOT NULL,
  action text NOT NULL CHECK (action IN ('write_off', 'adjust', 'contacted')),
  points integer,
  -- the points.adjusted written for an adjustment
  event_id text,
  note text NOT NULL,
  settled_by text NOT NULL REFERENCES accounts (id),
  settled_at bigint NOT NULL,
  PRIMARY KEY (chain_id, conflict_id),
  CHECK ((action = 'adjust') = (points IS NOT NULL AND event_id IS NOT NULL))
);
CREATE INDEX conflict_settlements_newest ON conflict_settlements (chain_id, settled_at DESC);
