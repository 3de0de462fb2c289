-- Campaigns (issue 17 point 1; cloud/campaigns): a saved segment + an offer (a
-- message only, or a coupon campaign of the programme, which the tills already
-- know) + SMS and/or e-mail texts + when. Sending puts one message per
-- consenting member and channel in the outbox (migration 015) with purpose
-- 'campaign:<id>'; the sender applies consent, the cap and quiet hours at send
-- time. A campaign is sent once: state moves draft → sent and never back.
CREATE TABLE campaigns (
  chain_id text NOT NULL REFERENCES chains (id),
  id text NOT NULL,
  name text NOT NULL,
  -- The saved segment chosen; its name and rule as they were when sent.
  segment_id text NOT NULL,
  segment_name text,
  segment_rule jsonb,
  -- 'message' | 'coupon' (coupon_campaign_id: the programme's CouponCampaign id).
  offer_kind text NOT NULL CHECK (offer_kind IN ('message', 'coupon')),
  coupon_campaign_id text,
  -- Null: that channel is not used.
  sms_text text,
  email_subject text,
  email_text text,
  -- Not sent before this instant (ms); null: at once when sent.
  send_at bigint,
  state text NOT NULL CHECK (state IN ('draft', 'sent')),
  sent_at bigint,
  sent_by text REFERENCES accounts (id) ON DELETE SET NULL,
  -- Messages put in the outbox when sent, per channel.
  enqueued_sms integer NOT NULL DEFAULT 0,
  enqueued_email integer NOT NULL DEFAULT 0,
  created_by text REFERENCES accounts (id) ON DELETE SET NULL,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  PRIMARY KEY (chain_id, id),
  CHECK ((offer_kind = 'coupon') = (coupon_campaign_id IS NOT NULL)),
  CHECK (sms_text IS NOT NULL OR email_text IS NOT NULL)
);
CREATE INDEX campaigns_chain_created ON campaigns (chain_id, created_at DESC);

-- What one SMS part costs the chain (øre), for the cost shown before sending;
-- a chain without a row pays the default (cloud/campaigns: 45 øre).
CREATE TABLE campaign_settings (
  chain_id text PRIMARY KEY REFERENCES chains (id),
  sms_price_ore integer NOT NULL CHECK (sms_price_ore BETWEEN 0 AND 1000),
  updated_at bigint NOT NULL
);
