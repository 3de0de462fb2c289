/**
 * Chains, stores and credentials: what the admin commands create and what
 * pairing and every authenticated request read.
 */
import { randomUUID } from 'node:crypto';
import { formatStoreCode, normaliseStoreCode } from '../src/sync/protocol';
import type { PairResponse } from '../src/sync/protocol';
import type { Database, Queryable } from './db/database';
import { toInt } from './db/database';
import { hashToken, newStoreCode, newToken } from './secrets';
import type { TokenRole } from './secrets';

export interface StoreInfo {
  chainId: string;
  chainName: string;
  storeId: string;
  storeName: string;
  /** As shown to people: `XXXX-XXXX`. */
  storeCode: string;
}

export interface AddedStore extends StoreInfo {
  /** False when the store already existed (its code is returned, nothing changed). */
  created: boolean;
  chainCreated: boolean;
}

export interface StoreListing extends StoreInfo {
  terminals: number;
}

/** Who a bearer token speaks for. Terminals are bound to a store; admins to the chain. */
export type Credential =
  | { role: 'terminal'; key: string; chainId: string; storeId: string; terminalId: string }
  | { role: 'admin'; key: string; chainId: string; storeId: null; terminalId: null };

const NAME_MAX = 80;

function checkName(what: string, name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > NAME_MAX) {
    throw new RangeError(`${what} name must be 1 to ${NAME_MAX} characters`);
  }
  return trimmed;
}

async function ensureChain(tx: Queryable, name: string, now: number) {
  const existing = await tx.query<{ id: string }>('SELECT id FROM chains WHERE name = $1', [name]);
  if (existing[0]) return { chainId: existing[0].id, created: false };
  const chainId = randomUUID();
  await tx.query('INSERT INTO chains (id, name, created_at) VALUES ($1, $2, $3)', [
    chainId,
    name,
    now,
  ]);
  return { chainId, created: true };
}

async function unusedStoreCode(tx: Queryable): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const code = newStoreCode();
    const taken = await tx.query('SELECT 1 FROM stores WHERE code = $1', [code]);
    if (taken.length === 0) return code;
  }
  throw new Error('could not find an unused store code');
}

/** Adds a store (and its chain when new). Adding an existing store returns it unchanged. */
export async function addStore(
  db: Database,
  names: { chain: string; store: string },
  now: number,
): Promise<AddedStore> {
  const chainName = checkName('chain', names.chain);
  const storeName = checkName('store', names.store);
  return db.transaction(async (tx) => {
    const chain = await ensureChain(tx, chainName, now);
    const existing = await tx.query<{ id: string; code: string }>(
      'SELECT id, code FROM stores WHERE chain_id = $1 AND name = $2',
      [chain.chainId, storeName],
    );
    if (existing[0]) {
      return {
        chainId: chain.chainId,
        chainName,
        storeId: existing[0].id,
        storeName,
        storeCode: formatStoreCode(existing[0].code),
        created: false,
        chainCreated: false,
      };
    }
    const storeId = randomUUID();
    const code = await unusedStoreCode(tx);
    await tx.query(
      'INSERT INTO stores (id, chain_id, name, code, created_at) VALUES ($1, $2, $3, $4, $5)',
      [storeId, chain.chainId, storeName, code, now],
    );
    return {
      chainId: chain.chainId,
      chainName,
      storeId,
      storeName,
      storeCode: formatStoreCode(code),
      created: true,
      chainCreated: chain.created,
    };
  });
}

export async function listStores(db: Queryable): Promise<StoreListing[]> {
  const rows = await db.query<{
    chain_id: string;
    chain_name: string;
    store_id: string;
    store_name: string;
    code: string;
    terminals: unknown;
  }>(
    `SELECT c.id AS chain_id, c.name AS chain_name, s.id AS store_id, s.name AS store_name, s.code,
            (SELECT count(*) FROM terminals t WHERE t.store_id = s.id) AS terminals
       FROM stores s JOIN chains c ON c.id = s.chain_id
      ORDER BY c.name, s.name`,
  );
  return rows.map((row) => ({
    chainId: row.chain_id,
    chainName: row.chain_name,
    storeId: row.store_id,
    storeName: row.store_name,
    storeCode: formatStoreCode(row.code),
    terminals: toInt(row.terminals),
  }));
}

