/**
 * The till's side of snapshots and retention (docs/architecture.md, "Sync"):
 * members installed from the cloud's ledgers as bases (migration 008), fresh
 * bases for members that wait for one, and other stores' old sales dropped
 * from the log once folded into a base.
 */
import { foldMember, foldMemberFrom } from '../core/member';
import type { MemberLedger } from '../core/member-types';
import type { Db } from './db';
import { memberEvents } from './event-log';
import { forgetLedger } from './ledger-cache';
import {
  markNeedsSnapshot,
  memberEventsAfter,
  readBase,
  writeBase,
  writeBaseAsRow,
  writeBasesAsRows,
} from './projections/member-bases';
import { newMemberRow, newMembersWriter, writeMember } from './projections/members';
import type { NewMemberRow } from './projections/members';
import { getSetting, setSetting } from './settings';
import { inTransaction, statement } from './statements';

export { whileBasesCover } from './projections/member-bases';

export const SnapshotKeys = {
  /** A snapshot was begun and not finished: the next pull takes one before anything else. */
  pending: 'snapshot.pending',
  /** The head a begun snapshot read first: its events go up to it, and the cursor moves to it. */
  head: 'snapshot.head',
  /** When this till last asked the cloud's head (ms): once a day is enough. */
  checkedAt: 'snapshot.checked_at',
  /** The chain's retention for other stores' sales, in days (as the cloud last said). */
  salesRetentionDays: 'snapshot.sales_retention_days',
  /** When other stores' old sales were last dropped (ms). */
  prunedAt: 'snapshot.pruned_at',
} as const;

export function snapshotSetting(db: Db, key: string): number | null {
  const value = getSetting(db, key);
  return value === null ? null : Number(value);
}

export function setSnapshotSetting(db: Db, key: string, value: number | null): void {
  if (value === null) statement(db, 'DELETE FROM settings WHERE key = ?').run(key);
  else setSetting(db, key, String(value));
}

/**
 * Members of these that have events of their own in this till's log or a row
 * already (a resumed snapshot, a fresh base): one statement for a page. The
 * rest are new to this till.
 */
function membersKnown(db: Db, memberIds: readonly string[]): Set<string> {
  const found = statement(
    db,
    `SELECT j.value FROM json_each(?) j
      WHERE EXISTS (SELECT 1 FROM events e WHERE e.member_id = j.value)
         OR EXISTS (SELECT 1 FROM members m WHERE m.member_id = j.value)`,
  )
    .pluck()
    .all(JSON.stringify(memberIds)) as string[];
  return new Set(found);
}

/**
 * True when the log holds an event of the member the cloud has not got (not
 * pushed yet) at or before `hlc`: a ledger from the cloud lacks it, and it
 * cannot be folded on top. The member waits until it is pushed.
 */
function unpushedBefore(db: Db, memberId: string, hlc: string): boolean {
  return (
    statement(
      db,
      'SELECT 1 FROM events WHERE member_id = ? AND pushed = 0 AND hlc <= ? LIMIT 1',
    ).get(memberId, hlc) !== undefined
  );
}

/**
 * A member's ledger from the cloud, parsed and checked, as the row it makes
 * for a member new to this till (its `ledger` the JSON text as it came, stored
 * as it is). The sync reads and checks a whole page's before installing any
 * of it (src/sync/snapshot.ts); the parsed ledger is not kept (a page of them
 * is most of a new till's garbage), a member known here already has its text
 * parsed again. The text is held once: a page is copied from the worker that
 * read it, and the copy is a new till's main thread's work.
 */
export interface ReceivedLedger {
  memberId: string;
  row: NewMemberRow;
}

/** A ledger read from the cloud (see ReceivedLedger); throws when it does not make a row. */
export function receivedLedger(ledger: MemberLedger, json: string): ReceivedLedger {
  return { memberId: ledger.memberId, row: newMemberRow(ledger, json) };
}

export interface Installed {
  /** Members that still wait for a fresh base. */
  waiting: string[];
  /** The newest clock of the ledgers installed ('' for none). */
  newest: string;
}

