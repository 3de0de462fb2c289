-- Automatic messages (issue 17 point 3; cloud/automations): a birthday
-- greeting, points about to expire, a punch-card reward ready, a win-back of
-- lapsing members. A daily run per chain puts their messages in the outbox
-- (migration 015) with purpose 'automation:<kind>:<occasion>' and ids made
-- from (chain, purpose, member, channel), so the sender's consent, cap, quiet
-- hours and opt-out apply to them as to campaigns.

-- Each automation of a chain: on or off, its channels and texts. A chain
-- without a row has it off, with the default texts (src/contract/backoffice/automations.ts).
CREATE TABLE automation_settings (
  chain_id text NOT NULL REFERENCES chains (id),
  kind text NOT NULL CHECK (kind IN ('birthday', 'points_expiring', 'reward_ready', 'win_back')),
  enabled boolean NOT NULL,
  sms boolean NOT NULL,
  email boolean NOT NULL,
  -- Texts with placeholders ({fornavn}, …), kept when a channel is off.
  sms_text text NOT NULL,
  email_subject text NOT NULL,
  email_text text NOT NULL,
  updated_by text REFERENCES accounts (id) ON DELETE SET NULL,
  updated_at bigint NOT NULL,
  PRIMARY KEY (chain_id, kind)
);

-- Each occasion decided: one row per automation, member and occasion (the
-- birthday's year, the expiry's local date, the reward id, the lapse's last
-- purchase instant). A run inserts the row and enqueues in one transaction;
-- a row already there means the member had this one, so a second run (or a
-- restart) sends nothing again.
CREATE TABLE automation_occasions (
  chain_id text NOT NULL REFERENCES chains (id),
  kind text NOT NULL,
  member_id text NOT NULL,
  occasion text NOT NULL,
  -- The channels a message was enqueued on (the sender may still skip it).
  channels text[] NOT NULL,
  decided_at bigint NOT NULL,
  PRIMARY KEY (chain_id, kind, member_id, occasion)
);
CREATE INDEX automation_occasions_decided ON automation_occasions (chain_id, kind, decided_at);

-- The local day each chain's automations last ran (the run is daily); cleared
-- when an automation is saved, so turning one on takes effect the same day.
CREATE TABLE automation_runs (
  chain_id text PRIMARY KEY REFERENCES chains (id),
  last_day date NOT NULL,
  ran_at bigint NOT NULL
);
