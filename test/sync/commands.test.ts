/**
 * The sync commands a settings screen uses, through the till service
 * (`TillService.call`, roles and errors included) against the real cloud on
 * 127.0.0.1: status, pairing and its clear refusals, sync now, events the
 * cloud refuses with their reasons, conflicts, pairing again and unpairing.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { render, saidNbEn } from '../helpers/said';
import { memberEvents } from '../../src/core/member/test-events';
import { databasePath } from '../../src/service';
import { failure } from '../../src/service/testing';
import { appendEvents, openDatabase } from '../../src/store';
import { loadPairing } from '../../src/store/sync-pairing';
import { backends, newChain, startTestCloud } from './support/cloud';
import type { TestCloud } from './support/cloud';
import { CATALOGUE, CHAIN_PROGRAMME, scenario } from './support/scenario';
import { openSyncTill, T0 } from './support/till';
import type { SyncTill, WorldClock } from './support/till';

const MIN = 60_000;

for (const backend of await backends()) {
  const title = `sync commands (${backend.name}${backend.unavailable ? `: skipped, ${backend.unavailable}` : ''})`;
  describe.skipIf(backend.unavailable !== null)(title, () => {
    let cloud: TestCloud;
    const open: SyncTill[] = [];
    beforeAll(async () => {
      cloud = await startTestCloud(backend.name);
    });
    afterEach(async () => {
      for (const till of open.splice(0)) till.close();
    });
    afterAll(async () => {
      await cloud?.dispose();
    });

    async function till(name: string, world: WorldClock = { now: T0 }) {
      const t = await openSyncTill({ name, world });
      open.push(t);
      return t;
    }

    it('pairs from the settings screen, says clearly why not when it cannot, and never shows the token', async () => {
      const chain = await newChain(cloud, ['Sentrum'], CHAIN_PROGRAMME);
      const t = await till('settings');
      const unpaired = await t.call('sync.status', {}, t.cashier);
      expect(unpaired).toMatchObject({
        state: 'unpaired',
        syncing: false,
        lastSyncAt: null,
        lastError: null,
        rejected: 0,
        rejectedEvents: [],
        cloud: null,
      });
      expect(unpaired.pending).toBeGreaterThan(0);

      const code = chain.storeCodes.Sentrum!;
      const url = cloud.server.url;
      const cashierTries = await failure(
        t.call('sync.pair', { cloudUrl: url, storeCode: code }, t.cashier),
      );
      expect([cashierTries.code, cashierTries.status]).toEqual(['forbidden', 403]);

      const wrong = await failure(t.call('sync.pair', { cloudUrl: url, storeCode: '0000-0000' }));
      expect(wrong).toMatchObject({
        code: 'store_code_not_found',
        status: 404,
        field: 'storeCode',
      });
      expect(wrong.text.nb).toMatch(/Ingen butikk har denne butikkoden/);
      expect(wrong.message).toMatch(/no store has this code/);

      const insecure = await failure(
        t.call('sync.pair', { cloudUrl: 'http://sky.example.no', storeCode: code }),
      );
      expect(insecure).toMatchObject({ code: 'invalid_cloud_url', status: 400, field: 'cloudUrl' });
      expect(insecure.text.nb).toMatch(/https:\/\//);
      expect(insecure.message).toMatch(/https/);

      const nowhere = await failure(
        t.call('sync.pair', { cloudUrl: 'http://127.0.0.1:1', storeCode: code }),
      );
      expect(nowhere).toMatchObject({ code: 'cloud_unavailable', status: 503, field: 'cloudUrl' });
      expect(nowhere.text.nb).toMatch(/Skyen svarer ikke/);

      const empty = await failure(t.call('sync.pair', { cloudUrl: url, storeCode: '  ' }));
      expect(empty).toMatchObject({ code: 'invalid_input', field: 'storeCode' });
      expect(empty.text.nb).toBe('Skriv inn butikkoden fra kjeden.');
      expect((await t.call('sync.status', {})).state).toBe('unpaired');

      const paired = await t.call('sync.pair', {
        cloudUrl: url,
        storeCode: code.toLowerCase(),
        terminalName: 'Kasse ved døra',
      });
      expect(paired).toMatchObject({
        chainId: chain.chainId,
        chainName: chain.name,
        storeName: 'Sentrum',
        slot: 1,
        existingTerminal: false,
      });
      const report = await t.call('sync.now', {}, t.cashier);
      expect(report).toMatchObject({ ok: true, rejected: 0, error: null });
      expect(report.received).toBeGreaterThan(0);
      const status = await t.call('sync.status', {}, t.cashier);
      expect(status).toMatchObject({
        state: 'online',
        pending: 0,
        lastSyncAt: T0,
        lastError: null,
        cloud: {
          url,
          chainName: chain.name,
          storeName: 'Sentrum',
          terminalId: paired.terminalId,
          terminalName: 'Kasse ved døra',
          slot: 1,
        },
      });
      const { token } = t.readDb(loadPairing)!;
      expect(JSON.stringify([status, paired, report])).not.toContain(token);

      // Paired again from the same screen: the same terminal, the same slot.
      const again = await t.call('sync.pair', { cloudUrl: url, storeCode: code });
      expect(again).toMatchObject({
        terminalId: paired.terminalId,
        slot: 1,
        existingTerminal: true,
      });
      expect((await t.call('sync.now', {})).ok).toBe(true);
    });

    it('refuses pairing a till that holds another chain’s members', async () => {
      const chain = await newChain(cloud, ['Torget'], CHAIN_PROGRAMME);
      const t = await till('foreign');
      await t.call('member.enrol', { phone: '98765432', acceptTerms: true });
      const refused = await failure(
        t.call('sync.pair', { cloudUrl: cloud.server.url, storeCode: chain.storeCodes.Torget! }),
      );
      expect(refused).toMatchObject({ code: 'foreign_chain_data', status: 409 });
      expect(refused.text.nb).toMatch(/annen kjede/);
      expect(refused.message).toMatch(/1 member\(s\)/);
      expect((await t.call('sync.status', {})).state).toBe('unpaired');
    });

    it('lists the events the cloud refuses with its reasons, also after a restart', async () => {
      const world: WorldClock = { now: T0 };
      const s = await scenario(cloud, world, [{ name: 'R' }]);
      try {
        const t = s.tills[0]!;
        const { terminalId } = t.service.sync.status().cloud!;
        const ids = { chainId: s.chain.chainId, terminalId };
        // An event that claims another store of the chain (a till set up by hand, say):
        // no later push can change that, so it is set aside.
        const stray = memberEvents('member-stray').enrolled(
          T0,
          {},
          { ...ids, storeId: 'another-store' },
        );
        // One dated two days ahead of the cloud's clock: refused for now, sent again later.
        const early = Date.now() + 2 * 24 * 3_600_000;
        const ahead = memberEvents('member-ahead').enrolled(
          early,
          { qrToken: 'qr-member-ahead-token', phoneE164: '+4791234568' },
          { ...ids, storeId: s.chain.storeIds['Butikk R']! },
        );
        const { db } = openDatabase(databasePath(t.dir.dir));
        try {
          appendEvents(db, [stray, ahead], { origin: 'local' });
        } finally {
          db.close();
        }
        const report = await t.call('sync.now', {});
        expect(report).toMatchObject({ ok: true, rejected: 1, quarantined: 1 });
        const expected = {
          rejected: 1,
          rejectedEvents: [
            {
              eventId: ahead.id,
              type: 'member.enrolled',
              code: 'clock_ahead',
              text: { nb: 'Klokken på kassen går for langt foran: sjekk dato og klokkeslett' },
            },
          ],
          quarantined: 1,
          quarantine: [
            {
              direction: 'local',
              eventId: stray.id,
              type: 'member.enrolled',
              code: 'wrong_store',
              reason: "the event's storeId is not this terminal's store",
              // The cloud keeps its own refusals: not reported to it again.
              reported: true,
              text: {
                nb: 'Skyen avviste registreringen: hører til en annen butikk.',
                en: "The cloud refused the event: it belongs to another store (the event's storeId is not this terminal's store).",
              },
            },
          ],
        };
        expect(saidNbEn(await t.call('sync.status', {}, t.cashier))).toMatchObject({
          ...expected,
          pending: 1,
          // Dated ahead even by this till's clock: not the till's clock now, the event waits.
          lastError: {
            code: 'events_dated_ahead',
            text: {
              nb: 'Skyen tar ennå ikke imot én registrering: den ble gjort mens klokken på kassen gikk mer enn 24 timer foran, og sendes når tiden dens er nådd. Nye salg sendes som vanlig; se listen under.',
              en: "The cloud does not take one event yet: it was made while the till's clock was more than 24 hours ahead, and is sent once its time has come. New sales are sent as usual; see the list below.",
            },
          },
        });
        await t.restart();
        // Why the last sync failed is kept across a restart, like the refused events.
        expect(saidNbEn(await t.call('sync.status', {}, t.cashier))).toMatchObject({
          ...expected,
          lastError: { code: 'events_dated_ahead' },
        });
        // The event set aside is not sent again; the one refused for now is.
        const again = await t.call('sync.now', {});
        expect(again).toMatchObject({ ok: true, rejected: 1, quarantined: 0 });
      } finally {
        await s.close();
      }
    });

    it('lists the cloud’s conflicts and the till’s own for a manager, and the till’s alone when the cloud is away', async () => {
      const world: WorldClock = { now: T0 };
      const s = await scenario(cloud, world, [
        { name: 'A', proxied: true },
        { name: 'B', proxied: true },
      ]);
      try {
        const [a, b] = s.tills as [SyncTill, SyncTill];
        const { member } = await a.call('member.enrol', {
          phone: '98765432',
          acceptTerms: true,
          profile: { firstName: 'Kari' },
        });
        await s.syncAll();
        for (const proxy of s.proxies.values()) await proxy.refuse(true);
        world.now += 10 * MIN;
        // Both offline: the welcome coupon at each, and the same phone enrolled at each.
        for (const [t, key, phone] of [
          [a, 'coupon-at-a', '41111111'],
          [b, 'coupon-at-b', '41111111'],
        ] as const) {
          await t.call(
            'sale.commit',
            {
              lines: [{ sku: 'kanelbolle', quantity: 1 }],
              memberId: member.memberId,
              idempotencyKey: key,
              paymentMethod: 'cash',
              selections: { couponIds: [`W-${member.memberId}`] },
            },
            t.cashier,
          );
          world.now += MIN;
          await t.call('member.enrol', { phone, acceptTerms: true }, t.cashier);
        }
        const forbidden = await failure(a.call('sync.conflicts', {}, a.cashier));
        expect(forbidden.status).toBe(403);
        const away = await a.call('sync.conflicts', {});
        expect(away.cloud).toMatchObject({ available: false, conflicts: [] });
        expect(render(away.cloud.reason!, 'en')).toMatch(/did not answer/);

        for (const proxy of s.proxies.values()) await proxy.refuse(false);
        await s.syncAll();
        const listed = await a.call('sync.conflicts', {});
        expect(listed.cloud.available).toBe(true);
        // The shared phone is said once, by the till, which knows the number; not again by the cloud.
        expect(listed.cloud.conflicts).toEqual([
          expect.objectContaining({
            member: expect.objectContaining({ memberId: member.memberId, firstName: 'Kari' }),
            flag: expect.objectContaining({ kind: 'coupon_redeemed_twice' }),
          }),
        ]);
        // Said once, by src/sync/conflicts.ts: the coupon by name, the receipts by where they were printed.
        expect(render(listed.cloud.conflicts[0]!.text, 'nb')).toMatch(
          /^Kupongen «Velkomstkupong» ble brukt to ganger \(kvittering .* og .*\)$/,
        );
        expect(render(listed.cloud.conflicts[0]!.text, 'sv')).toMatch(
          /^Kupongen ”Velkomstkupong” har använts två gånger/,
        );
        expect(render(listed.local[0]!.text, 'nb')).toMatch(
          /^To medlemmer har mobilnummeret \+47 411 11 111: /,
        );
        expect(listed.local).toEqual([
          expect.objectContaining({ kind: 'duplicate_phone', value: '+4741111111' }),
        ]);
        expect(listed.local[0]!.members).toHaveLength(2);
        const byPhone = await b.call('member.lookup', { query: '411 11 111' }, b.cashier);
        expect(byPhone.member?.memberId).toBe(listed.local[0]!.members[0]!.memberId);
        expect(byPhone.clash).toEqual({
          kind: 'duplicate_phone',
          memberIds: listed.local[0]!.members.map((m) => m.memberId),
        });
        // Till B knows the same conflicts; its words say where each receipt was
        // printed as seen from B (its own, or another till's), so only they differ.
        const atB = await b.call('sync.conflicts', {});
        const withoutWords = (c: typeof listed) => ({
          ...c,
          cloud: { ...c.cloud, conflicts: c.cloud.conflicts.map(({ text: _t, ...rest }) => rest) },
        });
        expect(withoutWords(atB)).toEqual(withoutWords(listed));
        expect(render(atB.cloud.conflicts[0]!.text, 'nb')).toMatch(
          /^Kupongen «Velkomstkupong» ble brukt to ganger \(kvittering .* og .*\)$/,
        );
      } finally {
        await s.close();
      }
    });

    it('unpairs: refused while events wait unless forced; the till works on and can pair again', async () => {
      const world: WorldClock = { now: T0 };
      const chain = await newChain(cloud, ['Kaien'], CHAIN_PROGRAMME);
      const t = await till('unpair', world);
      const first = await t.call('sync.pair', {
        cloudUrl: cloud.server.url,
        storeCode: chain.storeCodes.Kaien!,
      });
      await t.call('catalogue.save', { products: CATALOGUE });
      await t.call('sync.now', {});
      world.now += MIN;
      await t.call('member.enrol', { phone: '98765432', acceptTerms: true });
      const waiting = await failure(t.call('sync.unpair', {}));
      expect(waiting).toMatchObject({ code: 'pending_events', status: 409 });
      expect(waiting.text.nb).toMatch(/Synkroniser først/);
      expect(await failure(t.call('sync.unpair', { force: true }, t.cashier))).toMatchObject({
        status: 403,
      });

      expect(await t.call('sync.unpair', { force: true })).toEqual({ revoked: true, pending: 1 });
      expect(await t.call('sync.status', {})).toMatchObject({ state: 'unpaired', cloud: null });
      expect((await t.call('status.get', {})).sync.state).toBe('unpaired');
      const report = await t.call('sync.now', {});
      expect(saidNbEn(report)).toMatchObject({
        ok: false,
        error: {
          code: 'unpaired',
          text: { en: 'This till is not paired with the chain’s cloud.' },
        },
      });
      // The till sells and enrols on its own, numbering in the slot it was given.
      world.now += MIN;
      const alone = await t.call('member.enrol', { phone: '98765433', acceptTerms: true });
      expect(alone.member.memberNumber.slice(2, 6)).toBe(String(first.slot).padStart(4, '0'));
      expect((await failure(t.call('sync.unpair', {}))).code).toBe('unpaired');

      // Paired again (the old token is revoked): a new terminal, a new slot, and what waited goes.
      const again = await t.call('sync.pair', {
        cloudUrl: cloud.server.url,
        storeCode: chain.storeCodes.Kaien!,
      });
      expect(again.existingTerminal).toBe(false);
      expect(again.slot).not.toBe(first.slot);
      expect(again.restamped).toBe(2);
      expect((await t.call('sync.now', {})).ok).toBe(true);
      expect((await t.call('sync.status', {})).pending).toBe(0);
    });
  });
}
