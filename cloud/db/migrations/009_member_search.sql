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

-- Members indexed before this migration: their names from their events, last
-- writer (by clock) per field as the engine folds them (the enrolment's
-- profile, then each profile change that names the field), and the stores
-- they enrolled or bought in. Lower case by the database's lower(): where its
-- collation does not lower a letter (Æ, Ø, Å under "C"), that member is found
-- by name again after their next event, when the cloud writes their keys.
WITH named AS (
  SELECT chain_id, member_id, hlc,
         CASE WHEN type = 'member.enrolled' THEN payload->'profile' ELSE payload->'fields' END AS p
    FROM events
   WHERE type IN ('member.enrolled', 'member.profile_updated') AND member_id IS NOT NULL
), latest AS (
  SELECT chain_id, member_id,
         nullif(btrim((array_agg(p->>'firstName' ORDER BY hlc DESC) FILTER (WHERE p ? 'firstName'))[1]), '') AS first_name,
         nullif(btrim((array_agg(p->>'lastName' ORDER BY hlc DESC) FILTER (WHERE p ? 'lastName'))[1]), '') AS last_name
    FROM named GROUP BY chain_id, member_id
), keyed AS (
  SELECT chain_id, member_id,
         concat_ws(' ', first_name, last_name) AS full_name,
         lower(regexp_replace(concat_ws(' ', first_name, last_name), '\s+', ' ', 'g')) AS name_key,
         lower(regexp_replace(concat_ws(' ', last_name, first_name), '\s+', ' ', 'g')) AS surname_key
    FROM latest
)
UPDATE members m
   SET full_name = nullif(k.full_name, ''), name_key = nullif(k.name_key, ''),
       surname_key = nullif(k.surname_key, '')
  FROM keyed k
 WHERE m.chain_id = k.chain_id AND m.member_id = k.member_id AND NOT m.erased;

UPDATE members m
   SET store_ids = s.store_ids
  FROM (SELECT chain_id, member_id, array_agg(DISTINCT store_id ORDER BY store_id) AS store_ids
          FROM events
         WHERE type IN ('member.enrolled', 'sale.committed') AND member_id IS NOT NULL
           AND store_id <> 'cloud'
         GROUP BY chain_id, member_id) s
 WHERE m.chain_id = s.chain_id AND m.member_id = s.member_id;