/**
 * Installs ledgers from the cloud as the members' bases and rows, in one
 * transaction. The cloud's ledger holds every event it had, so the log's
 * events after it (this till's own newer ones) are folded on top; a member
 * with an unpushed event before it keeps waiting (`needs_snapshot`).
 * A member new to this till (no events in the log, no row) gets its row as
 * the ledger's text came and that row as its base, in fewer statements.
 * A ledger that does not read throws, and nothing of these is written (the
 * sync reads a page's ledgers before its first part, so nothing of the page).
 *
 * Committed without waiting for the disk (synchronous NORMAL, WAL): a power cut
 * may lose the last pages installed, never part of one, and they are installed
 * again (an unfinished snapshot is taken again, a member waits for its fresh
 * base until it has it). The next commit that waits (this till's next write,
 * the snapshot's end) makes them durable with it.
 */
export function installBases(db: Db, received: readonly ReceivedLedger[]): Installed {
  return installing(db, () => {
    const waiting: string[] = [];
    let newest = '';
    const known = membersKnown(
      db,
      received.map((r) => r.memberId),
    );
    const fresh = newMembersWriter(db);
    const freshBases: Array<[string, string]> = [];
    for (const { memberId, row } of received) {
      if (row.updated_hlc > newest) newest = row.updated_hlc;
      forgetLedger(db, memberId);
      if (!known.has(memberId)) {
        fresh.add(row);
        freshBases.push([memberId, row.updated_hlc]);
        continue;
      }
      const ledger = JSON.parse(row.ledger) as MemberLedger;
      if (!hasEvents(db, ledger.memberId)) {
        writeMember(db, ledger);
        writeBaseAsRow(db, ledger);
        continue;
      }
      writeBase(db, ledger);
      if (unpushedBefore(db, ledger.memberId, ledger.lastHlc)) {
        markNeedsSnapshot(db, ledger.memberId);
        waiting.push(ledger.memberId);
      }
      writeMember(
        db,
        foldMemberFrom(ledger, memberEventsAfter(db, ledger.memberId, ledger.lastHlc)),
      );
    }
    fresh.finish();
    writeBasesAsRows(db, freshBases);
    return { waiting, newest };
  });
}

function hasEvents(db: Db, memberId: string): boolean {
  return (
    statement(db, 'SELECT 1 FROM events WHERE member_id = ? LIMIT 1').get(memberId) !== undefined
  );
}

/**
 * `work` in a transaction committed in synchronous NORMAL, when it is one of
 * its own: in WAL mode the commit then does not wait for the disk, and a power
 * cut may lose it whole (never part of it, never an earlier commit). Only for
 * work that is done again when lost (installBases, and what goes with it).
 */
export function installing<T>(db: Db, work: () => T): T {
  return withoutWaitingForDisk(db, () => inTransaction(db, work));
}

function withoutWaitingForDisk<T>(db: Db, work: () => T): T {
  if (db.inTransaction || db.pragma('journal_mode', { simple: true }) !== 'wal') return work();
  const was = db.pragma('synchronous', { simple: true }) as number;
  if (was <= 1) return work();
  db.pragma('synchronous = NORMAL');
  try {
    return work();
  } finally {
    db.pragma(`synchronous = ${was}`);
  }
}

/** Page cache while a snapshot installs (KiB): the members' indexes stay in memory between parts. */
const INSTALL_CACHE_KIB = 65_536;
/** WAL pages between checkpoints while a snapshot installs: each checkpoint waits for the disk twice. */
const INSTALL_CHECKPOINT_PAGES = 8192;

/**
 * `work` (a snapshot's install, many transactions) with a larger page cache
 * and fewer, larger checkpoints; the connection's own settings after it.
 */
export async function withRoomToInstall<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const cache = db.pragma('cache_size', { simple: true }) as number;
  const checkpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma(`cache_size = -${INSTALL_CACHE_KIB}`);
  db.pragma(`wal_autocheckpoint = ${INSTALL_CHECKPOINT_PAGES}`);
  try {
    return await work();
  } finally {
    // A till closed while the snapshot ran has nothing to restore.
    if (db.open) db.pragma(`cache_size = ${cache}`);
    if (db.open) db.pragma(`wal_autocheckpoint = ${checkpoint}`);
  }
}

