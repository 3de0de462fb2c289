/**
 * A terminal token stored in the clear by an earlier version (or before the
 * shell had a secret store) is sealed on the first start with a sealer; see
 * secret-sealer.ts.
 */
import type { Db } from './db';
import { hasSecretSealer, isSealed, sealSecret } from './secret-sealer';
import { PairingKeys } from './sync-pairing';
import type { Pairing } from './sync-pairing';
import { getSyncState, setSyncState } from './sync-state';

/** Seals the stored token when it is in the clear and the connection has a sealer; answers whether it did. */
export function sealStoredToken(db: Db): boolean {
  if (!hasSecretSealer(db)) return false;
  const stored = getSyncState(db, PairingKeys.pairing);
  if (stored === null) return false;
  const pairing = JSON.parse(stored) as Pairing;
  if (isSealed(pairing.token)) return false;
  setSyncState(
    db,
    PairingKeys.pairing,
    JSON.stringify({ ...pairing, token: sealSecret(db, pairing.token) }),
  );
  // secure_delete zeroed the old row in the page; the WAL still holds the page as it was
  // until it is copied back and emptied, so do that now.
  db.pragma('wal_checkpoint(TRUNCATE)');
  return true;
}
