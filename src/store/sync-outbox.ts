/**
 * The sync outbox read a page at a time from a position, so one push run walks
 * the whole outbox once: events the cloud refuses stay pending without blocking
 * the ones behind them.
 */
import type { LojalEvent } from '../core/events';
import type { Db } from './db';
import type { EventRow } from './event-log';
import { eventFromRow } from './event-log';

/** Where a walk through the outbox has got to: the last event handed out. */
export interface OutboxPosition {
  hlc: string;
  id: string;
}

/** Unpushed local events after `after` (from the start when null), oldest first by clock. */
export function outboxPage(db: Db, after: OutboxPosition | null, limit: number): LojalEvent[] {
  const rows = (
    after === null
      ? db.prepare('SELECT * FROM events WHERE pushed = 0 ORDER BY hlc, id LIMIT ?').all(limit)
      : db
          .prepare(
            'SELECT * FROM events WHERE pushed = 0 AND (hlc, id) > (?, ?) ORDER BY hlc, id LIMIT ?',
          )
          .all(after.hlc, after.id, limit)
  ) as EventRow[];
  return rows.map(eventFromRow);
}
