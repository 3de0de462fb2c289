/**
 * Members whose refolds start from a base (a snapshot from the cloud, or the
 * till's own fold of events it no longer keeps): see migration 008 and
 * docs/architecture.md ("Sync": new tills from snapshots). The rule that keeps
 * the till exact: the base is the fold of every event of the member up to its
 * clock, and the log holds every event after it, so a refold is
 * `foldMemberFrom(base, events after the base)`. An event that cannot be folded
 * on top of the base (`reachesBefore`) marks the member as needing a fresh base,
 * which only the cloud, holding every event, can give.
 */
import type { MemberEvent } from '../../core/events';
import { foldMemberFrom, reachesBefore } from '../../core/member';
import type { MemberLedger } from '../../core/member-types';
import { isKnownEventType } from '../../core/events';
import type { Db } from '../db';
import type { EventRow } from '../event-log';
import { eventFromRow } from '../event-log';
import { statement } from '../statements';

export interface MemberBase {
  ledger: MemberLedger;
  needsSnapshot: boolean;
}

export function readBase(db: Db, memberId: string): MemberBase | null {
  const row = statement(
    db,
    `SELECT coalesce(b.ledger, m.ledger) AS ledger, b.needs_snapshot FROM member_bases b
       LEFT JOIN members m ON m.member_id = b.member_id WHERE b.member_id = ?`,
  ).get(memberId) as { ledger: string | null; needs_snapshot: number } | undefined;
  if (row === undefined || row.ledger === null) return null;
  return {
    ledger: JSON.parse(row.ledger) as MemberLedger,
    needsSnapshot: row.needs_snapshot === 1,
  };
}

export function writeBase(db: Db, ledger: MemberLedger): void {
  statement(
    db,
    `INSERT INTO member_bases (member_id, ledger, base_hlc, needs_snapshot) VALUES (?, ?, ?, 0)
     ON CONFLICT (member_id) DO UPDATE SET
       ledger = excluded.ledger, base_hlc = excluded.base_hlc, needs_snapshot = 0`,
  ).run(ledger.memberId, JSON.stringify(ledger), ledger.lastHlc);
}

/** The member's row is the base (installed from the cloud just now): nothing stored twice. */
export function writeBaseAsRow(db: Db, ledger: MemberLedger): void {
  statement(
    db,
    `INSERT INTO member_bases (member_id, ledger, base_hlc, needs_snapshot) VALUES (?, NULL, ?, 0)
     ON CONFLICT (member_id) DO UPDATE SET
       ledger = NULL, base_hlc = excluded.base_hlc, needs_snapshot = 0`,
  ).run(ledger.memberId, ledger.lastHlc);
}

/** writeBaseAsRow for many members ([member id, the ledger's lastHlc]) in one statement. */
export function writeBasesAsRows(db: Db, bases: ReadonlyArray<readonly [string, string]>): void {
  if (bases.length === 0) return;
  statement(
    db,
    `INSERT INTO member_bases (member_id, ledger, base_hlc, needs_snapshot)
     SELECT j.value ->> 0, NULL, j.value ->> 1, 0 FROM json_each(?) j WHERE true
     ON CONFLICT (member_id) DO UPDATE SET
       ledger = NULL, base_hlc = excluded.base_hlc, needs_snapshot = 0`,
  ).run(JSON.stringify(bases));
}

/** Before the member's row changes: a base that was the row gets its own copy. */
export function keepBase(db: Db, memberId: string): void {
  statement(
    db,
    `UPDATE member_bases SET ledger = (SELECT ledger FROM members WHERE member_id = ?)
      WHERE member_id = ? AND ledger IS NULL`,
  ).run(memberId, memberId);
}

/** Every base that is a row gets its own copy (before the rows are rebuilt). */
export function keepAllBases(db: Db): void {
  statement(
    db,
    `UPDATE member_bases SET ledger = (SELECT m.ledger FROM members m
       WHERE m.member_id = member_bases.member_id) WHERE ledger IS NULL`,
  ).run();
}

/**
 * An erasure reaches the base too: it becomes the member's fold up to now
 * (redacted by the fold), so no personal data stays in it. Whether the member
 * waits for a fresh base stays as it was.
 */
export function rebaseErased(db: Db, memberId: string): void {
  const base = readBase(db, memberId);
  if (base === null) return;
  const ledger = foldMemberFrom(base.ledger, memberEventsAfter(db, memberId, base.ledger.lastHlc));
  writeBase(db, ledger);
  if (base.needsSnapshot) markNeedsSnapshot(db, memberId);
}

export function markNeedsSnapshot(db: Db, memberId: string): void {
  statement(db, 'UPDATE member_bases SET needs_snapshot = 1 WHERE member_id = ?').run(memberId);
}

/** The member's events in the log after `hlc`, in clock order (known types only). */
export function memberEventsAfter(db: Db, memberId: string, hlc: string): MemberEvent[] {
  const rows = statement(
    db,
    'SELECT * FROM events WHERE member_id = ? AND hlc > ? ORDER BY hlc, id',
  ).all(memberId, hlc) as EventRow[];
  const events: MemberEvent[] = [];
  for (const row of rows)
    if (isKnownEventType(row.type)) events.push(eventFromRow(row) as MemberEvent);
  return events;
}

export type BaseRefold =
  | { kind: 'no_base' }
  | { kind: 'folded'; ledger: MemberLedger }
  /** The member waits for a fresh base from the cloud; the row is left as it is. */
  | { kind: 'waits' };

/**
 * A refold of a member that may have a base. `event`: the one just stored
 * that asked for the refold (checked against the base first).
 */
export function refoldOnBase(db: Db, memberId: string, event?: MemberEvent): BaseRefold {
  const base = readBase(db, memberId);
  if (base === null) return { kind: 'no_base' };
  if (base.needsSnapshot) return { kind: 'waits' };
  if (event !== undefined && reachesBefore(base.ledger, event)) {
    markNeedsSnapshot(db, memberId);
    return { kind: 'waits' };
  }
  const after = memberEventsAfter(db, memberId, base.ledger.lastHlc);
  return { kind: 'folded', ledger: foldMemberFrom(base.ledger, after) };
}

/** Connections installing a snapshot's events: the bases hold their effect on members already. */
const covering = new WeakSet<Db>();

export function whileBasesCover<T>(db: Db, work: () => T): T {
  covering.add(db);
  try {
    return work();
  } finally {
    covering.delete(db);
  }
}

export function basesCover(db: Db): boolean {
  return covering.has(db);
}
