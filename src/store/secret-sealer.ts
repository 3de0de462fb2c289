/**
 * Secrets the till keeps in its database (the cloud terminal token) sealed by
 * the operating system's secret store when the shell has one: Electron's
 * safeStorage (Keychain on macOS, DPAPI on Windows, libsecret/KWallet on
 * Linux). The database file then holds `sealed:v1:<what the sealer gave>`, and
 * a copy of the file alone does not give the token. Browser mode and tests run
 * without a sealer: the token is then stored as it is, in a file only its owner
 * can read (600 in a 700 folder, see file-modes.ts).
 *
 * The sealer belongs to the connection: `useSecretSealer(db, sealer)` once
 * after opening, and the pairing code seals and opens through it.
 */
import { connectionOf } from './connection';
import type { Db } from './db';

export interface SecretSealer {
  /** Any string in, a string out that only `open` on this computer (and user) turns back. */
  seal(plain: string): string;
  /** Throws when `sealed` was not sealed here (another computer, a lost key). */
  open(sealed: string): string;
}

export const SEALED_PREFIX = 'sealed:v1:';

export function useSecretSealer(db: Db, sealer: SecretSealer | undefined): void {
  connectionOf(db).sealer = sealer;
}

export function hasSecretSealer(db: Db): boolean {
  return connectionOf(db).sealer !== undefined;
}

export function isSealed(stored: string): boolean {
  return stored.startsWith(SEALED_PREFIX);
}

/** The secret as it is to be stored: sealed when the connection has a sealer. */
export function sealSecret(db: Db, plain: string): string {
  const sealer = connectionOf(db).sealer;
  return sealer && !isSealed(plain) ? SEALED_PREFIX + sealer.seal(plain) : plain;
}

/**
 * The secret a stored value stands for; null when it is sealed and cannot be
 * opened here (no sealer now, or another computer's): the caller treats the
 * secret as lost (a till pairs again), never as the sealed text.
 */
export function openSecret(db: Db, stored: string): string | null {
  if (!isSealed(stored)) return stored;
  const sealer = connectionOf(db).sealer;
  if (!sealer) return null;
  try {
    return sealer.open(stored.slice(SEALED_PREFIX.length));
  } catch {
    return null;
  }
}
