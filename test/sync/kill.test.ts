/**
 * A till process killed with SIGKILL between committing a sale and getting it
 * acknowledged by the cloud: once right after the commit (nothing sent yet),
 * once while its push is on the way (the cloud stores it after the till died,
 * and the till, never told, sends it again). Reopened, the till syncs and
 * everyone ends equal, with every event once.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, cloudEvents, startTestCloud } from './support/cloud';
import type { TestCloud } from './support/cloud';
import { expectConverged } from './support/converge';
import { scenario } from './support/scenario';
import { HOUR, T0 } from './support/till';
import type { SyncTill, WorldClock } from './support/till';
import type { FaultyProxy } from '../helpers/faulty-proxy';

const CHILD = fileURLToPath(new URL('./support/till-child.ts', import.meta.url));

interface Killed {
  saleId: string;
  memberId: string;
}

/** Runs the child till, and kills it when `ready` says so (given what it printed). */
function runAndKill(
  dataDir: string,
  mode: 'commit' | 'push',
  ready: (out: string) => Promise<boolean> | boolean,
): Promise<Killed> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, mode], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let killed = false;
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      void (async () => {
        if (killed || !(await ready(out))) return;
        killed = true;
        child.kill('SIGKILL');
      })();
    });
    child.on('exit', (code, signal) => {
      const line = /committed (\S+) (\S+)\n/.exec(out);
      if (signal === 'SIGKILL' && line) resolve({ saleId: line[1]!, memberId: line[2]! });
      else
        reject(new Error(`the child till ended (${signal ?? code}) before it was killed: ${err}`));
    });
  });
}

async function untilPushSeen(proxy: FaultyProxy): Promise<boolean> {
  for (let i = 0; i < 400; i++) {
    if (proxy.log.some((r) => r.path === '/v1/sync/push')) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the child never pushed');
}

for (const backend of await backends()) {
  const title = `a till killed between commit and push (${backend.name}${backend.unavailable ? `: skipped, ${backend.unavailable}` : ''})`;
  describe.skipIf(backend.unavailable !== null)(title, () => {
    let cloud: TestCloud;
    beforeAll(async () => {
      cloud = await startTestCloud(backend.name);
    });
    afterAll(async () => {
      await cloud?.dispose();
    });

    for (const mode of ['commit', 'push'] as const) {
      it(
        mode === 'commit'
          ? 'keeps a sale committed just before the kill and pushes it after restart'
          : 'sends again a push cut off by the kill, which the cloud stored once',
        async () => {
          const world: WorldClock = { now: T0 };
          const s = await scenario(cloud, world, [{ name: 'A', proxied: true }, { name: 'B' }]);
          try {
            const [a] = s.tills as [SyncTill, SyncTill];
            const proxy = s.proxies.get('A')!;
            const before = (await cloudEvents(cloud, s.chain)).length;
            a.service.close();
            proxy.log.length = 0;
            // The push leaves the till, waits at the proxy, and reaches the cloud after the kill.
            proxy.addRule({ path: '/v1/sync/push', faults: [{ kind: 'delay', ms: 800 }] });
            const killed = await runAndKill(a.dir.dir, mode, (out) =>
              mode === 'commit'
                ? /committed/.test(out)
                : /pushing/.test(out) && untilPushSeen(proxy),
            );

            if (mode === 'push') {
              // The cloud commits what the dead till sent (the till's other calls, such as
              // fetching the new member's page link, may come first).
              const push = () => proxy.log.find((entry) => entry.path === '/v1/sync/push');
              for (let i = 0; i < 200 && push()?.status == null; i++) {
                await new Promise((resolve) => setTimeout(resolve, 25));
              }
              expect(push()).toMatchObject({ path: '/v1/sync/push', status: 200 });
              expect((await cloudEvents(cloud, s.chain)).length).toBe(before + 2);
            } else {
              expect((await cloudEvents(cloud, s.chain)).length).toBe(before);
            }

            await a.restart();
            // The till was never told: both events still wait.
            expect((await a.call('status.get', {})).sync.pending).toBe(2);
            const sale = await a.call('sale.get', { saleId: killed.saleId });
            expect(sale.memberId).toBe(killed.memberId);
            await s.syncAll();
            const events = await cloudEvents(cloud, s.chain);
            expect(events.length).toBe(before + 2);
            expect(events.filter((e) => e.memberId === killed.memberId)).toHaveLength(2);
            const atB = await s.till('B').call('member.get', { memberId: killed.memberId });
            expect(atB.stats.purchases).toBe(1);
            await expectConverged(s.tills, cloud, s.chain, Date.now() + HOUR);
          } finally {
            await s.close();
          }
        },
      );
    }
  });
}
