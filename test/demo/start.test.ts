/**
 * `npm start` on the full demo, the real thing: `node scripts/start.mjs` in
 * browser mode (LOJAL_BROWSER=1, as where Electron cannot run) on a fresh data
 * folder and free ports. It must start the demo cloud and the till, pair them,
 * and print one block with both addresses and the demo logins; the back office
 * must let the printed owner in and show the demo store with the paired till;
 * the till's demo members and sales must reach the cloud by its normal push;
 * Ctrl+C (SIGTERM) must stop every process it started; a second start must
 * find the same chain, store code, logins and pairing.
 *
 * The cloud's folder starts as a copy of an empty migrated PGlite database
 * (cloud/test/databases.ts) to spare initdb's 15–25 s: the first start's initdb
 * is tested in cloud/database.test.ts.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BoBrowser } from '../../cloud/test/backoffice';
import { freshPgliteDir } from '../../cloud/test/databases';
import { openDatabase } from '../../cloud/db/open';
import { DEMO_CLOUD } from '../../cloud/demo';
import { PairResponse, ROUTES } from '../../src/sync/protocol';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const START = join(ROOT, 'scripts', 'start.mjs');

interface DemoBlock {
  till: string;
  backOffice: string;
  cloud: string;
  owner: { email: string; password: string };
  manager: { email: string; password: string };
  storeCode: string;
}

interface Started {
  child: ChildProcess;
  output: () => string;
  block: DemoBlock;
}

const started: ChildProcess[] = [];
let dataDir = '';
let cloudPort = 0;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The till's and the back office's builds, once, before the clock of the test runs (start.mjs skips them when fresh). */
beforeAll(async () => {
  const built = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const m = await import(${JSON.stringify(START)}); m.ensureUiBuilt(); m.ensureBackofficeBuilt();`,
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (built.status !== 0) throw new Error(`the builds failed:\n${built.stdout}\n${built.stderr}`);
  dataDir = mkdtempSync(join(tmpdir(), 'lojal-demo-start-'));
  cloudPort = await freePort();
  renameSync(await freshPgliteDir(), join(dataDir, 'cloud'));
}, 600_000);

afterAll(() => {
  // Whatever is left of each start's process group (the till, the cloud, tsx), then the folder.
  for (const child of started) {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // gone already
    }
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function field(output: string, label: string): string {
  const found = new RegExp(`^  ${label}:\\s+(.+)$`, 'm').exec(output);
  if (!found) throw new Error(`no "${label}" line in:\n${output}`);
  return found[1]!.trim();
}

function login(text: string): { email: string; password: string } {
  const [email, password] = text.split(' / ');
  return { email: email!, password: password! };
}

/** `node scripts/start.mjs` in a process group of its own; resolves once it printed the demo block. */
function startDemo(): Promise<Started> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CI: '1',
    LOJAL_BROWSER: '1',
    LOJAL_DATA_DIR: dataDir,
    LOJAL_PORT: '0',
    // A free port, the same on both starts: the till is paired with the cloud's address.
    LOJAL_CLOUD_PORT: String(cloudPort),
  };
  for (const name of ['LOJAL_DEMO', 'LOJAL_DEMO_CLOUD', 'LOJAL_CLOUD_URL', 'LOJAL_STORE_CODE'])
    delete env[name];
  const child = spawn(process.execPath, [START], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no demo block within 90 s:\n${output}`)),
      90_000,
    );
    const check = () => {
      if (!/^ {2}Stop both with Ctrl\+C\.$/m.test(output)) return;
      clearTimeout(timer);
      child.stdout!.off('data', check);
      const backOffice = field(output, 'back office');
      resolve({
        child,
        output: () => output,
        block: {
          till: field(output, 'till'),
          backOffice,
          cloud: new URL(backOffice).origin,
          owner: login(field(output, 'owner')),
          manager: login(field(output, 'store manager')),
          storeCode: field(output, 'store code').split(' ')[0]!,
        },
      });
    };
    child.stdout!.on('data', check);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`npm start ended (${signal ?? code}) before its block:\n${output}`));
    });
  });
}

