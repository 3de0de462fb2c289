/**
 * How soon one till sees what another did, and what the cloud holds in memory
 * doing nothing, with the cloud server in a process of its own on the embedded
 * database (PGlite, its default data folder settings), on 127.0.0.1:
 *
 * - sync_a_to_b_visible_p50_ms / _p95_ms: a member enrolled through till A's
 *   service (the `member.enrol` command a cashier's screen sends) until the
 *   member is in till B's own SQLite file, read by another connection polling
 *   it every millisecond. Both tills are real till services on their own
 *   files with DEFAULT sync settings (background, the 15 s interval, the
 *   announcements). Floor, same run and cloud: the push of one enrolment and
 *   the pull that returns it, done by hand with the sync client's HTTP calls.
 * - cloud_rss_mb_idle: the cloud process's resident memory (VmRSS) after it
 *   started, a small chain (two tills, their pairing, 20 members) and 5 s of
 *   settling. Floor: a bare Node process that opened PGlite on an empty folder
 *   (initdb), its defaults, same settling, same run.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openDatabase as openCloudDatabase } from '../cloud/db/open';
import { addStore } from '../cloud/chains';
import { databasePath, openTillService } from '../src/service';
import type { Session, TillService } from '../src/service';
import { cloudApi } from '../src/sync/cloud-api';
import type { CloudApi } from '../src/sync/cloud-api';
import { dayOfEvents } from './sync/day';
import { figure, percentile } from './lib';
import type { Figure } from './lib';
import type { Benchmark } from './run';

const SAMPLES = 60;
const WARMUP = 5;
const SETTLE_MS = 5_000;
const IDLE_MEMBERS = 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..');

/** VmRSS of a process, in MiB (Linux). */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1]);
  if (!Number.isFinite(kb)) throw new Error(`no VmRSS for process ${pid}`);
  return kb / 1024;
}

/** Spawns `args` and waits for a line matching `ready`; the match's first group. */
async function spawnUntil(
  args: string[],
  ready: RegExp,
  options: { cwd?: string } = {},
): Promise<{ child: ChildProcess; said: string }> {
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
    cwd: options.cwd ?? root,
  });
  const said = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = ready.exec(out);
      if (match) resolve(match[1] ?? '');
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
  });
  return { child, said };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

interface BenchTill {
  service: TillService;
  dir: string;
  manager: Session;
  close(): void;
}

