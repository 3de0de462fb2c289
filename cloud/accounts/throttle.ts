/**
 * The log-in throttle, per typed e-mail address (kept in the database, so a
 * restart or a second server on the same PostgreSQL does not reset it) and per
 * client address (in memory, cloud/rate-limit.ts).
 *
 * Per address typed: 5 wrong passwords are free; the 5th and each later one
 * lock the address for 30 s, doubling up to 15 minutes; an hour without a
 * wrong password forgets them, and the right password clears them. The key is
 * the sha256 of the case-folded address, whether or not an account has it:
 * an address without an account is locked exactly like one with, so the
 * throttle never tells which addresses exist.
 *
 * Per client address: a bucket of 20 wrong passwords refilled by one every 30
 * seconds (an office behind one address still signs in; a guesser spraying
 * many accounts from one address is slowed to two a minute).
 */
import { createHash } from 'node:crypto';
import type { Queryable } from '../db/database';
import { toInt } from '../db/database';
import type { BucketSettings } from '../rate-limit';

export const THROTTLE = {
  freeFailures: 5,
  firstLockMs: 30_000,
  maxLockMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
} as const;

export const PER_CLIENT_ADDRESS: BucketSettings = { capacity: 20, refillPerSecond: 1 / 30 };

export type ThrottleState = { locked: false } | { locked: true; retryAfterSeconds: number };

export function throttleKey(foldedEmail: string): string {
  return createHash('sha256').update(`login:${foldedEmail}`, 'utf8').digest('hex');
}

/** How long the n-th wrong password (1-based) locks the address for; 0 = not at all. */
export function lockFor(failures: number): number {
  if (failures < THROTTLE.freeFailures) return 0;
  const doublings = Math.min(failures - THROTTLE.freeFailures, 20);
  return Math.min(THROTTLE.firstLockMs * 2 ** doublings, THROTTLE.maxLockMs);
}

const secondsUntil = (at: number, now: number) => Math.max(1, Math.ceil((at - now) / 1000));

export async function throttleState(
  db: Queryable,
  key: string,
  now: number,
): Promise<ThrottleState> {
  const rows = await db.query<{ locked_until: unknown }>(
    'SELECT locked_until FROM login_throttle WHERE key_sha256 = $1',
    [key],
  );
  const lockedUntil = rows[0]?.locked_until;
  if (lockedUntil === null || lockedUntil === undefined) return { locked: false };
  const until = toInt(lockedUntil);
  return until > now
    ? { locked: true, retryAfterSeconds: secondsUntil(until, now) }
    : { locked: false };
}

/** Counts a wrong password; answers the lock it starts (if any). */
export async function recordFailure(
  db: Queryable,
  key: string,
  now: number,
): Promise<ThrottleState> {
  // One statement: two wrong passwords at once both count.
  const rows = await db.query<{ failures: unknown }>(
    `INSERT INTO login_throttle (key_sha256, failures, locked_until, last_failure_at)
     VALUES ($1, 1, NULL, $2)
     ON CONFLICT (key_sha256) DO UPDATE SET
       failures = CASE WHEN login_throttle.last_failure_at < $3 THEN 1 ELSE login_throttle.failures + 1 END,
       last_failure_at = $2
     RETURNING failures`,
    [key, now, now - THROTTLE.forgetAfterMs],
  );
  const failures = toInt(rows[0]!.failures);
  const lock = lockFor(failures);
  if (lock === 0) return { locked: false };
  await db.query('UPDATE login_throttle SET locked_until = $2 WHERE key_sha256 = $1', [
    key,
    now + lock,
  ]);
  return { locked: true, retryAfterSeconds: secondsUntil(now + lock, now) };
}

export async function clearFailures(db: Queryable, key: string): Promise<void> {
  await db.query('DELETE FROM login_throttle WHERE key_sha256 = $1', [key]);
}

/** Rows no lock or count depends on any more (called now and then; the table stays small). */
export async function forgetOldFailures(db: Queryable, now: number): Promise<void> {
  await db.query(
    'DELETE FROM login_throttle WHERE last_failure_at < $1 AND (locked_until IS NULL OR locked_until < $2)',
    [now - THROTTLE.forgetAfterMs, now],
  );
}
