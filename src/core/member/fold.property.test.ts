/**
 * Properties of the member fold over generated histories: several tills (one
 * with a clock 6 hours slow), some offline, sales with every kind of effect,
 * voids, partial returns (some delivered twice), adjustments, coupon purchases,
 * duplicate referral rewards, profile and consent edits, a second enrolment and
 * erasure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventEnvelope, MemberEvent, SaleLine } from '../events';
import { compareHlc, decodeHlc, encodeHlc, receiveHlc, tickHlc } from '../hlc';
import type { Hlc } from '../hlc';
import type { MemberLedger } from '../member-types';
import { applyMemberEvent, foldMember, needsRefold } from './fold';
import { pointBalancesAt } from './points';
import { DAY, HOUR, MINUTE, memberEvents, saleLine, testEventId } from './test-events';
import type { EnvelopeOptions } from './test-events';
import { osloTime } from './test-programme';

const START = osloTime(2026, 1, 5, 9);
const TERMINALS = ['till-A', 'till-B', 'till-C'] as const;
/** till-B's wall clock is 6 hours slow, till-C's a few minutes fast. */
const SKEW = [0, -6 * HOUR, 3 * MINUTE] as const;
const COUPONS = ['W-m-p', 'C-vaar-m-p', 'S-hundre-m-p-1'];
const REWARDS = ['K-kaffe-m-p-1', 'K-kaffe-m-p-2'];

const when = {
  gapMinutes: fc.integer({ min: 0, max: 4 * 24 * 60 }),
  terminal: fc.integer({ min: 0, max: 2 }),
  /** Whether the till had synced everything before this event (else it ticks its own clock). */
  synced: fc.boolean(),
};

const saleStep = fc.record({
  kind: fc.constant('sale' as const),
  ...when,
  lines: fc.array(
    fc.record({
      quantity: fc.integer({ min: 1, max: 3 }),
      unit: fc.integer({ min: 100, max: 60_000 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  pointsEarned: fc.integer({ min: 0, max: 300 }),
  pendingDays: fc.constantFrom(0, 0, 14),
  lifetimeDays: fc.option(fc.integer({ min: 20, max: 400 })),
  pointsRedeemed: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 250 })),
  cashbackEarnedOre: fc.integer({ min: 0, max: 2_000 }),
  cashbackRedeemedOre: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1_500 })),
  stamps: fc.array(
    fc.record({
      cardId: fc.constantFrom('kaffe', 'hundemat'),
      count: fc.integer({ min: 1, max: 9 }),
    }),
    { maxLength: 2 },
  ),
  coupons: fc.subarray(COUPONS),
  rewards: fc.subarray(REWARDS),
  tierOnceUsed: fc.constantFrom(null, null, 'Y2026'),
  qualifyingSpendOre: fc.integer({ min: 0, max: 300_000 }),
});

const voidStep = fc.record({ kind: fc.constant('void' as const), ...when, target: fc.nat() });

const returnStep = fc.record({
  kind: fc.constant('return' as const),
  ...when,
  target: fc.nat(),
  line: fc.nat(),
  percent: fc.integer({ min: 0, max: 100 }),
  restore: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
  /** Deliver an earlier return of the same sale again under a new event id. */
  redeliver: fc.boolean(),
});

const adjustStep = fc.record({
  kind: fc.constant('adjust' as const),
  ...when,
  points: fc.integer({ min: -300, max: 300 }),
  lifetimeDays: fc.option(fc.integer({ min: 10, max: 200 })),
});

const purchaseStep = fc.record({
  kind: fc.constant('purchase' as const),
  ...when,
  cost: fc.integer({ min: 1, max: 200 }),
});

const referralStep = fc.record({
  kind: fc.constant('referral' as const),
  ...when,
  referee: fc.constantFrom('m-r1', 'm-r2'),
  points: fc.integer({ min: 0, max: 150 }),
});

const profileStep = fc.record({
  kind: fc.constant('profile' as const),
  ...when,
  change: fc.constantFrom(
    { firstName: 'Ola' },
    { firstName: 'Kari' },
    { firstName: null },
    { postalCode: '5003', gender: 'male' as const },
    { phoneE164: '+4790000001' },
    { phoneE164: '+4790000002', email: 'ny@example.no' },
  ),
});

const consentStep = fc.record({
  kind: fc.constant('consent' as const),
  ...when,
  channel: fc.constantFrom('sms' as const, 'email' as const),
  granted: fc.boolean(),
});

const pinStep = fc.record({
  kind: fc.constant('pin' as const),
  ...when,
  pinHash: fc.constantFrom('pin-hash-aaaaaaaaaaaa', 'pin-hash-bbbbbbbbbbbb', null),
});

