-- A campaign planned by its owner (campaign.schedule, confirmed with its reach
-- and cost) is 'scheduled'; only those does the sender send at their time
-- (cloud/campaigns sendScheduledCampaigns). A draft with a time never sends
-- itself, so drafts already in a database with a time passed stay drafts.
ALTER TABLE campaigns DROP CONSTRAINT campaigns_state_check;
ALTER TABLE campaigns ADD CONSTRAINT campaigns_state_check
  CHECK (state IN ('draft', 'scheduled', 'sent'));
