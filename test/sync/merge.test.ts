/**
 * Two members who are one person, merged in the back office, through the real
 * cloud and real till services: two tills offline enrol one phone (a
 * duplicate-phone conflict), each sells to its member; the owner merges them;
 * after a sync the till that enrolled the absorbed member finds the kept
 * member by the absorbed member's old number and card, with both members'
 * points, and by the phone (no longer two holders); the tills' projections
 * agree with the cloud, and a till restarted from its data folder answers the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoBrowser, PASSWORD, tokenOf } from '../../cloud/test/backoffice';
import { backends, cloudConflicts, startTestCloud } from './support/cloud';
import type { TestCloud } from './support/cloud';
import { expectConverged } from './support/converge';
import { scenario } from './support/scenario';
import { HOUR } from './support/till';
import type { WorldClock } from './support/till';

const MIN = 60_000;

for (const backend of await backends()) {
  const title = `merging two members across tills (${backend.name}${backend.unavailable ? `: skipped, ${backend.unavailable}` : ''})`;
  describe.skipIf(backend.unavailable !== null)(title, () => {
    let cloud: TestCloud;
    beforeAll(async () => {
      cloud = await startTestCloud(backend.name);
    });
    afterAll(async () => {
      await cloud?.dispose();
    });

    it('an old card scans to the member kept, with the points of both', async () => {
      // The cloud writes the merge at its own clock: the tills' world runs on the same.
      const world: WorldClock = { now: Date.now() - 2 * HOUR };
      const s = await scenario(cloud, world, [{ name: 'A' }, { name: 'B' }]);
      try {
        const [a, b] = s.tills as [(typeof s.tills)[0], (typeof s.tills)[0]];
        // Offline from each other, both tills enrol Anne.
        const kept = await a.call('member.enrol', {
          phone: '98765432',
          acceptTerms: true,
          profile: { firstName: 'Anne' },
        });
        const gone = await b.call('member.enrol', {
          phone: '987 65 432',
          acceptTerms: true,
          profile: { firstName: 'Anne' },
        });
        for (const [till, member, key] of [
          [a, kept, 'sale-anne-at-a'],
          [b, gone, 'sale-anne-at-b'],
        ] as const) {
          world.now += MIN;
          await till.call(
            'sale.commit',
            {
              lines: [{ sku: 'grovbrod', quantity: 2 }],
              memberId: member.member.memberId,
              idempotencyKey: key,
              paymentMethod: 'card',
            },
            till.cashier,
          );
        }
        await s.syncAll();
        await s.syncAll();
        const conflicts = await cloudConflicts(cloud, s.chain);
        expect(conflicts.map((c) => c.flag.kind)).toContain('duplicate_phone');
        const pointsA = (await a.call('member.get', { memberId: kept.member.memberId })).points
          .balance;
        const pointsB = (await a.call('member.get', { memberId: gone.member.memberId })).points
          .balance;
        expect(pointsB).toBeGreaterThan(0);

        // The owner merges Anne at B into Anne at A.
        const email = `eier-${backend.name}-${Date.now()}@bakeri.no`;
        const invited = await cloud.server.admin.addOwner(s.chain.name, email, 'Kari Eier');
        const owner = new BoBrowser(cloud.server.url);
        await owner.ok('account.acceptInvite', {
          token: tokenOf(invited.link),
          password: PASSWORD,
        });
        await owner.logIn(email);
        const candidates = await owner.ok('members.mergeCandidates', {
          memberId: kept.member.memberId,
        });
        expect(candidates.candidates.map((c) => c.memberId)).toEqual([gone.member.memberId]);
        world.now = Date.now();
        await owner.ok('members.merge', {
          keepMemberId: kept.member.memberId,
          absorbMemberId: gone.member.memberId,
          confirm: true,
        });
        await s.syncAll();

        for (const till of [b, a]) {
          // The old member number (typed or scanned from the old card) gives the kept member.
          const byNumber = await till.call(
            'member.lookup',
            { query: gone.member.memberNumber },
            till.cashier,
          );
          expect(byNumber.member?.memberId).toBe(kept.member.memberId);
          expect(byNumber.member?.pointsBalance).toBe(pointsA + pointsB);
          expect(byNumber.remote).toBeUndefined();
          // So does the old card's QR code.
          const byQr = await till.call(
            'member.lookup',
            { query: `LJM-${gone.member.qrToken}` },
            till.cashier,
          );
          expect(byQr.member?.memberId).toBe(kept.member.memberId);
          // The phone has one holder now.
          const byPhone = await till.call('member.lookup', { query: '98765432' }, till.cashier);
          expect(byPhone.member?.memberId).toBe(kept.member.memberId);
          expect(byPhone).not.toHaveProperty('others');
          const view = await till.call('member.get', { memberId: kept.member.memberId });
          expect(view.points.balance).toBe(pointsA + pointsB);
          expect(view.stats.purchases).toBe(2);
          // The member's history at the till tells the merge and the points that came with it.
          const history = await till.call('member.history', {
            memberId: kept.member.memberId,
            limit: 50,
          });
          expect(history.entries).toContainEqual(
            expect.objectContaining({
              kind: 'points',
              points: pointsB,
              reason: {
                key: 'member.historyMergedIn',
                params: { number: gone.member.memberNumber },
              },
            }),
          );
        }
        expect((await cloudConflicts(cloud, s.chain)).map((c) => c.flag.kind)).not.toContain(
          'duplicate_phone',
        );
        await expectConverged(s.tills, cloud, s.chain, world.now + HOUR);

        // From the data folder again: the same answer.
        await b.restart();
        const again = await b.call('member.lookup', { query: gone.member.memberNumber }, b.cashier);
        expect(again.member?.memberId).toBe(kept.member.memberId);
      } finally {
        await s.close();
      }
    });
  });
}
