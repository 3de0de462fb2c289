/**
 * Chains, stores and credentials: what the admin commands create and what
 * pairing and every authenticated request read.
 */
import { randomUUID } from 'node:crypto';
import { isWellFormedText } from '../src/core/limits';
import {
  formatStoreCode,
  highestSlotFor,
  normaliseStoreCode,
  slotOfTerminal,
} from '../src/sync/protocol';
import type { PairResponse } from '../src/sync/protocol';
import type { Database, Queryable } from './db/database';
import { toInt } from './db/database';
import { programmeInForce } from './programme';
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
  // The database takes no NUL, and a lone surrogate is no character at all.
  if (!isWellFormedText(trimmed)) {
    throw new RangeError(`${what} name holds a NUL or a lone surrogate; type it again`);
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
  if (!isWellFormedText(name)) throw new RangeError('a chain name holds no NUL or lone surrogate');
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

/** The chain has no member-number slot left for another terminal. */
export class SlotsExhaustedError extends Error {
  constructor(
    readonly chainName: string,
    readonly prefix: string,
    readonly highest: number,
  ) {
    super(
      `the chain "${chainName}" has given every member-number slot its prefix ${prefix} allows ` +
        `(up to ${highest}): a shorter member number prefix makes room for more tills, ` +
        'or pair a till again with its own token to keep its slot',
    );
    this.name = 'SlotsExhaustedError';
  }
}

/**
 * Pairs a terminal with the store whose code was typed; null when no store has
 * it. `current` is the credential of the token the till sent along: when it is
 * a terminal of the same chain, that terminal is paired again (same id, same
 * slot, this store and name, a new token; the old token is revoked). Otherwise
 * a new terminal gets the chain's next slot (see SLOTS in src/sync/protocol.ts).
 */
export async function pairTerminal(
  db: Database,
  input: { storeCode: string; terminalName: string },
  now: number,
  current: Credential | null = null,
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
    const again =
      current?.role === 'terminal' && current.chainId === store.chain_id ? current : null;
    let terminalId: string;
    let slot: number;
    if (again) {
      const kept = await tx.query<{ slot: unknown }>(
        'UPDATE terminals SET store_id = $1, name = $2 WHERE id = $3 RETURNING slot',
        [store.id, terminalName, again.terminalId],
      );
      terminalId = again.terminalId;
      slot = toInt(kept[0]!.slot);
      await revokeCredential(tx, again.key, now);
    } else {
      // The chain's row is locked until commit: pairings of one chain count one after another.
      const counted = await tx.query<{ slots_given: unknown }>(
        'UPDATE chains SET slots_given = slots_given + 1 WHERE id = $1 RETURNING slots_given',
        [store.chain_id],
      );
      slot = slotOfTerminal(toInt(counted[0]!.slots_given));
      const prefix = (await programmeInForce(tx, store.chain_id)).memberNumberPrefix;
      const highest = highestSlotFor(prefix);
      // Thrown inside the transaction: the count goes back with it.
      if (slot > highest) throw new SlotsExhaustedError(store.chain_name, prefix, highest);
      terminalId = randomUUID();
      await tx.query(
        `INSERT INTO terminals (id, chain_id, store_id, name, paired_at, slot)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [terminalId, store.chain_id, store.id, terminalName, now, slot],
      );
    }
    const token = newToken('terminal');
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
      slot,
      existingTerminal: again !== null,
    };
  });
}

/** Revokes a terminal's token (unpairing, pairing again); the terminal and its slot stay in the chain. */
export async function revokeCredential(db: Queryable, key: string, now: number): Promise<void> {
  await db.query(
    'UPDATE credentials SET revoked_at = $1 WHERE token_sha256 = $2 AND revoked_at IS NULL',
    [now, key],
  );
}

export interface TerminalListing {
  terminalId: string;
  chainName: string;
  storeName: string;
  name: string;
  pairedAt: number;
  lastSeenAt: number | null;
  /** Holds a token the cloud still takes. */
  active: boolean;
}

/** The paired terminals, of one chain or of all, by chain, store and name. */
export async function listTerminals(
  db: Queryable,
  chainId: string | null = null,
): Promise<TerminalListing[]> {
  const rows = await db.query<{
    id: string;
    chain_name: string;
    store_name: string;
    name: string;
    paired_at: unknown;
    last_seen_at: unknown;
    active: boolean;
  }>(
    `SELECT t.id, c.name AS chain_name, s.name AS store_name, t.name, t.paired_at, t.last_seen_at,
            EXISTS (SELECT 1 FROM credentials k WHERE k.terminal_id = t.id AND k.revoked_at IS NULL)
              AS active
       FROM terminals t JOIN chains c ON c.id = t.chain_id JOIN stores s ON s.id = t.store_id
      WHERE $1::text IS NULL OR t.chain_id = $1
      ORDER BY c.name, s.name, t.name, t.id`,
    [chainId],
  );
  return rows.map((row) => ({
    terminalId: row.id,
    chainName: row.chain_name,
    storeName: row.store_name,
    name: row.name,
    pairedAt: toInt(row.paired_at),
    lastSeenAt: row.last_seen_at === null ? null : toInt(row.last_seen_at),
    active: row.active,
  }));
}

/**
 * Revokes every token of a terminal (a till stolen or retired): its requests
 * are refused from now on with 401, and it keeps working offline until a
 * manager pairs it again. Returns how many tokens were revoked; throws a
 * RangeError naming the terminal when there is none.
 */
export async function revokeTerminal(
  db: Queryable,
  terminalId: string,
  now: number,
): Promise<number> {
  if (!isWellFormedText(terminalId))
    throw new RangeError('a terminal id holds no NUL or lone surrogate');
  const known = await db.query('SELECT 1 FROM terminals WHERE id = $1', [terminalId]);
  if (known.length === 0)
    throw new RangeError(`no terminal "${terminalId}" (list-terminals shows their ids)`);
  const revoked = await db.query(
    'UPDATE credentials SET revoked_at = $1 WHERE terminal_id = $2 AND revoked_at IS NULL RETURNING 1',
    [now, terminalId],
  );
  return revoked.length;
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
