/**
 * Members across tills through the real cloud: found at another store after
 * sync, found through the cloud before sync, a coupon redeemed at two offline
 * tills kept twice and flagged, and an erasure reaching every till's log.
 */
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, cloudConflicts, cloudEvents, startTestCloud } from './support/cloud';
import type { TestCloud } from './support/cloud';
import { expectConverged } from './support/converge';
import { scenario } from './support/scenario';
import { HOUR, T0 } from './support/till';
import type { WorldClock } from './support/till';

const MIN = 60_000;

for (const backend of await backends()) {
  const title = `members across tills (${backend.name}${backend.unavailable ? `: skipped, ${backend.unavailable}` : ''})`;
  describe.skipIf(backend.unavailable !== null)(title, () => {
    let cloud: TestCloud;
    beforeAll(async () => {
      cloud = await startTestCloud(backend.name);
    });
    afterAll(async () => {
      await cloud?.dispose();
    });

    it('finds a member enrolled at A at B after sync, and through the cloud before B has pulled', async () => {
      const world: WorldClock = { now: T0 };
      const s = await scenario(cloud, world, [{ name: 'A' }, { name: 'B' }]);
      try {
        const [a, b] = s.tills as [(typeof s.tills)[0], (typeof s.tills)[0]];
        const kari = await a.call('member.enrol', {
          phone: '98765432',
          acceptTerms: true,
          profile: { firstName: 'Kari' },
        });
        // Not in the cloud yet: B cannot find her, locally or remotely.
        const early = await b.call('member.lookup', { query: '987 65 432' }, b.cashier);
        expect(early.member).toBeNull();

        await a.sync();
        await b.sync();
        const synced = await b.call('member.lookup', { query: '98765432' }, b.cashier);
        expect(synced.member?.memberId).toBe(kari.member.memberId);
        expect(synced.remote).toBeUndefined();

        // Ola enrols at A, A pushes; B has not pulled, but is online: the cloud answers.
        world.now += 5 * MIN;
        const ola = await a.call('member.enrol', {
          phone: '+47 912 34 567',
          acceptTerms: true,
          profile: { firstName: 'Ola' },
        });
        await a.sync();
        const remote = await b.call('member.lookup', { query: '91234567' }, b.cashier);
        expect(remote.remote).toBe(true);
        expect(remote.via).toBe('phone');
        expect(remote.member?.memberId).toBe(ola.member.memberId);
        expect(remote.member?.firstName).toBe('Ola');
        // By member number too (the cloud's other index).
        world.now += MIN;
        const viaNumber = await a.call('member.enrol', { phone: '45678901', acceptTerms: true });
        await a.sync();
        const byNumber = await b.call(
          'member.lookup',
          { query: viaNumber.member.memberNumber },
          b.cashier,
        );
        expect(byNumber).toMatchObject({ remote: true, via: 'member_number' });
        expect(byNumber.member?.memberId).toBe(viaNumber.member.memberId);

        // B sells to Ola at once, with his welcome coupon; A sees the points after sync.
        world.now += MIN;
        const sale = await b.call('sale.commit', {
          lines: [{ sku: 'grovbrod', quantity: 2 }],
          memberId: ola.member.memberId,
          idempotencyKey: 'sale-ola-at-b-1',
          paymentMethod: 'card',
          selections: { couponIds: [`W-${ola.member.memberId}`] },
        });
        expect(sale.evaluation.effects?.couponsRedeemed).toEqual([`W-${ola.member.memberId}`]);
        await s.syncAll();
        const atA = await a.call('member.get', { memberId: ola.member.memberId });
        expect(atA.points.balance).toBe(sale.evaluation.effects!.pointsEarned);
        expect(atA.points.balance).toBeGreaterThan(0);
        expect(atA.coupons.map((c) => c.couponId)).not.toContain(`W-${ola.member.memberId}`);

        const end = await expectConverged(s.tills, cloud, s.chain, world.now + HOUR);
        expect(end.members).toBe(3);
      } finally {
        await s.close();
      }
    });

    it('keeps both sales of one coupon redeemed at two offline tills, and flags the conflict', async () => {
      const world: WorldClock = { now: T0 };
      const s = await scenario(cloud, world, [
        { name: 'A', proxied: true },
        { name: 'B', proxied: true },
      ]);
      try {
        const [a, b] = s.tills as [(typeof s.tills)[0], (typeof s.tills)[0]];
        const { member } = await a.call('member.enrol', {
          phone: '98765432',
          acceptTerms: true,
          profile: { firstName: 'Kari' },
        });
        await s.syncAll();
        const welcome = `W-${member.memberId}`;

        // The network goes; both tills keep selling, and both take the welcome coupon.
        for (const proxy of s.proxies.values()) await proxy.refuse(true);
        const offline = await a.service.sync.syncNow();
        expect(offline.ok).toBe(false);
        expect((await a.call('status.get', {})).sync.state).toBe('offline');

        world.now += 10 * MIN;
        const saleIds: string[] = [];
        for (const [till, key] of [
          [a, 'offline-a-1'],
          [b, 'offline-b-1'],
        ] as const) {
          const sale = await till.call(
            'sale.commit',
            {
              lines: [{ sku: 'kanelbolle', quantity: 3 }],
              memberId: member.memberId,
              idempotencyKey: key,
              paymentMethod: 'cash',
              selections: { couponIds: [welcome] },
            },
            till.cashier,
          );
          expect(sale.evaluation.effects?.couponsRedeemed).toEqual([welcome]);
          saleIds.push(sale.saleId);
        }
        expect((await b.call('status.get', {})).sync.pending).toBeGreaterThan(0);

        for (const proxy of s.proxies.values()) await proxy.refuse(false);
        await s.syncAll();

        const conflicts = await cloudConflicts(cloud, s.chain);
        expect(conflicts).toEqual([
          expect.objectContaining({
            memberId: member.memberId,
            flag: {
              kind: 'coupon_redeemed_twice',
              couponId: welcome,
              saleIds: expect.arrayContaining(saleIds),
            },
          }),
        ]);
        // The tills see the same list through their own credentials.
        expect(await a.service.sync.conflicts()).toEqual(conflicts);
        for (const till of s.tills) {
          for (const saleId of saleIds) {
            expect((await till.call('sale.get', { saleId })).voided).toBe(false);
          }
          const view = await till.call('member.get', { memberId: member.memberId });
          expect(view.flags).toEqual([
            {
              kind: 'coupon_redeemed_twice',
              couponId: welcome,
              saleIds: expect.arrayContaining(saleIds),
            },
          ]);
          expect(view.stats.purchases).toBe(2);
        }
        await expectConverged(s.tills, cloud, s.chain, world.now + HOUR);
      } finally {
        await s.close();
      }
    });

    it('erases a member everywhere: every till redacts its stored events, the cloud too', async () => {
      const world: WorldClock = { now: T0 };
      const s = await scenario(cloud, world, [{ name: 'A' }, { name: 'B' }]);
      try {
        const [a, b] = s.tills as [(typeof s.tills)[0], (typeof s.tills)[0]];
        const { member } = await a.call('member.enrol', {
          phone: '98765432',
          acceptTerms: true,
          profile: { firstName: 'Kari', lastName: 'Nordmann', email: 'kari@example.no' },
        });
        world.now += MIN;
        await a.call('sale.commit', {
          lines: [{ sku: 'kaffe-stor', quantity: 1 }],
          memberId: member.memberId,
          idempotencyKey: 'erase-sale-1',
          paymentMethod: 'card',
        });
        await s.syncAll();
        // B holds her personal data now.
        const personal = (db: Database.Database) =>
          db
            .prepare(
              "SELECT count(*) FROM events WHERE member_id = ? AND (payload LIKE '%98765432%' OR payload LIKE '%Nordmann%' OR payload LIKE '%kari@%')",
            )
            .pluck()
            .get(member.memberId) as number;
        expect(b.readDb(personal)).toBeGreaterThan(0);

        world.now += MIN;
        await b.call('member.erase', { memberId: member.memberId, confirm: true });
        await s.syncAll();
        for (const till of s.tills) {
          expect(till.readDb(personal), `${till.name} keeps no personal data`).toBe(0);
          const found = await till.call('member.lookup', { query: '98765432' }, till.cashier);
          expect(found.member).toBeNull();
        }
        const inCloud = (await cloudEvents(cloud, s.chain)).filter(
          (e) => e.memberId === member.memberId,
        );
        expect(JSON.stringify(inCloud)).not.toMatch(/98765432|Nordmann|kari@/);
        const end = await expectConverged(s.tills, cloud, s.chain, world.now + HOUR);
        expect(end.erased).toBe(1);
      } finally {
        await s.close();
      }
    });
  });
}
