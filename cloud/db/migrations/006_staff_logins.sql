-- The back office lists the chain's staff with their last log-in per store
-- (cloud/backoffice/staff.ts): the chain's log-ins found without reading its log.
CREATE INDEX events_chain_staff_login ON events (chain_id, hlc) WHERE type = 'staff.logged_in';
