/**
 * Staff across the chain's tills through the real cloud: a cashier added at
 * till A logs in at till B; disabled at A, they no longer can at B; their
 * log-in at B shows at A; a staff change from a till's demo manager once the
 * chain has managers is refused by the cloud (not_allowed); a consent withdrawn
 * at A reaches B; and a PIN is never in clear in any event, the cloud's tables
 * or a till's files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../src/service/commands';
import { failure } from '../../src/service/testing';
import { backends, cloudEvents, startTestCloud } from './support/cloud';
import type { TestCloud } from './support/cloud';
import { scenario } from './support/scenario';
import { T0 } from './support/till';
import type { SyncTill, WorldClock } from './support/till';

const MIN = 60_000;
/** PINs long enough that finding their digits by chance in a file is out of the question. */
const LISE_PIN = '58203947';
const PER_PIN = '73519264';
const PER_NEW_PIN = '64028173';

async function logIn(till: SyncTill, pin: string): Promise<Session> {
  const login = await till.call('session.login', { pin }, { role: 'cashier', staffId: null });
  return till.service.sessionFromToken(login.sessionToken)!;
}

/** Every row of every table of the cloud's database, as text. */
async function cloudTablesText(cloud: TestCloud): Promise<string> {
  const db = cloud.server.database;
  const tables = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
  );
  expect(tables.map((t) => t.table_name)).toContain('events');
  let text = '';
  for (const { table_name } of tables) {
    const rows = await db.query<{ row: string }>(`SELECT t::text AS row FROM "${table_name}" t`);
    text += rows.map((r) => r.row).join('\n');
  }
  return text;
}

function tillFilesHold(till: SyncTill, needle: string): string[] {
  return readdirSync(till.dir.dir).filter((file) =>
    readFileSync(join(till.dir.dir, file)).includes(Buffer.from(needle)),
  );
}

