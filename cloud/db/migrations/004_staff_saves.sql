-- A push that changes staff reads the chain's staff saves (the author must be an
-- active manager of the chain): few per chain, found without reading its log.
CREATE INDEX events_chain_staff ON events (chain_id, hlc) WHERE type = 'staff.saved';
