/**
 * Nothing a till receives may stop it (docs/architecture.md, "Trust between
 * tills and the cloud"):
 * - A QR token held by two live members (two `member.enrolled` that the cloud
 *   passed on) is a conflict, like a shared phone, not a failed write: the
 *   unique index goes, and lookups answer the earliest enrolment.
 * - An event the till cannot apply (pulled) or the cloud cannot take (local) is
 *   kept in `quarantine` as it came, with a code and a reason for the manager,
 *   and reported to the cloud once (`reported`). A local event set aside this
 *   way leaves the outbox with `events.pushed = 2`.
 * - Events of types a newer version writes are stored and passed on, never
 *   projected; `foreign_event_types` counts them by type for the sync screen
 *   (counting them in the log itself would read every event).
 */
export const sql = /* sql */ `
DROP INDEX members_qr;
CREATE INDEX members_qr ON members (qr_token, enrolled_at, member_id) WHERE qr_token IS NOT NULL;

CREATE TABLE quarantine (
  seq INTEGER PRIMARY KEY,
  -- 'pulled': came from the cloud and could not be applied; 'local': written here, the cloud cannot take it
  direction TEXT NOT NULL CHECK (direction IN ('pulled', 'local')),
  -- the event's id and type when they could be read
  event_id TEXT,
  event_type TEXT,
  -- the event as it came, as JSON text
  raw TEXT NOT NULL,
  code TEXT NOT NULL,
  reason TEXT NOT NULL,
  at INTEGER NOT NULL,
  reported INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE UNIQUE INDEX quarantine_event ON quarantine (direction, event_id) WHERE event_id IS NOT NULL;
CREATE INDEX quarantine_unreported ON quarantine (seq) WHERE reported = 0;

CREATE TABLE foreign_event_types (
  type TEXT PRIMARY KEY,
  events INTEGER NOT NULL
) STRICT;
`;
