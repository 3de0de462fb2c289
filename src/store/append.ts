/**
 * The one write door. Every change (local command or synced event) goes through
 * appendEvents: the event is validated (here, or where it came in) and stored
 * once by id, and every projection it touches is updated in the same transaction.
 */
import { parseEvent } from '../core/events';
import type { LojalEvent, MemberEvent } from '../core/events';
import { redactForErasure } from '../core/member';
import type { Db } from './db';
import type { EventOrigin, EventRow } from './event-log';
import { eventFromRow } from './event-log';
import { observeHlc } from './hlc-clock';
import { projectEvent } from './projections';
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

/** Validate, store and project events in one transaction; a repeated id is a no-op. */
export function appendEvents(
  db: Db,
  events: readonly unknown[],
  options: AppendOptions = {},
): AppendResult {
  const origin = options.origin ?? 'local';
  const receivedAt = options.receivedAt ?? Date.now();
  const insert = statement(
    db,
    `INSERT INTO events (id, chain_id, store_id, terminal_id, hlc, type, member_id, payload,
       schema_version, received_at, pushed, origin)
     VALUES (@id, @chainId, @storeId, @terminalId, @hlc, @type, @memberId, @payload,
       @schemaVersion, @receivedAt, @pushed, @origin)
     ON CONFLICT (id) DO NOTHING`,
  );
  return inTransaction(db, () => {
    const result: AppendResult = { appended: [], duplicates: [] };
    for (const raw of events) {
      const parsed = options.parsed ? (raw as LojalEvent) : parseEvent(raw);
      const event = isErasedMember(db, parsed) ? redact(parsed) : parsed;
      const info = insert.run({
        ...event,
        payload: JSON.stringify(event.payload),
        receivedAt,
        // Events from the cloud are already there: only local ones wait in the outbox.
        pushed: origin === 'remote' ? 1 : 0,
        origin,
      });
      if (info.changes === 0) {
        result.duplicates.push(event.id);
        continue;
      }
      observeHlc(db, event.hlc);
      if (event.type === 'member.erased' && event.memberId !== null) {
        redactMemberLog(db, event.memberId);
      }
      projectEvent(db, event);
      result.appended.push(event);
    }
    return result;
  });
}

/** On the partial index events_member_erased (migration 003): the member's erasures only. */
export const ERASED_MEMBER_SQL =
  "SELECT 1 FROM events WHERE member_id = ? AND type = 'member.erased' LIMIT 1";

function isErasedMember(db: Db, event: LojalEvent): boolean {
  if (event.memberId === null || event.type === 'member.erased') return false;
  return statement(db, ERASED_MEMBER_SQL).get(event.memberId) !== undefined;
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
    const redacted = JSON.stringify(redact(eventFromRow(row)).payload);
    if (redacted !== row.payload) rewrite.run(redacted, row.id);
  }
}
