import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
  it('lets a burst of `capacity` through, then refills at the set rate', () => {
    let now = 0;
    const limiter = new RateLimiter({ capacity: 3, refillPerSecond: 2 }, () => now);
    expect([1, 2, 3].map(() => limiter.take('till').allowed)).toEqual([true, true, true]);
    expect(limiter.take('till')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now += 499;
    expect(limiter.take('till').allowed).toBe(false);
    now += 1;
    expect(limiter.take('till').allowed).toBe(true);
    expect(limiter.take('till').allowed).toBe(false);
    // Refill never exceeds the capacity.
    now += 60_000;
    expect([1, 2, 3, 4].map(() => limiter.take('till').allowed)).toEqual([true, true, true, false]);
  });

  it('keeps keys apart and says how long to wait at a slow rate', () => {
    let now = 0;
    const limiter = new RateLimiter({ capacity: 1, refillPerSecond: 0.1 }, () => now);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('b').allowed).toBe(true);
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 10 });
    now += 4000;
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 6 });
  });

  it('peek says what take would answer without taking a token', () => {
    let now = 0;
    const limiter = new RateLimiter({ capacity: 2, refillPerSecond: 0.5 }, () => now);
    expect([1, 2, 3].map(() => limiter.peek('a').allowed)).toEqual([true, true, true]);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.peek('a')).toEqual({ allowed: false, retryAfterSeconds: 2 });
    now += 2000;
    expect(limiter.peek('a').allowed).toBe(true);
    expect(limiter.peek('b').allowed).toBe(true);
  });

  it('refuses settings that would never admit anything', () => {
    expect(() => new RateLimiter({ capacity: 0, refillPerSecond: 1 })).toThrow(RangeError);
    expect(() => new RateLimiter({ capacity: 1, refillPerSecond: 0 })).toThrow(RangeError);
  });
});
