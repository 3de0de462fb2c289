/**
 * Sync under faults, through a misbehaving proxy between each till and the real
 * cloud: the cloud stopped in the middle of a push, answers lost after the
 * cloud committed, batches sent twice, delivered late and in reverse order,
 * and tills whose clocks are six hours wrong. Every run ends with all parties
 * equal (see support/converge.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { busyDay } from './support/activity';
import { backends, cloudEvents, startTestCloud } from './support/cloud';
import type { TestCloud } from './support/cloud';
import { expectConverged } from './support/converge';
import { scenario } from './support/scenario';
import type { Scenario } from './support/scenario';
import { HOUR, T0 } from './support/till';
import type { SyncTill, WorldClock } from './support/till';

const BATCH = { pushBatchSize: 50 };

function hlcOf(till: SyncTill, eventId: string): string {
  return till.readDb(
    (db) => db.prepare('SELECT hlc FROM events WHERE id = ?').pluck().get(eventId) as string,
  );
}

/** The id of the newest event of a type for a member at a till (by clock). */
function newestEvent(till: SyncTill, memberId: string, type: string): string {
  return till.readDb(
    (db) =>
      db
        .prepare('SELECT id FROM events WHERE member_id = ? AND type = ? ORDER BY hlc DESC LIMIT 1')
        .pluck()
        .get(memberId, type) as string,
  );
}

async function withScenario(
  cloud: TestCloud,
  world: WorldClock,
  plans: Parameters<typeof scenario>[2],
  body: (s: Scenario) => Promise<void>,
): Promise<void> {
  const s = await scenario(cloud, world, plans);
  try {
    await body(s);
  } finally {
    await s.close();
  }
}

