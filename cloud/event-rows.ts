/**
 * Event rows as stored, and the locks writers of a chain's log take: one lock
 * per member a push touches (its index and conflicts are refreshed under it)
 * and the chain's lock, held only while a push numbers its events and commits.
 *
 * Every writer takes them in one order, so none waits in a circle: slot 0
 * (cloud/slot-zero.ts), members, the chain's staff, identity-clash subjects,
 * the chain. A writer may skip any of them.
 */
import { createHash } from 'node:crypto';
import type { Queryable } from './db/database';
import { toInt } from './db/database';

/** Advisory lock space for chains; the key within it is the chain id's hash. */
export const CHAIN_LOCK_SPACE = 74_190_002;
/** Advisory lock space for members; the key is a hash of chain and member id. */
export const MEMBER_LOCK_SPACE = 74_190_003;

export async function lockChain(tx: Queryable, chainId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [CHAIN_LOCK_SPACE, chainId]);
}

/** Advisory lock space for a chain's staff rules; the key is the chain id's hash. */
export const STAFF_LOCK_SPACE = 74_190_005;

/**
 * Staff saves one after another (a till's push of them, the back office's):
 * two cannot each let in a manager the other disables. Taken after the
 * members' locks and before any clash subject or the chain's lock.
 */
export async function lockStaff(tx: Queryable, chainId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [STAFF_LOCK_SPACE, chainId]);
}

function memberLockKey(chainId: string, memberId: string): number {
  return createHash('sha256')
    .update(chainId)
    .update('\u001f')
    .update(memberId)
    .digest()
    .readInt32BE(0);
}

/**
 * Locks the members until commit, in one statement and always in ascending
 * key order (unnest yields the array in order), so two pushes sharing members
 * wait for each other and never deadlock. Two members sharing a key only share
 * a lock.
 */
export async function lockMembers(
  tx: Queryable,
  chainId: string,
  memberIds: readonly string[],
): Promise<void> {
  if (memberIds.length === 0) return;
  const keys = [...new Set(memberIds.map((id) => memberLockKey(chainId, id)))].sort(
    (a, b) => a - b,
  );
  await tx.query('SELECT pg_advisory_xact_lock($1, k) FROM unnest($2::int[]) AS k', [
    MEMBER_LOCK_SPACE,
    keys,
  ]);
}

/** Advisory lock space for identity clashes; the key is a hash of chain, kind and value. */
export const CLASH_LOCK_SPACE = 74_190_004;

/**
 * Locks the identity-clash subjects (hashed values) until commit, sorted like
 * lockMembers. Taken after the members' locks and before the chain's: two
 * pushes whose members share a phone, number or QR token keep that clash's
 * conflicts one after the other.
 */
export async function lockClashSubjects(
  tx: Queryable,
  chainId: string,
  subjects: readonly string[],
): Promise<void> {
  if (subjects.length === 0) return;
  const keys = [...new Set(subjects.map((s) => memberLockKey(chainId, s)))].sort((a, b) => a - b);
  await tx.query('SELECT pg_advisory_xact_lock($1, k) FROM unnest($2::int[]) AS k', [
    CLASH_LOCK_SPACE,
    keys,
  ]);
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
