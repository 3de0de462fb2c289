/**
 * The back office's members against a real cloud (PGlite and PostgreSQL):
 * search by name, phone and member number; every change a member event with
 * the account as author that a till pulls and folds; the programme's cap on a
 * manual adjustment; a store manager's masking and refusals; erasure; the audit.
 */
import { beforeAll, expect, it } from 'vitest';
import type { BoMemberDetail } from '../../src/contract/backoffice/members';
import { memberNumberFor } from '../../src/core/ean13';
import type { LojalEvent, MemberEvent } from '../../src/core/events';
import { foldMember } from '../../src/core/member';
import { memberEvents } from '../../src/core/member/test-events';
import { parseProgramme } from '../../src/core/programme';
import { programmeTemplate } from '../../src/core/templates';
import { saveProgramme } from '../programme-change';
import type { Till } from '../test/cloud';
import { describeBackoffice, errorOf, staffSaved, TEST_PASSWORD_COST } from '../test/backoffice';
import type { BoBrowser } from '../test/backoffice';

const T0 = Date.now() - 10 * 24 * 3_600_000;

function profile(firstName: string, lastName: string, email: string | null = null) {
  return { firstName, lastName, email, birthDate: null, postalCode: null, gender: null };
}

/** What a till holds of a member after pulling the chain's log: the engine's fold. */
async function foldAtTill(till: Till, memberId: string) {
  const events = (await till.pullAll()).filter(
    (e): e is MemberEvent => (e as LojalEvent).memberId === memberId,
  );
  return { ledger: foldMember(events), events };
}

