-- How many events each member's tail holds (the length of `tail`'s JSON list),
-- kept beside it: a push reads it for every member it touches to decide
-- whether new sales can join the tail without the ledger being read
-- (cloud/members.ts), and parsing every tail for it cost more than the rest.
ALTER TABLE member_ledgers ADD COLUMN tail_length integer NOT NULL DEFAULT 0;
UPDATE member_ledgers SET tail_length = json_array_length(tail::json) WHERE tail <> '[]';
