/**
 * Member care at the till: consent withdrawn as easily as given (but given by
 * a cashier only with the member at the counter), and the member's history.
 * A real till service on a SQLite file.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryEntry } from './commands';
import { failure, openTestTill } from './testing';
import type { TestTill } from './testing';

let till: TestTill;
beforeEach(async () => {
  till = await openTestTill();
});
afterEach(() => till.close());

const DAY = 24 * 60 * 60_000;

type Of<K extends HistoryEntry['kind']> = Extract<HistoryEntry, { kind: K }>;
function ofKind<K extends HistoryEntry['kind']>(entries: HistoryEntry[], kind: K): Array<Of<K>> {
  return entries.filter((e): e is Of<K> => e.kind === kind);
}

async function enrolKari() {
  return till.call('member.enrol', {
    phone: '98765432',
    acceptTerms: true,
    consents: { sms: true, email: false },
    profile: { firstName: 'Kari', lastName: 'Nordmann', email: 'kari@example.no' },
  });
}

let keys = 0;
const newKey = () => `care-key-${(keys += 1)}`;

describe('consent at the till', () => {
  it('a cashier withdraws consent on the member’s word, without any verification', async () => {
    const { member } = await enrolKari();
    const after = await till.call(
      'member.consent',
      { memberId: member.memberId, channel: 'sms', granted: false },
      till.cashier,
    );
    expect(after.consents.sms).toBe(false);
  });

  it('a cashier gives consent only for a member verified in this session', async () => {
    const { member } = await enrolKari();
    const memberId = member.memberId;
    // Found by phone: the member is not shown to be here.
    const byPhone = await till.call('member.lookup', { query: '98765432' }, till.cashier);
    expect(byPhone.verification).toBeUndefined();
    const refused = await failure(
      till.call('member.consent', { memberId, channel: 'email', granted: true }, till.cashier),
    );
    expect(refused).toMatchObject({
      code: 'member_not_present',
      field: 'verification',
      status: 403,
    });
    expect(refused.said.key).toBe('commands.consentNeedsMember');
    const made = await failure(
      till.call(
        'member.consent',
        { memberId, channel: 'email', granted: true, verification: 'made-up' },
        till.cashier,
      ),
    );
    expect(made.code).toBe('member_not_present');
    expect((await till.call('member.get', { memberId }, till.manager)).consents.email).toBe(false);

    // The card is scanned: the lookup's verification lets the cashier record it.
    const byCard = await till.call('member.lookup', { query: member.memberNumber }, till.cashier);
    const given = await till.call(
      'member.consent',
      { memberId, channel: 'email', granted: true, verification: byCard.verification?.token },
      till.cashier,
    );
    expect(given.consents.email).toBe(true);
  });

  it('the member’s own PIN makes them present too', async () => {
    const { member } = await enrolKari();
    const memberId = member.memberId;
    await till.call('member.setPin', { memberId, memberPin: '4321' }, till.manager);
    const { verification } = await till.call(
      'member.verifyPin',
      { memberId, memberPin: '4321' },
      till.cashier,
    );
    const given = await till.call(
      'member.consent',
      { memberId, channel: 'email', granted: true, verification: verification.token },
      till.cashier,
    );
    expect(given.consents.email).toBe(true);
  });

  it('another session’s verification does not make the member present', async () => {
    const { member } = await enrolKari();
    const byCard = await till.call('member.lookup', { query: member.memberNumber }, till.manager);
    const refused = await failure(
      till.call(
        'member.consent',
        {
          memberId: member.memberId,
          channel: 'email',
          granted: true,
          verification: byCard.verification?.token,
        },
        till.cashier,
      ),
    );
    expect(refused.code).toBe('member_not_present');
  });

  it('a manager gives or withdraws consent without the member’s verification', async () => {
    const { member } = await enrolKari();
    const memberId = member.memberId;
    const given = await till.call(
      'member.consent',
      { memberId, channel: 'email', granted: true },
      till.manager,
    );
    expect(given.consents.email).toBe(true);
    const withdrawn = await till.call(
      'member.consent',
      { memberId, channel: 'email', granted: false },
      till.manager,
    );
    expect(withdrawn.consents.email).toBe(false);
  });
});

describe('the member’s history', () => {
  async function saleFor(memberId: string, verification?: string, couponIds: string[] = []) {
    return till.call('sale.commit', {
      lines: [
        { sku: 'grovbrod', quantity: 2 },
        { sku: 'kaffe-stor', quantity: 1 },
      ],
      memberId,
      ...(verification === undefined ? {} : { verification }),
      selections: { couponIds },
      idempotencyKey: newKey(),
      paymentMethod: 'card',
    });
  }

  it('tells sales, points with reasons, stamps, coupons and consents, newest first', async () => {
    const { member } = await enrolKari();
    const memberId = member.memberId;
    const welcome = `W-${memberId}`;
    till.clock.now += 60_000;
    const first = await saleFor(memberId, undefined, [welcome]);
    till.clock.now += 60_000;
    await till.call('member.consent', { memberId, channel: 'sms', granted: false }, till.cashier);
    till.clock.now += 60_000;
    const second = await saleFor(memberId);
    till.clock.now += 60_000;
    await till.call('sale.void', { saleId: second.saleId, reason: 'wrong basket' }, till.manager);

    const { entries, more } = await till.call('member.history', { memberId }, till.cashier);
    expect(more).toBe(false);
    const ats = entries.map((e) => e.at);
    expect(ats).toEqual([...ats].sort((a, b) => b - a));

    const sales = ofKind(entries, 'sale');
    expect(sales.map((s) => s.receiptNo)).toEqual([second.receiptNo, first.receiptNo]);
    expect(sales[0]).toMatchObject({ voided: true, totalOre: second.evaluation.totalOre });
    expect(sales[1]).toMatchObject({ voided: false, totalOre: first.evaluation.totalOre });
    // The benefits' reasons as the till said them at the sale.
    const firstReasons = sales[1]!.benefits.map((b) => b.reason);
    expect(firstReasons.length).toBe(first.evaluation.benefits.length);
    expect(firstReasons.length).toBeGreaterThan(0);
    expect(sales[1]!.benefits.map((b) => b.amountOre)).toEqual(
      first.evaluation.benefits.map((b) => b.amountOre),
    );
    for (const reason of firstReasons)
      expect(reason).toMatchObject({ nb: expect.any(String), en: expect.any(String) });

    const points = ofKind(entries, 'points');
    const earned = first.evaluation.effects!.pointsEarned;
    expect(earned).toBeGreaterThan(0);
    expect(points.filter((p) => p.saleId === first.saleId).reduce((s, p) => s + p.points, 0)).toBe(
      earned,
    );
    // The void takes the second sale's points back, and says so.
    const voidPoints = points.find((p) => p.saleId === second.saleId && p.points < 0);
    expect(voidPoints?.reason).toMatchObject({
      key: 'member.historyVoided',
      params: { receiptNo: second.receiptNo },
    });
    expect(entries.some((e) => e.kind === 'sale_voided' && e.saleId === second.saleId)).toBe(true);

    const stamps = ofKind(entries, 'stamps').filter((e) => e.saleId === first.saleId);
    expect(stamps.map((s) => [s.cardId, s.count]).sort()).toEqual([
      ['brod', 2],
      ['kaffe', 1],
    ]);
    expect(stamps.find((s) => s.cardId === 'kaffe')?.cardName).toMatchObject({
      nb: expect.any(String),
    });

    const coupons = ofKind(entries, 'coupon').filter((e) => e.couponId === welcome);
    expect(coupons.map((c) => c.state)).toEqual(['used', 'issued']);
    expect(coupons[0]!.saleId).toBe(first.saleId);
    // A used coupon is told in the words of the sale's benefit.
    const couponIndex = first.evaluation.benefits.findIndex((b) => b.couponId === welcome);
    expect(coupons[0]!.reason).toEqual(firstReasons[couponIndex]);

    expect(entries.find((e) => e.kind === 'consent')).toMatchObject({
      channel: 'sms',
      granted: false,
    });
    expect(entries[entries.length - 1]!.kind).toBe('enrolled');
  });

  it('says why points moved outside sales: an action, a coupon bought with points, expiry', async () => {
    const programme = await till.call('programme.get', {}, till.manager);
    await till.call(
      'programme.save',
      {
        programme: {
          ...programme,
          points: {
            ...programme.points!,
            actions: [{ id: 'review', name: { nb: 'Anmeldelse', en: 'Review' }, points: 60 }],
          },
        },
      },
      till.manager,
    );
    const { member } = await enrolKari();
    const memberId = member.memberId;
    till.clock.now += 60_000;
    await till.call('member.awardAction', { memberId, actionId: 'review' }, till.manager);
    till.clock.now += 60_000;
    const { couponId } = await till.call(
      'member.buyCoupon',
      { memberId, offerId: 'gratis-kaffe' },
      till.cashier,
    );

    let { entries } = await till.call('member.history', { memberId }, till.cashier);
    const points = ofKind(entries, 'points');
    expect(points.map((p) => p.points)).toEqual([-50, 60]);
    expect(points[0]!.reason).toMatchObject({ key: 'member.historyCouponBought' });
    expect(points[1]!.reason).toMatchObject({ nb: 'Anmeldelse', en: 'Review' });
    expect(entries.find((e) => e.kind === 'coupon' && e.couponId === couponId)).toMatchObject({
      state: 'issued',
    });

    // Two years on, the points left have expired, and so has the coupon bought with them.
    till.clock.now += 2 * 366 * DAY;
    ({ entries } = await till.call('member.history', { memberId }, till.cashier));
    const expired = entries.find(
      (e) =>
        e.kind === 'points' &&
        e.points < 0 &&
        e.saleId === null &&
        'key' in e.reason &&
        e.reason.key === 'member.historyExpired',
    );
    expect(expired).toMatchObject({ points: -10 });
    expect(
      ofKind(entries, 'coupon')
        .filter((e) => e.couponId === couponId)
        .map((e) => e.state),
    ).toContain('expired');
  });

  it('is bounded by its limit and says there is more', async () => {
    const { member } = await enrolKari();
    const memberId = member.memberId;
    for (let i = 0; i < 6; i++) {
      till.clock.now += 60_000;
      await till.call(
        'member.consent',
        { memberId, channel: 'email', granted: i % 2 === 0 },
        till.manager,
      );
    }
    const page = await till.call('member.history', { memberId, limit: 3 }, till.cashier);
    expect(page.entries).toHaveLength(3);
    expect(page.more).toBe(true);
    expect(page.entries.every((e: HistoryEntry) => e.kind === 'consent')).toBe(true);
    const all = await till.call('member.history', { memberId, limit: 200 }, till.cashier);
    expect(all.more).toBe(false);
    expect(all.entries.length).toBeGreaterThan(6);
  });

  it('holds no personal data, names a profile change’s fields only, and refuses an unknown member', async () => {
    const { member } = await enrolKari();
    const memberId = member.memberId;
    await till.call(
      'member.update',
      { memberId, profile: { lastName: 'Hansen', postalCode: '0150' } },
      till.manager,
    );
    const history = await till.call('member.history', { memberId }, till.cashier);
    const text = JSON.stringify(history);
    for (const personal of ['Nordmann', 'Hansen', 'kari@example.no', '98765432', '0150'])
      expect(text).not.toContain(personal);
    expect(history.entries.find((e) => e.kind === 'profile')).toMatchObject({
      fields: ['lastName', 'postalCode'],
    });
    const error = await failure(till.call('member.history', { memberId: 'nobody' }));
    expect(error).toMatchObject({ code: 'unknown_member', status: 404 });
  });
});
