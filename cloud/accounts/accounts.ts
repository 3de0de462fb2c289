/**
 * Back-office accounts: a chain's owner and its store managers, signing in by
 * e-mail and password. The first owner is made on the command line
 * (`add-owner`), later ones are invited by an owner; each sets their password
 * through a one-time link (cloud/accounts/links.ts). E-mail addresses are one
 * account each, kept case-folded (src/contract/backoffice/schemas.ts).
 */
import { randomUUID } from 'node:crypto';
import { isWellFormedText } from '../../src/core/limits';
import { foldEmail } from '../../src/contract/backoffice/schemas';
import type { AccountRole } from '../../src/contract/backoffice/schemas';
import type { Database, Queryable } from '../db/database';
import { toInt } from '../db/database';

export interface Account {
  accountId: string;
  chainId: string;
  chainName: string;
  email: string;
  name: string;
  role: AccountRole;
  /** The stores a store manager manages (an owner: none listed, the whole chain). */
  storeIds: string[];
  disabled: boolean;
  /** False until the invitation's link set one. */
  hasPassword: boolean;
  createdAt: number;
}

export class EmailTakenError extends Error {
  constructor() {
    super('an account with this e-mail address exists already');
    this.name = 'EmailTakenError';
  }
}

/** A store given for a store manager is not a store of the chain. */
export class UnknownStoreError extends Error {
  constructor(readonly storeId: string) {
    super(`no store ${storeId} in this chain`);
    this.name = 'UnknownStoreError';
  }
}

type AccountRow = {
  id: string;
  chain_id: string;
  chain_name: string;
  email: string;
  name: string;
  role: AccountRole;
  password_hash: string | null;
  disabled_at: unknown;
  created_at: unknown;
  store_ids: string[] | null;
};

const SELECT_ACCOUNT = `
  SELECT a.id, a.chain_id, c.name AS chain_name, a.email, a.name, a.role, a.password_hash,
         a.disabled_at, a.created_at,
         ARRAY(SELECT s.store_id FROM account_stores s WHERE s.account_id = a.id ORDER BY s.store_id)
           AS store_ids
    FROM accounts a JOIN chains c ON c.id = a.chain_id`;

function toAccount(row: AccountRow): Account {
  return {
    accountId: row.id,
    chainId: row.chain_id,
    chainName: row.chain_name,
    email: row.email,
    name: row.name,
    role: row.role,
    storeIds: row.store_ids ?? [],
    disabled: row.disabled_at !== null,
    hasPassword: row.password_hash !== null,
    createdAt: toInt(row.created_at),
  };
}

export async function accountById(db: Queryable, accountId: string): Promise<Account | null> {
  const rows = await db.query<AccountRow>(`${SELECT_ACCOUNT} WHERE a.id = $1`, [accountId]);
  return rows[0] ? toAccount(rows[0]) : null;
}

/** The account and its password hash (for the log-in only). */
export async function accountForLogin(
  db: Queryable,
  email: string,
): Promise<{ account: Account; passwordHash: string | null } | null> {
  const rows = await db.query<AccountRow>(`${SELECT_ACCOUNT} WHERE a.email = $1`, [
    foldEmail(email),
  ]);
  const row = rows[0];
  return row ? { account: toAccount(row), passwordHash: row.password_hash } : null;
}

export async function accountsOfChain(db: Queryable, chainId: string): Promise<Account[]> {
  const rows = await db.query<AccountRow>(
    `${SELECT_ACCOUNT} WHERE a.chain_id = $1 ORDER BY a.role, a.name, a.id`,
    [chainId],
  );
  return rows.map(toAccount);
}

export interface NewAccount {
  chainId: string;
  email: string;
  name: string;
  role: AccountRole;
  storeIds: readonly string[];
  invitedBy: string | null;
}

/**
 * Adds an account without a password (its link sets one). An address that
 * has an account already is refused, unless it is an account of the same
 * chain that never set its password (an invitation not yet taken): then that
 * account is given the new name, role and stores, and its id is answered.
 */
export async function createAccount(
  tx: Queryable,
  input: NewAccount,
  now: number,
): Promise<string> {
  const email = foldEmail(input.email);
  const name = input.name.trim();
  if (!isWellFormedText(email) || !isWellFormedText(name))
    throw new RangeError('an e-mail address or name holds a NUL or a lone surrogate');
  const storeIds = input.role === 'owner' ? [] : [...new Set(input.storeIds)];
  if (storeIds.length > 0) {
    const known = await tx.query<{ id: string }>(
      'SELECT id FROM stores WHERE chain_id = $1 AND id = ANY($2::text[])',
      [input.chainId, storeIds],
    );
    const knownIds = new Set(known.map((r) => r.id));
    const unknown = storeIds.find((id) => !knownIds.has(id));
    if (unknown !== undefined) throw new UnknownStoreError(unknown);
  }
  const existing = await tx.query<{ id: string; chain_id: string; password_hash: string | null }>(
    'SELECT id, chain_id, password_hash FROM accounts WHERE email = $1',
    [email],
  );
  let accountId: string;
  const taken = existing[0];
  if (taken) {
    if (taken.chain_id !== input.chainId || taken.password_hash !== null)
      throw new EmailTakenError();
    accountId = taken.id;
    await tx.query('UPDATE accounts SET name = $2, role = $3, invited_by = $4 WHERE id = $1', [
      accountId,
      name,
      input.role,
      input.invitedBy,
    ]);
    await tx.query('DELETE FROM account_stores WHERE account_id = $1', [accountId]);
  } else {
    accountId = randomUUID();
    try {
      await tx.query(
        `INSERT INTO accounts (id, chain_id, email, name, role, created_at, invited_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [accountId, input.chainId, email, name, input.role, now, input.invitedBy],
      );
    } catch (error) {
      // Two invitations of one address at once: the second finds the first's row.
      if ((error as { code?: unknown }).code === '23505') throw new EmailTakenError();
      throw error;
    }
  }
  for (const storeId of storeIds) {
    await tx.query('INSERT INTO account_stores (account_id, store_id) VALUES ($1, $2)', [
      accountId,
      storeId,
    ]);
  }
  return accountId;
}

export async function setPasswordHash(
  tx: Queryable,
  accountId: string,
  passwordHash: string,
): Promise<void> {
  await tx.query('UPDATE accounts SET password_hash = $2 WHERE id = $1', [accountId, passwordHash]);
}

/** The chain by name, made when missing (the first owner may come before any store). */
export async function ensureChainNamed(
  db: Database,
  name: string,
  now: number,
): Promise<{ chainId: string; chainName: string; created: boolean }> {
  const chainName = name.trim();
  if (chainName.length === 0 || chainName.length > 80 || !isWellFormedText(chainName))
    throw new RangeError('a chain name is 1 to 80 characters, without NUL or lone surrogates');
  return db.transaction(async (tx) => {
    const existing = await tx.query<{ id: string }>('SELECT id FROM chains WHERE name = $1', [
      chainName,
    ]);
    if (existing[0]) return { chainId: existing[0].id, chainName, created: false };
    const chainId = randomUUID();
    await tx.query(
      'INSERT INTO chains (id, name, created_at) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING',
      [chainId, chainName, now],
    );
    const made = await tx.query<{ id: string }>('SELECT id FROM chains WHERE name = $1', [
      chainName,
    ]);
    return { chainId: made[0]!.id, chainName, created: made[0]!.id === chainId };
  });
}
