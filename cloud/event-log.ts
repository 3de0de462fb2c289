/**
 * The chain's event log in the server's own order. Push stores each event id
 * once per chain (insert-if-absent, so a retried batch is harmless) and gives it
 * the chain's next position; pull hands out the chain's events after a cursor.
 *
 * A push does its heavy work first, holding only the locks of the members it
 * touches: it stores the event rows and refreshes those members' lookup index
 * and conflicts. Then it takes the chain's lock, numbers its events in
 * `event_order` and commits. Positions therefore become visible in order (a
 * puller's cursor never skips an event that commits late), while the chain's
 * lock is held for a few small inserts and the commit.
 */
import { EVENT_SCHEMA_VERSION, isMemberEvent, parseEvent } from '../src/core/events';
import type { LojalEvent, MemberEvent } from '../src/core/events';
import { redactForErasure } from '../src/core/member';
import type { PullResponseBody, PushResponse, RejectCode } from '../src/sync/protocol';
import type { Credential } from './chains';
import type { Database, Queryable } from './db/database';
import { toInt } from './db/database';
import { EVENT_COLUMNS, envelopeOf, lockChain, lockMembers } from './event-rows';
import type { EventRow } from './event-rows';
import { memberEventRows, refreshMembers } from './members';

type TerminalCredential = Extract<Credential, { role: 'terminal' }>;

type Checked =
  | { ok: true; event: LojalEvent }
  | { ok: false; id: string | null; code: RejectCode; message: string };

function rawId(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const id = (raw as { id?: unknown }).id;
  return typeof id === 'string' ? id.slice(0, 100) : null;
}

function describeParseFailure(error: unknown): string {
  const issues = (error as { issues?: unknown }).issues;
  if (Array.isArray(issues) && issues.length > 0) {
    const first = issues[0] as { path?: unknown; message?: unknown };
    const path = Array.isArray(first.path) ? first.path.map(String).join('.') : '';
    return `${path || 'event'}: ${String(first.message)}`;
  }
  return error instanceof Error ? error.message : 'invalid event';
}

/** Validates one pushed event and checks it speaks for the token's terminal. */
function checkEvent(raw: unknown, who: TerminalCredential): Checked {
  const id = rawId(raw);
  const schemaVersion = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof schemaVersion === 'number' && schemaVersion > EVENT_SCHEMA_VERSION) {
    return {
      ok: false,
      id,
      code: 'schema_too_new',
      message: `schema ${schemaVersion} is newer than this server reads (${EVENT_SCHEMA_VERSION}); update the server`,
    };
  }
  let event: LojalEvent;
  try {
    event = parseEvent(raw);
  } catch (error) {
    return { ok: false, id, code: 'invalid_event', message: describeParseFailure(error) };
  }
  if (event.chainId !== who.chainId) {
    return {
      ok: false,
      id,
      code: 'wrong_chain',
      message: "the event's chainId is not this terminal's chain",
    };
  }
  if (event.storeId !== who.storeId) {
    return {
      ok: false,
      id,
      code: 'wrong_store',
      message: "the event's storeId is not this terminal's store",
    };
  }
  if (event.terminalId !== who.terminalId) {
    return {
      ok: false,
      id,
      code: 'wrong_terminal',
      message: 'a terminal pushes only the events it wrote itself',
    };
  }
  // PostgreSQL's jsonb cannot hold NUL characters; refuse the one event, not the batch.
  if (JSON.stringify(event.payload).includes('\\u0000')) {
    return {
      ok: false,
      id,
      code: 'invalid_event',
      message: 'payload text may not contain NUL characters',
    };
  }
  return { ok: true, event };
}

/** last_seen_at is kept to within this much, so most requests do not write the terminal's row. */
const LAST_SEEN_RESOLUTION_MS = 10_000;

/** A terminal was heard from (a push or a pull): `list-terminals` shows when it last was. */
export async function noteTerminalSeen(db: Queryable, terminalId: string, now: number) {
  await db.query(
    'UPDATE terminals SET last_seen_at = $1 WHERE id = $2 AND (last_seen_at IS NULL OR last_seen_at < $3)',
    [now, terminalId, now - LAST_SEEN_RESOLUTION_MS],
  );
}

export async function pushEvents(
  db: Database,
  who: TerminalCredential,
  raws: readonly unknown[],
  now: number,
): Promise<PushResponse> {
  const rejected: PushResponse['rejected'] = [];
  const accepted = new Map<string, LojalEvent>();
  raws.forEach((raw, index) => {
    const checked = checkEvent(raw, who);
    if (checked.ok) {
      // The same id twice in one batch: the first one counts, as it would across batches.
      if (!accepted.has(checked.event.id)) accepted.set(checked.event.id, checked.event);
    } else {
      rejected.push({ id: checked.id, index, code: checked.code, message: checked.message });
    }
  });
  await db.transaction(async (tx) => {
    // First, before any other lock: only this terminal's own requests meet on its row.
    await noteTerminalSeen(tx, who.terminalId, now);
    if (accepted.size > 0) await appendEvents(tx, who.chainId, [...accepted.values()], now);
  });
  return { acked: [...accepted.keys()], rejected };
}

