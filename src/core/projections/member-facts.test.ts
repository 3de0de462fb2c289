/**
 * The member facts the cloud projects: a plain sale moves the stored facts on
 * exactly as a refold of the ledger would (the cloud's fast path never reads
 * the ledger), and the clock-dependent readings (points now, tier now) from
 * the stored facts equal the engine's own from the ledger.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventEnvelope, MemberEvent } from '../events';
import { foldMember, pointBalancesAt, redeemsNothing, tierAt } from '../member';
import { DAY, HOUR, memberEvents, saleLine } from '../member/test-events';
import { osloTime, testProgramme } from '../member/test-programme';
import {
  advanceMemberFacts,
  lotChanges,
  memberFactsOf,
  openLotsOf,
  pointsAt,
  tierOfFacts,
} from './member-facts';

const ZONE = 'Europe/Oslo';
const START = osloTime(2025, 11, 20, 9);

const step = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('sale' as const),
      gapHours: fc.integer({ min: 1, max: 24 * 40 }),
      points: fc.integer({ min: 0, max: 400 }),
      redeem: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 300 })),
      coupon: fc.boolean(),
      category: fc.constantFrom('kaffe', 'bakst', 'hund'),
      stamps: fc.integer({ min: 0, max: 4 }),
      expiryDays: fc.option(fc.integer({ min: 1, max: 400 })),
      cashback: fc.integer({ min: 0, max: 500 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('adjust' as const),
      gapHours: fc.integer({ min: 1, max: 24 * 40 }),
      points: fc.integer({ min: -200, max: 200 }).filter((n) => n !== 0),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('void' as const), target: fc.nat() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('return' as const),
      target: fc.nat(),
      points: fc.integer({ min: 0, max: 50 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'merged' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'erased' as const }) },
);

const plainSale = fc.record({
  gapHours: fc.integer({ min: 1, max: 24 * 400 }),
  points: fc.integer({ min: 0, max: 400 }),
  pendingDays: fc.constantFrom(0, 14),
  expiryDays: fc.option(fc.integer({ min: 1, max: 400 })),
  category: fc.constantFrom('kaffe', 'bakst', 'frukt'),
  stamps: fc.integer({ min: 0, max: 4 }),
  cashback: fc.integer({ min: 0, max: 500 }),
  withEffects: fc.boolean(),
});

type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

function history(steps: readonly Step[]): { events: MemberEvent[]; at: number } {
  const m = memberEvents('m-p');
  let at = START;
  const events: MemberEvent[] = [m.enrolled(at)];
  const saleIds: string[] = [];
  for (const s of steps) {
    at += HOUR;
    switch (s.kind) {
      case 'sale': {
        at += s.gapHours * HOUR;
        const saleId = `s-${saleIds.length}`;
        saleIds.push(saleId);
        events.push(
          m.sale(at, {
            saleId,
            lines: [saleLine({ category: s.category, unitPriceOre: 10_000 + s.points })],
            effects: {
              pointsEarned: s.points,
              pointsRedeemed: s.redeem,
              pointsAvailableAt: at,
              pointsExpireAt: s.expiryDays === null ? null : at + s.expiryDays * DAY,
              couponsRedeemed: s.coupon ? ['W-m-p'] : [],
              stamps: s.stamps > 0 ? [{ cardId: 'kaffe', count: s.stamps }] : [],
              cashbackEarnedOre: s.cashback,
            },
          }),
        );
        break;
      }
      case 'adjust':
        at += s.gapHours * HOUR;
        events.push(m.pointsAdjusted(at, s.points, { expireAt: at + 200 * DAY }));
        break;
      case 'void': {
        const saleId = saleIds[s.target % Math.max(1, saleIds.length)];
        if (saleId) events.push(m.voided(at, saleId));
        break;
      }
      case 'return': {
        const saleId = saleIds[s.target % Math.max(1, saleIds.length)];
        if (saleId) events.push(m.returned(at, saleId, { reversed: { points: s.points } }));
        break;
      }
      case 'merged':
        events.push(memberEventsMerged(m.memberId, at));
        break;
      case 'erased':
        events.push(m.erased(at));
        break;
    }
  }
  return { events, at };
}

function memberEventsMerged(memberId: string, at: number): MemberEvent {
  const m = memberEvents(memberId);
  const erased = m.erased(at);
  // A member.merged envelope built from another maker's envelope (same fields, other type).
  return {
    ...erased,
    type: 'member.merged',
    payload: { intoMemberId: 'm-kept', staffId: 'manager-1', at },
  } as MemberEvent;
}

describe('member facts', () => {
  it('the lot changes between two folds turn the earlier open lots into the later, writing only what differs', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 20 }), fc.nat(), (steps, cut) => {
        const { events } = history(steps);
        const at = 1 + (cut % events.length);
        const before = memberFactsOf(foldMember(events.slice(0, at))!, ZONE).openLots;
        const after = memberFactsOf(foldMember(events)!, ZONE);
        expect(openLotsOf(foldMember(events)!.lots, ZONE)).toEqual(after.openLots);
        const { write, gone } = lotChanges(before, after.openLots);
        const rows = new Map(before.map((l) => [l.lotNo, l]));
        for (const lotNo of gone) rows.delete(lotNo);
        for (const lot of write) {
          expect(rows.get(lot.lotNo)).not.toEqual(lot);
          rows.set(lot.lotNo, lot);
        }
        expect([...rows.values()].sort((a, b) => a.lotNo - b.lotNo)).toEqual(after.openLots);
      }),
      { numRuns: 300 },
    );
  });

  it('a plain sale advances the stored facts exactly as a refold of the ledger does', () => {
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 14 }),
        fc.array(plainSale, { minLength: 1, maxLength: 4 }),
        (steps, plains) => {
          const { events, at: last } = history(steps);
          const m = memberEvents('m-p');
          let facts = memberFactsOf(foldMember(events)!, ZONE);
          let at = last;
          const all = [...events];
          plains.forEach((p, i) => {
            at += p.gapHours * HOUR;
            const sale: EventEnvelope<'sale.committed'> = m.sale(at, {
              saleId: `plain-${i}`,
              lines: [saleLine({ category: p.category })],
              effects: p.withEffects
                ? {
                    pointsEarned: p.points,
                    pointsAvailableAt: at + p.pendingDays * DAY,
                    pointsExpireAt: p.expiryDays === null ? null : at + p.expiryDays * DAY,
                    stamps: p.stamps > 0 ? [{ cardId: 'hund', count: p.stamps }] : [],
                    cashbackEarnedOre: p.cashback,
                  }
                : null,
            });
            expect(redeemsNothing(sale)).toBe(true);
            all.push(sale);
            facts = advanceMemberFacts(facts, sale, ZONE);
            expect(facts).toEqual(memberFactsOf(foldMember(all)!, ZONE));
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("reads the points and the tier at any instant as the engine reads the ledger's", () => {
    const tiered = (qualification: { kind: 'calendar_year' } | { kind: 'rolling'; years: 1 | 2 }) =>
      testProgramme({
        tiers: {
          qualification,
          levels: [
            {
              id: 'bronse',
              name: { nb: 'Bronse', en: 'Bronze' },
              threshold: 0,
              benefit: { kind: 'none' },
            },
            {
              id: 'solv',
              name: { nb: 'Sølv', en: 'Silver' },
              threshold: 300,
              benefit: { kind: 'none' },
            },
            {
              id: 'gull',
              name: { nb: 'Gull', en: 'Gold' },
              threshold: 900,
              benefit: { kind: 'none' },
            },
          ],
        },
      });
    const programmes = [
      tiered({ kind: 'calendar_year' }),
      tiered({ kind: 'rolling', years: 1 }),
      tiered({ kind: 'rolling', years: 2 }),
    ];
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 14 }),
        fc.integer({ min: 0, max: 900 }),
        (steps, daysLater) => {
          const { events } = history(steps);
          const ledger = foldMember(events)!;
          const facts = memberFactsOf(ledger, ZONE);
          const now = START + daysLater * DAY;
          const balances = pointBalancesAt(ledger, now);
          expect(pointsAt(facts, now)).toEqual({
            balance: balances.balance,
            pending: balances.pending,
          });
          for (const p of programmes) {
            const tier = tierAt(p, ledger, now);
            const fromFacts = tierOfFacts(p, facts, now);
            if (tier === null) expect(fromFacts).toBeNull();
            else {
              const { oncePerPeriodAvailable: _once, ...rest } = tier;
              expect(fromFacts).toEqual(rest);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('counts the enrolment day and the earning years in the programme time zone', () => {
    const m = memberEvents('m-tz');
    // 23:30 UTC on 28 March 2026 is 00:30 on the 29th in Oslo (UTC+1 before the DST change).
    const enrolledAt = Date.UTC(2026, 2, 28, 23, 30);
    // 23:30 UTC on 31 December 2026 is already 2027 in Oslo.
    const newYear = Date.UTC(2026, 11, 31, 23, 30);
    const ledger = foldMember([
      m.enrolled(enrolledAt),
      m.sale(newYear, {
        effects: { pointsEarned: 70, pointsExpireAt: Date.UTC(2027, 9, 24, 23, 30) },
      }),
    ])!;
    const facts = memberFactsOf(ledger, ZONE);
    expect(facts.enrolledDay).toBe('2026-03-29');
    expect(facts.earnedByYear).toEqual({ '2027': 70 });
    // 25 October 2027 00:30 in Oslo (summer time ended that morning... UTC+2 until 01:00 UTC).
    expect(facts.openLots[0]!.expiresDay).toBe('2027-10-25');
  });

  it('keeps nothing personal of an erased member', () => {
    const m = memberEvents('m-gone');
    const ledger = foldMember([m.enrolled(START), m.sale(START + HOUR), m.erased(START + DAY)])!;
    const facts = memberFactsOf(ledger, ZONE);
    expect(facts).toMatchObject({
      erased: true,
      birthDate: null,
      gender: null,
      postalCode: null,
      consentSms: false,
      consentEmail: false,
      purchases: 1,
    });
  });
});
