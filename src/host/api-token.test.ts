import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { apiTokenPath, bearerToken, ensureApiToken, tokensMatch } from './api-token';

const dirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lojal-token-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the API token file', () => {
  it('is created on first start, random, readable by its owner only', () => {
    const a = ensureApiToken(freshDir());
    const dir = freshDir();
    const b = ensureApiToken(dir);
    expect(a).not.toBe(b);
    expect(b).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(readFileSync(apiTokenPath(dir), 'utf8').trim()).toBe(b);
    expect(statSync(apiTokenPath(dir)).mode & 0o777).toBe(0o600);
  });

  it('is kept across restarts', () => {
    const dir = freshDir();
    expect(ensureApiToken(dir)).toBe(ensureApiToken(dir));
  });

  it('gets its mode back to 0600 when a copy loosened it', () => {
    const dir = freshDir();
    const token = ensureApiToken(dir);
    chmodSync(apiTokenPath(dir), 0o644);
    expect(ensureApiToken(dir)).toBe(token);
    expect(statSync(apiTokenPath(dir)).mode & 0o777).toBe(0o600);
  });

  it('is replaced when the file holds something too short to be a token', () => {
    const dir = freshDir();
    writeFileSync(apiTokenPath(dir), 'secret\n');
    const token = ensureApiToken(dir);
    expect(token).not.toBe('secret');
    expect(token.length).toBeGreaterThanOrEqual(32);
  });
});

describe('token checks', () => {
  it('match only the exact token', () => {
    expect(tokensMatch('abc', 'abc')).toBe(true);
    expect(tokensMatch('abd', 'abc')).toBe(false);
    expect(tokensMatch('ab', 'abc')).toBe(false);
    expect(tokensMatch('', 'abc')).toBe(false);
  });

  it('read the Bearer scheme only', () => {
    expect(bearerToken('Bearer xyz')).toBe('xyz');
    expect(bearerToken('bearer xyz')).toBe('xyz');
    expect(bearerToken('Basic xyz')).toBeNull();
    expect(bearerToken('Bearer')).toBeNull();
    expect(bearerToken('Bearer a b')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });
});