/** SIGTERM to start.mjs alone: it must stop the till and the cloud, and nothing of its group may stay. */
async function stopDemo(run: Started): Promise<void> {
  const exited = new Promise<number | null>((resolve) => run.child.on('exit', resolve));
  run.child.kill('SIGTERM');
  expect(await exited).toBe(0);
  const group = -run.child.pid!;
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      process.kill(group, 0);
    } catch {
      return; // ESRCH: no process of the group is left
    }
    if (Date.now() > deadline)
      throw new Error(`processes of npm start outlived it:\n${run.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function eventually<T>(what: string, attempt: () => Promise<T | null>, ms = 60_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await attempt();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** A command at the till, as its UI sends it, logged in with the demo manager's public PIN. */
async function tillCommand(till: string, name: string, input: unknown): Promise<unknown> {
  const login = await fetch(`${till}/rpc/session.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ pin: '9999' }),
  });
  const { sessionToken } = (await login.json()) as { sessionToken: string };
  const answer = await fetch(`${till}/rpc/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${sessionToken}` },
    body: JSON.stringify(input),
  });
  expect(answer.status).toBe(200);
  return answer.json();
}

/** Counts in the cloud's own database (open only while no cloud runs on it). */
async function cloudCounts() {
  const db = await openDatabase({ dataDir: join(dataDir, 'cloud') });
  try {
    const one = async (sql: string) =>
      Number(
        (await db.query<{ n: unknown }>(sql, sql.includes('$1') ? [DEMO_CLOUD.chainId] : []))[0]!.n,
      );
    return {
      chains: await one('SELECT count(*) AS n FROM chains'),
      stores: await one('SELECT count(*) AS n FROM stores WHERE chain_id = $1'),
      accounts: await one('SELECT count(*) AS n FROM accounts WHERE chain_id = $1'),
      members: await one('SELECT count(*) AS n FROM members WHERE chain_id = $1'),
      sales: await one(
        "SELECT count(*) AS n FROM events WHERE chain_id = $1 AND type = 'sale.committed'",
      ),
      refused: await one('SELECT count(*) AS n FROM refused_events WHERE chain_id = $1'),
    };
  } finally {
    await db.close();
  }
}

