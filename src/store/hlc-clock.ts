/**
 * This till's hybrid logical clock, persisted in settings so a restart (or a wall
 * clock set back) never hands out a timestamp at or before one already used.
 */
import { decodeHlc, encodeHlc, receiveHlc, tickHlc } from '../core/hlc';
import type { Hlc } from '../core/hlc';
import type { Db } from './db';
import { getSetting, SettingKeys, setSetting } from './settings';

type Last = { encoded: string; decoded: Hlc } | null;

/**
 * The persisted clock as this connection last read or wrote it. Every write of
 * it goes through this module, and one process owns a till's database, so the
 * copy is the row, or after a rolled-back write ahead of the row: a clock
 * ahead still sorts every new timestamp after everything in the log.
 */
const lastByDb = new WeakMap<Db, Last>();

function lastOf(db: Db): Last {
  let last = lastByDb.get(db);
  if (last === undefined) {
    const encoded = getSetting(db, SettingKeys.hlcLast);
    last = encoded === null ? null : { encoded, decoded: decodeHlc(encoded) };
    lastByDb.set(db, last);
  }
  return last;
}

function setLast(db: Db, decoded: Hlc, encoded = encodeHlc(decoded)): string {
  setSetting(db, SettingKeys.hlcLast, encoded);
  lastByDb.set(db, { encoded, decoded });
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
    const last = lastOf(this.db)?.decoded ?? null;
    return setLast(this.db, tickHlc(last, this.wallClock(), this.node));
  }

  /** Merge a timestamp from another till (sync pull) so later local events sort after it. */
  receive(remote: string): string {
    const last = lastOf(this.db)?.decoded ?? null;
    return setLast(this.db, receiveHlc(last, decodeHlc(remote), this.wallClock(), this.node));
  }
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
