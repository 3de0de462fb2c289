/**
 * Random things people and tills hold: bearer tokens (kept only as sha256
 * hashes: a 256-bit random token needs no slow hash) and store codes.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { STORE_CODE_ALPHABET, STORE_CODE_LENGTH } from '../src/sync/protocol';

export type TokenRole = 'terminal' | 'admin';

const TOKEN_PREFIX: Record<TokenRole, string> = { terminal: 'lojal_t_', admin: 'lojal_a_' };

/** The prefix tells a human (and a secret scanner) what leaked, never whose it is. */
export function newToken(role: TokenRole): string {
  return TOKEN_PREFIX[role] + randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Normalised (no dash); 8 characters of 32 = 40 bits, guessed only at the pairing rate limit. */
export function newStoreCode(): string {
  let code = '';
  for (let i = 0; i < STORE_CODE_LENGTH; i++)
    code += STORE_CODE_ALPHABET[randomInt(STORE_CODE_ALPHABET.length)];
  return code;
}
