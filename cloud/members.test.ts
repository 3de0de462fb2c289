import { expect, it } from 'vitest';
import { memberNumberFor } from '../src/core/ean13';
import type { LojalEvent } from '../src/core/events';
import { DAY, HOUR, memberEvents } from '../src/core/member/test-events';
import { describeOnEachDatabase, expectError } from './test/cloud';

const T0 = Date.UTC(2026, 5, 1, 8, 0, 0);

function byId(events: readonly LojalEvent[], id: string): LojalEvent {
  const event = events.find((e) => e.id === id);
  if (!event) throw new Error(`event ${id} was not pulled`);
  return event;
}

describeOnEachDatabase('remote member lookup', (cloud) => {
  it("finds a member by phone as typed or by member number, with all the member's events", async () => {
    const store = await cloud().newStore();
    const enrolling = await cloud().pair(store.storeCode, 'Kasse 1');
    const other = await cloud().pair(store.storeCode, 'Kasse 2');
    const m = memberEvents('member-lookup');
    expectError(await other.lookup({ phone: '912 34 567' }), 404, 'member_not_found');

    const enrolled = m.enrolled(
      T0,
      { phoneE164: '+4791234567', memberNumber: memberNumberFor('29', 7) },
      enrolling.origin,
    );
    await enrolling.push([enrolled]);
    // Another till of the chain sells to the member it found.
    const sale = m.sale(T0 + HOUR, other.origin);
    expect((await other.push([sale])).acked).toEqual([sale.id]);
    const queries: Record<string, string>[] = [
      { phone: '912 34 567' },
      { phone: '+47 912 34 567' },
      { memberNumber: memberNumberFor('29', 7) },
    ];
    for (const query of queries) {
      const members = await other.lookupMembers(query);
      expect(members).toEqual([{ memberId: 'member-lookup', events: [enrolled, sale] }]);
    }

    // The phone follows the member's latest change.
    await enrolling.push([
      m.profileUpdated(T0 + DAY, { phoneE164: '+4799988877' }, enrolling.origin),
    ]);
    expectError(await other.lookup({ phone: '91234567' }), 404, 'member_not_found');
    expect((await other.lookupMembers({ phone: '99988877' })).map((x) => x.memberId)).toEqual([
      'member-lookup',
    ]);
  });

  it('returns every member enrolled offline with the same phone, oldest first', async () => {
    const store = await cloud().newStore();
    const tillA = await cloud().pair(store.storeCode, 'Kasse 1');
    const tillB = await cloud().pair(store.storeCode, 'Kasse 2');
    const later = memberEvents('member-twin-later').enrolled(
      T0 + HOUR,
      { phoneE164: '+4740000001' },
      tillB.origin,
    );
    const earlier = memberEvents('member-twin-earlier').enrolled(
      T0,
      { phoneE164: '+4740000001' },
      tillA.origin,
    );
    await tillB.push([later]);
    await tillA.push([earlier]);
    expect((await tillA.lookupMembers({ phone: '40000001' })).map((x) => x.memberId)).toEqual([
      'member-twin-earlier',
      'member-twin-later',
    ]);
  });

  it('explains a bad query', async () => {
    const till = await cloud().newTill();
    expectError(await till.lookup({ phone: 'ring meg' }), 400, 'invalid_phone');
    expectError(await till.lookup({}), 400, 'invalid_request');
    expectError(
      await till.lookup({ phone: '91234567', memberNumber: memberNumberFor('29', 1) }),
      400,
      'invalid_request',
    );
    expect(
      expectError(await till.lookup({ phone: '91234567', country: 'XX' }), 400, 'invalid_request')
        .field,
    ).toBe('country');
  });
});