describeBackoffice(
  'members in the back office',
  (cloud) => {
    let owner: BoBrowser;
    let ownerId: string;
    let manager: BoBrowser;
    let managerId: string;
    let sentrum: Till;
    let torget: Till;
    const kari = memberEvents('member-kari');
    const ola = memberEvents('member-ola');

    beforeAll(async () => {
      const made = await cloud().chainWithOwner(['Sentrum', 'Torget']);
      owner = made.owner;
      ownerId = (await owner.ok('session.get')).account.accountId;
      sentrum = await cloud().pair(made.stores[0]!.storeCode, 'Kasse S');
      torget = await cloud().pair(made.stores[1]!.storeCode, 'Kasse T');
      const bakery = programmeTemplate('bakeri')!.programme;
      const programme = parseProgramme({
        ...bakery,
        points: { ...bakery.points!, maxManualAdjustment: 500 },
      });
      await saveProgramme(
        cloud().server.database,
        made.chainId,
        { programme, staffId: null },
        Date.now(),
      );
      const save = staffSaved(sentrum, 'staff-s', { name: 'Siri Kasserer', role: 'manager' });
      const paging = Array.from({ length: 27 }, (_, i) =>
        memberEvents(`member-page-${i}`).enrolled(
          T0 + i,
          {
            phoneE164: `+474000${String(i).padStart(4, '0')}`,
            memberNumber: memberNumberFor('29', 100 + i),
            qrToken: `qr-page-${i}-token`,
            profile: profile(`Pål${String(i).padStart(2, '0')}`, 'Sidemann'),
          },
          sentrum.origin,
        ),
      );
      const pushed = await sentrum.push([
        save,
        kari.enrolled(
          T0,
          {
            phoneE164: '+4791234567',
            memberNumber: memberNumberFor('29', 1),
            profile: profile('Kari', 'Nordmann', 'kari@example.no'),
            staffId: 'staff-s',
          },
          sentrum.origin,
        ),
        kari.sale(T0 + 1000, { ...sentrum.origin, effects: { pointsEarned: 120 } }),
        ...paging,
      ]);
      expect(pushed.rejected).toEqual([]);
      expect(
        (
          await torget.push([
            ola.enrolled(
              T0,
              {
                phoneE164: '+4798765432',
                memberNumber: memberNumberFor('29', 2),
                qrToken: 'qr-ola-token',
                profile: profile('Ola', 'Torvik', 'ola@example.no'),
                staffId: 'staff-t',
              },
              torget.origin,
            ),
          ])
        ).rejected,
      ).toEqual([]);
      const invited = await cloud().storeManager(owner, [made.stores[0]!.storeId], 'Per Sjef');
      manager = invited.browser;
      managerId = invited.accountId;
    });

    it('finds members by the start of a first or last name, by phone as typed and by member number', async () => {
      const ids = async (q: string) =>
        (await owner.ok('members.search', { q })).members.map((m) => m.memberId);
      expect(await ids('kari')).toEqual(['member-kari']);
      expect(await ids('Nordm')).toEqual(['member-kari']);
      expect(await ids('kari nord')).toEqual(['member-kari']);
      expect(await ids('NORDMANN K')).toEqual(['member-kari']);
      expect(await ids('ola')).toEqual(['member-ola']);
      expect(await ids('ari')).toEqual([]);
      expect(await ids('912 34 567')).toEqual(['member-kari']);
      expect(await ids('+47 98765432')).toEqual(['member-ola']);
      expect(await ids(memberNumberFor('29', 2))).toEqual(['member-ola']);
      const found = await owner.ok('members.search', { q: '91234567' });
      expect(found.by).toBe('phone');
      expect(found.members[0]).toMatchObject({ name: 'Kari Nordmann', phone: '+4791234567' });

      // 27 of one surname: a page of 25, then the 2 after it.
      const first = await owner.ok('members.search', { q: 'sidemann' });
      expect(first.members).toHaveLength(25);
      expect(first.more).toBe(true);
      expect(first.members[0]!.name).toBe('Pål00 Sidemann');
      const second = await owner.ok('members.search', { q: 'sidemann', page: 1 });
      expect(second.members.map((m) => m.name)).toEqual(['Pål25 Sidemann', 'Pål26 Sidemann']);
      expect(second.more).toBe(false);

      const tooShort = await owner.call('members.search', { q: 'k' });
      expect(tooShort.status).toBe(400);
      expect(errorOf(tooShort).field).toBe('q');
      // LIKE's own characters are only characters.
      expect(await ids('%%')).toEqual([]);
    });

    it('a consent withdrawn in the back office is an event by the account that a till pulls and folds', async () => {
      const before = await owner.ok('members.get', { memberId: 'member-kari' });
      expect(before.consents.sms).toBe(true);
      const after = await owner.ok('members.setConsent', {
        memberId: 'member-kari',
        channel: 'sms',
        granted: false,
      });
      expect(after.consents.sms).toBe(false);

      const { ledger, events } = await foldAtTill(torget, 'member-kari');
      const written = events.at(-1)!;
      expect(written).toMatchObject({
        type: 'member.consent_changed',
        storeId: 'cloud',
        terminalId: 'cloud',
        payload: { channel: 'sms', granted: false, staffId: ownerId },
      });
      expect(ledger!.consents.sms).toBe(false);
      // Its clock is after everything the till had: it wins over the enrolment's consent.
      expect(written.hlc > events[0]!.hlc).toBe(true);

      const history = after.history.find((e) => e.eventId === written.id)!;
      expect(history).toMatchObject({
        kind: 'consent',
        backoffice: true,
        by: { kind: 'account', accountId: ownerId, name: 'Kari Eier' },
      });
      const audit = await owner.ok('audit.list', { accountId: ownerId });
      expect(audit.entries[0]).toMatchObject({
        eventId: written.id,
        memberId: 'member-kari',
        memberNumber: memberNumberFor('29', 1),
      });
      const perMember = await owner.ok('audit.list', { memberId: 'member-kari' });
      expect(perMember.entries.map((e) => e.kind)).toEqual(['consent', 'sale', 'enrolled']);
      expect(perMember.entries[2]!.by).toEqual({
        kind: 'staff',
        staffId: 'staff-s',
        name: 'Siri Kasserer',
      });
    });

    it('adjusts points with a reason, within the programme’s cap and the member’s balance', async () => {
      const overCap = await owner.call('members.adjustPoints', {
        memberId: 'member-kari',
        points: 501,
        reason: 'Kompensasjon',
      });
      expect(overCap.status).toBe(400);
      expect(errorOf(overCap)).toMatchObject({
        field: 'points',
        said: { key: 'backoffice.input.members.overCap', params: { max: 500 } },
      });
      // Past what any programme allows (the schema's bound): the limit is named, not "a whole number".
      for (const points of [1_000_001, -1_000_001]) {
        const overLimit = await owner.call('members.adjustPoints', {
          memberId: 'member-kari',
          points,
          reason: 'Kompensasjon',
        });
        expect(errorOf(overLimit), String(points)).toMatchObject({
          field: 'points',
          said: { key: 'backoffice.input.members.overCap', params: { max: 1_000_000 } },
        });
      }
      const noReason = await owner.call('members.adjustPoints', {
        memberId: 'member-kari',
        points: 10,
        reason: ' ',
      });
      expect(errorOf(noReason).field).toBe('reason');
      const tooMany = await owner.call('members.adjustPoints', {
        memberId: 'member-kari',
        points: -121,
        reason: 'Feil',
      });
      expect(errorOf(tooMany)).toMatchObject({ field: 'points' });

      const given: BoMemberDetail = await manager.ok('members.adjustPoints', {
        memberId: 'member-kari',
        points: 500,
        reason: 'Glemte kortet',
      });
      expect(given.points.balance).toBe(620);
      expect(given.maxAdjustment).toBe(500);
      const entry = given.history[0]!;
      expect(entry).toMatchObject({
        kind: 'points',
        points: 500,
        reason: { nb: 'Glemte kortet' },
        by: { kind: 'account', accountId: managerId, name: 'Per Sjef' },
      });
      const { ledger, events } = await foldAtTill(sentrum, 'member-kari');
      expect(events.at(-1)).toMatchObject({
        type: 'points.adjusted',
        payload: { points: 500, actionId: null, staffId: managerId },
      });
      expect(ledger!.lots.reduce((s, l) => s + l.remaining, 0)).toBe(620);
      // The manager's own changes, in their account's audit; another account's is not theirs to read.
      const own = await manager.ok('audit.list', { accountId: managerId });
      expect(own.entries.map((e) => e.eventId)).toEqual([entry.eventId]);
      expect((await manager.call('audit.list', { accountId: ownerId })).status).toBe(404);
    });

    it('a store manager sees another store’s customer masked, without that store’s name or staff, and may not edit them', async () => {
      const listed = await manager.ok('members.search', { q: 'ola' });
      expect(listed.members[0]!.phone).toBe('+47 ••• •• 432');
      const ola = await manager.ok('members.get', { memberId: 'member-ola' });
      expect(ola).toMatchObject({
        contactVisible: false,
        phone: '+47 ••• •• 432',
        enrolledStore: null,
        profile: { email: '•••', firstName: 'Ola' },
        may: { editProfile: false, grantConsent: false, export: false, erase: false },
      });
      expect(ola.history[0]).toMatchObject({ kind: 'enrolled', store: null, by: null });
      expect(JSON.stringify(ola)).not.toContain('Torget');
      expect(JSON.stringify(ola)).not.toContain('ola@example.no');
      const kariSeen = await manager.ok('members.get', { memberId: 'member-kari' });
      expect(kariSeen).toMatchObject({ contactVisible: true, phone: '+4791234567' });
      expect(kariSeen.enrolledStore).toBe('Sentrum');

      const edit = await manager.call('members.updateProfile', {
        memberId: 'member-ola',
        profile: { firstName: 'Olav' },
      });
      expect(edit.status).toBe(403);
      const grant = await manager.call('members.setConsent', {
        memberId: 'member-ola',
        channel: 'email',
        granted: true,
      });
      expect(grant.status).toBe(403);
      for (const name of ['members.export', 'members.erase'] as const) {
        const answer = await manager.call(name, { memberId: 'member-ola', confirm: true });
        expect(answer.status).toBe(403);
      }
      // A withdrawal and a PIN reset are a manager's to do, as at the till.
      const withdrawn = await manager.ok('members.setConsent', {
        memberId: 'member-ola',
        channel: 'sms',
        granted: false,
      });
      expect(withdrawn.consents.sms).toBe(false);
    });

    it('changes the profile (a phone another member has is refused beside its field) and resets the PIN', async () => {
      const taken = await owner.call('members.updateProfile', {
        memberId: 'member-ola',
        profile: { phone: '912 34 567' },
      });
      expect(taken.status).toBe(400);
      expect(errorOf(taken)).toMatchObject({
        field: 'profile.phone',
        said: { key: 'backoffice.input.members.phoneTaken' },
      });
      const badDate = await owner.call('members.updateProfile', {
        memberId: 'member-ola',
        profile: { birthDate: '17.05.1990' },
      });
      expect(errorOf(badDate).field).toBe('profile.birthDate');
      // No calendar has it, before 1900, still to come: each a field error, never a failed write (500).
      for (const birthDate of ['2026-02-30', '0000-01-01', '1899-12-31', '2999-01-01']) {
        const refused = await owner.call('members.updateProfile', {
          memberId: 'member-ola',
          profile: { birthDate },
        });
        expect(refused.status, birthDate).toBe(400);
        expect(errorOf(refused), birthDate).toMatchObject({
          field: 'profile.birthDate',
          said: { key: 'backoffice.input.members.birthDate' },
        });
      }

      const changed = await owner.ok('members.updateProfile', {
        memberId: 'member-ola',
        profile: { firstName: 'Olav', email: '', phone: '41 00 00 01' },
      });
      expect(changed).toMatchObject({
        phone: '+4741000001',
        profile: { firstName: 'Olav', lastName: 'Torvik', email: null },
      });
      const ids = async (q: string) =>
        (await owner.ok('members.search', { q })).members.map((m) => m.memberId);
      expect(await ids('olav')).toEqual(['member-ola']);
      expect(await ids('ola t')).toEqual([]);
      expect(await ids('41000001')).toEqual(['member-ola']);
      expect(await ids('98765432')).toEqual([]);
      // The till's remote lookup follows the new phone too.
      expect((await sentrum.lookupMembers({ phone: '41000001' })).map((m) => m.memberId)).toEqual([
        'member-ola',
      ]);

      await torget.push([ola.pinSet(Date.now() - 1000, 'a'.repeat(32), torget.origin)]);
      expect((await owner.ok('members.get', { memberId: 'member-ola' })).hasPin).toBe(true);
      const reset = await owner.ok('members.resetPin', { memberId: 'member-ola' });
      expect(reset.hasPin).toBe(false);
      const { ledger } = await foldAtTill(torget, 'member-ola');
      expect(ledger!.pinHash).toBeNull();
    });

    it('exports a member for a data-access request, and erases them everywhere after a confirmation', async () => {
      const exported = await owner.ok('members.export', { memberId: 'member-kari' });
      expect(exported.data).toMatchObject({
        phone: '+4791234567',
        memberNumber: memberNumberFor('29', 1),
      });
      expect((exported.data.events as unknown[]).length).toBeGreaterThanOrEqual(4);

      const unconfirmed = await owner.call('members.erase', { memberId: 'member-kari' });
      expect(unconfirmed.status).toBe(400);
      await owner.ok('members.erase', { memberId: 'member-kari', confirm: true });
      expect((await owner.ok('members.search', { q: 'kari' })).members).toEqual([]);
      expect((await owner.ok('members.search', { q: '91234567' })).members).toEqual([]);
      expect((await owner.call('members.get', { memberId: 'member-kari' })).status).toBe(404);
      const { ledger, events } = await foldAtTill(torget, 'member-kari');
      expect(ledger!.erased).toBe(true);
      // The log the tills pull holds no personal data of hers any more.
      expect(JSON.stringify(events)).not.toContain('Nordmann');
      expect(JSON.stringify(events)).not.toContain('91234567');
      // The audit keeps who erased her.
      const audit = await owner.ok('audit.list', { memberId: 'member-kari' });
      expect(audit.entries[0]).toMatchObject({
        kind: 'erased',
        by: { kind: 'account', accountId: ownerId },
      });
      // Nothing can be written to an erased member.
      const late = await owner.call('members.adjustPoints', {
        memberId: 'member-kari',
        points: 5,
        reason: 'For sent',
      });
      expect(late.status).toBe(404);
    });
  },
  { accounts: { passwordCost: TEST_PASSWORD_COST } },
);
