/** The pending join codes: per-terminal bounds, single use, expiry, and who may read one. */
import { describe, expect, it } from 'vitest';
import { JOIN_MAX_ATTEMPTS, JOIN_TTL_MS, JoinRequests, stateOf } from './join-requests';

const T0 = Date.UTC(2026, 11, 7, 10, 0, 0);
const tillA = { chainId: 'c1', storeId: 's1', terminalId: 't1' };
const tillB = { chainId: 'c1', storeId: 's1', terminalId: 't2' };

describe('join requests', () => {
  it('keeps at most three open codes per till: a fourth replaces the oldest', () => {
    const requests = new JoinRequests();
    const made = [0, 1, 2, 3].map((i) => requests.open(tillA, `b${i}`, T0 + i)!);
    expect(requests.byPublicCode(made[0]!.code)).toBeNull();
    for (const kept of made.slice(1)) expect(requests.byPublicCode(kept.code)).toBe(kept);
    // Another till's codes are its own.
    const other = requests.open(tillB, 'x', T0 + 10)!;
    expect(requests.byPublicCode(made[1]!.code)).toBe(made[1]);
    expect(requests.ofTerminal(other.id, 't1')).toBeNull();
    expect(requests.ofTerminal(other.id, 't2')).toBe(other);
  });

  it('makes codes of 15 unambiguous characters, each different, and a form token apart', () => {
    const requests = new JoinRequests();
    const codes = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const r = requests.open({ ...tillA, terminalId: `t${i}` }, 'b', T0)!;
      expect(r.code).toMatch(/^[a-hjkmnp-z2-9]{15}$/);
      expect(r.formToken).not.toContain(r.code);
      codes.add(r.code);
    }
    expect(codes.size).toBe(200);
  });

  it('is open until used, expired after its time or too many refused posts', () => {
    const requests = new JoinRequests();
    const r = requests.open(tillA, 'b', T0)!;
    expect(stateOf(r, T0 + JOIN_TTL_MS - 1)).toBe('open');
    expect(stateOf(r, T0 + JOIN_TTL_MS)).toBe('expired');
    const s = requests.open(tillA, 'b', T0)!;
    s.attempts = JOIN_MAX_ATTEMPTS;
    expect(stateOf(s, T0)).toBe('expired');
    const u = requests.open(tillA, 'b', T0)!;
    u.outcome = { memberId: 'm', memberNumber: '2900000000018', created: true };
    expect(stateOf(u, T0 + JOIN_TTL_MS * 2)).toBe('used');
  });

  it('forgets a request some minutes after it ended, when the next one is made', () => {
    const requests = new JoinRequests(1000);
    const old = requests.open(tillA, 'b', T0)!;
    requests.open(tillB, 'b', T0 + 1000 + 5 * 60_000);
    expect(requests.byPublicCode(old.code)).toBeNull();
    expect(requests.ofTerminal(old.id, 't1')).toBeNull();
  });

  it('checks the form token exactly', () => {
    const requests = new JoinRequests();
    const r = requests.open(tillA, 'b', T0)!;
    expect(requests.formTokenMatches(r, r.formToken)).toBe(true);
    expect(requests.formTokenMatches(r, `${r.formToken}x`)).toBe(false);
    expect(requests.formTokenMatches(r, undefined)).toBe(false);
    expect(requests.formTokenMatches(r, ['a'])).toBe(false);
  });
});
