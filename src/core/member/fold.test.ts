import { describe, expect, it } from 'vitest';
import { parseEvent } from '../events';
import type { MemberEvent } from '../events';
import { decodeHlc, encodeHlc, receiveHlc, tickHlc } from '../hlc';
import type { MemberLedger } from '../member-types';
import { applyMemberEvent, foldMember, needsRefold } from './fold';
import { DAY, HOUR, memberEvents, saleLine } from './test-events';
import { osloTime } from './test-programme';

const T0 = osloTime(2026, 3, 2, 10);
const m = memberEvents('m-1');

function fold(events: MemberEvent[]): MemberLedger {
  const ledger = foldMember(events);
  if (!ledger) throw new Error('expected a ledger');
  return ledger;
}

/** Everything but the sale summaries and the bookkeeping that counts events. */
function memberState(ledger: MemberLedger) {
  const { sales: _sales, lastHlc: _lastHlc, eventCount: _eventCount, ...rest } = ledger;
  return rest;
}

describe('test event helper', () => {
  it('makes envelopes that pass parseEvent', () => {
    const sale = m.sale(T0, { effects: { pointsEarned: 5 } });
    const events: MemberEvent[] = [
      m.enrolled(T0),
      m.profileUpdated(T0, { firstName: 'Ola', phoneE164: '+4790000000' }),
      m.consentChanged(T0, 'email', true),
      m.pinSet(T0, 'hash-of-the-pin-0123456789'),
      m.erased(T0),
      sale,
      m.voided(T0, sale.payload.saleId),
      m.returned(T0, sale.payload.saleId),
      m.pointsAdjusted(T0, -5),
      m.couponPurchased(T0, 'coffee', 100, T0 + DAY),
      m.referralRewarded(T0, 'm-2', { points: 50 }),
    ];
    for (const event of events) expect(parseEvent(structuredClone(event))).toEqual(event);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });
});

