/**
 * Events stored while their type was unknown to this till (an older version
 * kept them as they came and never projected them: migration 006,
 * `foreign_event_types`) are projected once an upgrade makes the type known.
 * Run on open: nothing to do unless the counts name a type this version knows.
 */
import { isKnownEventType, parseEvent } from '../core/events';
import type { Db } from './db';
import type { EventRow } from './event-log';
import { eventFromRow } from './event-log';
import { rebuildProjections } from './projections';
import { foreignEventCounts, quarantine, rawJson } from './quarantine';

/** The detail of a parse failure, for the quarantine's reason. */
function describe(error: unknown): string {
  const issues = (error as { issues?: Array<{ path: PropertyKey[]; message: string }> }).issues;
  const first = issues?.[0];
  if (first) return `${first.path.map(String).join('.') || 'event'}: ${first.message}`;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Each stored event of a type now known is read as this version reads it: one
 * that does not read (a shape the newer writer changed, an erased member's
 * event kept without payload) leaves the log for the quarantine, as a pulled
 * event this till cannot apply would; the rest are projected by one rebuild of
 * the projections. Answers how many of each.
 */
export function projectNowKnownTypes(db: Db): { projected: number; quarantined: number } {
  const types = foreignEventCounts(db)
    .map((f) => f.type)
    .filter(isKnownEventType);
  if (types.length === 0) return { projected: 0, quarantined: 0 };
  let projected = 0;
  let quarantined = 0;
  db.transaction(() => {
    const rows = statementFor(db, types.length).all(...types) as EventRow[];
    for (const row of rows) {
      const event = eventFromRow(row);
      try {
        parseEvent(event);
        projected += 1;
      } catch (error) {
        quarantine(db, {
          direction: 'pulled',
          eventId: row.id,
          eventType: row.type,
          raw: rawJson(event),
          code: 'invalid_event',
          reason: describe(error),
          at: Date.now(),
        });
        db.prepare('DELETE FROM events WHERE id = ?').run(row.id);
        quarantined += 1;
      }
    }
    db.prepare(
      `DELETE FROM foreign_event_types WHERE type IN (${types.map(() => '?').join(', ')})`,
    ).run(...types);
    rebuildProjections(db);
  })();
  return { projected, quarantined };
}

function statementFor(db: Db, count: number) {
  return db.prepare(
    `SELECT * FROM events WHERE type IN (${Array.from({ length: count }, () => '?').join(', ')})`,
  );
}
