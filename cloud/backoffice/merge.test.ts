/**
 * Merging two members who are one person, against a real cloud (PGlite and
 * PostgreSQL): two tills offline enrolled one phone twice (a duplicate-phone
 * conflict); the owner sees the other as a candidate and merges; both events
 * land in the chain's log, the conflict closes, the tills' fold gives the kept
 * member the sum of both and the absorbed member nothing, and the cloud's
 * lookup by the absorbed member's number answers the kept member. Refusals:
 * a store manager, a member into itself, a member already merged.
 */
import { beforeAll, expect, it } from 'vitest';
import { memberNumberFor } from '../../src/core/ean13';
import type { LojalEvent, MemberEvent } from '../../src/core/events';
import { absorbedPayload, foldMember, pointBalancesAt } from '../../src/core/member';
import { memberEnvelope, memberEvents } from '../../src/core/member/test-events';
import { parseProgramme } from '../../src/core/programme';
import { programmeTemplate } from '../../src/core/templates';
import { saveProgramme } from '../programme-change';
import type { Till } from '../test/cloud';
import { describeBackoffice, errorOf, TEST_PASSWORD_COST } from '../test/backoffice';
import type { BoBrowser } from '../test/backoffice';

const T0 = Date.now() - 10 * 24 * 3_600_000;
const PHONE = '+4791112222';

function profile(firstName: string) {
  return {
    firstName,
    lastName: 'Dobbel',
    email: null,
    birthDate: null,
    postalCode: null,
    gender: null,
  };
}

async function foldAtTill(till: Till, memberId: string) {
  const events = (await till.pullAll()).filter(
    (e): e is MemberEvent => (e as LojalEvent).memberId === memberId,
  );
  return foldMember(events)!;
}

