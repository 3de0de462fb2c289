-- Refused events kept for the chain's managers, and the QR token in the member
-- index so two members sharing one become a conflict.

-- What the cloud refused from a till's push (source 'push', with the event as
-- JSON text cut to a bound) and what tills reported they quarantined on pull
-- (source 'quarantine'). One row per terminal, source, event and code: a till
-- sending a refused event again counts up `times` instead of adding rows.
CREATE TABLE refused_events (
  seq bigserial PRIMARY KEY,
  chain_id text NOT NULL REFERENCES chains (id),
  terminal_id text NOT NULL,
  source text NOT NULL CHECK (source IN ('push', 'quarantine')),
  -- '' when not even an id could be read from what was sent
  event_id text NOT NULL,
  type text,
  code text NOT NULL,
  message text NOT NULL,
  raw text,
  first_at bigint NOT NULL,
  last_at bigint NOT NULL,
  times integer NOT NULL DEFAULT 1,
  UNIQUE (chain_id, terminal_id, source, event_id, code)
);
CREATE INDEX refused_events_chain ON refused_events (chain_id, seq);

-- Identity clashes (two live members sharing a phone, member number or QR
-- token) are conflicts, never refusals: the index holds the QR token too.
ALTER TABLE members ADD COLUMN qr_token text;
UPDATE members m
   SET qr_token = (SELECT e.payload ->> 'qrToken' FROM events e
                    WHERE e.chain_id = m.chain_id AND e.member_id = m.member_id
                      AND e.type = 'member.enrolled'
                    ORDER BY e.seq LIMIT 1)
 WHERE NOT m.erased;
CREATE INDEX members_chain_qr ON members (chain_id, qr_token) WHERE qr_token IS NOT NULL;
