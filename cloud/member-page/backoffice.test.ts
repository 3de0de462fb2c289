/**
 * "Lag ny lenke / trekk tilbake" in the back office (members.pageLink) on a
 * real cloud: an owner makes, replaces and withdraws a member's page link;
 * the replaced and withdrawn links open nothing; a store manager gets none
 * (the page exports the member's events from every store).
 */
import { beforeAll, expect, it } from 'vitest';
import { memberNumberFor } from '../../src/core/ean13';
import { memberEvents } from '../../src/core/member/test-events';
import { describeBackoffice, errorOf, TEST_PASSWORD_COST } from '../test/backoffice';
import type { BoBrowser } from '../test/backoffice';

const T0 = Date.now() - 24 * 3_600_000;
const profile = (firstName: string) => ({
  firstName,
  lastName: null,
  email: null,
  birthDate: null,
  postalCode: null,
  gender: null,
});

describeBackoffice(
  'the member page link in the back office',
  (cloud) => {
    let owner: BoBrowser;
    let manager: BoBrowser;
    const kari = memberEvents('member-kari');
    const ola = memberEvents('member-ola');

    beforeAll(async () => {
      const made = await cloud().chainWithOwner(['Sentrum', 'Torget']);
      owner = made.owner;
      const sentrum = await cloud().pair(made.stores[0]!.storeCode, 'Kasse S');
      const torget = await cloud().pair(made.stores[1]!.storeCode, 'Kasse T');
      const s = await sentrum.push([
        kari.enrolled(
          T0,
          {
            phoneE164: '+4791234567',
            memberNumber: memberNumberFor('29', 1),
            profile: profile('Kari'),
          },
          sentrum.origin,
        ),
      ]);
      expect(s.rejected).toEqual([]);
      const t = await torget.push([
        ola.enrolled(
          T0,
          {
            phoneE164: '+4798765432',
            memberNumber: memberNumberFor('29', 2),
            profile: profile('Ola'),
          },
          torget.origin,
        ),
      ]);
      expect(t.rejected).toEqual([]);
      manager = (await cloud().storeManager(owner, [made.stores[0]!.storeId], 'Per Sjef')).browser;
    });

    it('makes, replaces and withdraws the link; old links open nothing', async () => {
      const none = await owner.ok('members.pageLink', { memberId: 'member-kari', action: 'show' });
      expect(none.url).toBeNull();
      const first = await owner.ok('members.pageLink', {
        memberId: 'member-kari',
        action: 'renew',
      });
      expect(first.url).toMatch(/\/m\/[A-Za-z0-9_-]{43}$/);
      expect((await fetch(first.url!)).status).toBe(200);
      expect(
        (await owner.ok('members.pageLink', { memberId: 'member-kari', action: 'show' })).url,
      ).toBe(first.url);
      const second = await owner.ok('members.pageLink', {
        memberId: 'member-kari',
        action: 'renew',
      });
      expect(second.url).not.toBe(first.url);
      const old = await fetch(first.url!);
      expect(old.status).toBe(404);
      expect(await old.text()).toContain('Lenken er ikke lenger gyldig');
      expect((await fetch(second.url!)).status).toBe(200);
      const gone = await owner.ok('members.pageLink', {
        memberId: 'member-kari',
        action: 'revoke',
      });
      expect(gone.url).toBeNull();
      expect((await fetch(second.url!)).status).toBe(404);
    });

    it('a store manager gets no link, not even for their own store’s member', async () => {
      for (const action of ['show', 'renew', 'revoke'] as const) {
        for (const memberId of ['member-kari', 'member-ola']) {
          const refused = await manager.call('members.pageLink', { memberId, action });
          expect(errorOf(refused).code).toBe('forbidden');
          expect(JSON.stringify(refused)).not.toContain('/m/');
          expect(JSON.stringify(refused)).not.toContain(memberId);
        }
      }
    });
  },
  { accounts: { passwordCost: TEST_PASSWORD_COST } },
);
