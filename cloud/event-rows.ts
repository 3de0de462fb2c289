/** Event rows as stored, and the chain lock every writer of a chain's log takes. */
import type { Queryable } from './db/database';
import { toInt } from './db/database';

/** Advisory lock space for chains; the key within it is the chain id's hash. */
const CHAIN_LOCK_SPACE = 74_190_002;

export async function lockChain(tx: Queryable, chainId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [CHAIN_LOCK_SPACE, chainId]);
}

/** A type alias (not an interface) so it fits the adapter's row constraint. */
export type EventRow = {
  seq: unknown;
  id: string;
  chain_id: string;
  store_id: string;
  terminal_id: string;
  hlc: string;
  type: string;
  member_id: string | null;
  schema_version: unknown;
  payload: unknown;
  redacted: boolean;
};

export const EVENT_COLUMNS =
  'seq, id, chain_id, store_id, terminal_id, hlc, type, member_id, schema_version, payload, redacted';

/** The envelope as it travels (not re-validated: it was validated on the way in). */
export function envelopeOf(row: EventRow): Record<string, unknown> {
  return {
    id: row.id,
    chainId: row.chain_id,
    storeId: row.store_id,
    terminalId: row.terminal_id,
    hlc: row.hlc,
    type: row.type,
    memberId: row.member_id,
    payload: row.payload,
    schemaVersion: toInt(row.schema_version),
  };
}
