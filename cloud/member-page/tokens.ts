/**
 * The member page's links (migration 018): one live token per member, made
 * when first asked for (a message with {lenke}, a till printing a receipt,
 * the back office), replaced or withdrawn from the back office.
 *
 * The token is an HMAC of the row's 128 random bits under the server's
 * secret: the cloud can make the same link again for the next message, and
 * only its SHA-256 is stored and searched for. Tokens are never logged.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database';

/** Where the page lives: `${publicUrl}${MEMBER_PAGE_PATH}/<token>`. */
export const MEMBER_PAGE_PATH = '/m';

/** The shortest LOJAL_MEMBER_PAGE_SECRET taken: 32 characters, as long as the made one's 256 bits in base64url. */
export const MEMBER_PAGE_SECRET_MIN_LENGTH = 32;

/** A configured secret, checked when the server starts; the error never holds the secret. */
export function checkMemberPageSecret(secret: string): string {
  if (secret.length < MEMBER_PAGE_SECRET_MIN_LENGTH)
    throw new RangeError(
      `LOJAL_MEMBER_PAGE_SECRET must be at least ${MEMBER_PAGE_SECRET_MIN_LENGTH} characters, ` +
        `not ${secret.length} (unset, the secret kept in the database is used)`,
    );
  return secret;
}

/**
 * The server's secret for member page tokens: the configured one
 * (LOJAL_MEMBER_PAGE_SECRET: servers on one database make the same links),
 * else one made once and kept in the database.
 */
export async function memberPageSecret(db: Queryable, configured?: string): Promise<string> {
  if (configured !== undefined) return checkMemberPageSecret(configured);
  await db.query(
    'INSERT INTO member_page_secret (one, secret) VALUES (true, $1) ON CONFLICT DO NOTHING',
    [randomBytes(32).toString('base64url')],
  );
  return (await storedSecret(db))!;
}

/** The secret kept in the database (the one used while no secret was configured), if one was made. */
async function storedSecret(db: Queryable): Promise<string | null> {
  const [row] = await db.query<{ secret: string }>('SELECT secret FROM member_page_secret');
  return row?.secret ?? null;
}

/** memberPageSecret read once per server, and again after a failure (the database did not answer). */
export function memberPageSecretSource(db: Queryable, configured?: string): () => Promise<string> {
  let secret: Promise<string> | null = null;
  return () =>
    (secret ??= memberPageSecret(db, configured).catch((error: unknown) => {
      secret = null;
      throw error;
    }));
}