for (const backend of await backends()) {
  const title = `staff across tills (${backend.name}${backend.unavailable ? `: skipped, ${backend.unavailable}` : ''})`;
  describe.skipIf(backend.unavailable !== null)(title, () => {
    let cloud: TestCloud;
    beforeAll(async () => {
      cloud = await startTestCloud(backend.name);
    });
    afterAll(async () => {
      await cloud?.dispose();
    });

    it('a cashier added at A logs in at B; disabled at A, they cannot at B; no PIN in clear anywhere', async () => {
      const world: WorldClock = { now: T0 };
      const s = await scenario(cloud, world, [{ name: 'A' }, { name: 'B' }]);
      try {
        const [a, b] = s.tills as [SyncTill, SyncTill];
        // The chain's first manager, added by A's demo manager (the chain has none yet).
        world.now += MIN;
        await a.call('staff.save', { name: 'Lise', role: 'manager', pin: LISE_PIN }, a.manager);
        const lise = await logIn(a, LISE_PIN);
        world.now += MIN;
        const per = await a.call(
          'staff.save',
          { name: 'Per', role: 'cashier', pin: PER_PIN },
          lise,
        );
        // Not at B before sync.
        expect(await failure(b.call('session.login', { pin: PER_PIN }))).toMatchObject({
          code: 'wrong_pin',
        });
        await s.syncAll();

        world.now += MIN;
        const atB = await b.call('session.login', { pin: PER_PIN });
        expect(atB).toMatchObject({ staffId: per.staffId, name: 'Per', role: 'cashier' });
        expect((await b.call('staff.names', {})).map((n) => n.name)).toContain('Per');
        // By name too (the log-in screen's buttons).
        expect(
          (await b.call('session.login', { pin: PER_PIN, staffId: per.staffId })).staffId,
        ).toBe(per.staffId);
        const loggedInAt = world.now;
        await s.syncAll();
        // A sees Per's last log-in, at B.
        const bTerminal = b.readDb(
          (db) =>
            db
              .prepare("SELECT value FROM settings WHERE key = 'terminal.terminal_id'")
              .pluck()
              .get() as string,
        );
        const seenAtA = (await a.call('staff.list', {}, lise)).find(
          (m) => m.staffId === per.staffId,
        );
        expect(seenAtA).toMatchObject({
          active: true,
          chainWide: true,
          lastLoginAt: loggedInAt,
          lastLoginTerminalId: bTerminal,
        });

        // A new PIN at A works at B, the old one no longer.
        world.now += MIN;
        await a.call(
          'staff.save',
          { staffId: per.staffId, name: 'Per', role: 'cashier', pin: PER_NEW_PIN },
          lise,
        );
        await s.syncAll();
        const perAtB = await b.call('session.login', { pin: PER_NEW_PIN });
        expect(perAtB.staffId).toBe(per.staffId);
        expect(b.service.sessionFromToken(perAtB.sessionToken)).not.toBeNull();
        expect(await failure(b.call('session.login', { pin: PER_PIN }))).toMatchObject({
          code: 'wrong_pin',
        });

        // Disabled at A: refused at B, by PIN and by name, and gone from B's log-in screen.
        world.now += MIN;
        await a.call(
          'staff.save',
          { staffId: per.staffId, name: 'Per', role: 'cashier', active: false },
          lise,
        );
        await s.syncAll();
        expect(await failure(b.call('session.login', { pin: PER_NEW_PIN }))).toMatchObject({
          code: 'wrong_pin',
          status: 401,
        });
        expect(
          await failure(b.call('session.login', { pin: PER_NEW_PIN, staffId: per.staffId })),
        ).toMatchObject({ code: 'unknown_staff' });
        expect((await b.call('staff.names', {})).map((n) => n.name)).not.toContain('Per');
        // The session Per had open at B ends with it.
        expect(b.service.sessionFromToken(perAtB.sessionToken)).toBeNull();

        // B's demo manager is no manager of the chain: the cloud refuses their staff change,
        // keeps it visible on B, and everything else goes on.
        world.now += MIN;
        const sneaky = await b.call(
          'staff.save',
          { name: 'Eve', role: 'manager', pin: '80604020' },
          b.manager,
        );
        const report = await b.sync();
        expect(report.rejected).toBe(1);
        const status = await b.call('sync.status', {}, b.manager);
        expect(status.rejectedEvents?.[0]).toMatchObject({ code: 'not_allowed' });
        await a.sync();
        expect((await a.call('staff.list', {}, lise)).map((m) => m.staffId)).not.toContain(
          sneaky.staffId,
        );

        // The PINs: in no event the cloud holds, none of its tables, no till's files.
        const events = await cloudEvents(cloud, s.chain);
        expect(events.filter((e) => e.type === 'staff.saved')).toHaveLength(4);
        expect(events.filter((e) => e.type === 'staff.logged_in').length).toBeGreaterThan(1);
        const eventText = JSON.stringify(events);
        const tablesText = await cloudTablesText(cloud);
        expect(tablesText).toContain(per.staffId);
        for (const pin of [LISE_PIN, PER_PIN, PER_NEW_PIN, '80604020']) {
          expect(eventText).not.toContain(pin);
          expect(tablesText).not.toContain(pin);
          expect(tillFilesHold(a, pin)).toEqual([]);
          expect(tillFilesHold(b, pin)).toEqual([]);
        }
      } finally {
        await s.close();
      }
    });

    it('a consent withdrawn at A reaches B', async () => {
      const world: WorldClock = { now: T0 };
      const s = await scenario(cloud, world, [{ name: 'A' }, { name: 'B' }]);
      try {
        const [a, b] = s.tills as [SyncTill, SyncTill];
        world.now += MIN;
        const enrolled = await a.call('member.enrol', {
          phone: '98765432',
          acceptTerms: true,
          consents: { sms: true, email: true },
        });
        const memberId = enrolled.member.memberId;
        await s.syncAll();
        expect((await b.call('member.get', { memberId }, b.cashier)).consents).toEqual({
          sms: true,
          email: true,
        });
        // The cashier withdraws SMS on the member's word.
        world.now += MIN;
        await a.call('member.consent', { memberId, channel: 'sms', granted: false }, a.cashier);
        await s.syncAll();
        expect((await b.call('member.get', { memberId }, b.cashier)).consents).toEqual({
          sms: false,
          email: true,
        });
      } finally {
        await s.close();
      }
    });
  });
}
