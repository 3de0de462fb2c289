/**
 * The one write door. Every change (local command or synced event) goes through
 * appendEvents: the event is validated (here, or where it came in) and stored
 * once by id, and every projection it touches is updated in the same transaction.
 */
import { isKnownEventType, parseEvent } from '../core/events';
import type { ForeignEvent, LojalEvent, MemberEvent, WireEvent } from '../core/events';
import { redactForErasure } from '../core/member';
import type { Db } from './db';
import type { EventOrigin, EventRow } from './event-log';
import { eventFromRow } from './event-log';
import { observeHlc } from './hlc-clock';
import { projectEvent } from './projections';
import { countForeignEvent, redactQuarantinedMember } from './quarantine';
import { inTransaction, statement } from './statements';

export interface AppendOptions {
  /** 'local': made on this till, goes to the sync outbox. 'remote': came from the cloud. */
  origin?: EventOrigin;
  receivedAt?: number;
  /**
   * The events are LojalEvent values already: parsed where they came in (the
   * sync protocol's WireEvent) or built by this till's typed code (the
   * service's ctx.event, whose payloads tests hold to parsing unchanged). They
   * are not parsed again: on a sale that is the costliest step in JavaScript.
   * Anything else (an import, a test's raw object) is parsed here.
   */
  parsed?: boolean;
}

export interface AppendResult {
  /** Events written now (as stored: redacted when their member is erased). */
  appended: LojalEvent[];
  /** Ids already in the log: delivered before, left untouched. */
  duplicates: string[];
}

const INSERT_SQL = `INSERT INTO events (id, chain_id, store_id, terminal_id, hlc, type, member_id,
     payload, schema_version, received_at, pushed, origin)
   VALUES (@id, @chainId, @storeId, @terminalId, @hlc, @type, @memberId, @payload,
     @schemaVersion, @receivedAt, @pushed, @origin)
   ON CONFLICT (id) DO NOTHING`;

/** Write one event's row; false when its id is in the log already. */
function insertRow(
  db: Db,
  event: LojalEvent | ForeignEvent,
  payload: string,
  origin: EventOrigin,
  receivedAt: number,
): boolean {
  const info = statement(db, INSERT_SQL).run({
    ...event,
    payload,
    receivedAt,
    // Events from the cloud are already there: only local ones wait in the outbox.
    pushed: origin === 'remote' ? 1 : 0,
    origin,
  });
  return info.changes > 0;
}

/** Validate, store and project events in one transaction; a repeated id is a no-op. */
export function appendEvents(
  db: Db,
  events: readonly unknown[],
  options: AppendOptions = {},
): AppendResult {
  const origin = options.origin ?? 'local';
  const receivedAt = options.receivedAt ?? Date.now();
  return inTransaction(db, () => {
    const result: AppendResult = { appended: [], duplicates: [] };
    for (const raw of events) {
      const parsed = options.parsed ? (raw as LojalEvent) : parseEvent(raw);
      const event = isErasedMember(db, parsed) ? redact(parsed) : parsed;
      if (!insertRow(db, event, JSON.stringify(event.payload), origin, receivedAt)) {
        result.duplicates.push(event.id);
        continue;
      }
      applyStored(db, event);
      result.appended.push(event);
    }
    return result;
  });
}

/** What an event just stored changes: the clock seen, an erasure's rewrite, the projections. */
function applyStored(db: Db, event: LojalEvent): void {
  observeHlc(db, event.hlc);
  if (event.type === 'member.erased' && event.memberId !== null) {
    redactMemberLog(db, event.memberId);
    redactQuarantinedMember(db, event.memberId);
  }
  projectEvent(db, event);
}

/** An event as it came from the cloud: parsed (parseWireEvent), with the payload as it was sent. */
export interface IncomingEvent {
  wire: WireEvent;
  /** The payload as sent, fields this version does not know included. */
  rawPayload: unknown;
}

