/** Wrong-PIN counts and known log-in devices (migration 005). Local only, never synced. */
import { createHash } from 'node:crypto';
import type { Db } from './db';
import { statement } from './statements';

export interface ThrottleRow {
  failures: number;
  lockedUntil: number;
}

export function readThrottle(db: Db, key: string): ThrottleRow | null {
  const row = statement(
    db,
    'SELECT failures, locked_until FROM pin_throttle WHERE throttle_key = ?',
  ).get(key) as { failures: number; locked_until: number } | undefined;
  return row ? { failures: row.failures, lockedUntil: row.locked_until } : null;
}

/** Store the count, or forget it when it is back to nothing. */
export function writeThrottle(db: Db, key: string, row: ThrottleRow): void {
  if (row.failures === 0 && row.lockedUntil === 0) {
    statement(db, 'DELETE FROM pin_throttle WHERE throttle_key = ?').run(key);
    return;
  }
  statement(
    db,
    `INSERT INTO pin_throttle (throttle_key, failures, locked_until) VALUES (?, ?, ?)
     ON CONFLICT (throttle_key) DO UPDATE SET failures = excluded.failures,
       locked_until = excluded.locked_until`,
  ).run(key, row.failures, row.lockedUntil);
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** The device's key if this token was handed out at a log-in on this till, else null. */
export function knownLoginDevice(db: Db, token: string): string | null {
  const hash = tokenHash(token);
  const found = statement(db, 'SELECT 1 FROM login_devices WHERE token_hash = ?').get(hash);
  return found === undefined ? null : hash;
}

/** Remember a device token handed out at a log-in; answers the device's key. */
export function addLoginDevice(db: Db, token: string, now: number): string {
  const hash = tokenHash(token);
  statement(
    db,
    `INSERT INTO login_devices (token_hash, created_at, last_used_at) VALUES (?, ?, ?)
     ON CONFLICT (token_hash) DO UPDATE SET last_used_at = excluded.last_used_at`,
  ).run(hash, now, now);
  return hash;
}
