/**
 * Member numbers the cloud gives itself (a CSV import, a customer enrolling on
 * their own phone): the till's scheme is prefix + slot × 1,000,000 + counter
 * (src/store/members.ts), and terminals get slots from 1 (SLOTS in
 * src/sync/protocol.ts), so slot 0 is the cloud's. One writer numbers a
 * chain's slot 0 at a time, under this lock, from the highest number given.
 */
import { memberNumberFor } from '../src/core/ean13';
import type { Queryable } from './db/database';

const SLOT_ZERO_LOCK_SPACE = 0x1a0b17;

/** Slot 0 holds serials 1 to this (a slot is a million numbers). */
export const SLOT_ZERO_LAST_SERIAL = 999_999;

/** Held to the end of the transaction: no other import or self-enrolment numbers the chain meanwhile. */
export async function lockSlotZero(tx: Queryable, chainId: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [SLOT_ZERO_LOCK_SPACE, chainId]);
}

/** The highest serial given in slot 0 under this prefix (0: none yet). */
export async function lastSlotZeroSerial(
  tx: Queryable,
  chainId: string,
  prefix: string,
): Promise<number> {
  const rows = await tx.query<{ last: string | null }>(
    `SELECT max(member_number) AS last FROM members
      WHERE chain_id = $1 AND member_number BETWEEN $2 AND $3`,
    [chainId, memberNumberFor(prefix, 0), memberNumberFor(prefix, SLOT_ZERO_LAST_SERIAL)],
  );
  const last = rows[0]?.last ?? null;
  return last === null ? 0 : Number(last.slice(prefix.length, 12));
}