const rareStep = fc.record({
  kind: fc.constantFrom('erase' as const, 'enrol-again' as const),
  ...when,
});

const step = fc.oneof(
  { arbitrary: saleStep, weight: 6 },
  { arbitrary: voidStep, weight: 1 },
  { arbitrary: returnStep, weight: 2 },
  { arbitrary: adjustStep, weight: 2 },
  { arbitrary: purchaseStep, weight: 1 },
  { arbitrary: referralStep, weight: 1 },
  { arbitrary: profileStep, weight: 1 },
  { arbitrary: consentStep, weight: 1 },
  { arbitrary: pinStep, weight: 1 },
  { arbitrary: rareStep, weight: 1 },
);

type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

const historySpec = fc.record({
  steps: fc.array(step, { minLength: 3, maxLength: 30, size: 'max' }),
  /** How many steps come before the enrolment (a till saw them first). */
  enrolAfter: fc.constantFrom(0, 0, 0, 1, 2),
  enrolTerminal: fc.integer({ min: 0, max: 2 }),
});

interface History {
  events: MemberEvent[];
  clock: HistoryClock;
}

/** HLC clocks of the tills, so generated events carry the HLCs real tills would. */
class HistoryClock {
  private readonly last = new Map<string, Hlc>();
  private newest: Hlc | null = null;

  stamp(terminalIndex: number, wallMs: number, synced: boolean, after?: string): string {
    const node = TERMINALS[terminalIndex]!;
    const last = this.last.get(node) ?? null;
    let next: Hlc;
    if (synced && this.newest) next = receiveHlc(last, this.newest, wallMs, node);
    else if (after) next = receiveHlc(last, decodeHlc(after), wallMs, node);
    else next = tickHlc(last, wallMs, node);
    this.last.set(node, next);
    if (!this.newest || compareHlc(encodeHlc(next), encodeHlc(this.newest)) > 0) this.newest = next;
    return encodeHlc(next);
  }
}

type HistorySpec = typeof historySpec extends fc.Arbitrary<infer H> ? H : never;

