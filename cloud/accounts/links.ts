/**
 * One-time links that set a password: an invitation (valid 7 days) and a
 * password reset (valid 24 hours). The token is 256 random bits, kept only as
 * its sha256; a link works once, and a newer link of the same kind for the
 * same account ends the older ones.
 *
 * The token travels in the link's fragment (`/bo/set-password#token=…`): a
 * browser never sends a fragment to a server, so the token stays out of
 * request lines, proxies' logs and Referer headers. The page reads it and
 * sends it in a JSON body.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Database, Queryable } from '../db/database';
import { toInt } from '../db/database';
import { accountById, setPasswordHash } from './accounts';
import type { Account } from './accounts';
import { hashPassword } from './passwords';
import type { ScryptCost } from './passwords';
import { endAllSessions } from './sessions';

export type LinkPurpose = 'invite' | 'reset';

export const LINK_VALID_MS: Readonly<Record<LinkPurpose, number>> = {
  invite: 7 * 24 * 60 * 60_000,
  reset: 24 * 60 * 60_000,
};

/** Where the back office's page for a link lives, under the cloud's public address. */
export const SET_PASSWORD_PATH = '/bo/set-password';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The prefix tells a human (and a secret scanner) what leaked, never whose it is. */
export function newLinkToken(): string {
  return `lojal_l_${randomBytes(32).toString('base64url')}`;
}

export function linkUrl(publicUrl: string, purpose: LinkPurpose, token: string): string {
  const base = publicUrl.replace(/\/+$/, '');
  return `${base}${SET_PASSWORD_PATH}#${new URLSearchParams({ token, kind: purpose })}`;
}

export interface IssuedLink {
  token: string;
  expiresAt: number;
}

/** A new link for the account; earlier unused links of the same kind stop working. */
export async function issueLink(
  tx: Queryable,
  accountId: string,
  purpose: LinkPurpose,
  now: number,
): Promise<IssuedLink> {
  await tx.query(
    'UPDATE account_links SET used_at = $3 WHERE account_id = $1 AND purpose = $2 AND used_at IS NULL',
    [accountId, purpose, now],
  );
  const token = newLinkToken();
  const expiresAt = now + LINK_VALID_MS[purpose];
  await tx.query(
    `INSERT INTO account_links (token_sha256, account_id, purpose, created_at, expires_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [sha256(token), accountId, purpose, now, expiresAt],
  );
  return { token, expiresAt };
}

/** The link is unknown, used, expired, or its account is disabled. */
export class LinkInvalidError extends Error {
  constructor() {
    super('this link is unknown, used or expired; ask for a new one');
    this.name = 'LinkInvalidError';
  }
}

export interface LinkInfo {
  purpose: LinkPurpose;
  account: Account;
  expiresAt: number;
}

async function liveLink(
  db: Queryable,
  token: string,
  now: number,
  lock: boolean,
): Promise<LinkInfo> {
  const rows = await db.query<{
    account_id: string;
    purpose: LinkPurpose;
    expires_at: unknown;
    used_at: unknown;
  }>(
    `SELECT account_id, purpose, expires_at, used_at FROM account_links WHERE token_sha256 = $1${
      lock ? ' FOR UPDATE' : ''
    }`,
    [sha256(token)],
  );
  const row = rows[0];
  if (!row || row.used_at !== null || toInt(row.expires_at) <= now) throw new LinkInvalidError();
  const account = await accountById(db, row.account_id);
  if (!account || account.disabled) throw new LinkInvalidError();
  return { purpose: row.purpose, account, expiresAt: toInt(row.expires_at) };
}

/** What a link is for and whose it is (the set-password page greets them), without using it. */
export function peekLink(db: Queryable, token: string, now: number): Promise<LinkInfo> {
  return liveLink(db, token, now, false);
}

/**
 * Uses the link: sets the account's password, marks the link (and every other
 * unused link of the account) used, and ends the account's sessions. The
 * password is hashed before the transaction (scrypt is slow; no lock waits for it).
 */
export async function redeemLink(
  db: Database,
  token: string,
  password: string,
  now: number,
  cost?: ScryptCost,
): Promise<LinkInfo> {
  await peekLink(db, token, now);
  const passwordHash = await hashPassword(password, cost);
  return db.transaction(async (tx) => {
    // Locked and checked again: two uses of one link at once, one wins.
    const link = await liveLink(tx, token, now, true);
    await setPasswordHash(tx, link.account.accountId, passwordHash);
    await tx.query(
      'UPDATE account_links SET used_at = $2 WHERE account_id = $1 AND used_at IS NULL',
      [link.account.accountId, now],
    );
    await endAllSessions(tx, link.account.accountId, now);
    return { ...link, account: { ...link.account, hasPassword: true } };
  });
}