describe('foldMember', () => {
  it('is null without an enrolment', () => {
    expect(foldMember([m.sale(T0)])).toBeNull();
    expect(foldMember([])).toBeNull();
  });

  it('counts a sale whose clock is before the enrolment (a till saw it first)', () => {
    const sale = m.sale(T0 - HOUR, { effects: { pointsEarned: 40 } });
    const ledger = fold([m.enrolled(T0), sale]);
    expect(ledger.purchases).toBe(1);
    expect(ledger.lots.map((l) => l.points)).toEqual([40]);
    expect(ledger.enrolledAt).toBe(T0);
  });

  it('ignores duplicate ids and other members, and counts distinct events', () => {
    const enrolled = m.enrolled(T0);
    const sale = m.sale(T0 + HOUR, { effects: { pointsEarned: 10 } });
    const other = memberEvents('m-2').sale(T0 + 2 * HOUR, { effects: { pointsEarned: 99 } });
    const once = fold([enrolled, sale]);
    expect(fold([sale, enrolled, sale, enrolled, other])).toEqual(once);
    expect(once.eventCount).toBe(2);
    expect(once.lastHlc).toBe(sale.hlc);
  });

  it('ignores a second enrolment of the same member id', () => {
    const first = m.enrolled(T0);
    const second = m.enrolled(T0 + DAY, {
      memberNumber: '2900000000023',
      phoneE164: '+4799999999',
    });
    const ledger = fold([second, first]);
    expect(ledger.memberNumber).toBe(first.payload.memberNumber);
    expect(ledger.phoneE164).toBe('+4791234567');
    expect(ledger.enrolledAt).toBe(T0);
    expect(ledger.eventCount).toBe(2);
  });

  it('last writer by HLC wins per profile field, with a till clock 6 hours slow', () => {
    // Till A's clock is right. Till B's is 6 hours slow, but it has synced A's
    // event, so its HLC orders its later edit after A's although its wall clock
    // (and the payload time) says 07:00.
    const noon = osloTime(2026, 3, 3, 12);
    const a = tickHlc(null, noon, 'till-A');
    const onA = m.profileUpdated(
      noon,
      { firstName: 'Anne', phoneE164: '+4741111111' },
      { hlc: encodeHlc(a), terminalId: 'till-A' },
    );
    const realOnePm = noon + HOUR;
    const bWall = realOnePm - 6 * HOUR;
    const b = receiveHlc(null, decodeHlc(onA.hlc), bWall, 'till-B');
    const onB = m.profileUpdated(
      bWall,
      { firstName: 'Berit' },
      { hlc: encodeHlc(b), terminalId: 'till-B' },
    );
    expect(onB.payload.at).toBeLessThan(onA.payload.at);
    const enrolled = m.enrolled(T0);
    for (const events of [
      [enrolled, onA, onB],
      [onB, onA, enrolled],
    ]) {
      const ledger = fold(events);
      expect(ledger.profile.firstName).toBe('Berit');
      // The phone was written only by A and keeps A's value.
      expect(ledger.phoneE164).toBe('+4741111111');
      expect(ledger.profileClock.firstName).toBe(onB.hlc);
      expect(ledger.profileClock.phoneE164).toBe(onA.hlc);
      expect(ledger.profile.lastName).toBe('Nordmann');
    }
  });

  it('an update that sorts before the enrolment loses to the enrolment', () => {
    const early = m.profileUpdated(T0 - HOUR, { firstName: 'Tidlig' });
    expect(fold([m.enrolled(T0), early]).profile.firstName).toBe('Kari');
  });

  it('keeps every consent record; the latest by HLC decides', () => {
    const events = [
      m.enrolled(T0, { consents: { sms: true, email: false } }),
      m.consentChanged(T0 + DAY, 'sms', false, {
        staffId: 'staff-2',
        terminalId: 'till-2',
        storeId: 'store-2',
      }),
      m.consentChanged(T0 + 2 * DAY, 'email', true, { termsVersion: 'v2' }),
      m.consentChanged(T0 + 3 * DAY, 'sms', true),
    ];
    const ledger = fold([...events].reverse());
    expect(ledger.consents).toEqual({ sms: true, email: true });
    expect(ledger.consentHistory.map((c) => [c.channel, c.granted, c.at])).toEqual([
      ['sms', true, T0],
      ['email', false, T0],
      ['sms', false, T0 + DAY],
      ['email', true, T0 + 2 * DAY],
      ['sms', true, T0 + 3 * DAY],
    ]);
    expect(ledger.consentHistory[2]).toEqual({
      channel: 'sms',
      granted: false,
      at: T0 + DAY,
      storeId: 'store-2',
      terminalId: 'till-2',
      staffId: 'staff-2',
      termsVersion: 'v1',
      eventId: events[1]!.id,
    });
    expect(ledger.consentHistory[3]!.termsVersion).toBe('v2');
    // Withdrawal without a later grant stands.
    expect(fold(events.slice(0, 3)).consents.sms).toBe(false);
  });

  it('erasure wins in any order; anonymous figures stay', () => {
    const sale = m.sale(T0 + DAY, { totalOre: 25_000, effects: { pointsEarned: 25 } });
    const enrolled = m.enrolled(T0);
    const events: MemberEvent[] = [
      enrolled,
      m.pinSet(T0 + HOUR, 'hash-of-the-pin-0123456789'),
      m.consentChanged(T0 + 2 * HOUR, 'email', true),
      sale,
      m.erased(T0 + 2 * DAY),
      // A till that had not heard of the erasure edits the profile later.
      m.profileUpdated(T0 + 3 * DAY, { firstName: 'Etter', phoneE164: '+4798765432' }),
      m.consentChanged(T0 + 3 * DAY, 'sms', true, { terminalId: 'till-9' }),
    ];
    const reference = fold(events);
    expect(reference.erased).toBe(true);
    expect(reference.erasedAt).toBe(T0 + 2 * DAY);
    expect(reference.phoneE164).toBeNull();
    expect(reference.qrToken).toBe('');
    expect(reference.pinHash).toBeNull();
    expect(Object.values(reference.profile).every((v) => v === null)).toBe(true);
    expect(reference.profileClock).toEqual({});
    expect(reference.consents).toEqual({ sms: false, email: false });
    expect(reference.consentHistory).toHaveLength(4);
    expect(reference.consentHistory.every((c) => c.staffId === null)).toBe(true);
    expect(reference.memberNumber).toBe(enrolled.payload.memberNumber);
    expect(reference.spendOre).toBe(25_000);
    expect(reference.purchases).toBe(1);
    expect(reference.lots.map((l) => l.points)).toEqual([25]);
    for (const order of [
      [...events].reverse(),
      [events[4]!, ...events.slice(0, 4), ...events.slice(5)],
    ]) {
      expect(fold(order)).toEqual(reference);
    }
  });

  it('rewards one referral per referee even when two tills emit it', () => {
    const events = [
      m.enrolled(T0),
      m.referralRewarded(T0 + DAY, 'm-7', { points: 200, terminalId: 'till-1' }),
      m.referralRewarded(T0 + DAY + 5, 'm-7', { points: 200, terminalId: 'till-2' }),
      m.referralRewarded(T0 + 2 * DAY, 'm-8', { points: 200 }),
    ];
    const ledger = fold(events);
    expect(ledger.referralRewards.map((r) => r.refereeId)).toEqual(['m-7', 'm-8']);
    expect(ledger.lots.reduce((sum, l) => sum + l.points, 0)).toBe(400);
    expect(ledger.earnLog).toHaveLength(2);
  });

  it('folds a voided sale as if it never happened', () => {
    const enrolled = m.enrolled(T0);
    const kept = m.sale(T0 + HOUR, {
      effects: { pointsEarned: 30, stamps: [{ cardId: 'coffee', count: 1 }] },
    });
    const sale = m.sale(T0 + DAY, {
      totalOre: 40_000,
      effects: {
        pointsEarned: 40,
        pointsRedeemed: 30,
        cashbackEarnedOre: 400,
        stamps: [{ cardId: 'coffee', count: 3 }],
        couponsRedeemed: ['W-m-1'],
        rewardsRedeemed: ['K-coffee-m-1-1'],
        tierOnceUsed: 'Y2026',
        qualifyingSpendOre: 40_000,
      },
    });
    const voided = m.voided(T0 + DAY + HOUR, sale.payload.saleId);
    const withVoid = fold([enrolled, kept, sale, voided]);
    const without = fold([enrolled, kept]);
    expect(memberState(withVoid)).toEqual(memberState(without));
    expect(withVoid.sales[1]).toMatchObject({
      saleId: sale.payload.saleId,
      voided: true,
      netTotalOre: 0,
      qualifyingSpendOre: 0,
    });
  });

  it('reduces a returned sale by what the return took back', () => {
    const sale = m.sale(T0 + DAY, {
      lines: [
        saleLine({ lineId: 'a', category: 'dog-food', quantity: 2, unitPriceOre: 30_000 }),
        saleLine({ lineId: 'b', category: 'toys', quantity: 1, unitPriceOre: 10_000 }),
      ],
      effects: {
        pointsEarned: 70,
        pointsRedeemed: 20,
        cashbackEarnedOre: 700,
        cashbackRedeemedOre: 100,
        stamps: [{ cardId: 'dog-food', count: 2 }],
        couponsRedeemed: ['W-m-1', 'C-spring-m-1'],
        rewardsRedeemed: ['K-dog-food-m-1-1'],
        qualifyingSpendOre: 70_000,
      },
    });
    const returned = m.returned(T0 + 2 * DAY, sale.payload.saleId, {
      lines: [{ lineId: 'b', quantity: 1 }],
      refundOre: 10_000,
      reversed: {
        points: 10,
        cashbackOre: 100,
        stamps: [],
        qualifyingSpendOre: 10_000,
        couponsRestored: ['C-spring-m-1'],
        rewardsRestored: ['K-dog-food-m-1-1'],
        pointsRedeemedRestored: 5,
        cashbackRedeemedRestoredOre: 100,
      },
    });
    const ledger = fold([
      m.enrolled(T0),
      m.pointsAdjusted(T0, 100),
      sale,
      returned,
      // The same return delivered twice under another event id counts once.
      { ...returned, id: '01900000-0000-7000-8000-000000000001' },
    ]);
    expect(ledger.lots.map((l) => [l.sourceId, l.points])).toEqual([
      [ledger.lots[0]!.sourceId, 100],
      [sale.payload.saleId, 60],
    ]);
    expect(ledger.lots[0]!.remaining).toBe(85);
    expect(ledger.cashbackOre).toBe(600);
    expect(ledger.stamps).toEqual({ 'dog-food': 2 });
    expect(ledger.couponRedemptions).toEqual({ 'W-m-1': [sale.payload.saleId] });
    expect(ledger.rewardRedemptions).toEqual({});
    expect(ledger.qualifyingSpendOre).toBe(60_000);
    expect(ledger.spendOre).toBe(60_000);
    expect(ledger.categoriesBought).toEqual(['dog-food']);
    expect(ledger.purchases).toBe(1);
    expect(ledger.sales[0]).toMatchObject({ returnedOre: 10_000, netTotalOre: 60_000 });
  });

  it('a fully returned sale is no longer a purchase', () => {
    const sale = m.sale(T0 + DAY, { totalOre: 10_000 });
    const ledger = fold([
      m.enrolled(T0),
      sale,
      m.returned(T0 + 2 * DAY, sale.payload.saleId, { refundOre: 10_000 }),
    ]);
    expect(ledger.purchases).toBe(0);
    expect(ledger.spendOre).toBe(0);
    expect(ledger.firstPurchaseAt).toBeNull();
    expect(ledger.categoriesBought).toEqual([]);
  });

  it('spends oldest lots first and never from an expired lot', () => {
    const jan = osloTime(2026, 1, 10);
    const feb = osloTime(2026, 2, 1);
    const ledger = fold([
      m.enrolled(jan - DAY),
      m.pointsAdjusted(feb, 100, { expireAt: osloTime(2026, 6, 1) }),
      // Earned in January at a till that synced in February: it sorts after the
      // February lot by HLC, yet it is the older lot and is spent first.
      m.pointsAdjusted(jan, 100, { expireAt: osloTime(2026, 3, 1), hlcWallMs: feb + HOUR }),
      m.pointsAdjusted(osloTime(2026, 2, 15), -120),
      // After the January lot has expired: only the February lot is spendable.
      m.pointsAdjusted(osloTime(2026, 4, 1), -50),
    ]);
    const [february, january] = ledger.lots;
    expect(january).toMatchObject({ earnedAt: jan, remaining: 0 });
    expect(february).toMatchObject({ earnedAt: feb, remaining: 30 });
    expect(ledger.pointsDeficit).toBe(0);

    const expiredUntouched = fold([
      m.enrolled(jan - DAY),
      m.pointsAdjusted(jan, 100, { expireAt: osloTime(2026, 3, 1) }),
      m.pointsAdjusted(osloTime(2026, 4, 1), -60),
    ]);
    expect(expiredUntouched.lots[0]!.remaining).toBe(100);
    expect(expiredUntouched.pointsDeficit).toBe(60);
  });

  it('does not spend pending points; later earnings pay off the deficit first', () => {
    const ledger = fold([
      m.enrolled(T0),
      m.sale(T0 + HOUR, {
        effects: { pointsEarned: 100, pointsAvailableAt: T0 + 14 * DAY },
      }),
      m.pointsAdjusted(T0 + DAY, -30),
      m.pointsAdjusted(T0 + 2 * DAY, 50),
    ]);
    expect(ledger.lots.map((l) => [l.points, l.remaining])).toEqual([
      [100, 100],
      [50, 20],
    ]);
    expect(ledger.pointsDeficit).toBe(0);
  });

  it('records points bought coupons and spends their cost', () => {
    const purchase = m.couponPurchased(T0 + DAY, 'coffee-offer', 80, T0 + 30 * DAY);
    const ledger = fold([m.enrolled(T0), m.pointsAdjusted(T0, 100), purchase, purchase]);
    expect(ledger.purchasedCoupons).toEqual([
      {
        couponId: `P-${purchase.id}`,
        offerId: 'coffee-offer',
        issuedAt: T0 + DAY,
        validTo: T0 + 30 * DAY,
      },
    ]);
    expect(ledger.lots[0]!.remaining).toBe(20);
  });

  it('records a coupon redeemed by two offline tills twice, in HLC order', () => {
    const onB = m.sale(T0 + 2 * HOUR, {
      effects: { couponsRedeemed: ['W-m-1'] },
      terminalId: 'till-B',
    });
    const onA = m.sale(T0 + HOUR, {
      effects: { couponsRedeemed: ['W-m-1'] },
      terminalId: 'till-A',
    });
    const ledger = fold([onB, m.enrolled(T0), onA]);
    expect(ledger.couponRedemptions['W-m-1']).toEqual([onA.payload.saleId, onB.payload.saleId]);
  });

  it('counts a sale id once even if committed twice', () => {
    const sale = m.sale(T0 + HOUR, { saleId: 's-1', effects: { pointsEarned: 10 } });
    const again = m.sale(T0 + 2 * HOUR, { saleId: 's-1', effects: { pointsEarned: 10 } });
    const ledger = fold([m.enrolled(T0), sale, again]);
    expect(ledger.sales).toHaveLength(1);
    expect(ledger.lots).toHaveLength(1);
    expect(ledger.eventCount).toBe(3);
  });
});

