/**
 * What a signed-in account reaches: its chain (from its session, never from a
 * command's input) and, for a store manager, its stores. Handlers of commands
 * over stores read stores and tills only through this: a store or till outside
 * the scope is `not_found`, the same answer as one that does not exist.
 */
import { formatStoreCode } from '../../src/sync/protocol';
import type { AccountRole } from '../../src/contract/backoffice/schemas';
import type { Account } from '../accounts/accounts';
import type { Queryable } from '../db/database';
import { toInt } from '../db/database';
import { notFound } from './errors';

export interface ScopedStore {
  storeId: string;
  name: string;
  storeCode: string;
}

export interface ScopedTerminal {
  terminalId: string;
  storeId: string;
  name: string;
  pairedAt: number;
  lastSeenAt: number | null;
  active: boolean;
}

export class Scope {
  readonly chainId: string;
  readonly role: AccountRole;
  /** Null: every store of the chain (an owner). */
  private readonly only: ReadonlySet<string> | null;

  constructor(account: Pick<Account, 'chainId' | 'role' | 'storeIds'>) {
    this.chainId = account.chainId;
    this.role = account.role;
    this.only = account.role === 'owner' ? null : new Set(account.storeIds);
  }

  /** Whether a store id is within the scope (its chain is checked by the reads below). */
  reaches(storeId: string): boolean {
    return this.only === null || this.only.has(storeId);
  }

  /** For SQL: `($2::text[] IS NULL OR store_id = ANY($2))`. */
  private get storeList(): string[] | null {
    return this.only === null ? null : [...this.only];
  }

  async stores(db: Queryable): Promise<ScopedStore[]> {
    const rows = await db.query<{ id: string; name: string; code: string }>(
      `SELECT id, name, code FROM stores
        WHERE chain_id = $1 AND ($2::text[] IS NULL OR id = ANY($2::text[]))
        ORDER BY name, id`,
      [this.chainId, this.storeList],
    );
    return rows.map((r) => ({ storeId: r.id, name: r.name, storeCode: formatStoreCode(r.code) }));
  }

  /** Every store id given, each a store of the chain within the scope; else not_found naming it. */
  async requireStores(db: Queryable, storeIds: readonly string[]): Promise<void> {
    const reachable = new Set((await this.stores(db)).map((s) => s.storeId));
    const outside = storeIds.find((id) => !reachable.has(id));
    if (outside !== undefined) throw notFound('a store');
  }

  async terminals(db: Queryable): Promise<ScopedTerminal[]> {
    const rows = await db.query<TerminalRow>(
      `${SELECT_TERMINAL} WHERE t.chain_id = $1 AND ($2::text[] IS NULL OR t.store_id = ANY($2::text[]))
        ORDER BY t.name, t.id`,
      [this.chainId, this.storeList],
    );
    return rows.map(toTerminal);
  }

  /** A till of a store within the scope; not_found otherwise. */
  async terminal(db: Queryable, terminalId: string): Promise<ScopedTerminal> {
    const rows = await db.query<TerminalRow>(
      `${SELECT_TERMINAL} WHERE t.chain_id = $1 AND t.id = $2
         AND ($3::text[] IS NULL OR t.store_id = ANY($3::text[]))`,
      [this.chainId, terminalId, this.storeList],
    );
    if (!rows[0]) throw notFound('the till');
    return toTerminal(rows[0]);
  }
}

type TerminalRow = {
  id: string;
  store_id: string;
  name: string;
  paired_at: unknown;
  last_seen_at: unknown;
  active: boolean;
};

const SELECT_TERMINAL = `
  SELECT t.id, t.store_id, t.name, t.paired_at, t.last_seen_at,
         EXISTS (SELECT 1 FROM credentials k WHERE k.terminal_id = t.id AND k.revoked_at IS NULL) AS active
    FROM terminals t`;

function toTerminal(row: TerminalRow): ScopedTerminal {
  return {
    terminalId: row.id,
    storeId: row.store_id,
    name: row.name,
    pairedAt: toInt(row.paired_at),
    lastSeenAt: row.last_seen_at === null ? null : toInt(row.last_seen_at),
    active: row.active,
  };
}
