/**
 * The sync outbox read a page at a time from a position, so one push run walks
 * the whole outbox once: events the cloud refuses stay pending without blocking
 * the ones behind them.
 */
import type { LojalEvent } from '../core/events';
import type { Db } from './db';
import type { EventRow } from './event-log';
import { quarantine } from './quarantine';
import type { SetAsideCode } from './quarantine';
import { inTransaction, statement } from './statements';

/** `events.pushed` of a local event set aside: out of the outbox, kept in the log (migration 006). */
export const SET_ASIDE = 2;

/** Where a walk through the outbox has got to: the last event handed out. */
export interface OutboxPosition {
  hlc: string;
  id: string;
}

/** What the push reads of an outbox row to deal it into its lane (src/sync/push-lanes.ts). */
export type OutboxKey = Pick<EventRow, 'id' | 'hlc' | 'type' | 'member_id'>;

/**
 * The keys of the unpushed local events after `after` (from the start when
 * null), oldest first by clock; their payloads are read when they are sent.
 */
export function outboxKeys(db: Db, after: OutboxPosition | null, limit: number): OutboxKey[] {
  const columns = 'SELECT id, hlc, type, member_id FROM events WHERE pushed = 0';
  return (
    after === null
      ? statement(db, `${columns} ORDER BY hlc, id LIMIT ?`).all(limit)
      : statement(db, `${columns} AND (hlc, id) > (?, ?) ORDER BY hlc, id LIMIT ?`).all(
          after.hlc,
          after.id,
          limit,
        )
  ) as OutboxKey[];
}

/** These events' rows as stored now (an erasure since may have redacted them), those still unpushed. */
export function unpushedRows(db: Db, ids: readonly string[]): Map<string, EventRow> {
  const rows = statement(
    db,
    'SELECT * FROM events WHERE pushed = 0 AND id IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify(ids)) as EventRow[];
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * A local event the cloud cannot take (too large, or refused for good): out
 * of the outbox so the events behind it go on, kept in the log, and listed
 * with its reason. `refused`: the cloud said so itself (and keeps the refusal),
 * so it is not reported to it again.
 */
export function setAsideLocal(
  db: Db,
  event: LojalEvent,
  code: SetAsideCode,
  reason: string,
  at: number,
  refused = false,
): void {
  inTransaction(db, () => {
    statement(db, 'UPDATE events SET pushed = ? WHERE id = ? AND pushed = 0').run(
      SET_ASIDE,
      event.id,
    );
    quarantine(db, {
      direction: 'local',
      eventId: event.id,
      eventType: event.type,
      // The event stays in the log; a copy here would double a large event.
      raw: JSON.stringify({ id: event.id, type: event.type, hlc: event.hlc }),
      code,
      reason,
      at,
      reported: refused,
    });
  });
}

/** The clock of an event in the log (null when it is not there). */
export function eventClock(db: Db, id: string): string | null {
  return (statement(db, 'SELECT hlc FROM events WHERE id = ?').pluck().get(id) ?? null) as
    string | null;
}
