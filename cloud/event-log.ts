/**
 * The chain's event log in the server's own order. Push stores each event id
 * once per chain (insert-if-absent, so a retried batch is harmless) and gives it
 * the next sequence number; pull hands out the chain's events after a cursor.
 *
 * Pushes of one chain are serialised by an advisory lock held to commit, so
 * sequence numbers become visible in order and a puller's cursor never skips an
 * event that commits late.
 */
import { EVENT_SCHEMA_VERSION, isMemberEvent, parseEvent } from '../src/core/events';
import type { LojalEvent } from '../src/core/events';
import { redactForErasure } from '../src/core/member';
import type { PullResponseBody, PushResponse, RejectCode } from '../src/sync/protocol';
import type { Credential } from './chains';
import type { Database, Queryable } from './db/database';
import { toInt } from './db/database';
import { EVENT_COLUMNS, envelopeOf, lockChain } from './event-rows';
import type { EventRow } from './event-rows';
import { erasedMembers, refreshMembers } from './members';

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
    if (accepted.size > 0) await appendEvents(tx, who.chainId, [...accepted.values()], now);
    await tx.query('UPDATE terminals SET last_seen_at = $1 WHERE id = $2', [now, who.terminalId]);
  });
  return { acked: [...accepted.keys()], rejected };
}

/**
 * Stores events not stored before and brings the members they touch up to date
 * (redaction after an erasure, the lookup index, conflicts). Call inside a
 * transaction; takes the chain's lock.
 */
export async function appendEvents(
  tx: Queryable,
  chainId: string,
  events: readonly LojalEvent[],
  now: number,
): Promise<string[]> {
  await lockChain(tx, chainId);
  const memberIds = [
    ...new Set(events.map((e) => e.memberId).filter((id): id is string => id !== null)),
  ];
  // Known erasures and those in this batch: such events are stored redacted from the start.
  const erased = await erasedMembers(tx, chainId, memberIds);
  for (const e of events)
    if (e.type === 'member.erased' && e.memberId !== null) erased.add(e.memberId);
  const rows = events.map((event) =>
    event.memberId !== null && erased.has(event.memberId) && isMemberEvent(event)
      ? { event: redactForErasure(event), redacted: true }
      : { event, redacted: false },
  );
  const inserted = await tx.query<{ id: string; member_id: string | null }>(
    `INSERT INTO events (chain_id, id, store_id, terminal_id, hlc, type, member_id, schema_version, payload, redacted, received_at)
     SELECT $1, e.id, e.store_id, e.terminal_id, e.hlc, e.type, e.member_id, e.schema_version, e.payload::jsonb, e.redacted, $2
       FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[], $10::text[], $11::boolean[])
            WITH ORDINALITY AS e(id, store_id, terminal_id, hlc, type, member_id, schema_version, payload, redacted, ord)
      ORDER BY e.ord
     ON CONFLICT (chain_id, id) DO NOTHING
     RETURNING id, member_id`,
    [
      chainId,
      now,
      rows.map((r) => r.event.id),
      rows.map((r) => r.event.storeId),
      rows.map((r) => r.event.terminalId),
      rows.map((r) => r.event.hlc),
      rows.map((r) => r.event.type),
      rows.map((r) => r.event.memberId),
      rows.map((r) => r.event.schemaVersion),
      rows.map((r) => JSON.stringify(r.event.payload)),
      rows.map((r) => r.redacted),
    ],
  );
  const touched = [
    ...new Set(inserted.map((r) => r.member_id).filter((id): id is string => id !== null)),
  ];
  await refreshMembers(tx, chainId, touched, now);
  return inserted.map((r) => r.id);
}

export async function pullEvents(
  db: Queryable,
  chainId: string,
  after: string,
  limit: number,
): Promise<PullResponseBody> {
  const rows = await db.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM events WHERE chain_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
    [chainId, after, limit + 1],
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    events: page.map(envelopeOf),
    next: last ? String(toInt(last.seq)) : after,
    more: rows.length > limit,
  };
}