describeBackoffice(
  'merging two members who are one person',
  (cloud) => {
    let owner: BoBrowser;
    let manager: BoBrowser;
    let sentrum: Till;
    let torget: Till;
    const kept = memberEvents('member-anne-s');
    const gone = memberEvents('member-anne-t');
    const goneNumber = memberNumberFor('29', 7);

    beforeAll(async () => {
      const made = await cloud().chainWithOwner(['Sentrum', 'Torget']);
      owner = made.owner;
      sentrum = await cloud().pair(made.stores[0]!.storeCode, 'Kasse S');
      torget = await cloud().pair(made.stores[1]!.storeCode, 'Kasse T');
      const programme = parseProgramme(programmeTemplate('bakeri')!.programme);
      await saveProgramme(
        cloud().server.database,
        made.chainId,
        { programme, staffId: null },
        Date.now(),
      );
      const a = await sentrum.push([
        kept.enrolled(
          T0,
          { phoneE164: PHONE, memberNumber: memberNumberFor('29', 6), profile: profile('Anne') },
          sentrum.origin,
        ),
        kept.sale(T0 + 1000, {
          ...sentrum.origin,
          effects: {
            pointsEarned: 120,
            cashbackEarnedOre: 500,
            stamps: [{ cardId: 'kaffe', count: 2 }],
          },
        }),
      ]);
      expect(a.rejected).toEqual([]);
      const b = await torget.push([
        gone.enrolled(
          T0 + 5000,
          {
            phoneE164: PHONE,
            memberNumber: goneNumber,
            qrToken: 'qr-anne-t-token',
            profile: profile('Anne'),
          },
          torget.origin,
        ),
        gone.sale(T0 + 6000, {
          ...torget.origin,
          effects: {
            pointsEarned: 45,
            cashbackEarnedOre: 300,
            stamps: [{ cardId: 'kaffe', count: 3 }],
          },
        }),
      ]);
      expect(b.rejected).toEqual([]);
      manager = (await cloud().storeManager(owner, [made.stores[0]!.storeId], 'Per Sjef')).browser;
    });

    it('offers the other holder of the phone, merges on the owner’s word, and the tills and the cloud follow', async () => {
      const state = await owner.ok('members.mergeCandidates', { memberId: 'member-anne-s' });
      expect(state.mergedInto).toBeNull();
      expect(state.candidates).toEqual([
        expect.objectContaining({
          memberId: 'member-anne-t',
          memberNumber: goneNumber,
          name: 'Anne Dobbel',
          points: 45,
        }),
      ]);
      expect((await sentrum.conflicts()).map((c) => c.flag.kind)).toContain('duplicate_phone');

      // Refusals: a store manager; a member into itself; no confirmation.
      expect(
        (
          await manager.call('members.merge', {
            keepMemberId: 'member-anne-s',
            absorbMemberId: 'member-anne-t',
            confirm: true,
          })
        ).status,
      ).toBe(403);
      const self = await owner.call('members.merge', {
        keepMemberId: 'member-anne-s',
        absorbMemberId: 'member-anne-s',
        confirm: true,
      });
      expect(self.status).toBe(400);
      expect(errorOf(self).said?.key).toBe('backoffice.input.merge.same');
      const unconfirmed = await owner.call('members.merge', {
        keepMemberId: 'member-anne-s',
        absorbMemberId: 'member-anne-t',
        confirm: false as unknown as true,
      });
      expect(unconfirmed.status).toBe(400);

      const done = await owner.ok('members.merge', {
        keepMemberId: 'member-anne-s',
        absorbMemberId: 'member-anne-t',
        confirm: true,
      });
      expect(done).toEqual({ memberId: 'member-anne-s', absorbedMemberId: 'member-anne-t' });

      // The conflict is closed: the absorbed member holds no phone.
      expect((await sentrum.conflicts()).map((c) => c.flag.kind)).not.toContain('duplicate_phone');
      expect(
        (await owner.ok('members.mergeCandidates', { memberId: 'member-anne-s' })).candidates,
      ).toEqual([]);
      const after = await owner.ok('members.mergeCandidates', { memberId: 'member-anne-t' });
      expect(after.mergedInto).toEqual({
        memberId: 'member-anne-s',
        memberNumber: memberNumberFor('29', 6),
      });
      expect(
        (await owner.ok('members.mergeCandidates', { memberId: 'member-anne-s' })).absorbed,
      ).toEqual([{ memberId: 'member-anne-t', memberNumber: goneNumber }]);

      // Both pages tell the merge in their history, with who did it.
      const keptPage = await owner.ok('members.get', { memberId: 'member-anne-s' });
      expect(keptPage.points.balance).toBe(165);
      expect(keptPage.history[0]).toMatchObject({
        kind: 'points',
        points: 45,
        backoffice: true,
        reason: { key: 'backoffice.merge.entryAbsorbed', params: { number: goneNumber } },
        by: { kind: 'account' },
      });
      const gonePage = await owner.ok('members.get', { memberId: 'member-anne-t' });
      expect(gonePage.points.balance).toBe(0);
      expect(gonePage.history[0]).toMatchObject({
        reason: { key: 'backoffice.merge.entryMerged' },
      });

      // A till pulls both events; its fold gives the kept member the sum.
      const keptLedger = await foldAtTill(torget, 'member-anne-s');
      expect(pointBalancesAt(keptLedger, Date.now()).balance).toBe(165);
      expect(keptLedger.cashbackOre).toBe(800);
      expect(keptLedger.stamps).toEqual({ kaffe: 5 });
      expect(keptLedger.purchases).toBe(2);
      expect(keptLedger.aliases).toEqual([
        { memberId: 'member-anne-t', memberNumber: goneNumber, qrToken: 'qr-anne-t-token' },
      ]);
      const goneLedger = await foldAtTill(torget, 'member-anne-t');
      expect(goneLedger).toMatchObject({
        mergedInto: 'member-anne-s',
        phoneE164: null,
        cashbackOre: 0,
      });
      expect(pointBalancesAt(goneLedger, Date.now()).balance).toBe(0);
      const written = (await torget.pullAll()).filter((e) =>
        ['member.merged', 'member.absorbed'].includes((e as LojalEvent).type),
      ) as LojalEvent[];
      expect(
        written.map((e) => [e.type, e.storeId, (e.payload as { staffId: string }).staffId]),
      ).toEqual([
        ['member.absorbed', 'cloud', expect.any(String)],
        ['member.merged', 'cloud', expect.any(String)],
      ]);

      // The cloud's lookup by the old number (a till that has not pulled) answers the kept member.
      const found = await sentrum.lookupMembers({ memberNumber: goneNumber });
      expect(found.map((m) => m.memberId)).toEqual(['member-anne-s']);
      // By phone: only the kept member now.
      const byPhone = await sentrum.lookupMembers({ phone: PHONE });
      expect(byPhone.map((m) => m.memberId)).toEqual(['member-anne-s']);

      // A till cannot write a merge of its own (it would move balances at will).
      const forged = await sentrum.push([
        memberEnvelope(
          'member.absorbed',
          'member-anne-s',
          {
            ...absorbedPayload(goneLedger, null, Date.now()),
            cashbackOre: 1_000_000,
          },
          sentrum.origin,
        ),
      ]);
      expect(forged.rejected).toEqual([
        expect.objectContaining({ code: 'invalid_event', field: 'type' }),
      ]);

      // Merging again either way is refused.
      const again = await owner.call('members.merge', {
        keepMemberId: 'member-anne-s',
        absorbMemberId: 'member-anne-t',
        confirm: true,
      });
      expect(again.status).toBe(400);
      expect(errorOf(again).said?.key).toBe('backoffice.input.merge.merged');
      const back = await owner.call('members.merge', {
        keepMemberId: 'member-anne-t',
        absorbMemberId: 'member-anne-s',
        confirm: true,
      });
      expect(back.status).toBe(400);
      expect(errorOf(back).field).toBe('keepMemberId');
    });
  },
  { accounts: { passwordCost: TEST_PASSWORD_COST } },
);
