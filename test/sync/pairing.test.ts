/**
 * Pairing and the till's life around it: unpaired and working, paired from
 * the environment with sync in the background, the demo seed replaced by the
 * chain's programme, another chain's customers refused, a chain's own earlier
 * events adopted, the token kept in the till's database and out of every log,
 * and a till that keeps selling offline and catches up on its own.
 */
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { saidNbEn } from '../helpers/said';
import type { Notification } from '../../src/service';
import { PairingError, syncSettingsFromEnv } from '../../src/sync';
import { ROUTES } from '../../src/sync/protocol';
import { FaultyProxy } from '../helpers/faulty-proxy';
import { backends, cloudEvents, newChain, startTestCloud } from './support/cloud';
import type { TestCloud } from './support/cloud';
import { CATALOGUE, CHAIN_PROGRAMME } from './support/scenario';
import { openSyncTill, T0 } from './support/till';
import type { SyncTill, WorldClock } from './support/till';

const MIN = 60_000;

/** Polls until `check` passes (background sync runs on its own timers). */
async function eventually(check: () => Promise<void> | void, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

async function failsWith(promise: Promise<unknown>): Promise<PairingError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PairingError) return error;
    throw error;
  }
  throw new Error('expected pairing to fail');
}

for (const backend of await backends()) {
  const title = `pairing (${backend.name}${backend.unavailable ? `: skipped, ${backend.unavailable}` : ''})`;
  describe.skipIf(backend.unavailable !== null)(title, () => {
    let cloud: TestCloud;
    const open: SyncTill[] = [];
    const proxies: FaultyProxy[] = [];
    beforeAll(async () => {
      cloud = await startTestCloud(backend.name);
    });
    afterEach(async () => {
      for (const till of open.splice(0)) till.close();
      for (const proxy of proxies.splice(0)) await proxy.close();
      vi.restoreAllMocks();
    });
    afterAll(async () => {
      await cloud?.dispose();
    });

    async function till(name: string, options: Partial<Parameters<typeof openSyncTill>[0]> = {}) {
      const t = await openSyncTill({ name, world: { now: T0 }, ...options });
      open.push(t);
      return t;
    }

    it('works unpaired and says so', async () => {
      const t = await till('solo');
      const status = await t.call('status.get', {});
      expect(status.sync).toEqual({ state: 'unpaired', pending: 2, lastSyncAt: null });
      const report = await t.service.sync.syncNow();
      expect(saidNbEn(report)).toMatchObject({
        ok: false,
        error: { code: 'unpaired', text: { nb: 'Kassen er ikke koblet til kjedens sky.' } },
      });
      const { created } = await t.call('member.enrol', { phone: '98765432', acceptTerms: true });
      expect(created).toBe(true);
      expect(t.service.sync.status()).toMatchObject({ state: 'unpaired', pending: 3, cloud: null });
    });

    it('pairs from LOJAL_CLOUD_URL and LOJAL_STORE_CODE, syncs in the background, and never logs the token', async () => {
      const logged: string[] = [];
      for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
        vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
          logged.push(args.map((a) => inspect(a, { depth: 10 })).join(' '));
        });
      }
      const chain = await newChain(cloud, ['Sentrum'], CHAIN_PROGRAMME);
      const world: WorldClock = { now: T0 };
      const env = syncSettingsFromEnv({
        LOJAL_CLOUD_URL: cloud.server.url,
        LOJAL_STORE_CODE: chain.storeCodes.Sentrum!.toLowerCase(),
        LOJAL_TERMINAL_NAME: 'Kasse 1',
      });
      const t = await till('env', {
        world,
        sync: { ...env, background: true, intervalMs: 200, nudgeDelayMs: 10 },
      });
      const heard: Notification[] = [];
      t.service.subscribe((n) => heard.push(n));

      await eventually(async () => {
        expect((await t.call('programme.get', {})).name).toBe('Kjedebakeriet');
        expect((await t.call('status.get', {})).sync.state).toBe('online');
      });
      const paired = t.service.sync.status().cloud!;
      expect(paired.chainName).toBe(chain.name);
      expect(paired.storeName).toBe('Sentrum');
      // The demo chain's seed was dropped, not pushed into the chain.
      expect(
        t.readDb((db) =>
          db.prepare('SELECT count(*) FROM events WHERE chain_id <> ?').pluck().get(chain.chainId),
        ),
      ).toBe(0);
      expect((await t.call('status.get', {})).terminalId).toBe(paired.terminalId);

      // A local change is pushed soon, by the background loop, under the paired identity.
      await t.call('catalogue.save', { products: CATALOGUE });
      const { member } = await t.call('member.enrol', { phone: '98765432', acceptTerms: true });
      await eventually(async () => {
        expect((await t.call('status.get', {})).sync.pending).toBe(0);
      });
      const inCloud = (await cloudEvents(cloud, chain)).find((e) => e.memberId === member.memberId);
      expect(inCloud).toMatchObject({
        chainId: chain.chainId,
        storeId: chain.storeIds.Sentrum,
        terminalId: paired.terminalId,
      });
      expect(heard).toContainEqual(
        expect.objectContaining({ type: 'sync', state: 'online', pending: 0 }),
      );

      // The token is in the till's database, durable; it is nowhere else.
      const pairing = t.readDb(
        (db) =>
          db
            .prepare("SELECT value FROM sync_state WHERE key = 'cloud.pairing'")
            .pluck()
            .get() as string,
      );
      const token = (JSON.parse(pairing) as { token: string }).token;
      expect(token).toMatch(/^lojal_t_/);
      expect(inspect(t.service.sync, { depth: 10, showHidden: true })).not.toContain(token);
      expect(JSON.stringify(t.service.sync.status())).not.toContain(token);
      expect(JSON.stringify(heard)).not.toContain(token);
      for (const line of logged) expect(line).not.toContain(token);

      // Still paired after a restart, as the same terminal.
      await t.restart();
      expect((await t.call('status.get', {})).terminalId).toBe(paired.terminalId);
      expect(t.service.sync.status()).toMatchObject({ state: 'online', pending: 0 });
    });

    it('refuses to pair a till that holds another chain’s members, and keeps working', async () => {
      const chain = await newChain(cloud, ['Torget'], CHAIN_PROGRAMME);
      const t = await till('demo-sales');
      const { member } = await t.call('member.enrol', { phone: '98765432', acceptTerms: true });
      const error = await failsWith(
        t.service.sync.pair(cloud.server.url, chain.storeCodes.Torget!),
      );
      expect(error.code).toBe('foreign_chain_data');
      expect(error.message).toMatch(/1 member\(s\).*another chain \(demo\).*fresh data folder/);
      expect(t.service.sync.status().state).toBe('unpaired');
      expect((await t.call('member.get', { memberId: member.memberId })).memberId).toBe(
        member.memberId,
      );
      expect((await t.call('programme.get', {})).name).toBe('Bakeriet');
    });

    it('adopts what a till set up for the chain recorded before pairing, under the paired ids', async () => {
      const chain = await newChain(cloud, ['Bryggen'], CHAIN_PROGRAMME);
      const world: WorldClock = { now: T0 };
      const t = await till('pre', {
        world,
        terminal: { chainId: chain.chainId, storeId: 'not-yet', terminalId: 'pre-pairing' },
      });
      const before = await t.call('member.enrol', { phone: '41234567', acceptTerms: true });
      world.now += MIN;
      await t.pair(cloud.server.url, chain.storeCodes.Bryggen!);
      const paired = t.service.sync.status().cloud!;
      world.now += MIN;
      const after = await t.call('member.enrol', { phone: '41234568', acceptTerms: true });
      await t.sync();
      const events = await cloudEvents(cloud, chain);
      for (const memberId of [before.member.memberId, after.member.memberId]) {
        expect(events.find((e) => e.memberId === memberId)).toMatchObject({
          chainId: chain.chainId,
          terminalId: paired.terminalId,
        });
      }
      // The enrolment's projection tells the paired store too.
      const detail = await t.call('member.export', { memberId: before.member.memberId });
      expect((detail.enrolment as { terminalId: string }).terminalId).toBe(paired.terminalId);
      expect(t.service.sync.status().pending).toBe(0);

      // Opened again with its old ids as an option, it is still who the pairing says.
      await t.restart();
      expect((await t.call('status.get', {})).terminalId).toBe(paired.terminalId);
      world.now += MIN;
      const later = await t.call('member.enrol', { phone: '41234569', acceptTerms: true });
      await t.sync();
      expect(
        (await cloudEvents(cloud, chain)).find((e) => e.memberId === later.member.memberId),
      ).toMatchObject({
        terminalId: paired.terminalId,
      });
    });

    it('carries staff saved before pairing into the chain and drops their log-ins there', async () => {
      const chain = await newChain(cloud, ['Strandgaten', 'Kaien'], CHAIN_PROGRAMME);
      const world: WorldClock = { now: T0 };
      // A till set up on its own first (its demo chain): its first manager, who logs in.
      const t = await till('template', { world });
      const anne = await t.call('staff.save', { name: 'Anne', role: 'manager', pin: '24681357' });
      const session = await t.call('session.login', { pin: '24681357' });
      expect(session.staffId).toBe(anne.staffId);
      world.now += MIN;
      await t.pair(cloud.server.url, chain.storeCodes.Strandgaten!);
      const paired = t.service.sync.status().cloud!;
      await t.sync();
      const events = await cloudEvents(cloud, chain);
      const saves = events.filter((e) => e.type === 'staff.saved');
      expect(saves).toHaveLength(1);
      expect(saves[0]).toMatchObject({
        chainId: chain.chainId,
        terminalId: paired.terminalId,
        payload: { employeeId: anne.staffId, role: 'manager' },
      });
      // The log-in was the demo chain's: dropped, not carried.
      expect(events.filter((e) => e.type === 'staff.logged_in')).toEqual([]);
      expect(
        t.readDb((db) =>
          db.prepare('SELECT count(*) FROM events WHERE chain_id <> ?').pluck().get(chain.chainId),
        ),
      ).toBe(0);
      // Anne is the chain's: she logs in here and at the chain's other till.
      expect((await t.call('session.login', { pin: '24681357' })).staffId).toBe(anne.staffId);
      const other = await till('other', { world });
      await other.pair(cloud.server.url, chain.storeCodes.Kaien!);
      await other.sync();
      expect((await other.call('session.login', { pin: '24681357' })).staffId).toBe(anne.staffId);
    });

    it('explains a wrong store code and a cloud address that would send the token in the clear', async () => {
      const t = await till('wrong');
      const unknown = await failsWith(t.service.sync.pair(cloud.server.url, '0000-0000'));
      expect(unknown.code).toBe('store_code_not_found');
      expect(unknown.message).toMatch(/no store has this code/);
      const insecure = await failsWith(t.service.sync.pair('http://cloud.example.no', '7K4M-Q2XP'));
      expect(insecure.code).toBe('invalid_cloud_url');
      expect(insecure.message).toMatch(/https/);
      const nowhere = await failsWith(t.service.sync.pair('http://127.0.0.1:1', '7K4M-Q2XP'));
      expect(nowhere.code).toBe('cloud_unavailable');
      expect(t.service.sync.status().state).toBe('unpaired');
    });

    it('keeps selling with the cloud gone, backs off, and catches up by itself when it is back', async () => {
      const chain = await newChain(cloud, ['Kaien'], CHAIN_PROGRAMME);
      const proxy = await FaultyProxy.start(cloud.server.url);
      proxies.push(proxy);
      const world: WorldClock = { now: T0 };
      const t = await till('offline', {
        world,
        sync: {
          background: true,
          intervalMs: 100,
          nudgeDelayMs: 10,
          backoff: { initialMs: 40, maxMs: 400 },
        },
      });
      await t.pair(proxy.url, chain.storeCodes.Kaien!);
      await t.call('catalogue.save', { products: CATALOGUE });
      await eventually(async () => expect((await t.call('status.get', {})).sync.pending).toBe(0));
      const heard: Notification[] = [];
      t.service.subscribe((n) => heard.push(n));

      // The cloud goes away: every connection is cut before it reaches the cloud.
      proxy.addRule({ times: Infinity, faults: [{ kind: 'reset' }] });
      const { member } = await t.call('member.enrol', { phone: '98765432', acceptTerms: true });
      world.now += MIN;
      await t.call('sale.commit', {
        lines: [{ sku: 'kaffe-liten', quantity: 2 }],
        memberId: member.memberId,
        idempotencyKey: 'offline-sale-1',
        paymentMethod: 'card',
      });
      await eventually(async () =>
        expect((await t.call('status.get', {})).sync).toMatchObject({
          state: 'offline',
          pending: 2,
        }),
      );
      expect(saidNbEn(t.service.sync.status().lastError)).toMatchObject({
        code: 'unreachable',
        text: { nb: expect.stringMatching(/^Skyen svarer ikke/) as unknown },
      });
      expect(heard).toContainEqual(expect.objectContaining({ type: 'sync', state: 'offline' }));
      // Retries back off: the waits grow (40 ms doubling, capped at 400 ms, jitter fixed at half).
      // An attempt whose connection is cut before an answer is sent again at once, a few
      // times (a kept-alive connection may have gone stale): sends within 15 ms are one try.
      // The announcement request keeps its own backoff (src/sync/announce.ts): not a sync's try.
      const attempts = () =>
        proxy.log
          .filter((r) => r.faults.includes('reset') && !r.path.startsWith(ROUTES.announcements))
          .map((r) => r.at)
          .filter((at, i, all) => i === 0 || at - all[i - 1]! > 15);
      await eventually(() => expect(attempts().length).toBeGreaterThanOrEqual(8), 5_000);
      const tries = attempts();
      const waits = tries.slice(1).map((at, i) => at - tries[i]!);
      // Timers never fire early, so from the fifth on a wait is at least 300 ms; the first is
      // 30 ms plus overhead. The longest of the later waits is judged: on a loaded machine an
      // at-once resend can come more than 15 ms late, split one try in two and shorten one wait.
      const longest = Math.max(...waits.slice(4));
      expect(longest).toBeGreaterThanOrEqual(290);
      expect(waits[0]!).toBeLessThan(longest / 2);

      proxy.clearRules();
      await eventually(async () =>
        expect((await t.call('status.get', {})).sync).toMatchObject({
          state: 'online',
          pending: 0,
        }),
      );
      const inCloud = await cloudEvents(cloud, chain);
      expect(inCloud.filter((e) => e.memberId === member.memberId)).toHaveLength(2);
    });
  });
}
