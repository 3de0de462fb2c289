-- Member-number slots given at pairing, and the chain's order kept apart from
-- the event rows so a push holds the chain's lock only to number its events.

-- Slots: each terminal of a chain gets its own block of member numbers
-- (slot × 1,000,000 + counter). The k-th terminal paired gets slot k up to 499,
-- then k + 500 (1000, 1001, …): slots 500–999 are where a till that was never
-- paired picks one at random, so numbers handed out after pairing never meet
-- them. Re-pairing the same terminal keeps its slot. See cloud/chains.ts.
ALTER TABLE chains ADD COLUMN slots_given integer NOT NULL DEFAULT 0;
ALTER TABLE terminals ADD COLUMN slot integer;
UPDATE terminals t
   SET slot = CASE WHEN n.k <= 499 THEN n.k ELSE n.k + 500 END
  FROM (SELECT id, row_number() OVER (PARTITION BY chain_id ORDER BY paired_at, id) AS k
          FROM terminals) n
 WHERE n.id = t.id;
UPDATE chains c SET slots_given = (SELECT count(*) FROM terminals t WHERE t.chain_id = c.id);
ALTER TABLE terminals ALTER COLUMN slot SET NOT NULL;
ALTER TABLE terminals ADD CONSTRAINT terminals_chain_slot UNIQUE (chain_id, slot);

-- The newest clock the chain's log holds (a programme saved in the cloud sorts
-- after it), kept by every push instead of an index over every event's clock.
ALTER TABLE chains ADD COLUMN max_hlc text;
UPDATE chains c SET max_hlc = (SELECT max(hlc) FROM events e WHERE e.chain_id = c.id);

-- The chain's order: pull walks it by position. A push inserts its event rows
-- (the heavy part: payloads, indexes) outside the chain's lock, then takes the
-- lock, numbers its events here and commits, so positions become visible in
-- order and a cursor never skips an event that commits late. Positions of the
-- events already stored are their old sequence numbers: cursors stay valid.
CREATE SEQUENCE event_order_pos;
CREATE TABLE event_order (
  chain_id text NOT NULL,
  pos bigint NOT NULL DEFAULT nextval('event_order_pos'),
  -- events.seq: the row (no foreign key: rows and positions are written together)
  event_seq bigint NOT NULL,
  PRIMARY KEY (chain_id, pos)
);
ALTER SEQUENCE event_order_pos OWNED BY event_order.pos;
INSERT INTO event_order (chain_id, pos, event_seq) SELECT chain_id, seq, seq FROM events;
SELECT setval('event_order_pos', greatest((SELECT max(seq) FROM events), 1),
              (SELECT count(*) > 0 FROM events));

-- Indexes only for what is asked: pull goes through event_order, the clock
-- maximum is kept on chains, and types are looked up for two kinds only.
DROP INDEX events_chain_seq;
DROP INDEX events_chain_hlc;
DROP INDEX events_chain_type_hlc;
CREATE INDEX events_chain_programme ON events (chain_id, hlc) WHERE type = 'programme.saved';
CREATE INDEX events_chain_erased ON events (chain_id, member_id) WHERE type = 'member.erased';
