/**
 * Merging two members (member.merged on the one absorbed, member.absorbed on
 * the one kept): over generated histories of both, the kept member holds the
 * sum of both members' points (available and pending), cashback, stamps, purchases and
 * spend, the absorbed member holds nothing and no phone, and the kept member
 * knows the other's number and card; in any order of arrival, and the
 * incremental step agrees with the fold.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEvent } from '../events';
import type { MemberEvent } from '../events';
import { memberNumberFor } from '../ean13';
import type { MemberLedger } from '../member-types';
import { applyMemberEvent, foldMember } from './fold';
import { absorbedPayload } from './merge';
import { pointBalancesAt } from './points';
import { DAY, HOUR, memberEnvelope, memberEvents } from './test-events';
import { osloTime } from './test-programme';

const START = osloTime(2026, 1, 5, 9);

const step = fc.oneof(
  fc.record({
    kind: fc.constant('sale' as const),
    gapHours: fc.integer({ min: 1, max: 200 }),
    pointsEarned: fc.integer({ min: 0, max: 300 }),
    pendingDays: fc.constantFrom(0, 0, 14),
    lifetimeDays: fc.option(fc.integer({ min: 20, max: 400 })),
    pointsRedeemed: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 250 })),
    cashbackEarnedOre: fc.integer({ min: 0, max: 2_000 }),
    stamps: fc.array(
      fc.record({
        cardId: fc.constantFrom('kaffe', 'hundemat'),
        count: fc.integer({ min: 1, max: 9 }),
      }),
      { maxLength: 2 },
    ),
    qualifyingSpendOre: fc.integer({ min: 0, max: 300_000 }),
  }),
  fc.record({
    kind: fc.constant('adjust' as const),
    gapHours: fc.integer({ min: 1, max: 200 }),
    points: fc.integer({ min: -300, max: 300 }),
    lifetimeDays: fc.option(fc.integer({ min: 10, max: 200 })),
  }),
);

type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

function history(memberId: string, slot: number, steps: readonly Step[]): MemberEvent[] {
  const m = memberEvents(memberId);
  const events: MemberEvent[] = [
    m.enrolled(START, { memberNumber: memberNumberFor('29', slot), qrToken: `qr-${memberId}-x` }),
  ];
  let at = START;
  for (const s of steps) {
    at += s.gapHours * HOUR;
    if (s.kind === 'sale') {
      events.push(
        m.sale(at, {
          effects: {
            pointsEarned: s.pointsEarned,
            pointsAvailableAt: at + s.pendingDays * DAY,
            pointsExpireAt: s.lifetimeDays === null ? null : at + s.lifetimeDays * DAY,
            pointsRedeemed: s.pointsRedeemed,
            cashbackEarnedOre: s.cashbackEarnedOre,
            stamps: s.stamps,
            qualifyingSpendOre: s.qualifyingSpendOre,
          },
        }),
      );
    } else if (s.points !== 0) {
      events.push(
        m.pointsAdjusted(at, s.points, {
          expireAt: s.lifetimeDays === null ? null : at + s.lifetimeDays * DAY,
        }),
      );
    }
  }
  return events;
}

function lastAt(events: readonly MemberEvent[]): number {
  return Math.max(...events.map((e) => (e.payload as { at: number }).at));
}

function totals(ledger: MemberLedger, now: number) {
  const points = pointBalancesAt(ledger, now);
  const stamps = Object.entries(ledger.stamps)
    .filter(([, n]) => n > 0)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return {
    // Earning pays off a deficit first, pending points too (points.ts): the sum is what holds.
    points: points.balance + points.pending,
    cashbackOre: ledger.cashbackOre,
    stamps,
    purchases: ledger.purchases,
    spendOre: ledger.spendOre,
    qualifyingSpendOre: ledger.qualifyingSpendOre,
  };
}

function sumOf(a: ReturnType<typeof totals>, b: ReturnType<typeof totals>) {
  const stamps = new Map<string, number>(a.stamps);
  for (const [card, n] of b.stamps) stamps.set(card, (stamps.get(card) ?? 0) + n);
  return {
    points: a.points + b.points,
    cashbackOre: a.cashbackOre + b.cashbackOre,
    stamps: [...stamps.entries()].sort(([x], [y]) => (x < y ? -1 : 1)),
    purchases: a.purchases + b.purchases,
    spendOre: a.spendOre + b.spendOre,
    qualifyingSpendOre: a.qualifyingSpendOre + b.qualifyingSpendOre,
  };
}

describe('merging two members', () => {
  it('the kept member holds the sum of both, the absorbed one nothing, in any order', () => {
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 12 }),
        fc.array(step, { maxLength: 12 }),
        fc.nat(),
        (keptSteps, goneSteps, seed) => {
          const kept = history('m-kept', 1, keptSteps);
          const gone = history('m-gone', 2, goneSteps);
          const at = Math.max(lastAt(kept), lastAt(gone)) + HOUR;
          const keptBefore = foldMember(kept)!;
          const goneBefore = foldMember(gone)!;
          const payload = absorbedPayload(goneBefore, 'owner-1', at);
          const absorbed = memberEnvelope('member.absorbed', 'm-kept', payload, {
            terminalId: 'cloud',
            storeId: 'cloud',
          });
          const merged = memberEnvelope(
            'member.merged',
            'm-gone',
            { intoMemberId: 'm-kept', staffId: 'owner-1', at },
            { terminalId: 'cloud', storeId: 'cloud' },
          );
          // The events the cloud writes pass the same validation as a till's.
          expect(parseEvent(absorbed)).toEqual(absorbed);
          expect(parseEvent(merged)).toEqual(merged);

          const shuffled = [...kept, absorbed].sort(
            (a, b) => (hash(a.id, seed) - hash(b.id, seed)) | 0 || 0,
          );
          const keptAfter = foldMember(shuffled)!;
          const goneAfter = foldMember([merged, ...gone])!;
          // At the instant of the merge:
          expect(totals(keptAfter, at)).toEqual(
            sumOf(totals(keptBefore, at), totals(goneBefore, at)),
          );
          expect(goneAfter.mergedInto).toBe('m-kept');
          expect(goneAfter.phoneE164).toBeNull();
          expect(totals(goneAfter, at)).toEqual({
            points: 0,
            cashbackOre: 0,
            stamps: [],
            purchases: 0,
            spendOre: 0,
            qualifyingSpendOre: 0,
          });
          expect(keptAfter.aliases).toEqual([
            {
              memberId: 'm-gone',
              memberNumber: goneBefore.memberNumber,
              qrToken: goneBefore.qrToken,
            },
          ]);
          // The incremental step (how the till folds a pulled event) agrees.
          expect(JSON.stringify(applyMemberEvent(keptBefore, absorbed))).toBe(
            JSON.stringify(foldMember([...kept, absorbed])),
          );
          expect(JSON.stringify(applyMemberEvent(goneBefore, merged))).toBe(
            JSON.stringify(foldMember([...gone, merged])),
          );
          // Delivered twice, the merge counts once.
          expect(totals(foldMember([...kept, absorbed, { ...absorbed }])!, at)).toEqual(
            totals(keptAfter, at),
          );
        },
      ),
      { numRuns: 150 },
    );
  });
});

function hash(text: string, seed: number): number {
  let h = seed | 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h;
}