describeOnEachDatabase('erasure', (cloud) => {
  it("redacts the stored payloads of the member's events when the erasure arrives", async () => {
    const store = await cloud().newStore();
    const till = await cloud().pair(store.storeCode, 'Kasse 1');
    const lateTill = await cloud().pair(store.storeCode, 'Kasse 2');
    const m = memberEvents('member-erased');
    const enrolled = m.enrolled(T0, { phoneE164: '+4795550000' }, till.origin);
    const profile = m.profileUpdated(
      T0 + HOUR,
      { email: 'kari.ny@example.no', lastName: 'Hansen' },
      till.origin,
    );
    const pin = m.pinSet(T0 + 2 * HOUR, 'scrypt$0123456789abcdef0123', till.origin);
    const consent = m.consentChanged(T0 + 3 * HOUR, 'sms', false, till.origin);
    const sale = m.sale(T0 + 4 * HOUR, { ...till.origin, effects: { pointsEarned: 40 } });
    // Made offline before this till heard of the erasure; it must be stored scrubbed too.
    const lateChange = m.profileUpdated(
      T0 + 5 * HOUR,
      { firstName: 'Kari', phoneE164: '+4795550001' },
      lateTill.origin,
    );
    await till.push([enrolled, profile, pin, consent, sale]);
    expect((await till.lookupMembers({ phone: '95550000' })).length).toBe(1);

    const erased = m.erased(T0 + DAY, till.origin);
    expect((await till.push([erased])).acked).toEqual([erased.id]);
    expect((await lateTill.push([lateChange])).acked).toEqual([lateChange.id]);

    const pulled = await lateTill.pullAll();
    expect(pulled.map((e) => e.id)).toEqual(
      [enrolled, profile, pin, consent, sale, erased, lateChange].map((e) => e.id),
    );
    expect(byId(pulled, enrolled.id).payload).toMatchObject({
      phoneE164: null,
      qrToken: null,
      profile: {
        firstName: null,
        lastName: null,
        email: null,
        birthDate: null,
        postalCode: null,
        gender: null,
      },
      memberNumber: enrolled.payload.memberNumber,
    });
    expect(byId(pulled, profile.id).payload).toMatchObject({
      fields: { email: null, lastName: null },
    });
    expect(byId(pulled, pin.id).payload).toMatchObject({ pinHash: null });
    expect(byId(pulled, consent.id).payload).toMatchObject({ staffId: null, granted: false });
    expect(byId(pulled, sale.id)).toEqual(sale);
    expect(byId(pulled, lateChange.id).payload).toEqual({
      fields: { firstName: null },
      staffId: 'staff-1',
      at: T0 + 5 * HOUR,
    });

    // Nothing personal is left in the database, and the member is no longer found.
    const stored = JSON.stringify(
      await cloud().server.database.query('SELECT payload FROM events WHERE member_id = $1', [
        'member-erased',
      ]),
    );
    for (const personal of [
      '95550000',
      '95550001',
      'kari',
      'Kari',
      'Hansen',
      'Nordmann',
      'scrypt$',
      'qr-member',
      '1990-05-17',
      '0150',
    ]) {
      expect(stored).not.toContain(personal);
    }
    expectError(await till.lookup({ phone: '95550000' }), 404, 'member_not_found');
    expectError(
      await till.lookup({ memberNumber: enrolled.payload.memberNumber }),
      404,
      'member_not_found',
    );
  });

  it('stores redacted from the start when the erasure comes in the same batch', async () => {
    const till = await cloud().newTill();
    const m = memberEvents('member-erased-batch');
    const enrolled = m.enrolled(T0, { phoneE164: '+4795551111' }, till.origin);
    const erased = m.erased(T0 + HOUR, till.origin);
    // An erasure before its member's enrolment is refused (unknown_member): a till pushes in clock order.
    expect((await till.push([enrolled, erased])).acked).toEqual([enrolled.id, erased.id]);
    const pulled = await till.pullAll();
    expect(byId(pulled, enrolled.id).payload).toMatchObject({ phoneE164: null, qrToken: null });
    const stored = JSON.stringify(
      await cloud().server.database.query('SELECT payload FROM events'),
    );
    expect(stored).not.toContain('95551111');
  });
});

