/**
 * This till's hybrid logical clock, persisted in settings so a restart (or a wall
 * clock set back) never hands out a timestamp at or before one already used.
 */
import { decodeHlc, encodeHlc, receiveHlc, tickHlc } from '../core/hlc';
import type { Hlc } from '../core/hlc';
import type { Db } from './db';
import { getSetting, SettingKeys, setSetting } from './settings';

export class HlcClock {
  constructor(
    private readonly db: Db,
    /** The node id in every timestamp: the terminal id. */
    readonly node: string,
    private readonly wallClock: () => number = Date.now,
  ) {}

  /** The latest timestamp this till has issued or seen, or null on a new till. */
  last(): string | null {
    return getSetting(this.db, SettingKeys.hlcLast);
  }

  /** A fresh timestamp for a local event: after everything issued or seen. */
  tick(): string {
    const next = encodeHlc(tickHlc(this.lastDecoded(), this.wallClock(), this.node));
    setSetting(this.db, SettingKeys.hlcLast, next);
    return next;
  }

  /** Merge a timestamp from another till (sync pull) so later local events sort after it. */
  receive(remote: string): string {
    const next = encodeHlc(
      receiveHlc(this.lastDecoded(), decodeHlc(remote), this.wallClock(), this.node),
    );
    setSetting(this.db, SettingKeys.hlcLast, next);
    return next;
  }

  private lastDecoded(): Hlc | null {
    const last = this.last();
    return last === null ? null : decodeHlc(last);
  }
}

/**
 * Record that a timestamp exists in the log. Keeping the highest one seen is
 * enough: ticking from it (with this till's node) always sorts after it.
 */
export function observeHlc(db: Db, hlc: string): void {
  const last = getSetting(db, SettingKeys.hlcLast);
  if (last === null || hlcOrder(hlc) > hlcOrder(last)) setSetting(db, SettingKeys.hlcLast, hlc);
}

/** The (wall, counter) part of an encoded HLC, which alone decides clock order. */
function hlcOrder(hlc: string): string {
  return hlc.slice(0, 22);
}
