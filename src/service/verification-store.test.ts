/**
 * The verification store's upkeep: expired verifications are swept, and the
 * sweep's work stays in proportion to what is issued. A till that looks up
 * thousands of cards in a day (each a verification held for 30 minutes) spent
 * a sweep over every held one on every card lookup once 1,000 were held: the
 * card lookup benchmark's p50 went from 42 to 123 µs.
 */
import { describe, expect, it } from 'vitest';
import { VERIFICATION_TTL_MS, VerificationStore } from './verifications';

describe('the verification store', () => {
  it('sweeps in proportion to what it issues, not once per issue past 1,000 held', () => {
    const store = new VerificationStore();
    const now = 1_000_000;
    for (let i = 0; i < 10_000; i++) store.issue('session', `member-${i}`, now + i);
    // Nothing has expired: each sweep finds nothing, so few may run.
    expect(store.held).toBe(10_000);
    expect(store.sweeps).toBeLessThanOrEqual(10);
  });

  it('still forgets what expired once enough is held', () => {
    const store = new VerificationStore();
    for (let i = 0; i < 1_500; i++) store.issue('session', `member-${i}`, 0);
    const later = VERIFICATION_TTL_MS + 1;
    for (let i = 0; i < 2_000; i++) store.issue('session', `other-${i}`, later);
    // The 1,500 expired ones are gone; the fresh ones are all held.
    expect(store.held).toBe(2_000);
    const token = store.issue('session', 'other-1', later).token;
    expect(store.verifies('session', 'other-1', token, later)).toBe(true);
  });
});
