/**
 * SMS from the cloud through a fake Sveve on loopback, with a proxy between
 * that loses answers: members enrolled at a real till, the outbox sent by the
 * real sender, delivery reports arriving early, late and twice. Every
 * consenting member gets exactly one text; nobody without consent or over the
 * cap gets one; STOPP withdraws the consent and the till sees it after a pull.
 * On PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueMessages, outboxMessages, outboxSummary } from '../../cloud/messaging/outbox';
import { callbackKey, DEFAULT_SMS_OPT_OUT, sendDue } from '../../cloud/messaging/sender';
import { setMessagingSettings } from '../../cloud/messaging/settings';
import { backends, startTestCloud } from '../sync/support/cloud';
import type { TestCloud } from '../sync/support/cloud';
import { scenario } from '../sync/support/scenario';
import type { Scenario } from '../sync/support/scenario';
import { T0 } from '../sync/support/till';
import type { WorldClock } from '../sync/support/till';
import { AnswerLosingProxy, FakeSveve } from './fake-sveve';

const SECRET = 'test-messaging-secret';
const MIN = 60_000;
const lastDigit = (ref: string) => parseInt(ref.at(-1)!, 16);
/** A fixed message id ending in `n` (hex): the provider's faults below pick their messages by it. */
const messageId = (n: number) => `01900000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

for (const backend of await backends()) {
  const title = `SMS through a fake Sveve (${backend.name}${backend.unavailable ? `: skipped, ${backend.unavailable}` : ''})`;
  describe.skipIf(backend.unavailable !== null)(title, () => {
    let sveve: FakeSveve;
    let proxy: AnswerLosingProxy;
    let cloud: TestCloud;
    let s: Scenario;
    const world: WorldClock = { now: T0 }; // 10:00 in Oslo, outside quiet hours
    const members: { memberId: string; phone: string; sms: boolean }[] = [];
    // The first test's faults; off for the others, which are about the cap, quiet hours and STOPP.
    let faults = true;
    let acceptedAnswers = 0;

    beforeAll(async () => {
      sveve = await FakeSveve.start({
        refuseFirstAttempt: (ref) => faults && lastDigit(ref) % 4 === 0,
        reportFirst: (ref) => faults && lastDigit(ref) % 3 === 0,
        reportDelayMs: 30,
        duplicateReports: true,
        failDeliveryTo: (to) => to.endsWith('13'),
      });
      // The first and every third answer of a text the provider took is lost on the way back,
      // counted by answers rather than calls so that some always are. (A refusal whose answer is
      // lost stays unknown and is never resent: at most once, by design.)
      proxy = await AnswerLosingProxy.start(sveve.url, (_n, answer) => {
        if (!faults || !answer.includes('"msgOkCount":1')) return false;
        acceptedAnswers += 1;
        return acceptedAnswers % 3 === 1;
      });
      cloud = await startTestCloud(
        backend.name,
        {},
        {
          messaging: {
            sms: {
              provider: 'sveve',
              baseUrl: proxy.url,
              user: 'butikk',
              password: 'hemmelig',
              from: 'Garnbua',
            },
            secret: SECRET,
            concurrency: 4,
            batchSize: 7,
          },
        },
      );
      sveve.reportUrl = `${cloud.server.url}/messaging/sms/report/${callbackKey({ secret: SECRET })}`;
      s = await scenario(cloud, world, [{ name: 'A' }]);
      const till = s.till('A');
      for (let i = 0; i < 14; i++) {
        const phone = `9${String(1000000 + i * 7).padStart(7, '0')}`.slice(0, 6) + String(10 + i);
        const sms = i % 3 !== 2;
        world.now += 1000;
        const enrolled = await till.call('member.enrol', {
          phone,
          acceptTerms: true,
          consents: { sms, email: false },
        });
        members.push({ memberId: enrolled.member.memberId, phone: `47${phone}`, sms });
      }
      await till.sync();
    }, 120_000);

    afterAll(async () => {
      s?.tills.forEach((t) => t.close());
      await cloud?.dispose();
      await proxy?.close();
      await sveve?.close();
    });

    it('sends exactly one text per consenting member, whatever the answers and reports do', async () => {
      const db = cloud.server.database;
      const messaging = cloud.server.messaging!;
      const chainId = s.chain.chainId;
      const purpose = 'campaign:garn-helg';
      // Fixed ids: members 0, 4, 8 and 12 are refused at first (three of them consent).
      const campaign = members.map((m, i) => ({
        id: messageId(i),
        memberId: m.memberId,
        channel: 'sms' as const,
        purpose,
        body: 'Hei! 20 % på alt garn i helgen hos Garnbua. Vis kortet i kassa.',
      }));
      const first = await db.transaction((tx) => enqueueMessages(tx, chainId, campaign, world.now));
      expect(first.enqueued).toHaveLength(members.length);
      // Enqueued twice (a retried request): nothing more.
      const again = await db.transaction((tx) => enqueueMessages(tx, chainId, campaign, world.now));
      expect(again).toEqual({ enqueued: [], alreadyQueued: members.length });

      // Rounds of the sender as time passes: refused ones come back after their pause.
      for (let round = 0; round < 6; round++) {
        await sendDue(db, messaging, world.now);
        await sveve.settled();
        world.now += 5 * MIN;
      }
      // A crash after a call: a later round, even much later, never sends what is `sending`.
      await sendDue(db, messaging, world.now + 60 * MIN);

      const consenting = members.filter((m) => m.sms);
      const counts = sveve.countsByPhone();
      for (const m of members) expect(counts.get(m.phone) ?? 0, m.phone).toBe(m.sms ? 1 : 0);
      expect(proxy.lost).toBeGreaterThan(0);
      expect([...sveve.attempts.values()].some((n) => n > 1)).toBe(true);
      // Every text ends with the opt-out, from the sender name.
      for (const sms of sveve.received) {
        expect(sms.msg.endsWith(DEFAULT_SMS_OPT_OUT)).toBe(true);
        expect(sms.from).toBe('Garnbua');
      }

      // States: reports settled every text, lost answers included; the duplicates and early ones moved nothing back.
      const stored = await outboxMessages(db, chainId, purpose);
      for (const m of members) {
        const row = stored.find((r) => r.memberId === m.memberId)!;
        if (!m.sms) expect(row).toMatchObject({ state: 'skipped', skipReason: 'no_consent' });
        else expect(row.state).toBe(m.phone.endsWith('13') ? 'failed' : 'delivered');
      }
      const summary = await outboxSummary(db, chainId, purpose);
      expect(summary.sms.delivered + summary.sms.failed).toBe(consenting.length);

      // A late duplicate report of a failure for a delivered text, and an unknown ref: nothing moves.
      const delivered = stored.find((r) => r.state === 'delivered')!;
      const key = callbackKey({ secret: SECRET });
      const late = await fetch(
        `${cloud.server.url}/messaging/sms/report/${key}?number=1&status=false&id=1&ref=${delivered.id}`,
      );
      expect(late.status).toBe(200);
      const unknown = await fetch(
        `${cloud.server.url}/messaging/sms/report/${key}?number=1&status=true&id=2&ref=00000000-0000-7000-8000-000000000000`,
      );
      expect(unknown.status).toBe(200);
      const wrongKey = await fetch(
        `${cloud.server.url}/messaging/sms/report/nope?ref=${delivered.id}`,
      );
      expect(wrongKey.status).toBe(404);
      // A public route reads a few hundred bytes, never megabytes, even with the right key.
      const huge = await fetch(`${cloud.server.url}/messaging/sms/report/${key}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `ref=${delivered.id}&status=false&pad=${'x'.repeat(100_000)}`,
      });
      expect(huge.status).toBe(413);
      const after = await outboxMessages(db, chainId, purpose);
      expect(after.find((r) => r.id === delivered.id)!.state).toBe('delivered');
    }, 60_000);

    it('keeps to the chain’s 30-day cap and waits out quiet hours', async () => {
      const db = cloud.server.database;
      const messaging = cloud.server.messaging!;
      const chainId = s.chain.chainId;
      faults = false;
      await setMessagingSettings(db, chainId, { frequencyCap: 1 }, world.now);
      const before = sveve.received.length;
      const body = 'Siste sjanse: garnsalg i dag.';
      const purpose = 'campaign:siste-sjanse';
      await db.transaction((tx) =>
        enqueueMessages(
          tx,
          chainId,
          members.map((m) => ({ memberId: m.memberId, channel: 'sms' as const, purpose, body })),
          world.now,
        ),
      );
      await sendDue(db, messaging, world.now);
      await sveve.settled();
      expect(sveve.received.length).toBe(before);
      const rows = await outboxMessages(db, chainId, purpose);
      for (const m of members)
        expect(rows.find((r) => r.memberId === m.memberId)!.skipReason).toBe(
          m.sms ? 'over_cap' : 'no_consent',
        );

      // Cap 2 again, a message due at 22:30 Oslo time waits until 08:00 the next morning.
      await setMessagingSettings(db, chainId, { frequencyCap: 2 }, world.now);
      const evening = Date.UTC(2026, 2, 2, 21, 30); // 22:30 in Oslo (CET)
      const m = members.find((x) => x.sms)!;
      await db.transaction((tx) =>
        enqueueMessages(
          tx,
          chainId,
          [
            {
              memberId: m.memberId,
              channel: 'sms',
              purpose: 'campaign:kveld',
              body,
              notBefore: evening,
            },
          ],
          evening,
        ),
      );
      await sendDue(db, messaging, evening);
      const [waiting] = await outboxMessages(db, chainId, 'campaign:kveld');
      expect(waiting).toMatchObject({ state: 'queued', notBefore: Date.UTC(2026, 2, 3, 7, 0) });
      expect(sveve.received.length).toBe(before);
      await sendDue(db, messaging, Date.UTC(2026, 2, 3, 7, 0));
      await sveve.settled();
      expect(sveve.received.length).toBe(before + 1);
    }, 60_000);

    it('STOPP withdraws SMS consent at once, and the till sees it after a pull', async () => {
      faults = false;
      const db = cloud.server.database;
      const messaging = cloud.server.messaging!;
      const chainId = s.chain.chainId;
      const m = members.find((x) => x.sms && !x.phone.endsWith('13'))!;
      const key = callbackKey({ secret: SECRET });
      expect(
        await sveve.inbound(`${cloud.server.url}/messaging/sms/inbound/${key}`, m.phone, 'Stopp'),
      ).toBe(200);

      const till = s.till('A');
      await till.sync();
      const seen = await till.call('member.get', { memberId: m.memberId });
      expect(seen.consents.sms).toBe(false);

      // The next message to them is skipped as opted out, decided at send time.
      await db.transaction((tx) =>
        enqueueMessages(
          tx,
          chainId,
          [
            {
              memberId: m.memberId,
              channel: 'sms',
              purpose: 'campaign:etter-stopp',
              body: 'Hei igjen',
            },
          ],
          world.now,
        ),
      );
      const before = sveve.received.length;
      await sendDue(db, messaging, world.now + 40 * 24 * 60 * MIN);
      expect(sveve.received.length).toBe(before);
      const [row] = await outboxMessages(db, chainId, 'campaign:etter-stopp');
      expect(row).toMatchObject({ state: 'skipped', skipReason: 'opted_out' });
    }, 60_000);
  });
}