it('starts the demo cloud beside the demo till, pairs them, prints both addresses and the logins; the members reach the cloud; a restart finds the same chain', async () => {
  const first = await startDemo();
  const { block } = first;
  expect(block.till).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(block.backOffice).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/bo\/$/);
  expect(block.owner).toEqual({ email: 'eier@bakeriet.demo', password: 'bakeriet-demo' });
  expect(block.manager).toEqual({ email: 'leder@bakeriet.demo', password: 'bakeriet-demo' });
  expect(first.output()).toMatch(/staff PINs:\s+cashier 1111, manager 9999/);
  // The README gives the same logins (they are public: a demo).
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  for (const text of [block.owner.email, block.owner.password, block.manager.email])
    expect(readme).toContain(text);

  // The back office's page, and its owner log-in with the printed login.
  const page = await fetch(block.backOffice);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<div id="root">');
  const owner = new BoBrowser(block.cloud);
  const session = await owner.logIn(block.owner.email, block.owner.password);
  expect(session.chain).toEqual({ chainId: DEMO_CLOUD.chainId, name: 'Bakeriet' });
  // The till pairs itself on start; the store lists it.
  const till = await eventually('the paired till in stores.list', async () => {
    const stores = await owner.ok('stores.list');
    expect(stores.map((s) => [s.name, s.storeCode])).toEqual([['Grünerløkka', block.storeCode]]);
    return stores[0]!.terminals.find((t) => t.name === 'Kasse 1' && t.active) ?? null;
  });
  const manager = new BoBrowser(block.cloud);
  const managerSession = await manager.logIn(block.manager.email, block.manager.password);
  expect(managerSession.stores.map((s) => s.name)).toEqual(['Grünerløkka']);

  // The demo's members reach the cloud: another till of the chain finds the first and the last.
  const paired = await fetch(`${block.cloud}${ROUTES.pair}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ storeCode: block.storeCode, terminalName: 'Kasse 2' }),
  });
  const probe = PairResponse.parse(await paired.json());
  for (const [phone, firstName] of [
    ['48000001', 'Ingrid'],
    ['48000300', null],
  ] as const) {
    const events = await eventually(`member ${phone} in the cloud`, async () => {
      const found = await fetch(
        `${block.cloud}${ROUTES.memberLookup}?${new URLSearchParams({ phone })}`,
        { headers: { authorization: `Bearer ${probe.token}` } },
      );
      if (found.status === 404) return null;
      expect(found.status).toBe(200);
      return (
        (await found.json()) as {
          members: Array<{ events: Array<{ type: string; payload: Record<string, unknown> }> }>;
        }
      ).members[0]!.events;
    });
    const enrolled = events.find((e) => e.type === 'member.enrolled')!;
    expect(enrolled.payload.phoneE164).toBe(`+47${phone}`);
    if (firstName) expect(JSON.stringify(enrolled.payload.profile)).toContain(firstName);
  }
  // The till has sent everything, and the cloud refused nothing.
  const status = await eventually('the till’s outbox empty', async () => {
    const s = (await tillCommand(block.till, 'sync.status', {})) as {
      state: string;
      pending: number;
      rejected: number;
      cloud: { storeName: string; terminalId: string } | null;
    };
    return s.pending === 0 && s.state === 'online' ? s : null;
  });
  expect(status.rejected).toBe(0);
  expect(status.cloud).toMatchObject({ storeName: 'Grünerløkka', terminalId: till.terminalId });
  const made = /demo: (\d+) members and (\d+) sales/.exec(first.output());
  expect(made).not.toBeNull();

  await stopDemo(first);
  for (const url of [block.till, block.cloud])
    await expect(fetch(url), `${url} still answers`).rejects.toThrow();
  expect(await cloudCounts()).toEqual({
    chains: 1,
    stores: 1,
    accounts: 2,
    members: Number(made![1]),
    sales: Number(made![2]),
    refused: 0,
  });

  // Again: the same chain, store code, logins and pairing; nothing made twice.
  const restartedAt = Date.now();
  const second = await startDemo();
  expect(second.block.storeCode).toBe(block.storeCode);
  expect(second.block.cloud).toBe(block.cloud);
  expect(second.output()).not.toMatch(/demo chain ".*" made|demo: \d+ members/);
  const again = new BoBrowser(second.block.cloud);
  expect((await again.logIn(block.owner.email, block.owner.password)).chain.chainId).toBe(
    DEMO_CLOUD.chainId,
  );
  const stores = await again.ok('stores.list');
  expect(stores).toHaveLength(1);
  expect(stores[0]!.terminals.map((t) => t.terminalId).sort()).toEqual(
    [till.terminalId, probe.terminalId].sort(),
  );
  // The till, paired already, syncs with the cloud again as the same terminal.
  await eventually('the till syncing after the restart', async () => {
    const s = (await tillCommand(second.block.till, 'sync.status', {})) as {
      state: string;
      lastSyncAt: number | null;
      cloud: { terminalId: string } | null;
    };
    expect(s.cloud?.terminalId).toBe(till.terminalId);
    return s.state === 'online' && (s.lastSyncAt ?? 0) >= restartedAt ? s : null;
  });
  await stopDemo(second);
  expect(await cloudCounts()).toMatchObject({ chains: 1, stores: 1, accounts: 2 });
}, 240_000);