function buildHistory(spec: HistorySpec): History {
  const m = memberEvents('m-p');
  const clock = new HistoryClock();
  const events: MemberEvent[] = [];
  const sales: Array<EventEnvelope<'sale.committed'>> = [];
  const returnsBySale = new Map<string, Array<EventEnvelope<'sale.returned'>>>();
  let realTime = START;

  const place = (s: { gapMinutes: number; terminal: number; synced: boolean }, after?: string) => {
    realTime += s.gapMinutes * MINUTE;
    const at = realTime + SKEW[s.terminal as 0 | 1 | 2];
    const options: EnvelopeOptions = {
      hlc: clock.stamp(s.terminal, at, s.synced, after),
      terminalId: TERMINALS[s.terminal],
      storeId: s.terminal === 2 ? 'store-2' : 'store-1',
    };
    return { at, options };
  };

  const enrol = (s: { gapMinutes: number; terminal: number; synced: boolean }) => {
    const { at, options } = place(s);
    events.push(m.enrolled(at, {}, options));
  };

  spec.steps.forEach((s: Step, index: number) => {
    if (index === spec.enrolAfter)
      enrol({ gapMinutes: 5, terminal: spec.enrolTerminal, synced: true });
    switch (s.kind) {
      case 'sale': {
        const { at, options } = place(s);
        const lines: SaleLine[] = s.lines.map((l, i) =>
          saleLine({
            lineId: `l${i}`,
            category: i % 2 === 0 ? 'mat' : 'leker',
            quantity: l.quantity,
            unitPriceOre: l.unit,
          }),
        );
        const sale = m.sale(at, {
          ...options,
          lines,
          effects: {
            pointsEarned: s.pointsEarned,
            pointsAvailableAt: at + s.pendingDays * DAY,
            pointsExpireAt: s.lifetimeDays === null ? null : at + s.lifetimeDays * DAY,
            pointsRedeemed: s.pointsRedeemed,
            cashbackEarnedOre: s.cashbackEarnedOre,
            cashbackRedeemedOre: s.cashbackRedeemedOre,
            stamps: s.stamps,
            couponsRedeemed: s.coupons,
            rewardsRedeemed: s.rewards,
            tierOnceUsed: s.tierOnceUsed,
            qualifyingSpendOre: s.qualifyingSpendOre,
          },
        });
        sales.push(sale);
        events.push(sale);
        return;
      }
      case 'void': {
        const sale = sales[s.target % Math.max(1, sales.length)];
        if (!sale) return;
        // The voiding till has seen the sale: its HLC follows the sale's.
        const { at, options } = place(s, sale.hlc);
        events.push(m.voided(at, sale.payload.saleId, options));
        return;
      }
      case 'return': {
        const sale = sales[s.target % Math.max(1, sales.length)];
        if (!sale) return;
        const earlier = returnsBySale.get(sale.payload.saleId) ?? [];
        const { at, options } = place(s, sale.hlc);
        const previous = earlier[earlier.length - 1];
        if (s.redeliver && previous) {
          events.push({ ...previous, id: testEventId(at), hlc: options.hlc ?? previous.hlc });
          return;
        }
        const p = sale.payload;
        const effects = p.effects!;
        const share = (amount: number) => Math.floor((amount * s.percent) / 100);
        const line = p.lines[s.line % p.lines.length]!;
        const returned = m.returned(at, p.saleId, {
          ...options,
          lines: [{ lineId: line.lineId, quantity: Math.max(1, share(line.quantity)) }],
          refundOre: share(p.totalOre),
          reversed: {
            points: share(effects.pointsEarned),
            cashbackOre: share(effects.cashbackEarnedOre),
            stamps: effects.stamps
              .map((st) => ({ cardId: st.cardId, count: share(st.count) }))
              .filter((st) => st.count > 0),
            qualifyingSpendOre: share(effects.qualifyingSpendOre),
            couponsRestored: s.restore[0] ? effects.couponsRedeemed : [],
            rewardsRestored: s.restore[1] ? effects.rewardsRedeemed : [],
            pointsRedeemedRestored: s.restore[2] ? share(effects.pointsRedeemed) : 0,
            cashbackRedeemedRestoredOre: s.restore[3] ? share(effects.cashbackRedeemedOre) : 0,
          },
        });
        returnsBySale.set(p.saleId, [...earlier, returned]);
        events.push(returned);
        return;
      }
      case 'adjust': {
        const { at, options } = place(s);
        events.push(
          m.pointsAdjusted(at, s.points, {
            ...options,
            expireAt: s.lifetimeDays === null ? null : at + s.lifetimeDays * DAY,
          }),
        );
        return;
      }
      case 'purchase': {
        const { at, options } = place(s);
        events.push(m.couponPurchased(at, 'kaffe', s.cost, at + 30 * DAY, options));
        return;
      }
      case 'referral': {
        const { at, options } = place(s);
        events.push(m.referralRewarded(at, s.referee, { ...options, points: s.points }));
        return;
      }
      case 'profile': {
        const { at, options } = place(s);
        events.push(m.profileUpdated(at, s.change, options));
        return;
      }
      case 'consent': {
        const { at, options } = place(s);
        events.push(m.consentChanged(at, s.channel, s.granted, options));
        return;
      }
      case 'pin': {
        const { at, options } = place(s);
        events.push(m.pinSet(at, s.pinHash, options));
        return;
      }
      case 'erase': {
        const { at, options } = place(s);
        events.push(m.erased(at, options));
        return;
      }
      case 'enrol-again': {
        const { at, options } = place(s);
        events.push(m.enrolled(at, { phoneE164: '+4799999999' }, options));
        return;
      }
    }
  });
  if (spec.enrolAfter >= spec.steps.length) {
    enrol({ gapMinutes: 5, terminal: spec.enrolTerminal, synced: true });
  }
  return { events, clock };
}

const history = historySpec.map(buildHistory);

function fold(events: readonly MemberEvent[]): MemberLedger {
  const ledger = foldMember(events);
  if (!ledger) throw new Error('the generated history always has an enrolment');
  return ledger;
}

function inHlcOrder(events: readonly MemberEvent[]): MemberEvent[] {
  return [...events].sort((a, b) => compareHlc(a.hlc, b.hlc) || (a.id < b.id ? -1 : 1));
}

