/**
 * This till's hybrid logical clock, persisted in settings so a restart (or a wall
 * clock set back) never hands out a timestamp at or before one already used.
 */
import { decodeHlc, encodeHlc, receiveHlc, tickHlc } from '../core/hlc';
import type { Hlc } from '../core/hlc';
import type { Db } from './db';
import { getSetting, SettingKeys, setSetting } from './settings';

interface Last {
  encoded: string | null;
  decoded: Hlc | null;
}

/**
 * The persisted clock as this connection last read or wrote it. Every write of
 * it goes through this module, and one process owns a till's database, so the
 * copy is the row, or after a rolled-back write ahead of the row: a clock
 * ahead still sorts every new timestamp after everything in the log.
 */
const lastByDb = new WeakMap<Db, Last>();

function lastOf(db: Db): Last {
  let last = lastByDb.get(db);
  if (!last) {
    const encoded = getSetting(db, SettingKeys.hlcLast);
    last = { encoded, decoded: encoded === null ? null : decodeHlc(encoded) };
    lastByDb.set(db, last);
  }
  return last;
}

function setLast(db: Db, encoded: string, decoded: Hlc | null): void {
  setSetting(db, SettingKeys.hlcLast, encoded);
  lastByDb.set(db, { encoded, decoded });
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
    return lastOf(this.db).encoded;
  }

  /** A fresh timestamp for a local event: after everything issued or seen. */
  tick(): string {
    const next = tickHlc(this.lastDecoded(), this.wallClock(), this.node);
    const encoded = encodeHlc(next);
    setLast(this.db, encoded, next);
    return encoded;
  }

  /** Merge a timestamp from another till (sync pull) so later local events sort after it. */
  receive(remote: string): string {
    const next = receiveHlc(this.lastDecoded(), decodeHlc(remote), this.wallClock(), this.node);
    const encoded = encodeHlc(next);
    setLast(this.db, encoded, next);
    return encoded;
  }

  private lastDecoded(): Hlc | null {
    const last = lastOf(this.db);
    if (last.decoded === null && last.encoded !== null) last.decoded = decodeHlc(last.encoded);
    return last.decoded;
  }
}

/**
 * Record that a timestamp exists in the log. Keeping the highest one seen is
 * enough: ticking from it (with this till's node) always sorts after it.
 */
export function observeHlc(db: Db, hlc: string): void {
  const last = lastOf(db).encoded;
  // Decoded when a tick next needs it: most events observed are this till's own, already last.
  if (last === null || hlcOrder(hlc) > hlcOrder(last)) setLast(db, hlc, null);
}

/** The (wall, counter) part of an encoded HLC, which alone decides clock order. */
function hlcOrder(hlc: string): string {
  return hlc.slice(0, 22);
}