for (const backend of await backends()) {
  const title = `sync under faults (${backend.name}${backend.unavailable ? `: skipped, ${backend.unavailable}` : ''})`;
  describe.skipIf(backend.unavailable !== null)(title, () => {
    let cloud: TestCloud;
    beforeAll(async () => {
      cloud = await startTestCloud(backend.name);
    });
    afterAll(async () => {
      await cloud?.dispose();
    });

    it('survives the cloud stopping in the middle of a push', async () => {
      const world: WorldClock = { now: T0 };
      await withScenario(
        cloud,
        world,
        [
          { name: 'A', proxied: true, sync: BATCH },
          { name: 'B', proxied: true },
        ],
        async (s) => {
          const [a, b] = s.tills as [SyncTill, SyncTill];
          await busyDay(a, world, 240, 11);
          const before = (await cloudEvents(cloud, s.chain)).length;
          // Two batches get through; the cloud is told to stop as the third arrives.
          let stopping: Promise<void> = Promise.resolve();
          s.proxies.get('A')!.addRule({
            path: '/v1/sync/push',
            skip: 2,
            faults: [
              {
                kind: 'before',
                run: async () => {
                  stopping = cloud.stop();
                },
              },
            ],
          });
          const failed = await a.service.sync.syncNow();
          await stopping;
          expect(failed.ok).toBe(false);
          expect(a.service.sync.status().state).toBe('offline');
          const pendingAfterStop = a.service.sync.status().pending;
          expect(pendingAfterStop).toBeGreaterThan(0);
          // Pushes are pipelined two batches at a time: the first was answered before the third
          // was sent, but the second may still be in the cloud when it stops (seen under load:
          // 163 waiting), so only the first is certain to have landed.
          expect(pendingAfterStop).toBeLessThanOrEqual(240 - 50);
          expect((await b.service.sync.syncNow()).ok).toBe(false);

          // The tills carry on while the cloud is down.
          const more = await busyDay(b, world, 30, 12);
          expect(more.events).toBe(30);

          await cloud.restart();
          for (const proxy of s.proxies.values()) proxy.setUpstream(cloud.server.url);
          const stored = (await cloudEvents(cloud, s.chain)).length - before;
          // What the cloud committed before it stopped is exactly what A no longer holds back.
          expect(stored).toBe(240 - pendingAfterStop);
          await s.syncAll();
          const end = await expectConverged(s.tills, cloud, s.chain, world.now + HOUR);
          expect(end.events).toBe(before + 240 + 30);
        },
      );
    });

    it('pushes again when the answer is lost after the cloud committed, and stores nothing twice', async () => {
      const world: WorldClock = { now: T0 };
      await withScenario(
        cloud,
        world,
        [{ name: 'A', proxied: true, sync: BATCH }, { name: 'B' }],
        async (s) => {
          const [a] = s.tills as [SyncTill, SyncTill];
          const proxy = s.proxies.get('A')!;
          await busyDay(a, world, 120, 21);
          const before = (await cloudEvents(cloud, s.chain)).length;
          // A lost answer is sent again at once, up to three sends (a kept-alive connection may
          // have gone stale): answers lost that many times fail the sync.
          proxy.addRule({ path: '/v1/sync/push', times: 6, faults: [{ kind: 'drop_response' }] });
          proxy.addRule({ path: '/v1/sync/pull', times: 3, faults: [{ kind: 'drop_response' }] });

          expect((await a.service.sync.syncNow()).ok).toBe(false);
          // Two batches were on their way at once: the cloud has the first, and of the
          // second all but the events of members the first enrols when the second got
          // there first (refused unknown_member: the till, never told, sends them again);
          // the till still holds all of it.
          const landed = (await cloudEvents(cloud, s.chain)).length - before;
          expect(landed).toBeGreaterThanOrEqual(50);
          expect(landed).toBeLessThanOrEqual(100);
          expect(a.service.sync.status().pending).toBe(120);
          expect(proxy.count('drop_response')).toBe(6);

          // Now the pushes get through (the two batches again, acked as already stored),
          // but the pull's answer is lost.
          const second = await a.service.sync.syncNow();
          expect(second.ok).toBe(false);
          expect(second.pushed).toBe(120);
          expect((await cloudEvents(cloud, s.chain)).length).toBe(before + 120);
          expect(a.service.sync.status().pending).toBe(0);
          expect(proxy.count('drop_response')).toBe(9);
          expect(
            proxy.log.filter((r) => r.faults.includes('drop_response')).map((r) => r.status),
          ).toEqual(Array(9).fill(200));

          await s.syncAll();
          const end = await expectConverged(s.tills, cloud, s.chain, world.now + HOUR);
          expect(end.events).toBe(before + 120);
        },
      );
    });

    it('lands every event in one push when a batch is held up on the way', async () => {
      // Two batches are in flight at once, and the second reaches the cloud first. A
      // member's events all travel in one lane, so none arrives before the member's
      // enrolment (src/sync/push-lanes.ts); were one refused unknown_member all the same,
      // the push sends it again once everything has landed.
      const world: WorldClock = { now: T0 };
      await withScenario(
        cloud,
        world,
        [{ name: 'A', proxied: true, sync: BATCH }, { name: 'B' }],
        async (s) => {
          const [a] = s.tills as [SyncTill, SyncTill];
          const proxy = s.proxies.get('A')!;
          await busyDay(a, world, 100, 41);
          proxy.addRule({ path: '/v1/sync/push', times: 1, faults: [{ kind: 'delay', ms: 1500 }] });
          const report = await a.service.sync.syncNow();
          expect(report.ok).toBe(true);
          expect(a.service.sync.status().pending).toBe(0);
          expect(a.service.sync.status().rejected).toBe(0);
          await s.syncAll();
          await expectConverged(s.tills, cloud, s.chain, world.now + HOUR);
        },
      );
    });

    it('takes batches sent twice, late and in reverse order, from tills pushing at once', async () => {
      const world: WorldClock = { now: T0 };
      await withScenario(
        cloud,
        world,
        [
          { name: 'A', proxied: true, sync: BATCH },
          { name: 'B', proxied: true, sync: BATCH },
          { name: 'C', proxied: true },
        ],
        async (s) => {
          const [a, b] = s.tills as [SyncTill, SyncTill, SyncTill];
          const pa = s.proxies.get('A')!;
          const pb = s.proxies.get('B')!;
          const pc = s.proxies.get('C')!;
          const first = await busyDay(a, world, 60, 31);
          await a.sync();
          await b.sync();
          // Both tills work on the same members while apart.
          await busyDay(a, world, 110, 32, first.memberIds);
          await busyDay(b, world, 110, 33, first.memberIds);

          pa.addRule({ path: '/v1/sync/push', times: 3, faults: [{ kind: 'duplicate' }] });
          pa.addRule({ path: '/v1/sync/push', skip: 1, times: 1, faults: [{ kind: 'hold' }] });
          pa.addRule({ path: '/v1/sync/', times: 4, faults: [{ kind: 'reverse_events' }] });
          pb.addRule({
            path: '/v1/sync/push',
            times: 3,
            faults: [{ kind: 'delay', ms: 30 }, { kind: 'reverse_events' }],
          });
          pb.addRule({
            path: '/v1/sync/pull',
            times: 3,
            faults: [{ kind: 'duplicate' }, { kind: 'reverse_events' }],
          });
          pc.addRule({ path: '/v1/sync/pull', times: 2, faults: [{ kind: 'reverse_events' }] });

          // A and B push at the same time; A's held batch is cut on its way and sent again at
          // once (a cut connection is), so both syncs end well; the held copy is still out there.
          const [ra, rb] = await Promise.all([a.service.sync.syncNow(), b.service.sync.syncNow()]);
          expect(ra.ok).toBe(true);
          expect(rb.ok).toBe(true);
          await s.syncAll();
          // The held batch arrives now, after newer ones: the cloud acks it as already stored.
          expect(pa.heldCount).toBe(1);
          expect(await pa.deliverHeld()).toEqual([200]);
          await s.syncAll();

          expect(pa.count('duplicate')).toBe(3);
          expect(pb.count('duplicate')).toBe(3);
          expect(
            pa.count('reverse_events') + pb.count('reverse_events') + pc.count('reverse_events'),
          ).toBe(12);
          await expectConverged(s.tills, cloud, s.chain, world.now + HOUR);
        },
      );
    });

    it('orders by the hybrid clock when tills are six hours fast and six hours slow', async () => {
      // On the cloud's own time (it stamps the programme it saves with its clock): here
      // the skews are the only clock errors, so the fast till really is six hours ahead.
      const world: WorldClock = { now: Date.now() };
      await withScenario(
        cloud,
        world,
        [
          { name: 'Fast', skewMs: 6 * HOUR },
          { name: 'Slow', skewMs: -6 * HOUR },
          { name: 'Right' },
        ],
        async (s) => {
          const [fast, slow, right] = s.tills as [SyncTill, SyncTill, SyncTill];
          const { member } = await right.call('member.enrol', {
            phone: '98765432',
            acceptTerms: true,
            consents: { sms: true, email: false },
            profile: { firstName: 'Kari', lastName: 'Nordmann' },
          });
          await s.syncAll();
          const id = member.memberId;

          // Fast edits; Slow sees it, then edits the same field: Slow's edit comes later,
          // so it wins, although Slow's wall clock is twelve hours behind Fast's.
          world.now += 60_000;
          await fast.call('member.update', { memberId: id, profile: { firstName: 'Anne' } });
          await fast.sync();
          await slow.sync();
          world.now += 60_000;
          await slow.call('member.update', { memberId: id, profile: { firstName: 'Berit' } });
          const fastEdit = newestEvent(fast, id, 'member.profile_updated');
          const slowEdit = newestEvent(slow, id, 'member.profile_updated');
          expect(hlcOf(slow, slowEdit) > hlcOf(fast, fastEdit)).toBe(true);

          // Consent: Fast withdraws, Slow (having seen it) gives it again: the member changed their mind.
          world.now += 60_000;
          await fast.call('member.consent', { memberId: id, channel: 'sms', granted: false });
          const withdrawal = newestEvent(fast, id, 'member.consent_changed');
          await fast.sync();
          await slow.sync();
          world.now += 60_000;
          await slow.call('member.consent', { memberId: id, channel: 'email', granted: true });
          await slow.call('member.consent', { memberId: id, channel: 'sms', granted: true });
          const regrant = newestEvent(slow, id, 'member.consent_changed');
          expect(hlcOf(slow, regrant) > hlcOf(fast, withdrawal)).toBe(true);

          // Fast and Slow change the last name without seeing each other: the later clock wins everywhere.
          world.now += 60_000;
          await fast.call('member.update', { memberId: id, profile: { lastName: 'Aas' } });
          await slow.call('member.update', { memberId: id, profile: { lastName: 'Berg' } });

          // Sales at every till, with the member's points and stamps.
          for (const [i, till] of [fast, slow, right].entries()) {
            world.now += 60_000;
            await till.call('sale.commit', {
              lines: [{ sku: 'cappuccino', quantity: 2 + i }],
              memberId: id,
              idempotencyKey: `skew-sale-${i}`,
              paymentMethod: 'card',
            });
          }
          await s.syncAll();

          for (const till of s.tills) {
            const view = await till.call('member.get', { memberId: id });
            expect(view.profile.firstName, till.name).toBe('Berit');
            expect(view.profile.lastName, till.name).toBe('Aas');
            expect(view.consents, till.name).toEqual({ sms: true, email: true });
            expect(view.stats.purchases, till.name).toBe(3);
            expect(view.punchCards.find((c) => c.cardId === 'kaffe')?.stamps, till.name).toBe(
              9 % 9,
            );
            expect(
              view.punchCards.find((c) => c.cardId === 'kaffe')?.completedCards,
              till.name,
            ).toBe(1);
          }
          await expectConverged(s.tills, cloud, s.chain, world.now + 7 * HOUR);
        },
      );
    });
  });
}
