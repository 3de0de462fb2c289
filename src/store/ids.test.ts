import { describe, expect, it } from 'vitest';
import { newSecretToken } from './ids';

describe('secret tokens', () => {
  it('are 256 random bits in base64url, none twice across several refills of the pool', () => {
    const tokens = Array.from({ length: 2000 }, () => newSecretToken());
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(tokens).size).toBe(tokens.length);
    // Not a pool of zeros handed out twice: the bits are spread.
    const bits = Buffer.from(tokens.join(''), 'base64url');
    const ones = [...bits].reduce((n, byte) => n + byte.toString(2).replace(/0/g, '').length, 0);
    expect(ones / (bits.length * 8)).toBeGreaterThan(0.45);
    expect(ones / (bits.length * 8)).toBeLessThan(0.55);
  });
});
