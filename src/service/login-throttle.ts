/**
 * Slows down PIN guessing at the log-in screen. A 4-digit PIN has only 10,000
 * values: after a few wrong tries the till refuses log-ins for a while, longer
 * each time, and a right PIN clears the count. Held in memory: a restart of the
 * till clears it, which needs physical access anyway.
 */
export const FREE_ATTEMPTS = 5;
export const FIRST_LOCK_MS = 30_000;
export const MAX_LOCK_MS = 15 * 60_000;

export class LoginThrottle {
  private failures = 0;
  private lockedUntil = 0;

  /** Milliseconds left of the lock, or 0 when a log-in may be tried. */
  lockedFor(now: number): number {
    return Math.max(0, this.lockedUntil - now);
  }

  failed(now: number): void {
    this.failures += 1;
    if (this.failures >= FREE_ATTEMPTS) {
      const doublings = this.failures - FREE_ATTEMPTS;
      this.lockedUntil = now + Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** doublings);
    }
  }

  succeeded(): void {
    this.failures = 0;
    this.lockedUntil = 0;
  }
}