export function tokenOf(secret: string, rowId: string): string {
  return createHmac('sha256', secret).update(`member-page:${rowId}`).digest('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The per-page form token the page's POST forms carry (CSRF): bound to the link's row. */
export function formTokenOf(secret: string, rowId: string): string {
  return createHmac('sha256', secret).update(`member-page-form:${rowId}`).digest('base64url');
}

export function memberPageUrl(publicUrl: string, token: string): string {
  return `${publicUrl}${MEMBER_PAGE_PATH}/${token}`;
}

/** A token as the page route finds it: live, revoked, or unknown. */
export type FoundLink =
  | { state: 'live'; rowId: string; chainId: string; memberId: string }
  | { state: 'revoked' }
  | { state: 'unknown' };

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export async function findLink(db: Queryable, token: string): Promise<FoundLink> {
  // Anything not shaped like ours is not looked up at all.
  if (!TOKEN_SHAPE.test(token)) return { state: 'unknown' };
  const [row] = await db.query<{
    id: string;
    chain_id: string;
    member_id: string;
    revoked_at: unknown;
  }>('SELECT id, chain_id, member_id, revoked_at FROM member_page_tokens WHERE token_hash = $1', [
    tokenHash(token),
  ]);
  if (!row) return { state: 'unknown' };
  if (row.revoked_at !== null) return { state: 'revoked' };
  return { state: 'live', rowId: row.id, chainId: row.chain_id, memberId: row.member_id };
}

/** Whether the chain has this member, not erased and not merged away (null: unknown). */
export async function memberIsLive(
  db: Queryable,
  chainId: string,
  memberId: string,
): Promise<boolean> {
  const [row] = await db.query<{ erased: boolean; merged_into: string | null }>(
    `SELECT m.erased, f.merged_into FROM members m
       LEFT JOIN member_facts f ON f.chain_id = m.chain_id AND f.member_id = m.member_id
      WHERE m.chain_id = $1 AND m.member_id = $2`,
    [chainId, memberId],
  );
  return row !== undefined && !row.erased && row.merged_into === null;
}

/** A live row's token under this secret, or null when the row was made under another one. */
function tokenUnder(secret: string, row: { id: string; token_hash: string }): string | null {
  const token = tokenOf(secret, row.id);
  return tokenHash(token) === row.token_hash ? token : null;
}

/**
 * Live rows' tokens by row id: under the server's secret, else under the
 * secret kept in the database, so links made before LOJAL_MEMBER_PAGE_SECRET
 * was set stay what they were (receipts and messages carry them).
 */
async function tokensOf(
  db: Queryable,
  secret: string,
  rows: readonly { id: string; token_hash: string }[],
): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  const others: { id: string; token_hash: string }[] = [];
  for (const row of rows) {
    const token = tokenUnder(secret, row);
    if (token === null) others.push(row);
    else tokens.set(row.id, token);
  }
  const stored = others.length > 0 ? await storedSecret(db) : null;
  if (stored !== null)
    for (const row of others) {
      const token = tokenUnder(stored, row);
      if (token !== null) tokens.set(row.id, token);
    }
  return tokens;
}

/**
 * Withdraws live rows neither secret makes (LOJAL_MEMBER_PAGE_SECRET changed
 * from one value to another): their token cannot be made again, so a message
 * would carry a link that opens nothing. The member gets a new one instead.
 * True when any was withdrawn.
 */
async function revokeForeign(
  db: Queryable,
  rows: readonly { id: string }[],
  tokens: ReadonlyMap<string, string>,
  now: number,
): Promise<boolean> {
  const foreign = rows.filter((r) => !tokens.has(r.id));
  if (foreign.length === 0) return false;
  await db.query(
    'UPDATE member_page_tokens SET revoked_at = $2 WHERE id = ANY($1::text[]) AND revoked_at IS NULL',
    [foreign.map((r) => r.id), now],
  );
  return true;
}

/**
 * The member's live token, made now when they have none. The caller checks
 * the member exists (memberIsLive); two callers at once get the same token.
 */
export async function ensureToken(
  db: Queryable,
  secret: string,
  chainId: string,
  memberId: string,
  now: number,
): Promise<string> {
  const live = async () =>
    (
      await db.query<{ id: string; token_hash: string }>(
        `SELECT id, token_hash FROM member_page_tokens
          WHERE chain_id = $1 AND member_id = $2 AND revoked_at IS NULL`,
        [chainId, memberId],
      )
    )[0];
  const kept = await live();
  if (kept) {
    const tokens = await tokensOf(db, secret, [kept]);
    const token = tokens.get(kept.id);
    if (token !== undefined) return token;
    await revokeForeign(db, [kept], tokens, now);
  }
  const id = randomBytes(16).toString('base64url');
  await db.query(
    `INSERT INTO member_page_tokens (chain_id, id, member_id, token_hash, created_at)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
    [chainId, id, memberId, tokenHash(tokenOf(secret, id)), now],
  );
  // Another caller's row, made at the same moment, wins the conflict: the one live row's.
  return tokenOf(secret, (await live())!.id);
}

export const memberKey = (chainId: string, memberId: string) => `${chainId} ${memberId}`;

/**
 * ensureToken for many members at once (a batch of messages), in two queries
 * (one more when some live rows were made under another secret, two more
 * when neither secret makes some): a token made
 * for each member that has none, then every live one read. Keyed by memberKey.
 */
export async function ensureTokens(
  db: Queryable,
  secret: string,
  members: readonly { chainId: string; memberId: string }[],
  now: number,
): Promise<Map<string, string>> {
  const distinct = new Map(members.map((m) => [memberKey(m.chainId, m.memberId), m]));
  const wanted = [...distinct.values()];
  const made = async () => {
    const ids = wanted.map(() => randomBytes(16).toString('base64url'));
    // A member with a live token already conflicts on member_page_tokens_live: kept as is.
    await db.query(
      `INSERT INTO member_page_tokens (chain_id, id, member_id, token_hash, created_at)
       SELECT w.chain_id, w.id, w.member_id, w.token_hash, $5
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
           AS w(chain_id, member_id, id, token_hash)
       ON CONFLICT DO NOTHING`,
      [
        wanted.map((m) => m.chainId),
        wanted.map((m) => m.memberId),
        ids,
        ids.map((id) => tokenHash(tokenOf(secret, id))),
        now,
      ],
    );
    return db.query<{ chain_id: string; member_id: string; id: string; token_hash: string }>(
      `SELECT t.chain_id, t.member_id, t.id, t.token_hash FROM member_page_tokens t
         JOIN unnest($1::text[], $2::text[]) AS w(chain_id, member_id)
           ON t.chain_id = w.chain_id AND t.member_id = w.member_id
        WHERE t.revoked_at IS NULL`,
      [wanted.map((m) => m.chainId), wanted.map((m) => m.memberId)],
    );
  };
  let rows = await made();
  const tokens = await tokensOf(db, secret, rows);
  if (await revokeForeign(db, rows, tokens, now)) rows = await made();
  return new Map(
    rows.map((r) => [
      memberKey(r.chain_id, r.member_id),
      tokens.get(r.id) ?? tokenOf(secret, r.id),
    ]),
  );
}

/** Withdraws the member's live link; true when there was one. */
export async function revokeToken(
  db: Queryable,
  chainId: string,
  memberId: string,
  now: number,
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE member_page_tokens SET revoked_at = $3
      WHERE chain_id = $1 AND member_id = $2 AND revoked_at IS NULL RETURNING id`,
    [chainId, memberId, now],
  );
  return rows.length > 0;
}

/** The member's live link, if they have one, without making one. */
export async function liveToken(
  db: Queryable,
  secret: string,
  chainId: string,
  memberId: string,
): Promise<{ token: string; createdAt: number } | null> {
  const [row] = await db.query<{ id: string; token_hash: string; created_at: unknown }>(
    `SELECT id, token_hash, created_at FROM member_page_tokens
      WHERE chain_id = $1 AND member_id = $2 AND revoked_at IS NULL`,
    [chainId, memberId],
  );
  if (!row) return null;
  // One neither secret makes cannot be shown; the next ensureToken replaces it.
  const token = (await tokensOf(db, secret, [row])).get(row.id);
  return token === undefined ? null : { token, createdAt: Number(row.created_at) };
}
