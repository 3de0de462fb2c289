/**
 * This till's hybrid logical clock, persisted in settings so a restart (or a wall
 * clock set back) never hands out a timestamp at or before one already used.
 */
import { decodeHlc, encodeHlc, MAX_HLC_WALL_MS, receiveHlc, tickHlc } from '../core/hlc';
import type { Hlc } from '../core/hlc';
import { LIMITS } from '../core/limits';
import { connectionOf } from './connection';
import type { Db } from './db';
import { getSetting, SettingKeys, setSetting } from './settings';

type Last = { encoded: string; decoded: Hlc } | null;

/**
 * The persisted clock as this connection last read or wrote it (kept on the
 * Connection). Every write of it goes through this module, and one process
 * owns a till's database, so the copy is the row, or after a rolled-back write
 * ahead of the row: a clock ahead still sorts every new timestamp after
 * everything in the log.
 */
function lastOf(db: Db): Last {
  const connection = connectionOf(db);
  let last = connection.hlcLast;
  if (last === undefined) {
    const encoded = getSetting(db, SettingKeys.hlcLast);
    last = encoded === null ? null : { encoded, decoded: decodedOrPoisoned(encoded) };
    connection.hlcLast = last;
  }
  return last;
}

/** A stored clock that does not even decode is as unusable as one far ahead: saneLast replaces it. */
function decodedOrPoisoned(encoded: string): Hlc {
  try {
    return decodeHlc(encoded);
  } catch {
    return { wallMs: MAX_HLC_WALL_MS, counter: 0, node: 'unreadable' };
  }
}

function setLast(db: Db, decoded: Hlc, encoded = encodeHlc(decoded)): string {
  setSetting(db, SettingKeys.hlcLast, encoded);
  connectionOf(db).hlcLast = { encoded, decoded };
  return encoded;
}

export class HlcClock {
  constructor(
    private readonly db: Db,
    /** The node id in every timestamp: the terminal id. */
    readonly node: string,
    private readonly wallClock: () => number = Date.now,
  ) {}

  /** The latest timestamp this till has issued or seen, or null on a new till. */
  last(): string | null {
    return lastOf(this.db)?.encoded ?? null;
  }

  /** A fresh timestamp for a local event: after everything issued or seen. */
  tick(): string {
    const wall = this.wallClock();
    return setLast(this.db, tickHlc(saneLast(this.db, wall), wall, this.node));
  }

  /**
   * Merge a timestamp from another till (sync pull) so later local events sort
   * after it. The caller has checked it is not beyond the bound (sync
   * quarantines such events before they get here) against `trustedNow`, the
   * cloud's time when it answered: kept, so a till whose wall clock is days
   * behind does not take the chain's clocks for poison.
   */
  receive(remote: string, trustedNow: number | null = null): string {
    if (trustedNow !== null) noteTrustedTime(this.db, trustedNow);
    const wall = this.wallClock();
    return setLast(
      this.db,
      receiveHlc(saneLast(this.db, wall), decodeHlc(remote), wall, this.node),
    );
  }
}

/** The latest cloud time this till was told (0 for none), as this connection last read or wrote it. */
export function trustedTime(db: Db): number {
  const connection = connectionOf(db);
  let trusted = connection.trustedMs;
  if (trusted === undefined) {
    const stored = Number(getSetting(db, SettingKeys.hlcTrustedMs) ?? 0);
    trusted = Number.isSafeInteger(stored) ? stored : 0;
    connection.trustedMs = trusted;
  }
  return trusted;
}

function noteTrustedTime(db: Db, ms: number): void {
  if (!Number.isSafeInteger(ms) || ms <= trustedTime(db)) return;
  setSetting(db, SettingKeys.hlcTrustedMs, String(ms));
  connectionOf(db).trustedMs = ms;
}

/** The highest encoded clock not beyond `wallMs` + the bound. */
function boundFor(wallMs: number): string {
  const limit = Math.min(Math.max(0, wallMs + LIMITS.maxClockAheadMs), MAX_HLC_WALL_MS);
  return `${String(limit).padStart(15, '0')}-zzzzzz-~`;
}

/**
 * The persisted clock, unless it is further ahead of the wall clock than any
 * event may be (LIMITS.maxClockAheadMs): a clock poisoned by a far-future
 * event received before such events were quarantined. Ticking from it would
 * give this till's events clocks that the cloud refuses, or overflow. It is
 * set back to the newest clock in the log within the bound (so new events
 * still sort after everything sane this till has seen or issued), once. The
 * bound counts from the later of the wall clock and the cloud's last word.
 */
function saneLast(db: Db, wall: number): Hlc | null {
  const wallMs = Math.max(wall, trustedTime(db));
  const last = lastOf(db);
  if (last === null || last.decoded.wallMs <= wallMs + LIMITS.maxClockAheadMs) {
    return last?.decoded ?? null;
  }
  const newest = db
    .prepare('SELECT max(hlc) FROM events WHERE hlc <= ?')
    .pluck()
    .get(boundFor(wallMs)) as string | null;
  if (newest === null) {
    // The tick or merge about to happen writes the row.
    connectionOf(db).hlcLast = null;
    return null;
  }
  const decoded = decodeHlc(newest);
  setLast(db, decoded, newest);
  return decoded;
}

/**
 * Record that a timestamp exists in the log. Keeping the highest one seen is
 * enough: ticking from it (with this till's node) always sorts after it.
 */
export function observeHlc(db: Db, hlc: string): void {
  const last = lastOf(db);
  if (last === null || hlcOrder(hlc) > hlcOrder(last.encoded)) setLast(db, decodeHlc(hlc), hlc);
}

/** The (wall, counter) part of an encoded HLC, which alone decides clock order. */
function hlcOrder(hlc: string): string {
  return hlc.slice(0, 22);
}
