/**
 * Nothing a till receives or once wrote stops it (issue 10, "Nothing stops a
 * till"), against the real cloud on loopback and real till SQLite files:
 * - pulled events with a far-future clock, text no database takes, or a shape
 *   this version cannot read are quarantined, listed and reported, and the rest
 *   of the page is applied; an event of a newer type is kept and passed over;
 * - two enrolments sharing a QR token are a conflict, not a failed pull;
 * - a clock poisoned by the landed bug (hlc.last far ahead) still sells;
 * - a local event too large for the cloud is set aside, and later ones flow.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render, saidNbEn } from '../helpers/said';
import { memberNumberFor } from '../../src/core/ean13';
import { decodeHlc, encodeHlc } from '../../src/core/hlc';
import { databasePath } from '../../src/service';
import { appendEvents, newEventId, openDatabase } from '../../src/store';
import { eventFromRow } from '../../src/store/event-log';
import type { EventRow } from '../../src/store/event-log';
import { ROUTES } from '../../src/sync/protocol';
import { backends, cloudEvents, startTestCloud } from './support/cloud';
import type { TestCloud } from './support/cloud';
import { PullInjector } from './support/injector';
import { scenario } from './support/scenario';
import { openSyncTill, T0 } from './support/till';
import type { SyncTill, WorldClock } from './support/till';

const MIN = 60_000;
const DAY = 24 * 3_600_000;

function rows(till: SyncTill, where: string, ...params: unknown[]): EventRow[] {
  return till.readDb(
    (db) =>
      db
        .prepare(`SELECT * FROM events WHERE ${where} ORDER BY hlc, id`)
        .all(...params) as EventRow[],
  );
}

function eventOf(row: EventRow): Record<string, unknown> {
  return { ...eventFromRow(row) };
}

/** A write to a till's database file while it runs, as an older version or a bug would have made. */
function writeDb(till: SyncTill, write: (db: Database.Database) => void): void {
  const db = new Database(databasePath(till.dir.dir));
  try {
    write(db);
  } finally {
    db.close();
  }
}

async function sell(till: SyncTill, key: string, memberId: string | null = null) {
  return till.call(
    'sale.commit',
    {
      lines: [{ sku: 'kanelbolle', quantity: 2 }],
      memberId,
      idempotencyKey: key,
      paymentMethod: 'card',
    },
    till.cashier,
  );
}