describe('foldMember properties', () => {
  it('depends only on the set of events: any order, any duplicates', () => {
    fc.assert(
      fc.property(
        history.chain(({ events }) =>
          fc.tuple(
            fc.constant(events),
            fc.subarray(events).chain((duplicates) =>
              fc.shuffledSubarray([...events, ...duplicates], {
                minLength: events.length + duplicates.length,
              }),
            ),
          ),
        ),
        ([events, arrival]) => {
          expect(JSON.stringify(fold(arrival))).toBe(JSON.stringify(fold(events)));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('sale then void gives exactly the ledger without the sale', () => {
    fc.assert(
      fc.property(history, fc.nat(), ({ events, clock }, pick) => {
        const ledger = fold(events);
        const live = ledger.sales.filter((s) => !s.voided);
        fc.pre(live.length > 0);
        const target = live[pick % live.length]!;
        const sale = events.find((e) => e.id === target.eventId)!;
        const at = target.at + HOUR;
        const voidEvent = memberEvents('m-p').voided(at, target.saleId, {
          hlc: clock.stamp(0, at, true, sale.hlc),
          terminalId: TERMINALS[0],
        });
        const withVoid = fold([...events, voidEvent]);
        const without = fold(events.filter((e) => e.id !== sale.id));
        const comparable = (l: MemberLedger) => ({
          ...l,
          sales: l.sales.filter((s) => s.saleId !== target.saleId),
          lastHlc: '',
          eventCount: 0,
        });
        expect(comparable(withVoid)).toEqual(comparable(without));
        expect(withVoid.sales.find((s) => s.saleId === target.saleId)).toMatchObject({
          voided: true,
          netTotalOre: 0,
          qualifyingSpendOre: 0,
        });
      }),
      { numRuns: 150 },
    );
  });

  it('applyMemberEvent equals foldMember for each newest event', () => {
    let incrementalSteps = 0;
    fc.assert(
      fc.property(history, ({ events }) => {
        const ordered = inHlcOrder(events);
        let ledger: MemberLedger | null = null;
        ordered.forEach((event, i) => {
          const prefix = ordered.slice(0, i + 1);
          if (needsRefold(ledger, event)) {
            ledger = foldMember(prefix);
          } else {
            ledger = applyMemberEvent(ledger, event);
            incrementalSteps += 1;
          }
          expect(JSON.stringify(ledger)).toBe(JSON.stringify(foldMember(prefix)));
        });
      }),
      { numRuns: 150 },
    );
    // The property is about the incremental path: make sure it was taken (on
    // average far more than 3 times a history).
    expect(incrementalSteps).toBeGreaterThan(3 * 150);
  });

  it('never creates or loses a point: earned − spent = balance + pending + expired', () => {
    fc.assert(
      fc.property(history, fc.integer({ min: 0, max: 600 }), ({ events }, daysAfterStart) => {
        const ledger = fold(events);
        const now = START + daysAfterStart * DAY;
        const { earned, spent } = pointsMovedBy(events);
        const b = pointBalancesAt(ledger, now);
        expect(earned - spent).toBe(b.balance + b.pending + b.expired);
        expect(b.deficit).toBeGreaterThanOrEqual(0);
        for (const lot of ledger.lots) {
          expect(lot.remaining).toBeGreaterThanOrEqual(0);
          expect(lot.remaining).toBeLessThanOrEqual(lot.points);
        }
        const logged = ledger.earnLog.reduce((sum, e) => sum + e.points, 0);
        expect(logged).toBe(earned);
      }),
      { numRuns: 200 },
    );
  });
});

/**
 * The points a history moves, summed straight from the events (independently of
 * the fold): sales net of voids and returns (each return id once), adjustments,
 * coupon purchases (each coupon once), referral rewards (each referee once,
 * the first by HLC).
 */
function pointsMovedBy(events: readonly MemberEvent[]): { earned: number; spent: number } {
  const distinct = [...new Map(inHlcOrder(events).map((e) => [e.id, e])).values()];
  const enrolment = distinct.find((e) => e.type === 'member.enrolled')!;
  const own = distinct.filter((e) => e.memberId === enrolment.memberId);
  const voided = new Set(own.flatMap((e) => (e.type === 'sale.voided' ? [e.payload.saleId] : [])));
  const returned = new Map<string, { points: number; restored: number }>();
  const returnIds = new Set<string>();
  for (const e of own) {
    if (e.type !== 'sale.returned' || returnIds.has(e.payload.returnId)) continue;
    returnIds.add(e.payload.returnId);
    const r = returned.get(e.payload.saleId) ?? { points: 0, restored: 0 };
    r.points += e.payload.reversed.points;
    r.restored += e.payload.reversed.pointsRedeemedRestored;
    returned.set(e.payload.saleId, r);
  }
  let earned = 0;
  let spent = 0;
  const referees = new Set<string>();
  const coupons = new Set<string>();
  for (const e of own) {
    if (e.type === 'sale.committed' && e.payload.effects && !voided.has(e.payload.saleId)) {
      const r = returned.get(e.payload.saleId) ?? { points: 0, restored: 0 };
      earned += Math.max(0, e.payload.effects.pointsEarned - r.points);
      spent += Math.max(0, e.payload.effects.pointsRedeemed - r.restored);
    } else if (e.type === 'points.adjusted') {
      if (e.payload.points > 0) earned += e.payload.points;
      else spent -= e.payload.points;
    } else if (e.type === 'coupon.purchased' && !coupons.has(e.payload.couponId)) {
      coupons.add(e.payload.couponId);
      spent += e.payload.costPoints;
    } else if (e.type === 'referral.rewarded' && !referees.has(e.payload.refereeId)) {
      referees.add(e.payload.refereeId);
      earned += e.payload.points;
    }
  }
  return { earned, spent };
}
