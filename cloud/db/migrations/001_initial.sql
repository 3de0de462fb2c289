-- Chains, their stores and paired terminals; credentials (hashed tokens); the
-- chain's event log in server order; a member index for lookups; open conflicts.
-- Instants are epoch milliseconds (bigint), as everywhere in Lojal.

CREATE TABLE chains (
  id text PRIMARY KEY,
  name text NOT NULL UNIQUE,
  created_at bigint NOT NULL
);

CREATE TABLE stores (
  id text PRIMARY KEY,
  chain_id text NOT NULL REFERENCES chains (id),
  name text NOT NULL,
  -- normalised store code (8 characters, no dash)
  code text NOT NULL UNIQUE,
  created_at bigint NOT NULL,
  UNIQUE (chain_id, name)
);

CREATE TABLE terminals (
  id text PRIMARY KEY,
  chain_id text NOT NULL REFERENCES chains (id),
  store_id text NOT NULL REFERENCES stores (id),
  name text NOT NULL,
  paired_at bigint NOT NULL,
  last_seen_at bigint
);

CREATE TABLE credentials (
  token_sha256 text PRIMARY KEY,
  role text NOT NULL CHECK (role IN ('terminal', 'admin')),
  chain_id text NOT NULL REFERENCES chains (id),
  store_id text REFERENCES stores (id),
  terminal_id text REFERENCES terminals (id),
  label text NOT NULL,
  created_at bigint NOT NULL,
  revoked_at bigint,
  CHECK ((role = 'terminal') = (terminal_id IS NOT NULL AND store_id IS NOT NULL))
);

CREATE TABLE events (
  seq bigserial PRIMARY KEY,
  chain_id text NOT NULL REFERENCES chains (id),
  id text NOT NULL,
  store_id text NOT NULL,
  terminal_id text NOT NULL,
  hlc text NOT NULL,
  type text NOT NULL,
  member_id text,
  schema_version integer NOT NULL,
  payload jsonb NOT NULL,
  -- true once the payload went through redactForErasure (or needed none)
  redacted boolean NOT NULL DEFAULT false,
  received_at bigint NOT NULL,
  UNIQUE (chain_id, id)
);
CREATE INDEX events_chain_seq ON events (chain_id, seq);
CREATE INDEX events_chain_member ON events (chain_id, member_id, seq) WHERE member_id IS NOT NULL;
CREATE INDEX events_chain_hlc ON events (chain_id, hlc);
CREATE INDEX events_chain_type_hlc ON events (chain_id, type, hlc);

CREATE TABLE members (
  chain_id text NOT NULL REFERENCES chains (id),
  member_id text NOT NULL,
  member_number text NOT NULL,
  phone_e164 text,
  erased boolean NOT NULL,
  enrolled_at bigint NOT NULL,
  PRIMARY KEY (chain_id, member_id)
);
CREATE INDEX members_chain_phone ON members (chain_id, phone_e164) WHERE phone_e164 IS NOT NULL;
CREATE INDEX members_chain_number ON members (chain_id, member_number);

CREATE TABLE conflicts (
  chain_id text NOT NULL REFERENCES chains (id),
  member_id text NOT NULL,
  kind text NOT NULL,
  -- the coupon, reward or tier period at stake; '' for balances
  subject text NOT NULL,
  flag jsonb NOT NULL,
  first_seen_at bigint NOT NULL,
  last_seen_at bigint NOT NULL,
  PRIMARY KEY (chain_id, member_id, kind, subject)
);