for (const backend of await backends()) {
  const title = `nothing stops a till (${backend.name}${backend.unavailable ? `: skipped, ${backend.unavailable}` : ''})`;
  describe.skipIf(backend.unavailable !== null)(title, () => {
    let cloud: TestCloud;
    beforeAll(async () => {
      cloud = await startTestCloud(backend.name);
    });
    afterAll(async () => {
      await cloud?.dispose();
    });

    it('quarantines pulled events with a far-future clock, malformed text or a bad shape, and applies the rest of the page', async () => {
      const world: WorldClock = { now: T0 };
      const s = await scenario(cloud, world, [{ name: 'A' }]);
      const injector = await PullInjector.start(cloud.server.url);
      const b = await openSyncTill({ name: 'B', world });
      try {
        const a = s.tills[0]!;
        await b.pair(injector.url, s.chain.storeCodes['Butikk A']!);
        world.now += MIN;
        const kari = await a.call('member.enrol', {
          phone: '98765432',
          acceptTerms: true,
          profile: { firstName: 'Kari' },
        });
        await sell(a, 'trust-sale-1', kari.member.memberId);
        await a.sync();

        const [catalogue] = rows(a, "type = 'catalogue.saved'");
        const [enrolled] = rows(a, "type = 'member.enrolled'");
        // A catalogue from the year 33658: applied, it would win over every later save and
        // move B's clock to where it overflows.
        const future = JSON.stringify({
          ...eventOf(catalogue!),
          id: newEventId(),
          hlc: '999999999999999-000000-evil',
        });
        // A first name with a lone surrogate, as JSON text can carry it and no database stores it.
        const badText = JSON.stringify({
          ...eventOf(enrolled!),
          id: newEventId(),
          memberId: 'member-bad-text',
          payload: {
            ...(eventOf(enrolled!).payload as object),
            qrToken: 'ljm-BADTEXTBADTEXTBADTEXT1',
            profile: { firstName: 'ANN_MARK' },
          },
        }).replace('ANN_MARK', 'Ann\\ud800e');
        const badShape = JSON.stringify({ id: 'nope', type: 'sale.committed', payload: 7 });
        // A type a newer till writes: kept, passed over, not a problem.
        const newer = JSON.stringify({
          ...eventOf(enrolled!),
          id: newEventId(),
          type: 'member.nickname_set',
          payload: { nickname: 'Kaka', at: T0, extra: { deep: [1, 2] } },
        });
        // A known event with a field this version does not know: kept as sent.
        const extraId = newEventId();
        const withExtra = JSON.stringify({
          ...eventOf(enrolled!),
          id: extraId,
          memberId: 'member-with-extra',
          payload: {
            ...(eventOf(enrolled!).payload as object),
            phoneE164: '+4790000009',
            memberNumber: memberNumberFor('29', 990_001),
            qrToken: 'ljm-EXTRAEXTRAEXTRAEXTRA01',
            favouriteBread: 'grovbrød',
          },
        });
        injector.inject(future, badText, badShape, newer, withExtra);

        const report = await b.service.sync.syncNow();
        expect(report.error).toBeNull();
        expect(report).toMatchObject({ ok: true, quarantined: 3 });
        expect(injector.injectedPages).toBe(1);
        // The rest of the page: A's member and sale are at B.
        const found = await b.call('member.lookup', { query: '98765432' }, b.cashier);
        expect(found.member?.memberId).toBe(kari.member.memberId);
        expect(rows(b, "type = 'sale.committed'").map((r) => r.member_id)).toContain(
          kari.member.memberId,
        );

        const status = b.service.sync.status();
        expect(status.state).toBe('online');
        expect(status.quarantined).toBe(3);
        expect(status.foreignEvents).toBe(1);
        expect(status.lastError?.code).toBe('events_set_aside');
        const codes = status.quarantine.map((q) => q.code).sort();
        expect(codes).toEqual(['clock_ahead', 'invalid_event', 'invalid_event']);
        for (const q of status.quarantine) {
          expect(q.direction).toBe('pulled');
          expect(render(q.text, 'nb').length).toBeGreaterThan(10);
        }
        expect(status.quarantine.find((q) => q.code === 'clock_ahead')?.type).toBe(
          'catalogue.saved',
        );
        // The unknown type is in B's log as it came; the extra field is kept on the known event.
        const [stored] = rows(b, "type = 'member.nickname_set'");
        expect(JSON.parse(stored!.payload)).toEqual({
          nickname: 'Kaka',
          at: T0,
          extra: { deep: [1, 2] },
        });
        expect(JSON.parse(rows(b, 'id = ?', extraId)[0]!.payload)).toMatchObject({
          favouriteBread: 'grovbrød',
        });
        // Nothing far-future reached B's clock, or its catalogue.
        expect(rows(b, "hlc >= '1'")).toHaveLength(0);
        world.now += MIN;
        const later = await sell(b, 'trust-sale-b', kari.member.memberId);
        expect(later.saleId).toBeTruthy();
        const [newest] = rows(b, "origin = 'local' ORDER BY hlc DESC LIMIT 1 --");
        expect(decodeHlc(newest!.hlc).wallMs).toBeLessThan(Date.now() + DAY);
        await b.sync();
        expect(b.service.sync.status()).toMatchObject({ pending: 0, quarantined: 3 });
      } finally {
        b.close();
        await injector.close();
        await s.close();
      }
    });

    it('reports quarantined events to the cloud once, and again after a failed report', async () => {
      const world: WorldClock = { now: T0 };
      const s = await scenario(cloud, world, [{ name: 'A' }]);
      const injector = await PullInjector.start(cloud.server.url);
      const b = await openSyncTill({ name: 'B', world });
      const refusedList = async () => {
        const response = await fetch(`${cloud.server.url}${ROUTES.refused}`, {
          headers: { authorization: `Bearer ${s.chain.adminToken}` },
        });
        expect(response.status).toBe(200);
        const body = (await response.json()) as {
          refused: Array<{ source: string; eventId: string | null; code: string; times: number }>;
        };
        return body.refused.filter((r) => r.source === 'quarantine');
      };
      try {
        await b.pair(injector.url, s.chain.storeCodes['Butikk A']!);
        const [catalogue] = rows(s.tills[0]!, "type = 'catalogue.saved'");
        const future = {
          ...eventOf(catalogue!),
          id: newEventId(),
          hlc: '999999999999999-000000-x',
        };
        injector.inject(JSON.stringify(future), JSON.stringify({ id: 'broken-1', type: 'x' }));
        // The cloud cannot take the report now (it answers, but not that route): the sync goes on.
        injector.failPath(ROUTES.quarantine, 503);
        const first = await b.service.sync.syncNow();
        expect(first).toMatchObject({ ok: true, quarantined: 2, error: null });
        expect(b.service.sync.status().quarantine.map((q) => q.reported)).toEqual([false, false]);
        expect(await refusedList()).toEqual([]);

        injector.failPath(ROUTES.quarantine, null);
        await b.sync();
        expect(b.service.sync.status().quarantine.map((q) => q.reported)).toEqual([true, true]);
        const listed = await refusedList();
        expect(listed.map((r) => [r.eventId, r.code]).sort()).toEqual(
          [
            [future.id, 'clock_ahead'],
            ['broken-1', 'invalid_event'],
          ].sort(),
        );
        // Once: later syncs do not report them again.
        await b.sync();
        expect((await refusedList()).map((r) => r.times)).toEqual([1, 1]);
      } finally {
        b.close();
        await injector.close();
        await s.close();
      }
    });

    it('keeps pulling and selling when two enrolments share a QR token, and lists the conflict', async () => {
      const world: WorldClock = { now: T0 };
      const s = await scenario(cloud, world, [{ name: 'A' }, { name: 'B' }]);
      let c: SyncTill | null = null;
      try {
        const [a, b] = s.tills as [SyncTill, SyncTill];
        world.now += MIN;
        const kari = await a.call('member.enrol', {
          phone: '98765432',
          acceptTerms: true,
          profile: { firstName: 'Kari' },
        });
        await a.sync();
        await b.sync();
        // B (a faulty version) enrols Ola with Kari's QR token.
        world.now += MIN;
        const [karisEnrolment] = rows(b, "type = 'member.enrolled'");
        const kariEvent = eventOf(karisEnrolment!);
        const ids = b.service.sync.status().cloud!;
        const ola = {
          ...kariEvent,
          id: newEventId(),
          storeId: s.chain.storeIds['Butikk B'],
          terminalId: ids.terminalId,
          hlc: encodeHlc({ wallMs: world.now, counter: 0, node: ids.terminalId }),
          memberId: 'member-ola-clash',
          payload: {
            ...(kariEvent.payload as Record<string, unknown>),
            phoneE164: '+4791234567',
            memberNumber: memberNumberFor('29', 990_002),
            profile: { ...(kariEvent.payload as { profile: object }).profile, firstName: 'Ola' },
            at: world.now,
          },
        };
        const { db } = openDatabase(databasePath(b.dir.dir));
        try {
          appendEvents(db, [ola], { origin: 'local' });
        } finally {
          db.close();
        }
        await b.sync();
        await a.sync();

        for (const till of [a, b]) {
          const conflicts = await till.call('sync.conflicts', {});
          expect(conflicts.local).toEqual([
            expect.objectContaining({
              kind: 'duplicate_qr_token',
              members: [
                expect.objectContaining({ memberId: kari.member.memberId }),
                expect.objectContaining({ memberId: 'member-ola-clash' }),
              ],
            }),
          ]);
          const scanned = await till.call(
            'member.lookup',
            { query: kari.member.qrToken },
            till.cashier,
          );
          expect(scanned.member?.memberId).toBe(kari.member.memberId);
          expect(scanned.clash).toEqual({
            kind: 'duplicate_qr_token',
            memberIds: [kari.member.memberId, 'member-ola-clash'],
          });
          world.now += MIN;
          await sell(till, `clash-sale-${till.name}`, kari.member.memberId);
          await till.sync();
        }
        // A till paired now pulls the whole chain, the clash included.
        c = await openSyncTill({ name: 'C', world });
        await c.pair(cloud.server.url, s.chain.storeCodes['Butikk A']!);
        const report = await c.sync();
        expect(report.quarantined).toBe(0);
        expect((await c.call('sync.conflicts', {})).local).toHaveLength(1);
      } finally {
        c?.close();
        await s.close();
      }
    });

    it('sells and enrols after a restart when the stored clock was poisoned (hlc.last far ahead)', async () => {
      const world: WorldClock = { now: T0 };
      const s = await scenario(cloud, world, [{ name: 'A' }]);
      try {
        const a = s.tills[0]!;
        for (const poisoned of [
          '999999999999999-zzzzzz-x',
          encodeHlc({ wallMs: T0 + 400 * DAY, counter: 0, node: 'evil' }),
        ]) {
          writeDb(a, (db) =>
            db.prepare("UPDATE settings SET value = ? WHERE key = 'hlc.last'").run(poisoned),
          );
          await a.restart();
          world.now += MIN;
          const enrolled = await a.call('member.enrol', {
            phone: poisoned.startsWith('9') ? '98700001' : '98700002',
            acceptTerms: true,
            profile: { firstName: 'Nina' },
          });
          const sale = await sell(a, `poisoned-${poisoned}`, enrolled.member.memberId);
          expect(sale.saleId).toBeTruthy();
          const mine = rows(a, "origin = 'local' AND member_id = ?", enrolled.member.memberId);
          expect(mine.length).toBeGreaterThanOrEqual(2);
          // Within the bound of the cloud's time (the till took its word on the pull, and the
          // chain's own events are stamped with it), far from the poisoned clock.
          for (const row of mine) expect(decodeHlc(row.hlc).wallMs).toBeLessThan(Date.now() + DAY);
          // The cloud takes them (its clock bound holds), so nothing stays behind.
          await a.sync();
          expect(a.service.sync.status().pending).toBe(0);
        }
      } finally {
        await s.close();
      }
    });

    it("tells a manager in words that the till's clock is wrong when the cloud refuses its events as ahead, and sells on once it is set right", async () => {
      const world: WorldClock = { now: T0 };
      const s = await scenario(cloud, world, [{ name: 'A' }]);
      try {
        const a = s.tills[0]!;
        // The till's wall clock three days ahead of the cloud's.
        world.now = Date.now() + 3 * DAY;
        const early = await sell(a, 'clock-ahead-sale');
        const report = await a.call('sync.now', {});
        expect(report).toMatchObject({ ok: true, rejected: 1 });
        const status = await a.call('sync.status', {}, a.manager);
        expect(saidNbEn(status.lastError)).toEqual({
          code: 'till_clock_ahead',
          text: {
            nb: expect.stringContaining('Klokken på kassen går mer enn 24 timer foran'),
            en: expect.stringContaining("The till's clock is more than 24 hours ahead"),
          },
        });
        expect(render(status.lastError!.text, 'nb')).toContain('Rett dato og klokkeslett');
        expect(render(status.lastError!.text, 'sv')).toContain('Ställ in rätt datum och klockslag');
        expect(saidNbEn(status.rejectedEvents)).toEqual([
          expect.objectContaining({
            code: 'clock_ahead',
            text: expect.objectContaining({
              nb: 'Klokken på kassen går for langt foran: sjekk dato og klokkeslett',
            }),
          }),
        ]);
        expect(status.pending).toBe(1);
        // The clock set right: the till sells, and its new sale reaches the cloud at once.
        world.now = Date.now();
        const later = await sell(a, 'clock-right-sale');
        expect(await a.call('sync.now', {})).toMatchObject({ ok: true, rejected: 1 });
        // The till's clock is no longer blamed: the old sale waits for its time.
        const after = await a.call('sync.status', {}, a.manager);
        expect(saidNbEn(after.lastError)).toEqual({
          code: 'events_dated_ahead',
          text: {
            nb: expect.stringContaining('mens klokken på kassen gikk mer enn 24 timer foran'),
            en: expect.stringContaining("while the till's clock was more than 24 hours ahead"),
          },
        });
        expect(after.pending).toBe(1);
        expect(later.saleId).not.toBe(early.saleId);
        const ids = (await cloudEvents(cloud, s.chain)).map((e) => e.id);
        const sales = rows(a, "type = 'sale.committed'");
        expect(sales).toHaveLength(2);
        // By clock: the sale made after the clock was set right sorts first.
        const [laterRow, earlyRow] = sales as [EventRow, EventRow];
        expect(decodeHlc(laterRow.hlc).wallMs).toBeLessThan(Date.now() + DAY);
        expect(decodeHlc(earlyRow.hlc).wallMs).toBeGreaterThan(Date.now() + 2 * DAY);
        expect(ids).toContain(laterRow.id);
        // The one stamped three days ahead waits in the outbox until the time comes within the bound.
        expect(ids).not.toContain(earlyRow.id);
      } finally {
        await s.close();
      }
    });

    it('sets aside a local event with a lone surrogate (an older version took it) when the cloud refuses it, and later events still reach it', async () => {
      const world: WorldClock = { now: T0 };
      const s = await scenario(cloud, world, [{ name: 'A' }]);
      const badId = newEventId();
      try {
        const a = s.tills[0]!;
        world.now += MIN;
        await a.call('member.enrol', { phone: '98765432', acceptTerms: true });
        const [mine] = rows(a, "type = 'member.enrolled' AND origin = 'local'");
        const source = eventOf(mine!);
        const payload = source.payload as Record<string, unknown>;
        // As the landed till stored "Ann\ud800e": JSON.stringify wrote the lone surrogate as an escape.
        const text = JSON.stringify({
          ...payload,
          memberNumber: memberNumberFor('29', 990_003),
          phoneE164: '+4790000003',
          qrToken: 'ljm-SURROGATESURROGATESUR1',
          profile: { ...(payload.profile as object), firstName: 'ANN_MARK' },
        }).replace('ANN_MARK', 'Ann\\ud800e');
        const { wallMs, node } = decodeHlc(mine!.hlc);
        writeDb(a, (db) =>
          db
            .prepare(
              `INSERT INTO events (id, chain_id, store_id, terminal_id, hlc, type, member_id, payload,
                 schema_version, received_at, pushed, origin)
               VALUES (?, ?, ?, ?, ?, 'member.enrolled', 'member-surrogate', ?, ?, ?, 0, 'local')`,
            )
            .run(
              badId,
              mine!.chain_id,
              mine!.store_id,
              mine!.terminal_id,
              encodeHlc({ wallMs, counter: 999, node }),
              text,
              mine!.schema_version,
              world.now,
            ),
        );
        // A later event of that member: the cloud never gets to know the member, so it goes aside too.
        const consentId = newEventId();
        writeDb(a, (db) =>
          db
            .prepare(
              `INSERT INTO events (id, chain_id, store_id, terminal_id, hlc, type, member_id, payload,
                 schema_version, received_at, pushed, origin)
               VALUES (?, ?, ?, ?, ?, 'member.consent_changed', 'member-surrogate', ?, ?, ?, 0, 'local')`,
            )
            .run(
              consentId,
              mine!.chain_id,
              mine!.store_id,
              mine!.terminal_id,
              encodeHlc({ wallMs, counter: 1000, node }),
              JSON.stringify({
                channel: 'sms',
                granted: false,
                termsVersion: 'v1',
                staffId: null,
                at: wallMs,
              }),
              mine!.schema_version,
              world.now,
            ),
        );
        world.now += MIN;
        const after = await sell(a, 'after-surrogate');

        const report = await a.service.sync.syncNow();
        expect(report.error).toBeNull();
        expect(report).toMatchObject({ ok: true, quarantined: 2, rejected: 0 });
        expect(a.service.sync.status()).toMatchObject({
          state: 'online',
          pending: 0,
          quarantine: [
            expect.objectContaining({ eventId: consentId, code: 'unknown_member' }),
            expect.objectContaining({ direction: 'local', eventId: badId, code: 'invalid_text' }),
          ],
        });
        const inCloud = new Set((await cloudEvents(cloud, s.chain)).map((e) => e.id));
        expect(inCloud.has(badId)).toBe(false);
        const [sold] = rows(
          a,
          "type = 'sale.committed' AND json_extract(payload, '$.saleId') = ?",
          after.saleId,
        );
        expect(inCloud.has(sold!.id)).toBe(true);
        expect((await a.sync()).pushed).toBe(0);
      } finally {
        writeDb(s.tills[0]!, (db) =>
          db.prepare("DELETE FROM events WHERE member_id = 'member-surrogate'").run(),
        );
        await s.close();
      }
    });

    it('sets aside a local event too large for the cloud, and later events still reach it', async () => {
      const world: WorldClock = { now: T0 };
      const s = await scenario(cloud, world, [{ name: 'A' }]);
      const bigId = newEventId();
      try {
        const a = s.tills[0]!;
        world.now += MIN;
        await sell(a, 'before-big');
        // What an older version let in: a sale with a 9 MB line id (above the cloud's body limit).
        const [last] = rows(a, "type = 'sale.committed' ORDER BY hlc DESC LIMIT 1 --");
        const payload = JSON.parse(last!.payload) as { lines: Array<{ lineId: string }> };
        payload.lines[0]!.lineId = 'L'.repeat(9 * 1024 * 1024);
        const { wallMs, node } = decodeHlc(last!.hlc);
        writeDb(a, (db) =>
          db
            .prepare(
              `INSERT INTO events (id, chain_id, store_id, terminal_id, hlc, type, member_id, payload,
                 schema_version, received_at, pushed, origin)
               VALUES (?, ?, ?, ?, ?, 'sale.committed', NULL, ?, ?, ?, 0, 'local')`,
            )
            .run(
              bigId,
              last!.chain_id,
              last!.store_id,
              last!.terminal_id,
              encodeHlc({ wallMs, counter: 999, node }),
              JSON.stringify(payload),
              last!.schema_version,
              world.now,
            ),
        );
        world.now += MIN;
        const after = [await sell(a, 'after-big-1'), await sell(a, 'after-big-2')];

        const report = await a.service.sync.syncNow();
        expect(report.error).toBeNull();
        expect(report).toMatchObject({ ok: true, quarantined: 1 });
        const status = a.service.sync.status();
        expect(status).toMatchObject({ state: 'online', pending: 0, quarantined: 1 });
        expect(status.lastError?.code).toBe('events_set_aside');
        expect(status.quarantine[0]).toMatchObject({
          direction: 'local',
          eventId: bigId,
          type: 'sale.committed',
          code: 'event_too_large',
        });
        const inCloud = new Set((await cloudEvents(cloud, s.chain)).map((e) => e.id));
        expect(inCloud.has(bigId)).toBe(false);
        for (const sale of after) {
          const [row] = rows(
            a,
            "type = 'sale.committed' AND json_extract(payload, '$.saleId') = ?",
            sale.saleId,
          );
          expect(inCloud.has(row!.id)).toBe(true);
        }
        // Kept on the till, out of the outbox.
        expect(rows(a, 'id = ? AND pushed = 2', bigId)).toHaveLength(1);
        // The next sync does not try it again.
        expect((await a.sync()).quarantined).toBe(0);
      } finally {
        // The shared close checks every local event parses; this one was written to not.
        writeDb(s.tills[0]!, (db) => db.prepare('DELETE FROM events WHERE id = ?').run(bigId));
        await s.close();
      }
    });
  });
}