/** The chain's id; throws a RangeError naming the chain when there is none. */
export async function chainIdByName(db: Queryable, name: string): Promise<string> {
  const chains = await db.query<{ id: string }>('SELECT id FROM chains WHERE name = $1', [
    name.trim(),
  ]);
  const chainId = chains[0]?.id;
  if (!chainId) throw new RangeError(`no chain named "${name.trim()}"; add a store to create it`);
  return chainId;
}

/** A token for the chain's back office (programme changes); printed once, stored hashed. */
export async function addAdminToken(
  db: Database,
  input: { chain: string; label: string },
  now: number,
): Promise<{ chainId: string; token: string }> {
  const chainName = checkName('chain', input.chain);
  const label = checkName('token label', input.label);
  const chainId = await chainIdByName(db, chainName);
  const token = newToken('admin');
  await insertCredential(db, { role: 'admin', tokenHash: hashToken(token), chainId, label }, now);
  return { chainId, token };
}

async function insertCredential(
  tx: Queryable,
  c: {
    role: TokenRole;
    tokenHash: string;
    chainId: string;
    storeId?: string;
    terminalId?: string;
    label: string;
  },
  now: number,
): Promise<void> {
  await tx.query(
    `INSERT INTO credentials (token_sha256, role, chain_id, store_id, terminal_id, label, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [c.tokenHash, c.role, c.chainId, c.storeId ?? null, c.terminalId ?? null, c.label, now],
  );
}

/** Pairs a new terminal with the store whose code was typed; null when no store has it. */
export async function pairTerminal(
  db: Database,
  input: { storeCode: string; terminalName: string },
  now: number,
): Promise<PairResponse | null> {
  const code = normaliseStoreCode(input.storeCode);
  const terminalName = checkName('terminal', input.terminalName);
  return db.transaction(async (tx) => {
    const stores = await tx.query<{
      id: string;
      name: string;
      chain_id: string;
      chain_name: string;
    }>(
      `SELECT s.id, s.name, s.chain_id, c.name AS chain_name
         FROM stores s JOIN chains c ON c.id = s.chain_id WHERE s.code = $1`,
      [code],
    );
    const store = stores[0];
    if (!store) return null;
    const terminalId = randomUUID();
    const token = newToken('terminal');
    await tx.query(
      'INSERT INTO terminals (id, chain_id, store_id, name, paired_at) VALUES ($1, $2, $3, $4, $5)',
      [terminalId, store.chain_id, store.id, terminalName, now],
    );
    await insertCredential(
      tx,
      {
        role: 'terminal',
        tokenHash: hashToken(token),
        chainId: store.chain_id,
        storeId: store.id,
        terminalId,
        label: terminalName,
      },
      now,
    );
    return {
      terminalId,
      token,
      chainId: store.chain_id,
      storeId: store.id,
      chainName: store.chain_name,
      storeName: store.name,
    };
  });
}

export async function authenticate(db: Queryable, token: string): Promise<Credential | null> {
  const key = hashToken(token);
  const rows = await db.query<{
    role: string;
    chain_id: string;
    store_id: string | null;
    terminal_id: string | null;
  }>(
    'SELECT role, chain_id, store_id, terminal_id FROM credentials WHERE token_sha256 = $1 AND revoked_at IS NULL',
    [key],
  );
  const row = rows[0];
  if (!row) return null;
  if (row.role === 'terminal' && row.store_id !== null && row.terminal_id !== null) {
    return {
      role: 'terminal',
      key,
      chainId: row.chain_id,
      storeId: row.store_id,
      terminalId: row.terminal_id,
    };
  }
  if (row.role === 'admin')
    return { role: 'admin', key, chainId: row.chain_id, storeId: null, terminalId: null };
  return null;
}
