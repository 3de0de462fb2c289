/**
 * Members kept from a snapshot (docs/architecture.md, "Sync": new tills from
 * snapshots, retention): the member's folded ledger at a clock, the base every
 * refold of the member starts from, because the log no longer holds (or never
 * held) the events folded into it. `needs_snapshot`: an event arrived that
 * cannot be folded on top of the base (older than it, or a void or return of a
 * sale folded into it): the member's row waits for a fresh base from the
 * cloud, which holds every event.
 */
export const sql = /* sql */ `
CREATE TABLE member_bases (
  member_id TEXT PRIMARY KEY,
  -- The MemberLedger as JSON; its lastHlc is the base's clock. NULL: the
  -- member's row in members is the base (unchanged since it was installed; a
  -- snapshot's million members are not stored twice). Copied here before the
  -- row first changes.
  ledger TEXT,
  base_hlc TEXT NOT NULL,
  needs_snapshot INTEGER NOT NULL DEFAULT 0 CHECK (needs_snapshot IN (0, 1))
) STRICT;
CREATE INDEX member_bases_needed ON member_bases (member_id) WHERE needs_snapshot = 1;
`;
