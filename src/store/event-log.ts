/** Reading the event log, and the row format events are stored in. */
import { isKnownEventType } from '../core/events';
import type { LojalEvent, MemberEvent } from '../core/events';
import { reading } from './db';
import type { Db, Readable } from './db';
import { pluckStatement, statement } from './statements';

export type EventOrigin = 'local' | 'remote';

export interface EventRow {
  id: string;
  chain_id: string;
  store_id: string;
  terminal_id: string;
  hlc: string;
  type: string;
  member_id: string | null;
  payload: string;
  schema_version: number;
  received_at: number;
  pushed: number;
  origin: EventOrigin;
}

/** A stored event with what the log knows about it besides the event itself. */
export interface StoredEvent {
  event: LojalEvent;
  origin: EventOrigin;
  pushed: boolean;
  receivedAt: number;
}

/** Rows were validated (parseEvent) before they were written, so they are read back as is. */
export function eventFromRow(row: EventRow): LojalEvent {
  return {
    id: row.id,
    chainId: row.chain_id,
    storeId: row.store_id,
    terminalId: row.terminal_id,
    hlc: row.hlc,
    type: row.type,
    memberId: row.member_id,
    payload: JSON.parse(row.payload) as unknown,
    schemaVersion: row.schema_version,
  } as LojalEvent;
}

export function storedEventFromRow(row: EventRow): StoredEvent {
  return {
    event: eventFromRow(row),
    origin: row.origin,
    pushed: row.pushed === 1,
    receivedAt: row.received_at,
  };
}

/**
 * One member's events in clock order (ties by id), for a refold or an export.
 * Events of types a newer version wrote are left out: this version cannot
 * apply them (they stay in the log and reach the cloud as they came).
 */
export function memberEvents(db: Db, memberId: string): MemberEvent[] {
  const rows = statement(db, 'SELECT * FROM events WHERE member_id = ? ORDER BY hlc, id').all(
    memberId,
  ) as EventRow[];
  const events: MemberEvent[] = [];
  for (const row of rows)
    if (isKnownEventType(row.type)) events.push(eventFromRow(row) as MemberEvent);
  return events;
}

/**
 * A member's latest events, newest first (on events_member_hlc), at most
 * `limit`: the member's history reads these. Events of types this version
 * does not know are left out, as in memberEvents.
 */
export function latestMemberEvents(
  handle: Readable,
  memberId: string,
  limit: number,
): MemberEvent[] {
  const db = reading(handle);
  const rows = statement(
    db,
    'SELECT * FROM events WHERE member_id = ? ORDER BY hlc DESC, id DESC LIMIT ?',
  ).all(memberId, limit) as EventRow[];
  const events: MemberEvent[] = [];
  for (const row of rows)
    if (isKnownEventType(row.type)) events.push(eventFromRow(row) as MemberEvent);
  return events;
}

/**
 * Every event of a type this version knows in clock order, a page at a time:
 * the log can be large, and better-sqlite3 allows no writes on the connection
 * while a cursor is open.
 */
export function* allEventsInOrder(db: Db, pageSize = 1000): Generator<LojalEvent> {
  const first = db.prepare('SELECT * FROM events ORDER BY hlc, id LIMIT ?');
  const next = db.prepare('SELECT * FROM events WHERE (hlc, id) > (?, ?) ORDER BY hlc, id LIMIT ?');
  let page = first.all(pageSize) as EventRow[];
  while (page.length > 0) {
    for (const row of page) if (isKnownEventType(row.type)) yield eventFromRow(row);
    const last = page[page.length - 1]!;
    page = next.all(last.hlc, last.id, pageSize) as EventRow[];
  }
}

export function getEvent(db: Db, id: string): StoredEvent | null {
  const row = statement(db, 'SELECT * FROM events WHERE id = ?').get(id) as EventRow | undefined;
  return row ? storedEventFromRow(row) : null;
}

/** Local events the cloud has not acknowledged yet: the sync outbox, oldest first. */
export function outbox(db: Db, limit: number): LojalEvent[] {
  const rows = db
    .prepare('SELECT * FROM events WHERE pushed = 0 ORDER BY hlc, id LIMIT ?')
    .all(limit) as EventRow[];
  return rows.map(eventFromRow);
}

/** Asked after every local change on a paired till: a prepared statement, not prepared each time. */
export function pendingCount(handle: Readable): number {
  const db = reading(handle);
  return pluckStatement(db, 'SELECT count(*) FROM events WHERE pushed = 0').get() as number;
}

/** The cloud acknowledged these events: they leave the outbox. */
export function markPushed(db: Db, ids: readonly string[]): void {
  if (ids.length === 0) return;
  // One statement for the batch, not a crossing into SQLite per id.
  statement(db, 'UPDATE events SET pushed = 1 WHERE id IN (SELECT value FROM json_each(?))').run(
    JSON.stringify(ids),
  );
}