async function till(cloudUrl: string, storeCode: string, name: string): Promise<BenchTill> {
  const dir = mkdtempSync(join(tmpdir(), 'lojal-bench-visibility-'));
  // Default sync settings: in the background, the default interval, announcements.
  const service = openTillService({ dataDir: dir, sync: {} });
  await service.sync.pair(cloudUrl, storeCode, name);
  const login = await service.call(
    'session.login',
    { pin: '9999' },
    { role: 'cashier', staffId: null },
  );
  const manager = service.sessionFromToken(login.sessionToken);
  if (!manager) throw new Error('no session');
  return {
    service,
    dir,
    manager,
    close() {
      service.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/** The floor of the idle memory: bare Node (no tsx), PGlite's defaults, an empty folder. */
async function barePgliteRss(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'lojal-bench-bare-pglite-'));
  const code = [
    "import { PGlite } from '@electric-sql/pglite';",
    `const db = await PGlite.create(${JSON.stringify(join(dir, 'pgdata'))});`,
    "await db.query('SELECT 1');",
    "process.stdout.write('ready\\n');",
    'setInterval(() => {}, 60_000);',
  ].join('\n');
  const { child } = await spawnUntil(['--input-type=module', '-e', code], /(ready)\n/);
  try {
    await sleep(SETTLE_MS);
    return rssMb(child.pid!);
  } finally {
    await stop(child);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One enrolment pushed and pulled back by hand (the sync client's HTTP calls): the floor. */
async function handPushPull(
  cloudUrl: string,
  storeCode: string,
  samples: number,
): Promise<number[]> {
  let token: string | null = null;
  const api: CloudApi = cloudApi({ baseUrl: cloudUrl, token: () => token, timeoutMs: 20_000 });
  const paired = await api.pair(storeCode, 'Bench floor');
  token = paired.token;
  const events = dayOfEvents({
    identity: { chainId: paired.chainId, storeId: paired.storeId, terminalId: paired.terminalId },
    startMs: Date.now() - 60_000,
    count: samples + WARMUP,
    slot: paired.slot,
    enrolmentsOnly: true,
  });
  let cursor = '0';
  for (;;) {
    const page = await api.pull(cursor, 1_000);
    cursor = page.next;
    if (!page.more) break;
  }
  const out: number[] = [];
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    const started = process.hrtime.bigint();
    const pushed = await api.push(paired.terminalId, [event]);
    if (pushed.acked[0] !== event.id) throw new Error('the floor push was not acked');
    let found = false;
    while (!found) {
      const page = await api.pull(cursor, 1_000);
      cursor = page.next;
      found = page.events.some((e) => (e as { id?: unknown }).id === event.id);
    }
    if (i >= WARMUP) out.push(Number(process.hrtime.bigint() - started) / 1e6);
    // Apart, like the samples above (and within the terminal's request budget).
    await sleep(100);
  }
  return out;
}

async function run(): Promise<Figure[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lojal-bench-visibility-cloud-'));
  // The chain first (the server's admin commands run in its process; this one sets up the folder).
  const setup = await openCloudDatabase({ dataDir });
  const now = Date.now();
  const sentrum = await addStore(setup, { chain: 'Bench visibility', store: 'Sentrum' }, now);
  const bryggen = await addStore(setup, { chain: 'Bench visibility', store: 'Bryggen' }, now);
  const floorStore = await addStore(setup, { chain: 'Bench visibility', store: 'Floor' }, now);
  await setup.close();

  const floorRss = await barePgliteRss();
  const { child: cloud, said: url } = await spawnUntil(
    ['--import', 'tsx', join(here, 'sync', 'cloud-process.ts'), dataDir],
    /listening (\S+)\n/,
  );
  const tills: BenchTill[] = [];
  try {
    const a = await till(url, sentrum.storeCode, 'Kasse A');
    tills.push(a);
    const b = await till(url, bryggen.storeCode, 'Kasse B');
    tills.push(b);
    const bFile = new Database(databasePath(b.dir), { readonly: true, fileMustExist: true });
    const inB = bFile.prepare('SELECT 1 FROM members WHERE member_id = ?').pluck();

    // The small chain, then quiet: the idle memory.
    for (let i = 0; i < IDLE_MEMBERS; i++) {
      const { member } = await a.service.call(
        'member.enrol',
        { phone: `9${String(1_000_000 + i).padStart(7, '0')}`, acceptTerms: true },
        a.manager,
      );
      await until(() => inB.get(member.memberId) !== undefined, 30_000, 'the idle chain');
    }
    await sleep(SETTLE_MS);
    const idleRss = rssMb(cloud.pid!);

    // A to B, with default settings.
    const visible: number[] = [];
    for (let i = 0; i < SAMPLES + WARMUP; i++) {
      const started = process.hrtime.bigint();
      const { member } = await a.service.call(
        'member.enrol',
        { phone: `4${String(1_000_000 + i).padStart(7, '0')}`, acceptTerms: true },
        a.manager,
      );
      const deadline = Date.now() + 60_000;
      while (inB.get(member.memberId) === undefined) {
        if (Date.now() > deadline) throw new Error('the member never reached till B');
        await sleep(1);
      }
      if (i >= WARMUP) visible.push(Number(process.hrtime.bigint() - started) / 1e6);
      // Apart, as a shop's enrolments are: each sample starts from quiet tills.
      await sleep(100);
    }
    const announced = b.service.sync.announcements();
    bFile.close();
    const floor = await handPushPull(url, floorStore.storeCode, SAMPLES);
    const afterRss = rssMb(cloud.pid!);

    const p50 = percentile(visible, 50);
    const p95 = percentile(visible, 95);
    const floor50 = percentile(floor, 50);
    const floor95 = percentile(floor, 95);
    const how = `${SAMPLES} members (after ${WARMUP} warm-up) enrolled through till A's member.enrol command until found in till B's own SQLite file (polled every ms by another connection); both real till services with default sync settings (15 s interval; B heard ${announced.heard} announcements); the cloud in its own process on PGlite; floor = one enrolment pushed and pulled back by hand with the sync client's HTTP calls, same cloud, same run`;
    return [
      figure({
        name: 'sync_a_to_b_visible_p50_ms',
        value: p50,
        unit: 'ms',
        floor: floor50,
        goal: 'under 1,000 ms',
        met: p50 < 1_000,
        note: how,
      }),
      figure({
        name: 'sync_a_to_b_visible_p95_ms',
        value: p95,
        unit: 'ms',
        floor: floor95,
        goal: 'under 2,000 ms',
        met: p95 < 2_000,
        note: how,
      }),
      figure({
        name: 'cloud_rss_mb_idle',
        value: idleRss,
        unit: 'MB',
        floor: floorRss,
        goal: 'under 300 MB',
        met: idleRss < 300,
        note: `VmRSS (MiB) of the cloud server in its own process (tsx, as npm run cloud) on PGlite after start, two tills paired, ${IDLE_MEMBERS} members and ${SETTLE_MS / 1000} s of quiet; ${Math.round(afterRss)} MiB after the visibility samples too; floor = a bare Node process with PGlite opened (its defaults) on an empty folder, same settling, same run`,
      }),
    ];
  } finally {
    for (const t of tills) t.close();
    await stop(cloud);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const benchmark: Benchmark = {
  name: 'sync-visibility',
  about:
    'a member enrolled at till A found in till B’s database; the cloud’s idle memory on PGlite',
  run,
};
export default benchmark;