export interface WireAppendResult extends AppendResult {
  /** Events of types this version does not know: stored and passed on, never projected. */
  foreign: ForeignEvent[];
}

/**
 * Store events that came from the cloud, in one transaction. Known events are
 * projected from their parsed value but stored with the payload as it came
 * (fields a newer version added are kept: see `keepUnknownFields`); events of
 * unknown types are stored as they came and never projected. An erased
 * member's events are stored redacted (an unknown type's payload entirely,
 * since which of its fields are personal cannot be known).
 */
export function appendWireEvents(
  db: Db,
  items: readonly IncomingEvent[],
  receivedAt: number,
): WireAppendResult {
  return inTransaction(db, () => {
    const result: WireAppendResult = { appended: [], duplicates: [], foreign: [] };
    for (const { wire, rawPayload } of items) {
      if (!wire.known) {
        const foreign = wire.event;
        const erased = foreign.memberId !== null && isErasedMemberId(db, foreign.memberId);
        const payload = erased ? '{}' : JSON.stringify(rawPayload);
        if (!insertRow(db, foreign, payload, 'remote', receivedAt)) {
          result.duplicates.push(foreign.id);
          continue;
        }
        observeHlc(db, foreign.hlc);
        countForeignEvent(db, foreign.type);
        result.foreign.push(foreign);
        continue;
      }
      const parsed = wire.event;
      const erased = isErasedMember(db, parsed);
      const event = erased ? redact(parsed) : parsed;
      const payload = JSON.stringify(
        erased ? event.payload : keepUnknownFields(rawPayload, parsed.payload),
      );
      if (!insertRow(db, event, payload, 'remote', receivedAt)) {
        result.duplicates.push(event.id);
        continue;
      }
      applyStored(db, event);
      result.appended.push(event);
    }
    return result;
  });
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The parsed value (defaults filled in, known fields as this version reads
 * them) with the fields only the sent value has put back, at every depth: what
 * a newer till added survives this till and the next.
 */
export function keepUnknownFields(sent: unknown, parsed: unknown): unknown {
  if (isPlainObject(sent) && isPlainObject(parsed)) {
    const out: Record<string, unknown> = { ...sent };
    for (const [key, value] of Object.entries(parsed))
      out[key] = keepUnknownFields(sent[key], value);
    return out;
  }
  if (Array.isArray(sent) && Array.isArray(parsed) && sent.length === parsed.length) {
    return parsed.map((value, i) => keepUnknownFields(sent[i], value));
  }
  return parsed;
}

/** On the partial index events_member_erased (migration 003): the member's erasures only. */
export const ERASED_MEMBER_SQL =
  "SELECT 1 FROM events WHERE member_id = ? AND type = 'member.erased' LIMIT 1";

function isErasedMember(db: Db, event: LojalEvent): boolean {
  if (event.memberId === null || event.type === 'member.erased') return false;
  return isErasedMemberId(db, event.memberId);
}

function isErasedMemberId(db: Db, memberId: string): boolean {
  return statement(db, ERASED_MEMBER_SQL).get(memberId) !== undefined;
}

function redact(event: LojalEvent): LojalEvent {
  return event.memberId === null ? event : redactForErasure(event as MemberEvent);
}

/** Erasure reaches the log too: personal data in the member's stored events is rewritten. */
function redactMemberLog(db: Db, memberId: string): void {
  const rows = db
    .prepare('SELECT * FROM events WHERE member_id = ? ORDER BY hlc, id')
    .all(memberId) as EventRow[];
  const rewrite = db.prepare('UPDATE events SET payload = ? WHERE id = ?');
  for (const row of rows) {
    // An unknown type's fields cannot be told apart: none of them stays.
    const redacted = isKnownEventType(row.type)
      ? JSON.stringify(redact(eventFromRow(row)).payload)
      : '{}';
    if (redacted !== row.payload) rewrite.run(redacted, row.id);
  }
}
