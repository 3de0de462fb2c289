/**
 * The local integration API's bearer token: created once per data folder, kept
 * in `api-token` readable by its owner only, compared in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const API_TOKEN_FILE = 'api-token';

export function apiTokenPath(dataDir: string): string {
  return join(dataDir, API_TOKEN_FILE);
}

/** Read the data folder's API token, creating it (mode 0600) on first start. */
export function ensureApiToken(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = apiTokenPath(dataDir);
  if (existsSync(path)) {
    // A copied or restored file may have lost its mode; the token is a secret.
    if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
    const token = readFileSync(path, 'utf8').trim();
    if (token.length >= 32) return token;
  }
  const token = randomBytes(32).toString('base64url');
  // 'wx' would refuse an existing (too short) file; overwrite it deliberately.
  writeFileSync(path, `${token}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return token;
}

/**
 * Constant-time comparison of a presented token with the expected one. Hashing
 * both first makes the lengths equal, so not even the length leaks.
 */
export function tokensMatch(presented: string, expected: string): boolean {
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}