describe('applyMemberEvent and needsRefold', () => {
  const enrolled = m.enrolled(T0);
  const first = m.sale(T0 + HOUR, { effects: { pointsEarned: 10, pointsRedeemed: 0 } });
  const second = m.sale(T0 + DAY, { effects: { pointsRedeemed: 5, couponsRedeemed: ['W-m-1'] } });

  it('equals a refold for a newer event and leaves its input alone', () => {
    const before = fold([enrolled, first]);
    const snapshot = structuredClone(before);
    expect(needsRefold(before, second)).toBe(false);
    const after = applyMemberEvent(before, second);
    expect(JSON.stringify(after)).toBe(JSON.stringify(fold([enrolled, first, second])));
    expect(before).toEqual(snapshot);
  });

  it('starts a ledger from an enrolment and nothing from anything else', () => {
    expect(applyMemberEvent(null, enrolled)).toEqual(fold([enrolled]));
    expect(applyMemberEvent(null, first)).toBeNull();
  });

  it('asks for a refold for voids, returns, late or duplicate events, and no ledger', () => {
    const ledger = fold([enrolled, first, second]);
    expect(needsRefold(null, enrolled)).toBe(true);
    expect(needsRefold(ledger, m.voided(T0 + 2 * DAY, first.payload.saleId))).toBe(true);
    expect(needsRefold(ledger, m.returned(T0 + 2 * DAY, first.payload.saleId))).toBe(true);
    expect(needsRefold(ledger, second)).toBe(true);
    expect(needsRefold(ledger, m.pointsAdjusted(T0 + 2 * HOUR, 5))).toBe(true);
    expect(needsRefold(ledger, m.pointsAdjusted(T0 + 2 * DAY, 5))).toBe(false);
    expect(() => applyMemberEvent(ledger, second)).toThrow(/refold/);
  });

  it('keeps an erased ledger erased', () => {
    const erasure = m.erased(T0 + HOUR);
    const update = m.profileUpdated(T0 + DAY, { firstName: 'Ny' });
    const next = applyMemberEvent(fold([enrolled, erasure]), update);
    expect(next?.profile.firstName).toBeNull();
    expect(next).toEqual(fold([enrolled, erasure, update]));
  });
});
