-- The outbox of the cloud's messages to members (issue 17 point 2;
-- cloud/messaging): campaigns and automations put messages here
-- (`enqueueMessages`), the sender (`sendDue` / `runSender`) sends what is due
-- by SMS or e-mail, and the providers' delivery reports move them on.
--
-- A message's state only moves forward:
--   queued → sending → sent → delivered | failed
--   queued → skipped (skip_reason: no_consent, over_cap, opted_out, no_address)
--   queued → failed (the provider refused it every time, or it no longer exists)
-- `sending` is written and committed BEFORE the provider is called; a message
-- found in `sending` (a crash, or an answer lost on the way back) is never sent
-- again: only a delivery report (which carries `id` as the provider reference)
-- settles it, or, after a day without one, it is failed with
-- provider_status 'unknown_outcome'. At most once, never twice.
CREATE TABLE outbox (
  chain_id text NOT NULL REFERENCES chains (id),
  -- uuid; the provider reference (Sveve `ref`, 46elks callback `ref`, e-mail Message-ID).
  id text NOT NULL,
  member_id text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('sms', 'email')),
  -- e-mail only.
  subject text,
  -- SMS text or the e-mail's plain-text part (the opt-out is added when sent).
  body text NOT NULL,
  -- e-mail only: the HTML part (made from `body` when null).
  html text,
  -- Why it is sent: 'campaign:<id>', 'automation:birthday:2026', … One message
  -- per member, channel and purpose (a campaign enqueued twice sends once).
  purpose text NOT NULL,
  created_at bigint NOT NULL,
  -- Not sent before this instant (ms); moved to the morning by quiet hours.
  not_before bigint NOT NULL,
  state text NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'delivered', 'failed', 'skipped')),
  skip_reason text CHECK (skip_reason IN ('no_consent', 'over_cap', 'opted_out', 'no_address')),
  -- Provider calls made (a refused call is retried with a growing pause, at most 5).
  attempts integer NOT NULL DEFAULT 0,
  -- The provider's own id, status or error text (never a secret).
  provider_id text,
  provider_status text,
  sending_at bigint,
  sent_at bigint,
  delivered_at bigint,
  failed_at bigint,
  updated_at bigint NOT NULL,
  PRIMARY KEY (chain_id, id)
);
CREATE UNIQUE INDEX outbox_id ON outbox (id);
CREATE UNIQUE INDEX outbox_purpose ON outbox (chain_id, purpose, member_id, channel);
-- What is due, in order.
CREATE INDEX outbox_due ON outbox (not_before, id) WHERE state = 'queued';
-- The rolling 30-day cap: what a member was sent lately.
CREATE INDEX outbox_member_sent ON outbox (chain_id, member_id, channel, sending_at)
  WHERE sending_at IS NOT NULL;
CREATE INDEX outbox_stuck ON outbox (sending_at) WHERE state = 'sending';

-- A chain's sending rules; a chain without a row has the defaults
-- (cloud/messaging/settings.ts): 2 messages per member and channel in 30 days,
-- quiet from 21:00 to 08:00 in the programme's time zone.
CREATE TABLE messaging_settings (
  chain_id text PRIMARY KEY REFERENCES chains (id),
  frequency_cap integer NOT NULL CHECK (frequency_cap BETWEEN 0 AND 10),
  -- Minutes after local midnight; quiet from start to end (over midnight when start > end).
  quiet_start_minute integer NOT NULL CHECK (quiet_start_minute BETWEEN 0 AND 1439),
  quiet_end_minute integer NOT NULL CHECK (quiet_end_minute BETWEEN 0 AND 1439),
  -- SMS sender name (at most 11 characters, letters and digits); null: the server's.
  sms_sender text,
  updated_at bigint NOT NULL
);

-- The server's own secret for unsubscribe links and callback addresses when
-- none is configured (LOJAL_MESSAGING_SECRET): made once, kept here.
CREATE TABLE messaging_secret (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  secret text NOT NULL
);