describeOnEachDatabase('conflicts', (cloud) => {
  it('lists a coupon and a punch-card reward redeemed by two sales and points spent twice', async () => {
    const storeA = await cloud().newStore();
    const storeB = await cloud().newStore(storeA.chain);
    const tillA = await cloud().pair(storeA.storeCode);
    const tillB = await cloud().pair(storeB.storeCode);
    const m = memberEvents('member-double');
    const couponId = 'W-member-double';
    const rewardId = 'K-kaffe-member-double-1';
    await tillA.push([
      m.enrolled(T0, {}, tillA.origin),
      m.pointsAdjusted(T0 + HOUR, 100, tillA.origin),
    ]);
    expect(await tillA.conflicts()).toEqual([]);

    // Both tills offline: each sells against the same coupon, reward and points.
    const saleA = m.sale(T0 + 2 * HOUR, {
      ...tillA.origin,
      saleId: 'sale-at-a',
      effects: { couponsRedeemed: [couponId], rewardsRedeemed: [rewardId], pointsRedeemed: 80 },
    });
    const saleB = m.sale(T0 + 2 * HOUR + 5 * 60_000, {
      ...tillB.origin,
      saleId: 'sale-at-b',
      effects: { couponsRedeemed: [couponId], rewardsRedeemed: [rewardId], pointsRedeemed: 80 },
    });
    await tillA.push([saleA]);
    expect(await tillA.conflicts()).toEqual([]);
    await tillB.push([saleB]);

    const conflicts = await tillA.conflicts();
    expect(
      conflicts
        .map((c) => ({ memberId: c.memberId, flag: c.flag }))
        .sort((x, y) => x.flag.kind.localeCompare(y.flag.kind)),
    ).toEqual([
      {
        memberId: 'member-double',
        flag: { kind: 'coupon_redeemed_twice', couponId, saleIds: ['sale-at-a', 'sale-at-b'] },
      },
      { memberId: 'member-double', flag: { kind: 'negative_points', points: -60 } },
      {
        memberId: 'member-double',
        flag: { kind: 'reward_redeemed_twice', rewardId, saleIds: ['sale-at-a', 'sale-at-b'] },
      },
    ]);
    // Every till of the chain sees the same list.
    expect(await tillB.conflicts()).toEqual(conflicts);

    // A void of one sale resolves what it caused; a conflict still open keeps when it was first seen.
    const firstSeen = conflicts[0]!.firstSeenAt;
    await tillB.push([m.voided(T0 + 3 * HOUR, 'sale-at-b', tillB.origin)]);
    const after = await tillA.conflicts();
    expect(after).toEqual([]);

    await tillA.push([
      m.sale(T0 + 4 * HOUR, {
        ...tillA.origin,
        saleId: 'sale-at-a-2',
        effects: { pointsRedeemed: 100 },
      }),
    ]);
    const spent = await tillA.conflicts();
    expect(spent.map((c) => c.flag)).toEqual([{ kind: 'negative_points', points: -80 }]);
    expect(spent[0]!.firstSeenAt).toBeGreaterThanOrEqual(firstSeen);
    await tillA.push([m.consentChanged(T0 + 5 * HOUR, 'sms', false, tillA.origin)]);
    const again = await tillA.conflicts();
    expect(again[0]!.firstSeenAt).toBe(spent[0]!.firstSeenAt);
    expect(again[0]!.lastSeenAt).toBeGreaterThanOrEqual(spent[0]!.lastSeenAt);
  });

  it('sees every sale of a member pushed by many tills at once (members are refreshed one push at a time)', async () => {
    const store = await cloud().newStore();
    const tills = await Promise.all(
      [1, 2, 3, 4].map((k) => cloud().pair(store.storeCode, `Kasse ${k}`)),
    );
    const m = memberEvents('member-busy-day');
    await tills[0]!.push([
      m.enrolled(T0, {}, tills[0]!.origin),
      m.pointsAdjusted(T0 + HOUR, 100, tills[0]!.origin),
    ]);
    // 4 tills × 5 pushes, each spending 10 points the member has only once.
    await Promise.all(
      tills.map(async (till, t) => {
        for (let k = 0; k < 5; k++) {
          const sale = m.sale(T0 + 2 * HOUR + (t * 5 + k) * 60_000, {
            ...till.origin,
            saleId: `sale-${t}-${k}`,
            effects: { pointsRedeemed: 10 },
          });
          expect((await till.push([sale])).rejected).toEqual([]);
        }
      }),
    );
    const conflicts = await tills[0]!.conflicts();
    expect(conflicts.map((c) => c.flag)).toEqual([{ kind: 'negative_points', points: -100 }]);
  });
});
