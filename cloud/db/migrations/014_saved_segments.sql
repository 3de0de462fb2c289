-- Saved segments (issue 16 point 4; cloud/segments/saved.ts): a chain's named
-- segment rules (src/core/programme.ts SegmentRule, as JSON), built in the back
-- office, counted and listed over the projections, and copied into a campaign
-- of the programme by the programme editor (tills evaluate the copy offline).
-- They are the chain's, listed to every account; `created_by` is the account
-- that saved one first (a store manager changes and deletes only their own).
CREATE TABLE saved_segments (
  chain_id text NOT NULL REFERENCES chains (id),
  id text NOT NULL,
  name text NOT NULL,
  rule jsonb NOT NULL,
  created_by text REFERENCES accounts (id) ON DELETE SET NULL,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  PRIMARY KEY (chain_id, id)
);
-- One name once per chain, whatever its case ("Lapsing" and "lapsing" are one).
CREATE UNIQUE INDEX saved_segments_chain_name ON saved_segments (chain_id, lower(name));
