/**
 * Back-office passwords, kept only as scrypt hashes with a salt of their own:
 * "scrypt$N$r$p$salt$hash" (base64url), the form the till keeps PINs in.
 *
 * Why scrypt (node:crypto) and not argon2id: Node 20, which Lojal supports,
 * has no argon2 in node:crypto, and the argon2 packages are native modules
 * that need node-gyp or a downloaded prebuilt binary on every machine the
 * cloud is installed on. scrypt is memory-hard too, and OWASP's password
 * storage guidance gives N = 2^17, r = 8, p = 1 as its minimum: that is the
 * default here (about 350 ms and 128 MiB on a small server, run off the event
 * loop). The parameters travel in the hash, so a later, higher cost applies to
 * new passwords while old hashes still verify.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { ScryptOptions } from 'node:crypto';

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

export const DEFAULT_PASSWORD_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
/** No stored hash may make the server hash at a cost of its choosing beyond this. */
const MAX_N = 2 ** 20;

function derive(password: string, salt: Buffer, length: number, cost: ScryptCost): Promise<Buffer> {
  const options: ScryptOptions = {
    ...cost,
    // scrypt needs 128 · N · r bytes; Node refuses more than maxmem (32 MiB by default).
    maxmem: 128 * cost.N * cost.r * 2,
  };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, length, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashPassword(
  password: string,
  cost: ScryptCost = DEFAULT_PASSWORD_COST,
): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const hash = await derive(password, salt, KEY_LENGTH, cost);
  return [
    'scrypt',
    cost.N,
    cost.r,
    cost.p,
    salt.toString('base64url'),
    hash.toString('base64url'),
  ].join('$');
}

function parse(stored: string): { cost: ScryptCost; salt: Buffer; hash: Buffer } | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  const sane =
    Number.isInteger(cost.N) &&
    cost.N >= 2 &&
    cost.N <= MAX_N &&
    (cost.N & (cost.N - 1)) === 0 &&
    Number.isInteger(cost.r) &&
    cost.r >= 1 &&
    cost.r <= 32 &&
    Number.isInteger(cost.p) &&
    cost.p >= 1 &&
    cost.p <= 16;
  if (!sane) return null;
  const expected = Buffer.from(hash, 'base64url');
  if (expected.length < 16) return null;
  return { cost, salt: Buffer.from(salt, 'base64url'), hash: expected };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const actual = await derive(password, parsed.salt, parsed.hash.length, parsed.cost);
  return timingSafeEqual(actual, parsed.hash);
}

/**
 * A hash nobody's password matches, at the given cost: a log-in for an e-mail
 * address without an account (or without a password yet) is checked against
 * it, so it takes as long as a wrong password for a real account.
 */
export function decoyHash(cost: ScryptCost = DEFAULT_PASSWORD_COST): Promise<string> {
  return hashPassword(randomBytes(32).toString('base64url'), cost);
}
