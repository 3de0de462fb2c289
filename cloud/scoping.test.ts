import { expect, it } from 'vitest';
import { HOUR, memberEvents } from '../src/core/member/test-events';
import { memberNumberFor } from '../src/core/ean13';
import { MemberLookupResponse, PullResponse, ROUTES } from '../src/sync/protocol';
import { describeOnEachDatabase, expectBody, expectError, request } from './test/cloud';

const T0 = Date.UTC(2026, 4, 4, 9, 0, 0);

describeOnEachDatabase('scoping between chains', (cloud) => {
  it("a till of chain B can neither write nor read chain A's data", async () => {
    const tillA = await cloud().newTill();
    const storeB = await cloud().newStore();
    const tillB = await cloud().pair(storeB.storeCode);
    expect(tillB.pairing.chainId).not.toBe(tillA.pairing.chainId);

    const a = memberEvents('member-of-a');
    const phone = '+4791112222';
    const aEnrolment = a.enrolled(T0, { phoneE164: phone }, tillA.origin);
    const aEvents = [
      aEnrolment,
      a.sale(T0 + HOUR, { ...tillA.origin, effects: { couponsRedeemed: ['W-member-of-a'] } }),
      a.sale(T0 + 2 * HOUR, { ...tillA.origin, effects: { couponsRedeemed: ['W-member-of-a'] } }),
    ];
    expect((await tillA.push(aEvents)).rejected).toEqual([]);
    expect(await tillA.conflicts()).toHaveLength(1);

    // B pushes events claiming to be chain A (even copying A's store and terminal): all refused.
    const forged = [
      a.sale(T0 + 3 * HOUR, { ...tillA.origin, saleId: 'forged-1' }),
      a.pointsAdjusted(T0 + 3 * HOUR, 1000, { ...tillB.origin, chainId: tillA.pairing.chainId }),
    ];
    const answer = await tillB.push(forged);
    expect(answer.acked).toEqual([]);
    expect(answer.rejected.map((r) => r.code)).toEqual(['wrong_chain', 'wrong_chain']);
    // Nor can B overwrite one of A's events by reusing its id in its own chain.
    const bEnrolment = memberEvents('member-of-b').enrolled(
      T0,
      { phoneE164: phone, memberNumber: memberNumberFor('29', 2) },
      tillB.origin,
    );
    const sameId = { ...bEnrolment, id: aEnrolment.id };
    expect((await tillB.push([sameId])).acked).toEqual([sameId.id]);

    // B's reads show only B's chain.
    const pulledByB = await tillB.pullAll();
    expect(pulledByB.map((e) => e.chainId)).toEqual([tillB.pairing.chainId]);
    expect(await tillB.conflicts()).toEqual([]);
    const byPhone = await tillB.lookupMembers({ phone });
    expect(byPhone.map((m) => m.memberId)).toEqual(['member-of-b']);
    const aNumber = aEnrolment.payload.memberNumber;
    expect(aNumber).not.toBe(bEnrolment.payload.memberNumber);
    expectError(await tillB.lookup({ memberNumber: aNumber }), 404, 'member_not_found');

    // A's data is untouched by all of it.
    const pulledByA = await tillA.pullAll();
    expect(pulledByA.map((e) => e.id)).toEqual(aEvents.map((e) => e.id));
    expect(pulledByA[0]).toEqual(aEnrolment);
    expect((await tillA.lookupMembers({ phone })).map((m) => m.memberId)).toEqual(['member-of-a']);
    expect((await tillA.lookupMembers({ memberNumber: aNumber })).map((m) => m.memberId)).toEqual([
      'member-of-a',
    ]);

    // An admin of chain B sees B only.
    const adminB = await cloud().server.admin.addAdminToken(storeB.chain);
    const pulledByAdmin = expectBody(
      await request(cloud().url, 'GET', ROUTES.pull, { token: adminB }),
      200,
      PullResponse,
    );
    expect(pulledByAdmin.events.map((e) => e.chainId)).toEqual([tillB.pairing.chainId]);
    const adminLookup = expectBody(
      await request(
        cloud().url,
        'GET',
        `${ROUTES.memberLookup}?phone=${encodeURIComponent(phone)}`,
        {
          token: adminB,
        },
      ),
      200,
      MemberLookupResponse,
    );
    expect(adminLookup.members.map((m) => m.memberId)).toEqual(['member-of-b']);
  });
});
