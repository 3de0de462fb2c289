/**
 * The till's pairing with its chain's cloud, kept in the till's own database:
 * the cloud's address, the terminal token and the ids pairing gave. Adopting a
 * pairing also settles what happens to events recorded before it:
 *
 * - Events of the paired chain that never left the till are re-stamped with the
 *   paired store and terminal (nobody else has seen them) and pushed.
 * - Chain-wide configuration of another chain (the demo chain a new till starts
 *   in: its programme and catalogue) is dropped: it was never shared, and the
 *   chain's own programme and catalogue arrive with the first pull.
 * - Staff saved on the till before it was paired (a till set up from a template:
 *   its first manager) are carried over: their unpushed `staff.saved` events are
 *   re-stamped into the paired chain like its own local events (the cloud then
 *   takes them only from one of the chain's managers, or as the chain's first).
 *   Another chain's log-ins (`staff.logged_in`), and staff events of another
 *   chain that chain's cloud already has, are dropped.
 * - Members or sales of another chain refuse the pairing: a till never moves a
 *   customer's data from one chain into another.
 *
 * The pairing also gives the till its member-number slot in the chain, which it
 * adopts at once: numbers handed out from then on are the slot's, and no other
 * terminal of the chain has that slot. Numbers handed out before under the
 * till's random slot stay the members' numbers.
 */
import type { Db } from './db';
import { setTerminalSlot, terminalSlot } from './members';
import { openSecret, sealSecret } from './secret-sealer';
import { rebuildProjections } from './projections';
import { getSetting, SettingKeys, setSetting } from './settings';
import { deleteSyncState, getSyncState, setSyncState, SyncStateKeys } from './sync-state';

export interface Pairing {
  cloudUrl: string;
  /** Bearer token for the cloud. A secret: never logged, never shown. */
  token: string;
  chainId: string;
  storeId: string;
  terminalId: string;
  chainName: string;
  storeName: string;
  pairedAt: number;
  /** The member-number slot the cloud gave this terminal (absent in pairings made before slots). */
  slot?: number;
  /** The name the till is listed under in the cloud. */
  terminalName?: string;
}

/** sync_state keys besides SyncStateKeys (connection, last sync). */
export const PairingKeys = {
  pairing: 'cloud.pairing',
  pullCursor: 'pull.cursor',
  /** Events the cloud refused on the last push (JSON), shown in the sync status. */
  rejected: 'push.rejected',
  /** '1' after a manager unpaired the till: the environment's store code does not pair it again. */
  unpairedByManager: 'pairing.unpaired_by_manager',
} as const;

/** Business data of another chain that makes pairing impossible. */
export class ForeignChainDataError extends Error {
  constructor(
    readonly chainIds: string[],
    readonly members: number,
    readonly sales: number,
  ) {
    super(
      `this till holds ${members} member(s) and ${sales} sale(s) of another chain (${chainIds.join(', ')}); ` +
        'a till never moves customers from one chain to another: pair a till with a fresh data folder instead',
    );
    this.name = 'ForeignChainDataError';
  }
}

export function loadPairing(db: Db): Pairing | null {
  const stored = getSyncState(db, PairingKeys.pairing);
  if (stored === null) return null;
  const pairing = JSON.parse(stored) as Pairing;
  // Sealed by the OS's secret store (see secret-sealer.ts). One that cannot be opened here
  // is lost: the cloud refuses the empty token and the sync screen asks for a new pairing.
  const token = openSecret(db, pairing.token);
  if (token === null)
    console.warn(
      'lojal: the stored cloud token cannot be opened on this computer; pair the till again',
    );
  return { ...pairing, token: token ?? '' };
}

export interface ForeignChainData {
  chainIds: string[];
  /** Distinct members with events of another chain. */
  members: number;
  /** Sales of another chain, with or without a member. */
  sales: number;
  /** Chain-wide configuration events of another chain (dropped at pairing). */
  configuration: number;
  /** Staff saved on this till in another chain, not yet pushed (carried over at pairing). */
  staff: number;
}

/** Event types of another chain a pairing settles (drops or carries over) rather than refuses. */
const CARRIED_TYPES = "('programme.saved', 'catalogue.saved', 'staff.saved', 'staff.logged_in')";

/** Another chain's staff saves made here and never sent: re-stamped into the paired chain. */
const CARRIED_STAFF = `chain_id <> ? AND type = 'staff.saved' AND origin = 'local' AND pushed = 0`;

export function foreignChainData(db: Db, chainId: string): ForeignChainData {
  const chainIds = db
    .prepare('SELECT DISTINCT chain_id FROM events WHERE chain_id <> ? ORDER BY chain_id')
    .pluck()
    .all(chainId) as string[];
  const count = (sql: string) => db.prepare(sql).pluck().get(chainId) as number;
  return {
    chainIds,
    members: count(
      'SELECT count(DISTINCT member_id) FROM events WHERE chain_id <> ? AND member_id IS NOT NULL',
    ),
    sales: count("SELECT count(*) FROM events WHERE chain_id <> ? AND type = 'sale.committed'"),
    configuration: count(
      "SELECT count(*) FROM events WHERE chain_id <> ? AND type IN ('programme.saved', 'catalogue.saved')",
    ),
    staff: count(`SELECT count(*) FROM events WHERE ${CARRIED_STAFF}`),
  };
}

