-- Why a scheduled campaign was not sent at its time (cloud/campaigns
-- sendScheduledCampaigns): the catalogue key of the refusal (its segment
-- deleted, a channel with no provider). Such a campaign stays a draft with its
-- time cleared, so it leaves the sender's due set and the others go on; the
-- campaign page shows the reason until the draft is changed or sent.
ALTER TABLE campaigns ADD COLUMN unsent_reason text;
