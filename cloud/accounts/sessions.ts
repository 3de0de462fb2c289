/**
 * Back-office sessions. A session id is 256 random bits, held by the browser
 * in an HTTP-only cookie and kept here only as its sha256 (a copy of the
 * table signs nobody in). A session ends when logged out, after an hour
 * unused, twelve hours after it began whatever its use, when its account is
 * disabled, and when the account's password is set again.
 *
 * The CSRF token is derived from the session id (sha256 of a fixed label and
 * the id), not stored: the server recomputes it from the cookie it was sent,
 * a stolen copy of the table does not give it, and it changes with every
 * session. See cloud/backoffice/rpc.ts for how it is checked.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../db/database';
import { toInt } from '../db/database';

export const SESSION_IDLE_MS = 60 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000;
/** last_used_at is written at most this often (not on every request). */
const TOUCH_EVERY_MS = 60_000;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

export function csrfTokenOf(sessionId: string): string {
  return createHash('sha256').update(`lojal-csrf\0${sessionId}`, 'utf8').digest('base64url');
}

/** Constant-time comparison of a sent CSRF token with the session's. */
export function csrfTokenMatches(sessionId: string, sent: string | undefined): boolean {
  if (sent === undefined) return false;
  const expected = Buffer.from(csrfTokenOf(sessionId), 'utf8');
  const actual = Buffer.from(sent, 'utf8');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export interface StartedSession {
  sessionId: string;
  csrfToken: string;
  expiresAt: number;
}

export async function startSession(
  db: Queryable,
  accountId: string,
  now: number,
): Promise<StartedSession> {
  const sessionId = newSessionId();
  const expiresAt = now + SESSION_ABSOLUTE_MS;
  await db.query(
    `INSERT INTO account_sessions (id_sha256, account_id, created_at, last_used_at, expires_at)
     VALUES ($1, $2, $3, $3, $4)`,
    [sha256(sessionId), accountId, now, expiresAt],
  );
  return { sessionId, csrfToken: csrfTokenOf(sessionId), expiresAt };
}

export interface LiveSession {
  accountId: string;
  createdAt: number;
  expiresAt: number;
}

/**
 * The session of this id when it is live (not ended, used within the idle
 * time, before its absolute end, its account not disabled); null otherwise.
 * A live session's use is noted (its idle time starts again).
 */
export async function liveSession(
  db: Queryable,
  sessionId: string,
  now: number,
): Promise<LiveSession | null> {
  const key = sha256(sessionId);
  const rows = await db.query<{
    account_id: string;
    created_at: unknown;
    last_used_at: unknown;
    expires_at: unknown;
  }>(
    `SELECT s.account_id, s.created_at, s.last_used_at, s.expires_at
       FROM account_sessions s JOIN accounts a ON a.id = s.account_id
      WHERE s.id_sha256 = $1 AND s.ended_at IS NULL AND a.disabled_at IS NULL`,
    [key],
  );
  const row = rows[0];
  if (!row) return null;
  const lastUsedAt = toInt(row.last_used_at);
  const expiresAt = toInt(row.expires_at);
  if (now >= expiresAt || now - lastUsedAt >= SESSION_IDLE_MS) {
    await db.query('UPDATE account_sessions SET ended_at = $2 WHERE id_sha256 = $1', [key, now]);
    return null;
  }
  if (now - lastUsedAt >= TOUCH_EVERY_MS) {
    await db.query('UPDATE account_sessions SET last_used_at = $2 WHERE id_sha256 = $1', [
      key,
      now,
    ]);
  }
  return { accountId: row.account_id, createdAt: toInt(row.created_at), expiresAt };
}

export async function endSession(db: Queryable, sessionId: string, now: number): Promise<void> {
  await db.query(
    'UPDATE account_sessions SET ended_at = $2 WHERE id_sha256 = $1 AND ended_at IS NULL',
    [sha256(sessionId), now],
  );
}

/** Ends every session of the account (disabled, its password set again). */
export async function endAllSessions(db: Queryable, accountId: string, now: number): Promise<void> {
  await db.query(
    'UPDATE account_sessions SET ended_at = $2 WHERE account_id = $1 AND ended_at IS NULL',
    [accountId, now],
  );
}
