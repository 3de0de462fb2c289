-- The member's own page on the cloud, /m/<token> (issue 17 point 4;
-- cloud/member-page). A member has at most one live link; "Lag ny lenke" in
-- the back office revokes it and makes another, and the old one then answers
-- "Lenken er ikke lenger gyldig".
--
-- The token itself is never stored: it is an HMAC of the row's random `id`
-- under the server's secret (member_page_secret), so the cloud can put the
-- same link in a message or on a receipt again. A request finds its row by
-- the token's SHA-256. That secret is kept in this same database, so a copy
-- of the database can make every member's link: it must be guarded as the
-- members' data itself is.
CREATE TABLE member_page_secret (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  secret text NOT NULL
);

CREATE TABLE member_page_tokens (
  chain_id text NOT NULL REFERENCES chains (id),
  -- 128 random bits (base64url); the token is derived from it.
  id text PRIMARY KEY,
  member_id text NOT NULL,
  -- hex SHA-256 of the token.
  token_hash text NOT NULL UNIQUE,
  created_at bigint NOT NULL,
  revoked_at bigint
);

CREATE UNIQUE INDEX member_page_tokens_live
  ON member_page_tokens (chain_id, member_id) WHERE revoked_at IS NULL;
