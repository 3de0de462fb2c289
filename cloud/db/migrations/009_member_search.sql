-- The back office's member search (cloud/backoffice/members.ts): by the start
-- of a first or last name, beside the phone and member number the lookup index
-- had. The names are kept as the engine folds them (cloud/members.ts), erased
-- members' as null; `store_ids` are the stores a member enrolled or bought in
-- (a store manager sees the phone and e-mail of those stores' customers only).
-- Members indexed before this migration get their names at their next event.
ALTER TABLE members ADD COLUMN full_name text;
-- 'first last' and 'last first', lower case, spaces collapsed: a prefix of either matches.
ALTER TABLE members ADD COLUMN name_key text;
ALTER TABLE members ADD COLUMN surname_key text;
ALTER TABLE members ADD COLUMN store_ids text[] NOT NULL DEFAULT '{}';
-- In the C collation (bytes): a LIKE 'prefix%' is a range of the index whatever the
-- database's collation, and the index gives the page's order (member_id breaks ties),
-- so a page of a common first name reads its 26 rows, not every match.
CREATE INDEX members_chain_name_key ON members (chain_id, (name_key COLLATE "C"), member_id)
  WHERE NOT erased;
CREATE INDEX members_chain_surname_key ON members (chain_id, (surname_key COLLATE "C"), member_id)
  WHERE NOT erased;

-- The audit per account: the events an account wrote in the back office
-- (the cloud's own events carry the account's id as their author).
CREATE INDEX events_chain_cloud_author ON events (chain_id, (payload->>'staffId'), seq)
  WHERE store_id = 'cloud';
