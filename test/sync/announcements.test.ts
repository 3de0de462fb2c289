/**
 * New events announced: real tills (their own services on their own SQLite
 * files, background sync on with a 10-minute interval, so only an
 * announcement can bring news in a test's time) and the real cloud on
 * 127.0.0.1, through a TCP proxy that cuts every connection idle for more
 * than a second, as some NAT boxes and proxies do. A member enrolled at till A
 * is in till B's own database by the announcement; the announcement
 * connection comes back after the cloud restarts; a till of another chain is
 * never told; a cloud without the route (404) leaves the tills polling; and a
 * push in flight collects what arrives meanwhile into the next push.
 */
import { createServer as createHttpServer, request as httpRequest } from 'node:http';
import type { Server as HttpServer } from 'node:http';
import { connect, createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../src/sync/protocol';
import { PUSH_BATCHES_IN_FLIGHT } from '../../src/sync/push';
import { laneOf } from '../../src/sync/push-lanes';
import { FaultyProxy } from '../helpers/faulty-proxy';
import { backends, newChain, startTestCloud } from './support/cloud';
import type { TestCloud } from './support/cloud';
import { CHAIN_PROGRAMME } from './support/scenario';
import { openSyncTill, T0 } from './support/till';
import type { SyncTill } from './support/till';

const TEN_MINUTES = 10 * 60_000;
const IDLE_CUT_MS = 1_000;

async function eventually(check: () => Promise<void> | void, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A TCP proxy on 127.0.0.1 that cuts a connection once nothing crossed it for `idleMs`. */
class IdleCuttingProxy {
  cuts = 0;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
    private upstreamPort: number,
  ) {}

  static async start(upstreamPort: number, idleMs: number): Promise<IdleCuttingProxy> {
    let proxy: IdleCuttingProxy | null = null;
    const server = createServer((client) => proxy!.pipe(client, idleMs));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (typeof address !== 'object' || address === null) throw new Error('no address');
    proxy = new IdleCuttingProxy(server, address.port, upstreamPort);
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  retarget(upstreamPort: number): void {
    this.upstreamPort = upstreamPort;
  }

  private pipe(client: Socket, idleMs: number): void {
    const upstream = connect(this.upstreamPort, '127.0.0.1');
    this.sockets.add(client).add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    // Idle means no byte either way: the client socket's timeout counts reads and writes.
    client.setTimeout(idleMs, () => {
      this.cuts += 1;
      end();
    });
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** An older cloud in front of the real one: every route but the announcements' is passed on. */
async function olderCloud(
  upstreamPort: number,
): Promise<{ url: string; close(): Promise<void>; refused: number }> {
  const state = { refused: 0 };
  const server: HttpServer = createHttpServer((req, res) => {
    if ((req.url ?? '').startsWith(ROUTES.announcements)) {
      state.refused += 1;
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error: {
            code: 'not_found',
            message: `no route GET ${ROUTES.announcements}`,
            field: null,
          },
        }),
      );
      return;
    }
    const forward = httpRequest(
      {
        host: '127.0.0.1',
        port: upstreamPort,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('no address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    get refused() {
      return state.refused;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function memberIn(till: SyncTill, memberId: string): boolean {
  return (
    till.readDb((db) =>
      db.prepare('SELECT count(*) FROM members WHERE member_id = ?').pluck().get(memberId),
    ) === 1
  );
}

function portOf(cloud: TestCloud): number {
  return cloud.server.port;
}

for (const backend of await backends()) {
  const title = `announcements (${backend.name}${backend.unavailable ? `: skipped, ${backend.unavailable}` : ''})`;
  describe.skipIf(backend.unavailable !== null)(title, () => {
    let cloud: TestCloud;
    const open: SyncTill[] = [];
    const closers: Array<() => Promise<void>> = [];

    beforeAll(async () => {
      // Spaces every 250 ms while a request is held: the proxy below cuts after 1 s of silence.
      cloud = await startTestCloud(backend.name, {}, { announcementHeartbeatMs: 250 });
    });
    afterEach(async () => {
      for (const till of open.splice(0)) till.close();
      for (const close of closers.splice(0)) await close();
      await cloud.ensureRunning();
    });
    afterAll(async () => {
      await cloud?.dispose();
    });

    /** A till syncing in the background every 10 minutes (so never within a test), paired at `url`. */
    async function till(name: string, url: string, storeCode: string, intervalMs = TEN_MINUTES) {
      const t = await openSyncTill({
        name,
        world: { now: T0 },
        sync: {
          background: true,
          intervalMs,
          backoff: { initialMs: 50, maxMs: 400 },
          requestTimeoutMs: 5_000,
        },
      });
      open.push(t);
      await t.pair(url, storeCode);
      // Paired, first sync done, the announcement request held.
      await eventually(() => {
        const status = t.service.sync.status();
        expect(status.lastSyncAt).not.toBeNull();
        expect(status.pending).toBe(0);
        expect(t.service.sync.announcements().state).toBe('listening');
      });
      return t;
    }

    async function idleCuttingProxy(): Promise<IdleCuttingProxy> {
      const proxy = await IdleCuttingProxy.start(portOf(cloud), IDLE_CUT_MS);
      closers.push(() => proxy.close());
      return proxy;
    }

    it('a member enrolled at till A is in till B’s own database by the announcement, through a proxy cutting idle connections', async () => {
      const chain = await newChain(cloud, ['Sentrum', 'Bryggen'], CHAIN_PROGRAMME);
      const proxy = await idleCuttingProxy();
      const a = await till('a', proxy.url, chain.storeCodes.Sentrum!);
      const b = await till('b', proxy.url, chain.storeCodes.Bryggen!);
      const heardBefore = b.service.sync.announcements().heard;

      const { member } = await a.call('member.enrol', { phone: '91234567', acceptTerms: true });
      await eventually(() => expect(memberIn(b, member.memberId)).toBe(true));
      expect(b.service.sync.announcements().heard).toBeGreaterThan(heardBefore);

      // Longer than the proxy lets a silent connection live: idle keep-alive connections are cut,
      // the held request is not (the cloud's spaces cross it), and the next news comes the same way.
      await sleep(IDLE_CUT_MS * 2);
      expect(proxy.cuts).toBeGreaterThan(0);
      const failures = b.service.sync.announcements().failures;
      const second = await a.call('member.enrol', { phone: '91234568', acceptTerms: true });
      await eventually(() => expect(memberIn(b, second.member.memberId)).toBe(true));
      expect(b.service.sync.announcements()).toMatchObject({ state: 'listening', failures });
    });

    it('the announcement connection comes back after the cloud restarts (with backoff)', async () => {
      const chain = await newChain(cloud, ['Sentrum', 'Bryggen'], CHAIN_PROGRAMME);
      const proxy = await idleCuttingProxy();
      const a = await till('a', proxy.url, chain.storeCodes.Sentrum!);
      const b = await till('b', proxy.url, chain.storeCodes.Bryggen!);

      await cloud.stop();
      await eventually(() => {
        expect(b.service.sync.announcements().state).toBe('reconnecting');
        expect(b.service.sync.announcements().failures).toBeGreaterThan(1);
      });
      await cloud.restart();
      proxy.retarget(portOf(cloud));
      await eventually(() => {
        expect(a.service.sync.announcements()).toMatchObject({ state: 'listening', failures: 0 });
        expect(b.service.sync.announcements()).toMatchObject({ state: 'listening', failures: 0 });
      });

      const { member } = await a.call('member.enrol', { phone: '92345678', acceptTerms: true });
      await eventually(() => expect(memberIn(b, member.memberId)).toBe(true));
    });

    it('a till of another chain is never told', async () => {
      const chain = await newChain(cloud, ['Sentrum', 'Bryggen'], CHAIN_PROGRAMME);
      const other = await newChain(cloud, ['Torget'], CHAIN_PROGRAMME);
      const a = await till('a', cloud.server.url, chain.storeCodes.Sentrum!);
      const b = await till('b', cloud.server.url, chain.storeCodes.Bryggen!);
      const c = await till('c', cloud.server.url, other.storeCodes.Torget!);
      const heardC = c.service.sync.announcements().heard;
      const lastSyncC = c.service.sync.status().lastSyncAt;

      const { member } = await a.call('member.enrol', { phone: '93456789', acceptTerms: true });
      await eventually(() => expect(memberIn(b, member.memberId)).toBe(true));
      // B heard it through the same wake-up C would have: give a wrongly told C the time to sync.
      await sleep(300);
      expect(c.service.sync.announcements()).toMatchObject({ state: 'listening', heard: heardC });
      expect(c.service.sync.status().lastSyncAt).toBe(lastSyncC);
      expect(memberIn(c, member.memberId)).toBe(false);
    });

    it('polling still brings news when the cloud refuses announcements (an older cloud: 404)', async () => {
      const chain = await newChain(cloud, ['Sentrum', 'Bryggen'], CHAIN_PROGRAMME);
      const older = await olderCloud(portOf(cloud));
      closers.push(() => older.close());
      const a = await openSyncTill({
        name: 'a',
        world: { now: T0 },
        sync: { background: true, intervalMs: TEN_MINUTES, requestTimeoutMs: 5_000 },
      });
      open.push(a);
      await a.pair(older.url, chain.storeCodes.Sentrum!);
      const b = await openSyncTill({
        name: 'b',
        world: { now: T0 },
        sync: { background: true, intervalMs: 1_000, requestTimeoutMs: 5_000 },
      });
      open.push(b);
      await b.pair(older.url, chain.storeCodes.Bryggen!);
      await eventually(() => {
        expect(b.service.sync.announcements().state).toBe('unsupported');
        expect(b.service.sync.status().state).toBe('online');
      });

      const { member } = await a.call('member.enrol', { phone: '94567890', acceptTerms: true });
      await eventually(() => expect(memberIn(b, member.memberId)).toBe(true));
      expect(b.service.sync.announcements()).toMatchObject({ state: 'unsupported', heard: 0 });
      expect(b.service.sync.status().lastError).toBeNull();
      expect(older.refused).toBeGreaterThanOrEqual(2);
    });

    it('a push in flight collects what arrives meanwhile into one next push, sent right after it', async () => {
      const chain = await newChain(cloud, ['Sentrum'], CHAIN_PROGRAMME);
      const proxy = await FaultyProxy.start(cloud.server.url);
      closers.push(() => proxy.close());
      const a = await till('a', proxy.url, chain.storeCodes.Sentrum!);
      const pushesBefore = proxy.log.filter((r) => r.path.startsWith(ROUTES.push)).length;

      // The next push is held at the proxy until three more members are enrolled.
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      proxy.addRule({ path: ROUTES.push, faults: [{ kind: 'before', run: () => gate }] });
      await a.call('member.enrol', { phone: '95000001', acceptTerms: true });
      await eventually(() =>
        expect(proxy.log.filter((r) => r.path.startsWith(ROUTES.push)).length).toBe(
          pushesBefore + 1,
        ),
      );
      const meanwhile: string[] = [];
      for (const phone of ['95000002', '95000003', '95000004'])
        meanwhile.push(
          (await a.call('member.enrol', { phone, acceptTerms: true })).member.memberId,
        );
      expect(a.service.sync.status().pending).toBeGreaterThanOrEqual(4);
      release();

      await eventually(() => expect(a.service.sync.status().pending).toBe(0));
      const pushes = proxy.log.filter((r) => r.path.startsWith(ROUTES.push));
      // The held one and one more push with the three (no timer: the interval is 10 minutes).
      // That push sends a request per lane its members fall in (src/sync/push-lanes.ts).
      const lanes = new Set(
        meanwhile.map((memberId) =>
          laneOf({ id: '', type: 'member.enrolled', member_id: memberId }, PUSH_BATCHES_IN_FLIGHT),
        ),
      );
      expect(pushes.length).toBe(pushesBefore + 1 + lanes.size);
      expect(pushes.every((r) => r.status === 200)).toBe(true);
    });
  });
}
