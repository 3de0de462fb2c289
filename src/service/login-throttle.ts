/**
 * Slows down PIN guessing, staff log-in and member PINs alike. A 4-digit PIN
 * has only 10,000 values: after a few wrong tries one key (a member, a log-in
 * client) is refused for a while, longer each time. The count is forgotten after
 * an hour without a wrong PIN; a member's right PIN clears it at once (a staff
 * log-in's does not clear its client's count: a cashier could otherwise guess a
 * manager's PIN four at a time between log-ins of their own; it clears only the
 * chosen staff member's own count, which only they can reset). The lock is checked before any PIN is
 * hashed, so a locked guess costs the till nothing.
 *
 * Counts live in memory and in SQLite (pin_throttle), so a restart does not
 * clear a lock. A wrong PIN ends its command with an error, which rolls the
 * command's transaction back, so the row is written once that transaction is
 * over (a microtask later), never inside it.
 */
import type { Db } from '../store';
import { readThrottle, writeThrottle } from '../store/pin-throttle';
import type { ThrottleRow } from '../store/pin-throttle';

export const FREE_ATTEMPTS = 5;
/**
 * Wrong PINs by name one client may make before it waits too: three staff
 * members' worth, so one who fumbles their PIN does not lock out the colleague
 * at the same till, while guessing a few PINs for each name in turn is slowed.
 */
export const NAMED_CLIENT_FREE_ATTEMPTS = 3 * FREE_ATTEMPTS;
export const FIRST_LOCK_MS = 30_000;
export const MAX_LOCK_MS = 15 * 60_000;
/** Wrong PINs are forgotten after this long without another (counted from the lock's end). */
export const FORGET_AFTER_MS = 60 * 60_000;

/** Throttle keys: one per member, one per log-in client, one per staff member. */
export const throttleKeys = {
  member: (memberId: string) => `member:${memberId}`,
  /** A device that logged in on this till before (by its token's hash). */
  device: (deviceKey: string) => `login:device:${deviceKey}`,
  /** Every log-in from a client this till does not know yet. */
  unknownClient: 'login:unknown',
  /** Log-ins by name (`staffId` given): the chosen staff member's own count. */
  staff: (staffId: string) => `login:staff:${staffId}`,
  /** Log-ins by name from one client (a device's key, or null for unknown clients). */
  namedClient: (deviceKey: string | null) =>
    deviceKey === null ? 'login:named:unknown' : `login:named:device:${deviceKey}`,
} as const;

export class PinThrottle {
  /** Counts read or changed in this process; the table holds them across restarts. */
  private readonly known = new Map<string, ThrottleRow>();
  private readonly unsaved = new Set<string>();
  private flushQueued = false;

  constructor(private readonly db: Db) {}

  /**
   * `lockedUntil` is the end of the lock, or the time of the last wrong PIN
   * before any lock (a lock already over), so it also tells when to forget.
   */
  private row(key: string, now: number): ThrottleRow {
    let row = this.known.get(key);
    if (!row) {
      row = readThrottle(this.db, key) ?? { failures: 0, lockedUntil: 0 };
      this.known.set(key, row);
    }
    if (row.failures > 0 && now - row.lockedUntil > FORGET_AFTER_MS) {
      row.failures = 0;
      row.lockedUntil = 0;
      this.save(key);
    }
    return row;
  }

  /** Milliseconds left of the lock, or 0 when a PIN may be tried. */
  lockedFor(key: string, now: number): number {
    return Math.max(0, this.row(key, now).lockedUntil - now);
  }

  failed(key: string, now: number, freeAttempts = FREE_ATTEMPTS): void {
    const row = this.row(key, now);
    row.failures += 1;
    row.lockedUntil = now;
    if (row.failures >= freeAttempts) {
      const doublings = Math.min(row.failures - freeAttempts, 30);
      row.lockedUntil = now + Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** doublings);
    }
    this.save(key);
  }

  /** A member's right PIN: the count starts again. */
  succeeded(key: string, now: number): void {
    const row = this.row(key, now);
    if (row.failures === 0 && row.lockedUntil === 0) return;
    row.failures = 0;
    row.lockedUntil = 0;
    this.save(key);
  }

  private save(key: string): void {
    this.unsaved.add(key);
    if (this.flushQueued) return;
    this.flushQueued = true;
    queueMicrotask(() => this.flush());
  }

  /** Write what changed, outside any command's transaction. */
  private flush(): void {
    this.flushQueued = false;
    if (!this.db.open) return;
    if (this.db.inTransaction) {
      // Not expected (commands run to their end without yielding); try again after it.
      this.flushQueued = true;
      setImmediate(() => this.flush());
      return;
    }
    const keys = [...this.unsaved];
    this.unsaved.clear();
    this.db.transaction(() => {
      for (const key of keys) writeThrottle(this.db, key, this.known.get(key)!);
    })();
  }
}

/** Whole seconds left of a lock, for the cashier's message. */
export function secondsLeft(lockedMs: number): number {
  return Math.ceil(lockedMs / 1000);
}
