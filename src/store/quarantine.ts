/**
 * Events set aside so that sync goes on past them (migration 006): pulled
 * events this till cannot apply (malformed, a clock too far ahead, a write that
 * failed) and local events the cloud cannot take (too large, refused). Each is
 * kept as it came, with a code and a reason for the manager, and reported to
 * the cloud once (`reported`).
 */
import type { Db } from './db';
import { pluckStatement, statement } from './statements';

export type QuarantineDirection = 'pulled' | 'local';

export const QUARANTINE_CODES = [
  /** Pulled: not an event this version can read (shape, limits, malformed text). */
  'invalid_event',
  /** Pulled: its clock is further ahead of this till's clock than any event may be. */
  'clock_ahead',
  /** Pulled: it parsed, but storing or applying it failed. */
  'apply_failed',
  /** Local: larger than any event the cloud takes (LIMITS.maxEventBytes). */
  'event_too_large',
  /** Local: alone in a push, still larger than what the cloud (or a proxy) takes in one request. */
  'body_too_large',
] as const;
export type QuarantineCode = (typeof QUARANTINE_CODES)[number];
/**
 * What an entry's code can be: one of the till's own, or (a local event the
 * cloud refused for good) the cloud's refusal code (src/sync/protocol.ts
 * REJECT_CODES), kept as the cloud said it.
 */
export type SetAsideCode = QuarantineCode | (string & {});

export interface QuarantineEntry {
  seq: number;
  direction: QuarantineDirection;
  eventId: string | null;
  eventType: string | null;
  code: SetAsideCode;
  /** The detail, in English (the field at fault, the size). */
  reason: string;
  /** When it was set aside (this till's clock). */
  at: number;
  reported: boolean;
}

export interface NewQuarantineEntry {
  direction: QuarantineDirection;
  eventId: string | null;
  eventType: string | null;
  /** The event as it came, as JSON text. */
  raw: string;
  code: SetAsideCode;
  reason: string;
  at: number;
  /** The cloud knows of it already (it refused it): not reported again. */
  reported?: boolean;
}

/** The longest reason kept (a parse error can quote a whole event). */
const MAX_REASON = 500;

/** An event's id or type when it can be read from whatever came, else null. */
export function readableField(raw: unknown, field: 'id' | 'type'): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const value = (raw as Record<string, unknown>)[field];
  // Only what the cloud's report and the screen can carry.
  return typeof value === 'string' && value.length <= 100 && /^[\x20-\x7e]+$/.test(value)
    ? value
    : null;
}

/** JSON text for anything that came (a value that does not stringify is kept as its description). */
export function rawJson(raw: unknown): string {
  try {
    return JSON.stringify(raw) ?? String(raw);
  } catch {
    return String(raw);
  }
}

/** NULs and lone surrogates out, so the reason can be shown and sent anywhere. */
function wellFormed(value: string): string {
  return value
    .replaceAll('\u0000', '\ufffd')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/**
 * What stays of a kept event once its member is erased: the entry's id, type,
 * code and reason stay in their columns, the event as it came goes.
 */
export const ERASED_RAW = '{"erased":true}';

/** The member a kept event names at its top level, when it can be read. */
function memberIdOf(raw: string): string | null {
  try {
    const value = (JSON.parse(raw) as { memberId?: unknown } | null)?.memberId;
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}

/** Keep an event aside; the same event set aside again (pulled twice) is kept once. */
export function quarantine(db: Db, entry: NewQuarantineEntry): void {
  // An event of a member erased already: nothing of it is kept (the erasure came first).
  const memberId = memberIdOf(entry.raw);
  const erased =
    memberId !== null &&
    statement(
      db,
      "SELECT 1 FROM events WHERE member_id = ? AND type = 'member.erased' LIMIT 1",
    ).get(memberId) !== undefined;
  statement(
    db,
    `INSERT INTO quarantine (direction, event_id, event_type, raw, code, reason, at, reported)
     VALUES (@direction, @eventId, @eventType, @raw, @code, @reason, @at, @reported)
     ON CONFLICT (direction, event_id) WHERE event_id IS NOT NULL DO NOTHING`,
  ).run({
    ...entry,
    raw: erased ? ERASED_RAW : entry.raw,
    reason: wellFormed(entry.reason.slice(0, MAX_REASON)),
    reported: entry.reported ? 1 : 0,
  });
}

type Row = {
  seq: number;
  direction: QuarantineDirection;
  event_id: string | null;
  event_type: string | null;
  code: SetAsideCode;
  reason: string;
  at: number;
  reported: number;
};

function entryOf(row: Row): QuarantineEntry {
  return {
    seq: row.seq,
    direction: row.direction,
    eventId: row.event_id,
    eventType: row.event_type,
    code: row.code,
    reason: row.reason,
    at: row.at,
    reported: row.reported === 1,
  };
}

/** The newest entries first. */
export function quarantineList(db: Db, limit: number): QuarantineEntry[] {
  const rows = statement(
    db,
    `SELECT seq, direction, event_id, event_type, code, reason, at, reported
       FROM quarantine ORDER BY seq DESC LIMIT ?`,
  ).all(limit) as Row[];
  return rows.map(entryOf);
}

export function quarantineCount(db: Db): number {
  return pluckStatement(db, 'SELECT count(*) FROM quarantine').get() as number;
}

/** Entries the cloud has not been told of yet, oldest first. */
export function unreportedQuarantine(db: Db, limit: number): QuarantineEntry[] {
  const rows = statement(
    db,
    `SELECT seq, direction, event_id, event_type, code, reason, at, reported
       FROM quarantine WHERE reported = 0 ORDER BY seq LIMIT ?`,
  ).all(limit) as Row[];
  return rows.map(entryOf);
}

export function markQuarantineReported(db: Db, seqs: readonly number[]): void {
  const mark = statement(db, 'UPDATE quarantine SET reported = 1 WHERE seq = ?');
  db.transaction(() => {
    for (const seq of seqs) mark.run(seq);
  })();
}

/**
 * Erasure reaches the quarantine too: every kept event naming the member goes
 * (matched on the id in the text, since what came may not parse), so the
 * member's phone and name stay in no live row.
 */
export function redactQuarantinedMember(db: Db, memberId: string): void {
  statement(db, 'UPDATE quarantine SET raw = ? WHERE instr(raw, ?) > 0 AND raw <> ?').run(
    ERASED_RAW,
    memberId,
    ERASED_RAW,
  );
}

/** The raw event kept for an entry (support, or a later version that can apply it). */
export function quarantinedRaw(db: Db, seq: number): string | null {
  return (pluckStatement(db, 'SELECT raw FROM quarantine WHERE seq = ?').get(seq) ?? null) as
    string | null;
}

/**
 * Events of types this version does not know (written by newer tills), by type:
 * stored and passed on, never applied. Types a later version of this app knows
 * are left out by the caller.
 */
export function foreignEventCounts(db: Db): Array<{ type: string; events: number }> {
  return statement(
    db,
    'SELECT type, events FROM foreign_event_types ORDER BY type',
  ).all() as Array<{
    type: string;
    events: number;
  }>;
}

export function countForeignEvent(db: Db, type: string): void {
  statement(
    db,
    `INSERT INTO foreign_event_types (type, events) VALUES (?, 1)
     ON CONFLICT (type) DO UPDATE SET events = events + 1`,
  ).run(type);
}
