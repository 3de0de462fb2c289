-- A campaign may offer one of the programme's bonus campaigns (extra points in
-- a window, which the tills already apply; cloud/campaigns): offer_kind
-- 'bonus' with bonus_campaign_id, as 'coupon' has coupon_campaign_id. The
-- checks of 016 are dropped by the names PostgreSQL gave them and added back
-- named, one id per offer kind; rows already stored satisfy them all.
ALTER TABLE campaigns ADD COLUMN bonus_campaign_id text;
ALTER TABLE campaigns DROP CONSTRAINT campaigns_offer_kind_check;
ALTER TABLE campaigns ADD CONSTRAINT campaigns_offer_kind_check
  CHECK (offer_kind IN ('message', 'coupon', 'bonus'));
ALTER TABLE campaigns DROP CONSTRAINT campaigns_check;
ALTER TABLE campaigns ADD CONSTRAINT campaigns_coupon_check
  CHECK ((offer_kind = 'coupon') = (coupon_campaign_id IS NOT NULL));
ALTER TABLE campaigns ADD CONSTRAINT campaigns_bonus_check
  CHECK ((offer_kind = 'bonus') = (bonus_campaign_id IS NOT NULL));
