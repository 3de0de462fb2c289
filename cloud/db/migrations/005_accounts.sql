-- The back office's people: accounts of a chain (its owner and store managers)
-- signing in by e-mail and password, their sessions, the one-time links that
-- set a password (an invitation, a reset), and the log-in throttle.
-- Secrets are kept only as hashes: passwords by scrypt with their own salt,
-- session ids and link tokens (256-bit random) by sha256.

CREATE TABLE accounts (
  id text PRIMARY KEY,
  chain_id text NOT NULL REFERENCES chains (id),
  -- case-folded (trimmed, NFC, lower case): one account per address, whatever the chain
  email text NOT NULL UNIQUE,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('owner', 'store_manager')),
  -- 'scrypt$N$r$p$salt$hash'; null until the invitation's link is used
  password_hash text,
  disabled_at bigint,
  created_at bigint NOT NULL,
  -- the owner who invited them; null for the first owner (the command line)
  invited_by text REFERENCES accounts (id)
);
CREATE INDEX accounts_chain ON accounts (chain_id);

-- The stores a store manager manages (an owner has none here: the whole chain).
CREATE TABLE account_stores (
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  store_id text NOT NULL REFERENCES stores (id),
  PRIMARY KEY (account_id, store_id)
);

CREATE TABLE account_sessions (
  id_sha256 text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  created_at bigint NOT NULL,
  last_used_at bigint NOT NULL,
  -- the absolute end; the idle end is last_used_at + the idle time (cloud/accounts/sessions.ts)
  expires_at bigint NOT NULL,
  ended_at bigint
);
CREATE INDEX account_sessions_account ON account_sessions (account_id) WHERE ended_at IS NULL;

-- One-time links: an invitation (7 days) or a password reset. Used once, then kept as used.
CREATE TABLE account_links (
  token_sha256 text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id),
  purpose text NOT NULL CHECK (purpose IN ('invite', 'reset')),
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  used_at bigint
);
CREATE INDEX account_links_account ON account_links (account_id) WHERE used_at IS NULL;

-- Wrong passwords per typed e-mail address (its sha256, so an address that has no
-- account is locked the same way and the table keeps no typed text).
CREATE TABLE login_throttle (
  key_sha256 text PRIMARY KEY,
  failures integer NOT NULL,
  locked_until bigint,
  last_failure_at bigint NOT NULL
);