interface StoredRow {
  event: LojalEvent;
  redacted: boolean;
}

/** One multi-row insert; returns the rows stored now (not those stored before) with their seq. */
async function insertEventRows(
  tx: Queryable,
  chainId: string,
  rows: readonly StoredRow[],
  now: number,
): Promise<Map<string, number>> {
  // Inserted in id order: two pushes holding some of the same ids wait for each other
  // in the same order, so they cannot deadlock. One JSON text carries the rows.
  const json = JSON.stringify(
    rows.map(({ event, redacted }) => ({
      id: event.id,
      store_id: event.storeId,
      terminal_id: event.terminalId,
      hlc: event.hlc,
      type: event.type,
      member_id: event.memberId,
      schema_version: event.schemaVersion,
      payload: event.payload,
      redacted,
    })),
  );
  const inserted = await tx.query<{ seq: unknown; id: string }>(
    `INSERT INTO events (chain_id, id, store_id, terminal_id, hlc, type, member_id, schema_version, payload, redacted, received_at)
     SELECT $1, e.id, e.store_id, e.terminal_id, e.hlc, e.type, e.member_id, e.schema_version, e.payload, e.redacted, $2
       FROM json_to_recordset($3::json) AS e(id text, store_id text, terminal_id text, hlc text,
              type text, member_id text, schema_version integer, payload jsonb, redacted boolean)
      ORDER BY e.id
     ON CONFLICT (chain_id, id) DO NOTHING
     RETURNING seq, id`,
    [chainId, now, json],
  );
  return new Map(inserted.map((r) => [r.id, toInt(r.seq)]));
}

/**
 * Stores events not stored before and brings the members they touch up to date
 * (redaction after an erasure, the lookup index, conflicts), then numbers the
 * new events in the chain's order. Call inside a transaction; takes the locks
 * of the events' members and, last, the chain's lock (held to commit).
 * Returns the ids stored now, in the order given.
 */
export async function appendEvents(
  tx: Queryable,
  chainId: string,
  events: readonly LojalEvent[],
  now: number,
): Promise<string[]> {
  if (events.length === 0) return [];
  const memberIds = [
    ...new Set(events.map((e) => e.memberId).filter((id): id is string => id !== null)),
  ];
  await lockMembers(tx, chainId, memberIds);
  // What the chain held of these members before: for the fold, and it tells erasures.
  const prior = await memberEventRows(tx, chainId, memberIds);
  // Known erasures and those in this batch: such events are stored redacted from the start.
  const erased = new Set<string>();
  for (const [memberId, rows] of prior)
    if (rows.some((r) => r.type === 'member.erased')) erased.add(memberId);
  for (const e of events)
    if (e.type === 'member.erased' && e.memberId !== null) erased.add(e.memberId);
  const rows: StoredRow[] = events.map((event) =>
    event.memberId !== null && erased.has(event.memberId) && isMemberEvent(event)
      ? { event: redactForErasure(event), redacted: true }
      : { event, redacted: false },
  );
  const inserted = await insertEventRows(tx, chainId, rows, now);
  const stored = rows.filter((r) => inserted.has(r.event.id));
  if (stored.length === 0) return [];
  const added = stored.map((r) => r.event).filter((e): e is MemberEvent => isMemberEvent(e));
  await refreshMembers(tx, chainId, prior, added, now);

  await lockChain(tx, chainId);
  await tx.query(
    `INSERT INTO event_order (chain_id, event_seq)
     SELECT $1, s.seq FROM unnest($2::bigint[]) WITH ORDINALITY AS s(seq, ord) ORDER BY s.ord`,
    [chainId, stored.map((r) => inserted.get(r.event.id)!)],
  );
  let newest = stored[0]!.event.hlc;
  for (const r of stored) if (r.event.hlc > newest) newest = r.event.hlc;
  await tx.query(
    'UPDATE chains SET max_hlc = $2 WHERE id = $1 AND (max_hlc IS NULL OR max_hlc < $2)',
    [chainId, newest],
  );
  return stored.map((r) => r.event.id);
}

/** The newest clock the chain's log holds (null for an empty log). */
export async function newestHlc(tx: Queryable, chainId: string): Promise<string | null> {
  const rows = await tx.query<{ max_hlc: string | null }>(
    'SELECT max_hlc FROM chains WHERE id = $1',
    [chainId],
  );
  return rows[0]?.max_hlc ?? null;
}

type PulledRow = EventRow & { pos: unknown };

export async function pullEvents(
  db: Queryable,
  chainId: string,
  after: string,
  limit: number,
): Promise<PullResponseBody> {
  const rows = await db.query<PulledRow>(
    // The page's positions first, then their rows: however the planner reads the
    // positions (it may not know yet how many a chain has), only the page's rows are joined.
    `SELECT o.pos, ${EVENT_COLUMNS}
       FROM (SELECT pos, event_seq FROM event_order
              WHERE chain_id = $1 AND pos > $2 ORDER BY pos LIMIT $3) o
       JOIN events e ON e.seq = o.event_seq
      ORDER BY o.pos`,
    [chainId, after, limit + 1],
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    events: page.map(envelopeOf),
    next: last ? String(toInt(last.pos)) : after,
    more: rows.length > limit,
  };
}