/** Throws ForeignChainDataError when pairing with `chainId` would strand another chain's customers. */
export function assertPairable(db: Db, chainId: string): ForeignChainData {
  const foreign = foreignChainData(db, chainId);
  const business = db
    .prepare(`SELECT count(*) FROM events WHERE chain_id <> ? AND type NOT IN ${CARRIED_TYPES}`)
    .pluck()
    .get(chainId) as number;
  if (business > 0)
    throw new ForeignChainDataError(foreign.chainIds, foreign.members, foreign.sales);
  return foreign;
}

export interface AdoptionResult {
  /** Local events of the chain, not yet pushed, now carrying the paired store and terminal. */
  restamped: number;
  /** Another chain's configuration events removed from the log. */
  dropped: number;
}

/**
 * Makes the pairing this till's identity, in one transaction: checks, drops and
 * re-stamps as described above, stores the pairing and the ids (the service
 * reads them on start), adopts the slot, and starts pulling the chain from its
 * beginning (or, paired again with the same chain's cloud, from where it was).
 */
export function adoptPairing(db: Db, pairing: Pairing): AdoptionResult {
  return db.transaction((): AdoptionResult => {
    const previous = loadPairing(db);
    assertPairable(db, pairing.chainId);
    const carried = db
      .prepare(
        `UPDATE events SET chain_id = @chainId, store_id = @storeId, terminal_id = @terminalId
          WHERE ${CARRIED_STAFF.replace('?', '@chainId')}`,
      )
      .run(pairing).changes;
    const dropped = db
      .prepare(`DELETE FROM events WHERE chain_id <> ? AND type IN ${CARRIED_TYPES}`)
      .run(pairing.chainId).changes;
    const restamped =
      carried +
      db
        .prepare(
          `UPDATE events SET store_id = @storeId, terminal_id = @terminalId
          WHERE chain_id = @chainId AND origin = 'local' AND pushed = 0
            AND (store_id <> @storeId OR terminal_id <> @terminalId)`,
        )
        .run(pairing).changes;
    storeIdentity(db, pairing);
    if (pairing.slot !== undefined) setTerminalSlot(db, pairing.slot);
    setSyncState(
      db,
      PairingKeys.pairing,
      JSON.stringify({ ...pairing, token: sealSecret(db, pairing.token) }),
    );
    const sameLog =
      previous !== null &&
      previous.chainId === pairing.chainId &&
      previous.cloudUrl === pairing.cloudUrl;
    if (!sameLog) setSyncState(db, PairingKeys.pullCursor, '0');
    deleteSyncState(db, PairingKeys.unpairedByManager);
    // Projections carry store and terminal ids (sales, enrolments, consents) and
    // the dropped configuration: replay the log so they match it again.
    if (dropped > 0 || restamped > 0) rebuildProjections(db);
    return { restamped, dropped };
  })();
}

/**
 * A paired till is who its pairing says, whatever identity it was opened with:
 * the cloud takes events only under the paired ids. Writes them back to the
 * settings when they differ; answers whether they did.
 */
export function restorePairedIdentity(db: Db, pairing: Pairing): boolean {
  // The slot too: a till opened with another slot as an option still numbers in its own.
  if (pairing.slot !== undefined && terminalSlot(db) !== pairing.slot)
    setTerminalSlot(db, pairing.slot);
  const stored = [SettingKeys.chainId, SettingKeys.storeId, SettingKeys.terminalId].map((key) =>
    getSetting(db, key),
  );
  if (stored.join('\n') === [pairing.chainId, pairing.storeId, pairing.terminalId].join('\n')) {
    return false;
  }
  storeIdentity(db, pairing);
  return true;
}

/** The pairing's ids as this till's own (the service reads them on start). */
function storeIdentity(db: Db, pairing: Pairing): void {
  setSetting(db, SettingKeys.chainId, pairing.chainId);
  setSetting(db, SettingKeys.storeId, pairing.storeId);
  setSetting(db, SettingKeys.terminalId, pairing.terminalId);
}

export function pullCursor(db: Db): string {
  return getSyncState(db, PairingKeys.pullCursor) ?? '0';
}

export function setPullCursor(db: Db, cursor: string): void {
  setSyncState(db, PairingKeys.pullCursor, cursor);
}

/**
 * Forgets the pairing (a manager unpairing the till): the token, the cursor,
 * the connection state, the last error and the refused events go; the chain's data, the ids
 * and the slot stay, so numbers handed out stay unique and the till keeps
 * working on its own. The environment's store code does not pair it again
 * until a manager pairs it.
 */
export function forgetPairing(db: Db): void {
  db.transaction(() => {
    for (const key of [
      PairingKeys.pairing,
      PairingKeys.pullCursor,
      PairingKeys.rejected,
      SyncStateKeys.connection,
      SyncStateKeys.lastError,
    ])
      deleteSyncState(db, key);
    setSyncState(db, PairingKeys.unpairedByManager, '1');
  })();
}

export function unpairedByManager(db: Db): boolean {
  return getSyncState(db, PairingKeys.unpairedByManager) === '1';
}