/**
 * Members the cloud cannot send a ledger of (over MAX_SNAPSHOT_LEDGER_BYTES,
 * src/sync/protocol.ts) wait for a fresh base like a member whose row cannot
 * be trusted: never refolded on a base, never pruned, asked for again after
 * each pull. One unknown to this till gets a base row without a ledger (as a
 * base that is the row; it has no row, so it reads as no base).
 */
export function markWaitingForBase(db: Db, memberIds: readonly string[]): void {
  if (memberIds.length === 0) return;
  statement(
    db,
    `INSERT INTO member_bases (member_id, ledger, base_hlc, needs_snapshot)
     SELECT j.value, NULL, '', 1 FROM json_each(?) j WHERE true
     ON CONFLICT (member_id) DO UPDATE SET needs_snapshot = 1`,
  ).run(JSON.stringify(memberIds));
}

/** Members waiting for a fresh base from the cloud, at most `limit`. */
export function membersNeedingSnapshot(db: Db, limit: number): string[] {
  return statement(
    db,
    'SELECT member_id FROM member_bases WHERE needs_snapshot = 1 ORDER BY member_id LIMIT ?',
  )
    .pluck()
    .all(limit) as string[];
}

export interface PruneResult {
  /** Events dropped from the log. */
  events: number;
  /** Members given a base (or a later one) so that they could be. */
  rebased: number;
}

const DAY_MS = 86_400_000;

/**
 * Drops from the log the sales, voids and returns of other stores older than
 * the retention, once folded: each member they belong to gets a base holding
 * every event of theirs up to the newest dropped (this till's fold of its
 * log). Never an event of this till's store, never one not pushed, never one
 * of a member waiting for a fresh base (its base is not to be trusted yet).
 */
export function pruneOtherStoresSales(
  db: Db,
  options: { ownStoreId: string; retentionDays: number; now: number },
): PruneResult {
  const before = String(Math.max(0, options.now - options.retentionDays * DAY_MS)).padStart(
    15,
    '0',
  );
  return inTransaction(db, () => {
    const rows = statement(
      db,
      `SELECT id, member_id, hlc, type, json_extract(payload, '$.saleId') AS sale_id FROM events
        WHERE type IN ('sale.committed', 'sale.voided', 'sale.returned')
          AND store_id <> ? AND pushed = 1 AND origin = 'remote' AND hlc < ?`,
    ).all(options.ownStoreId, before) as Array<{
      id: string;
      member_id: string | null;
      hlc: string;
      type: string;
      sale_id: string | null;
    }>;
    const newestByMember = new Map<string, string>();
    for (const row of rows) {
      if (row.member_id === null) continue;
      const newest = newestByMember.get(row.member_id);
      if (newest === undefined || row.hlc > newest) newestByMember.set(row.member_id, row.hlc);
    }
    const kept = new Set<string>();
    let rebased = 0;
    for (const [memberId, newest] of newestByMember) {
      const base = readBase(db, memberId);
      if (base?.needsSnapshot) {
        kept.add(memberId);
        continue;
      }
      if (base !== null && base.ledger.lastHlc >= newest) continue;
      const upTo = (e: { hlc: string }) => e.hlc <= newest;
      const ledger =
        base === null
          ? foldMember(memberEvents(db, memberId).filter(upTo))
          : foldMemberFrom(
              base.ledger,
              memberEventsAfter(db, memberId, base.ledger.lastHlc).filter(upTo),
            );
      // No enrolment in the log up to there: nothing to fold into, nothing dropped.
      if (ledger === null) {
        kept.add(memberId);
        continue;
      }
      writeBase(db, ledger);
      rebased += 1;
    }
    const drop = statement(db, 'DELETE FROM events WHERE id = ?');
    const dropSale = statement(db, 'DELETE FROM sales WHERE sale_id = ? AND store_id <> ?');
    let events = 0;
    for (const row of rows) {
      if (row.member_id !== null && kept.has(row.member_id)) continue;
      events += drop.run(row.id).changes;
      if (row.type === 'sale.committed' && row.sale_id !== null)
        dropSale.run(row.sale_id, options.ownStoreId);
    }
    return { events, rebased };
  });
}
