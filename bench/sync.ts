/**
 * Sync at chain scale, against the real cloud server on 127.0.0.1 (PostgreSQL
 * at 127.0.0.1:5432 or DATABASE_URL, in a fresh schema dropped afterwards;
 * the embedded database when none answers, except for the 50-till figure,
 * which needs PostgreSQL):
 *
 * - sync_push_10k_events_s: a day offline, 10,000 events in a till's outbox,
 *   pushed and acknowledged by the till's sync client, with a year of history
 *   (50 events each) of the members it sells to already in the cloud. Floor:
 *   the same rows inserted straight into the cloud's events table (no HTTP, no
 *   checks, no member index), same run. Shown beside: the same events rows and
 *   the rows the push kept beside them, INSERTed bare (keptRowsFloor).
 * - sync_initial_replica_100k_members_s: a new till pairs with a chain of
 *   100,000 members and pulls and applies all of it. Floor: fetching the same
 *   pages without applying them.
 * - cloud_events_per_s_50_tills: 50 tills (their sync client's HTTP calls,
 *   without a till database each) push 1,000 events each at once to a cloud
 *   server in its own process.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startCloudServer } from '../cloud/server';
import type { RunningCloudServer } from '../cloud/server';
import type { Queryable } from '../cloud/db/database';
import { chainLedgers, rebuildMemberLedgers } from '../cloud/member-ledgers';
import { indexMembers } from '../cloud/members';
import { setProjectionsEnabledForBench } from '../cloud/projections/maintain';
import { rebuildProjections } from '../cloud/projections/rebuild';
import type { LojalEvent } from '../src/core/events';
import { programmeTemplate } from '../src/core/templates';
import { databasePath, openTillService } from '../src/service';
import type { TillService } from '../src/service';
import { appendEvents, openDatabase } from '../src/store';
import { loadPairing } from '../src/store/sync-pairing';
import { retryDelay } from '../src/sync/backoff';
import { CloudUnavailable, cloudApi } from '../src/sync/cloud-api';
import type { CloudApi } from '../src/sync/cloud-api';
import { pushOutbox } from '../src/sync/push';
import { resolveSyncSettings } from '../src/sync/settings';
import { DEFAULT_SNAPSHOT_OPTIONS } from '../src/sync/snapshot';
import { ROUTES } from '../src/sync/protocol';
import { cpuMeter, cpuText, leastWallSeconds } from './sync/cpu';
import type { CpuSpent } from './sync/cpu';
import { dayOfEvents } from './sync/day';
import type { Identity } from './sync/day';
import { figure, profiled } from './lib';
import type { Figure } from './lib';
import type { Benchmark } from './run';

export const PUSH_EVENTS = 10_000;
/** Members with a year of history before the pushed day, and that history's events each. */
const HISTORY_MEMBERS = 2_000;
const HISTORY_PER_MEMBER = 50;
const REPLICA_MEMBERS = 100_000;
const TILLS = 50;
const EVENTS_PER_TILL = 1_000;
const DAY = Date.UTC(2026, 2, 2, 7, 0, 0);
/** The sync client's own settings, so the figures measure what a till does. */
const CLIENT = resolveSyncSettings({});
const RETRY = { initialMs: 250, maxMs: 5_000 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const POSTGRES = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface Database {
  kind: 'postgres' | 'pglite';
  /** For startCloudServer. */
  location: { databaseUrl: string } | { dataDir: string };
  drop(): Promise<void>;
}

export async function freshDatabase(): Promise<Database | null> {
  const admin = new pg.Client({ connectionString: POSTGRES, connectionTimeoutMillis: 2_000 });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  const schema = `lojal_bench_${process.pid}_${Date.now().toString(36)}`;
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = new URL(POSTGRES);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    kind: 'postgres',
    location: { databaseUrl: url.toString() },
    async drop() {
      const c = new pg.Client({ connectionString: POSTGRES });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await c.end();
    },
  };
}

export function embeddedDatabase(): Database {
  const dir = mkdtempSync(join(tmpdir(), 'lojal-bench-cloud-'));
  return {
    kind: 'pglite',
    location: { dataDir: dir },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

const seconds = (startNs: bigint) => Number(process.hrtime.bigint() - startNs) / 1e9;

/**
 * The cloud's own INSERT of event rows and their positions in the chain's
 * order, without its checks, member index and locks: the floor.
 */
async function insertRows(
  tx: Queryable,
  chainId: string,
  events: readonly LojalEvent[],
): Promise<void> {
  for (let i = 0; i < events.length; i += 1_000) {
    const rows = events.slice(i, i + 1_000);
    await tx.query(
      `WITH stored AS (
         INSERT INTO events (chain_id, id, store_id, terminal_id, hlc, type, member_id, schema_version, payload, redacted, received_at)
         SELECT $1, e.id, e.store_id, e.terminal_id, e.hlc, e.type, e.member_id, e.schema_version, e.payload::jsonb, false, $2
           FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[], $10::text[])
                AS e(id, store_id, terminal_id, hlc, type, member_id, schema_version, payload)
         ON CONFLICT (chain_id, id) DO NOTHING
         RETURNING seq)
       INSERT INTO event_order (chain_id, event_seq) SELECT $1, seq FROM stored ORDER BY seq`,
      [
        chainId,
        Date.now(),
        rows.map((e) => e.id),
        rows.map((e) => e.storeId),
        rows.map((e) => e.terminalId),
        rows.map((e) => e.hlc),
        rows.map((e) => e.type),
        rows.map((e) => e.memberId),
        rows.map((e) => e.schemaVersion),
        rows.map((e) => JSON.stringify(e.payload)),
      ],
    );
  }
}

async function adminPut(
  server: RunningCloudServer,
  token: string,
  path: string,
  body: unknown,
): Promise<void> {
  const response = await fetch(server.url + path, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`PUT ${path}: HTTP ${response.status} ${await response.text()}`);
}

interface PairedTill {
  service: TillService;
  dir: string;
  identity: Identity;
  close(): void;
}

async function pairedTill(
  server: RunningCloudServer,
  storeCode: string,
  pullLimit?: number,
): Promise<PairedTill> {
  const dir = mkdtempSync(join(tmpdir(), 'lojal-bench-till-'));
  const service = openTillService({
    dataDir: dir,
    sync: { background: false, ...(pullLimit === undefined ? {} : { pullLimit }) },
  });
  const paired = await service.sync.pair(server.url, storeCode, 'Bench till');
  return {
    service,
    dir,
    identity: { chainId: paired.chainId, storeId: paired.storeId, terminalId: paired.terminalId },
    close() {
      service.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A terminal paired through the sync client's API, without a till database. */
async function pairedClient(
  cloudUrl: string,
  storeCode: string,
  terminalName: string,
  timeoutMs: number,
): Promise<{ identity: Identity; api: CloudApi }> {
  let token: string | null = null;
  const api = cloudApi({ baseUrl: cloudUrl, token: () => token, timeoutMs });
  const paired = await api.pair(storeCode, terminalName);
  token = paired.token;
  return {
    identity: { chainId: paired.chainId, storeId: paired.storeId, terminalId: paired.terminalId },
    api,
  };
}

/** A chain's log loaded straight in, folded as migration 010 does and indexed, as pushes keep it. */
async function foldAndIndex(db: RunningCloudServer['database'], chainId: string): Promise<void> {
  await rebuildMemberLedgers(db, chainId, Date.now());
  // A transaction per page: each takes a lock per phone, number and QR token it indexes.
  for (let after: string | null = null; ;) {
    const page = await db.transaction(async (tx) => {
      const ledgers = await chainLedgers(tx, chainId, after, 1_000);
      await indexMembers(
        tx,
        chainId,
        ledgers.map((l) => l.ledger),
        Date.now(),
      );
      return ledgers;
    });
    if (page.length < 1_000) break;
    after = page.at(-1)!.memberId;
  }
}

/**
 * A year of the chain's history behind the pushed day: HISTORY_MEMBERS members
 * enrolled at another till, each with about HISTORY_PER_MEMBER events over the
 * year before. Loaded straight into the log, then folded as migration 010 does
 * (their ledgers) and indexed (lookup index, conflicts), untimed: the cloud as
 * a push finds it after a year.
 */
async function loadHistory(server: RunningCloudServer, identity: Identity): Promise<string[]> {
  const history = dayOfEvents({
    identity: { ...identity, terminalId: 'old-till' },
    startMs: DAY - 365 * 86_400_000,
    count: HISTORY_MEMBERS * HISTORY_PER_MEMBER,
    slot: 6,
    seed: 2,
    enrolFirst: HISTORY_MEMBERS,
    memberShare: 1,
    meanGapMs: Math.floor((365 * 86_400_000) / (HISTORY_MEMBERS * HISTORY_PER_MEMBER)),
  });
  const db = server.database;
  await db.transaction((tx) => insertRows(tx, identity.chainId, history));
  await foldAndIndex(db, identity.chainId);
  return history.filter((e) => e.type === 'member.enrolled').map((e) => e.memberId!);
}

export interface TimedPush {
  /** The pushed day's events, as the till's outbox held them. */
  events: LojalEvent[];
  seconds: number;
  /** Their JSON's size. */
  bytes: number;
  /** Members the day sold to that had a year of history in the cloud already. */
  withHistory: number;
  /** The chain pushed to. */
  chainId: string;
  /** CPU spent meanwhile, here and by PostgreSQL. */
  cpu: CpuSpent;
}

/**
 * A till's day (10,000 events) in its outbox, pushed and acknowledged by its
 * sync client: timed from the first request to the last answer. With
 * `history`, the members it sells to have a year of history in the cloud.
 */
export async function timedPush(
  server: RunningCloudServer,
  storeName: string,
  options: {
    history: boolean;
    /** Run untimed once the history is loaded (the projections' figure builds them here). */
    prepare?: (chainId: string) => Promise<void>;
  },
): Promise<TimedPush> {
  const store = await server.admin.addStore(storeName, 'Sentrum');
  const till = await pairedTill(server, store.storeCode);
  try {
    const knownMembers = options.history ? await loadHistory(server, till.identity) : [];
    await options.prepare?.(till.identity.chainId);
    const events = dayOfEvents({
      identity: till.identity,
      startMs: DAY,
      count: PUSH_EVENTS,
      slot: 7,
      knownMembers,
    });
    const touched = new Set(events.map((e) => e.memberId).filter((m) => m !== null));
    const withHistory = knownMembers.filter((m) => touched.has(m)).length;
    // The day's events go into the till's outbox through the store's write door.
    const { db } = openDatabase(databasePath(till.dir));
    const pairing = loadPairing(db)!;
    for (let i = 0; i < events.length; i += 1_000) {
      appendEvents(db, events.slice(i, i + 1_000), { origin: 'local' });
    }
    const bytes = events.reduce((n, e) => n + JSON.stringify(e).length, 0);
    const api = cloudApi({
      baseUrl: pairing.cloudUrl,
      token: () => pairing.token,
      timeoutMs: 120_000,
    });
    const started = process.hrtime.bigint();
    const spent = cpuMeter();
    const pushed = await profiled('push', () =>
      pushOutbox(db, api, pairing.terminalId, CLIENT.pushBatchSize, () => false),
    );
    const value = seconds(started);
    const cpu = spent();
    db.close();
    if (pushed.pushed !== PUSH_EVENTS || pushed.rejected.length > 0) {
      throw new Error(
        `pushed ${pushed.pushed} of ${PUSH_EVENTS}, ${pushed.rejected.length} rejected`,
      );
    }
    return { events, seconds: value, bytes, withHistory, chainId: till.identity.chainId, cpu };
  } finally {
    till.close();
  }
}

/** Rows of `table` as `query` reads them from chain `from`, made rows of chain `to` (JSON). */
async function rowsOf(
  db: Queryable,
  table: string,
  where: string,
  params: unknown[],
  to: string,
): Promise<Array<Record<string, unknown>>> {
  const [read] = await db.query<{ rows: Array<Record<string, unknown>> }>(
    `SELECT coalesce(json_agg(t), '[]'::json) AS rows FROM (SELECT * FROM ${table} WHERE ${where}) t`,
    params,
  );
  return read!.rows.map((row) => ({ ...row, chain_id: to }));
}

/**
 * What the push's writes cost without its reads, checks and folds: every row
 * it left in the tables kept beside the log (the day's sale facts, the point
 * lots earned that day, and the member facts, ledgers and lookup rows of the
 * members it touched, each once), read back untimed and INSERTed bare into
 * another chain's tables in the same transaction as the floor's events rows,
 * 1,000 rows a statement. Seconds.
 */
async function keptRowsFloor(
  server: RunningCloudServer,
  from: string,
  events: readonly LojalEvent[],
): Promise<{ seconds: number; rows: number }> {
  const db = server.database;
  const to = (await server.admin.addStore('Bench push kept rows', 'Sentrum')).chainId;
  const ids = events.map((e) => e.id);
  const touched = [...new Set(events.flatMap((e) => (e.memberId === null ? [] : [e.memberId])))];
  const enrolled = events.flatMap((e) => (e.type === 'member.enrolled' ? [e.memberId!] : []));
  // A member's lots after its facts, as the push writes them.
  const tables = [
    ['member_ledgers', 'chain_id = $1 AND member_id = ANY($2::text[])', [from, touched]],
    ['members', 'chain_id = $1 AND member_id = ANY($2::text[])', [from, enrolled]],
    ['member_facts', 'chain_id = $1 AND member_id = ANY($2::text[])', [from, touched]],
    [
      'member_point_lots',
      'chain_id = $1 AND member_id = ANY($2::text[]) AND earned_at >= $3',
      [from, touched, DAY],
    ],
    ['sale_facts', 'chain_id = $1 AND event_id = ANY($2::text[])', [from, ids]],
  ] as const;
  const kept: Array<[string, Array<Record<string, unknown>>]> = [];
  for (const [table, where, params] of tables)
    kept.push([table, await rowsOf(db, table, where, [...params], to)]);
  const started = process.hrtime.bigint();
  await db.transaction(async (tx) => {
    await insertRows(tx, to, events);
    for (const [table, rows] of kept) {
      for (let i = 0; i < rows.length; i += 1_000) {
        await tx.query(
          `INSERT INTO ${table} SELECT * FROM json_populate_recordset(null::${table}, $1::json)`,
          [JSON.stringify(rows.slice(i, i + 1_000))],
        );
      }
    }
  });
  return {
    seconds: seconds(started),
    rows: kept.reduce((n, [, rows]) => n + rows.length, 0),
  };
}

/** What the push and its floor cost in CPU, and the least wall time that allows on this machine's cores. */
function cpuNote(push: CpuSpent, floor: CpuSpent): string {
  const cores = availableParallelism();
  const least = leastWallSeconds(push, cores);
  const bound =
    least === null ? '' : `: on ${cores} cores it cannot take less than ${least.toFixed(2)} s`;
  return `CPU during the push: ${cpuText(push)} (the till's sync client and the cloud share this process)${bound}; during the floor: ${cpuText(floor)}`;
}

async function pushTenThousand(server: RunningCloudServer, kind: string): Promise<Figure> {
  // The history as a chain holds it: its projections kept, as every push keeps them (without
  // them each member's first push would build its facts from the whole ledger).
  const push = await timedPush(server, 'Bench push', {
    history: true,
    prepare: async (chainId) => {
      await rebuildProjections(server.database, chainId, Date.now());
    },
  });
  // The floor: the same rows, straight into the events table of another chain.
  const floorStore = await server.admin.addStore('Bench push floor', 'Sentrum');
  const floorStarted = process.hrtime.bigint();
  const floorSpent = cpuMeter();
  await server.database.transaction((tx) => insertRows(tx, floorStore.chainId, push.events));
  const floor = seconds(floorStarted);
  const floorCpu = floorSpent();
  const kept = await keptRowsFloor(server, push.chainId, push.events);
  const cpu = cpuNote(push.cpu, floorCpu);
  console.log(
    `  the push's writes alone (events and ${kept.rows} kept rows, bare): ${kept.seconds.toFixed(2)} s, ${(kept.seconds / floor).toFixed(2)}× the floor`,
  );
  console.log(`  ${cpu}`);
  return figure({
    name: 'sync_push_10k_events_s',
    value: push.seconds,
    unit: 's',
    floor,
    goal: 'a day offline (10,000 events) behind a year of history pushed and acknowledged within 2× its floor',
    met: push.seconds <= 2 * floor,
    note: `${PUSH_EVENTS} events (${(push.bytes / 1e6).toFixed(1)} MB of JSON) in batches of ${CLIENT.pushBatchSize} through the till's sync client to the cloud on ${kind} (checks, folded ledgers, member index and conflicts per batch); ${push.withHistory} of the members the day sells to have a year of history in the cloud already (${HISTORY_MEMBERS} members × ${HISTORY_PER_MEMBER} events, loaded untimed: rows inserted, ledgers and projections rebuilt, members indexed); floor = the same rows INSERTed straight into the events table (with their positions in the chain's order) in batches of 1,000. Beside it, what the push's writes alone cost: the same events rows and the ${kept.rows} rows the push left beside them (the day's sale facts and point lots, the touched members' facts, ledgers and new lookup rows, each once) INSERTed bare into another chain in ${kept.seconds.toFixed(2)} s, ${(kept.seconds / floor).toFixed(2)}× the floor. ${cpu}; load average ${loadavg()[0]!.toFixed(1)} at the end (2 cores)`,
  });
}

/**
 * projection_apply_events_per_s: the same day's push (10,000 events behind a
 * year of history) with the projections kept (migration 013, as the product
 * always runs) and with their upkeep switched off (the bench's switch only),
 * alternating, the best of two each.
 */
async function projectionApply(server: RunningCloudServer, kind: string): Promise<Figure> {
  const withProjections: number[] = [];
  const without: number[] = [];
  let run = 0;
  const timed = async (on: boolean) => {
    run += 1;
    setProjectionsEnabledForBench(on);
    try {
      const push = await timedPush(server, `Bench projections ${run}`, {
        history: true,
        // The history's projections as the pushes would have kept them (untimed).
        prepare: on
          ? async (chainId) => {
              await rebuildProjections(server.database, chainId, Date.now());
            }
          : undefined,
      });
      (on ? withProjections : without).push(PUSH_EVENTS / push.seconds);
    } finally {
      setProjectionsEnabledForBench(true);
    }
  };
  for (let round = 0; round < 2; round += 1) {
    await timed(false);
    await timed(true);
  }
  const value = Math.max(...withProjections);
  const floor = Math.max(...without);
  return figure({
    name: 'projection_apply_events_per_s',
    value: Math.round(value),
    unit: 'ev/s',
    floor: Math.round(floor),
    goal: 'events arriving at the cloud with the projections kept, within 2× of the push without them',
    met: value * 2 >= floor,
    note: `${PUSH_EVENTS} events in batches of ${CLIENT.pushBatchSize} through the till's sync client to the cloud on ${kind}, behind a year of history (${HISTORY_MEMBERS} members × ${HISTORY_PER_MEMBER} events, its ledgers and projections built untimed), with member_facts, member_point_lots and sale_facts kept in each push's transaction; floor = the same push with the projections' upkeep switched off (bench only); best of 2 each, alternating (runs: with ${withProjections.map((v) => Math.round(v)).join(', ')}, without ${without.map((v) => Math.round(v)).join(', ')} ev/s)`,
  });
}

async function initialReplica(server: RunningCloudServer, kind: string): Promise<Figure> {
  const store = await server.admin.addStore('Bench replica', 'Sentrum');
  const token = await server.admin.addAdminToken('Bench replica');
  const bakery = programmeTemplate('bakeri')!;
  await adminPut(server, token, ROUTES.programme, { programme: bakery.programme, staffId: null });
  // The chain's members, enrolled at an old till: loaded straight into the cloud's log.
  const members = dayOfEvents({
    identity: { chainId: store.chainId, storeId: store.storeId, terminalId: 'old-till' },
    startMs: DAY - 400 * 86_400_000,
    count: REPLICA_MEMBERS,
    slot: 3,
    enrolmentsOnly: true,
  });
  await server.database.transaction((tx) => insertRows(tx, store.chainId, members));
  // Their folded ledgers and lookup index, as the cloud keeps them (snapshot pages come from both).
  await foldAndIndex(server.database, store.chainId);

  // Floor: the same pages fetched, not applied.
  const { api } = await pairedClient(server.url, store.storeCode, 'Bench reader', 120_000);

  const till = await pairedTill(server, store.storeCode);
  try {
    const started = process.hrtime.bigint();
    const report = await till.service.sync.syncNow();
    const value = seconds(started);
    if (!report.ok) throw new Error(`replica: ${report.error}`);
    // A till this far behind installs member snapshots: what it holds is its members rows.
    const { db } = openDatabase(databasePath(till.dir));
    const held = (db.prepare('SELECT count(*) AS n FROM members').get() as { n: number }).n;
    db.close();
    if (held < REPLICA_MEMBERS) throw new Error(`replica: ${held} members of ${REPLICA_MEMBERS}`);
    const found = await till.service.call(
      'member.lookup',
      { query: '+4790312345' },
      { role: 'system', staffId: null },
    );
    if (found.member === null || found.remote)
      throw new Error('a replicated member is not found locally');

    // Floor: the same snapshot pages fetched (and checked by the API's schemas), not installed.
    const snapshots = api.snapshots!;
    const floorStarted = process.hrtime.bigint();
    const { at: upTo } = await snapshots.head('0');
    let after = '0';
    let fetched = 0;
    for (;;) {
      const page = await snapshots.events(after, upTo, 1000);
      if (!page.more || page.next === after) break;
      after = page.next;
    }
    let member = '';
    for (;;) {
      const page = await snapshots.members({
        after: member,
        limit: DEFAULT_SNAPSHOT_OPTIONS.membersPerPage,
      });
      fetched += page.members.length;
      if (!page.more || page.next === member) break;
      member = page.next;
    }
    const floor = seconds(floorStarted);
    return figure({
      name: 'sync_initial_replica_100k_members_s',
      value,
      unit: 's',
      floor,
      goal: 'a new till has a chain of 100,000 members in under 30 s',
      met: value < 30,
      note: `${REPLICA_MEMBERS} members (enrolled at an old till, ledgers folded in the cloud on ${kind}) installed by a new till from member snapshots in pages of ${DEFAULT_SNAPSHOT_OPTIONS.membersPerPage} (the next asked for while one is installed; ${held} members rows after); floor = fetching and validating the same snapshot pages (${fetched} member ledgers) without installing them`,
    });
  } finally {
    till.close();
  }
}

/** The cloud in a child process; resolves with its URL and a way to stop it. */
export async function cloudProcess(
  databaseUrl: string,
): Promise<{ url: string; stop(): Promise<void> }> {
  const script = fileURLToPath(new URL('./sync/cloud-process.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, databaseUrl], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening (\S+)\n/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`the cloud process ended (${code})`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        // Ended already (it failed): 'exit' will not come again.
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.on('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

interface PushRun {
  eventsPerSecond: number;
  seconds: number;
  retries: number;
}

/**
 * 50 tills pair and push their day at once. `chains` = 1: all in one chain
 * (ten stores), whose pushes the cloud serialises with the chain's lock;
 * more chains spread the same tills over several.
 */
async function fiftyTillsPushing(
  server: RunningCloudServer,
  cloudUrl: string,
  chains: number,
): Promise<PushRun> {
  const stores = [];
  for (let s = 0; s < 10; s++) {
    stores.push(
      await server.admin.addStore(`Bench fifty ${s % chains}/${chains}`, `Butikk ${s + 1}`),
    );
  }
  const tills = [];
  for (let t = 0; t < TILLS; t++) {
    const { identity, api } = await pairedClient(
      cloudUrl,
      stores[t % stores.length]!.storeCode,
      `Kasse ${t + 1}`,
      300_000,
    );
    tills.push({
      identity,
      api,
      events: dayOfEvents({
        identity,
        startMs: DAY,
        count: EVENTS_PER_TILL,
        slot: 100 + t,
        seed: t + 1,
      }),
    });
  }
  const batch = CLIENT.pushBatchSize;
  const started = process.hrtime.bigint();
  let retries = 0;
  const acked = await Promise.all(
    tills.map(async (till) => {
      let n = 0;
      for (let i = 0; i < till.events.length; i += batch) {
        // As the sync client does: a busy cloud is tried again after a backoff with jitter.
        for (let attempt = 1; ; attempt++) {
          try {
            const answer = await till.api.push(
              till.identity.terminalId,
              till.events.slice(i, i + batch),
            );
            if (answer.rejected.length > 0)
              throw new Error(`rejected: ${answer.rejected[0]!.message}`);
            n += answer.acked.length;
            break;
          } catch (error) {
            if (!(error instanceof CloudUnavailable) || attempt > 10) throw error;
            retries += 1;
            await sleep(retryDelay(attempt, RETRY, Math.random, error.retryAfterMs));
          }
        }
      }
      return n;
    }),
  );
  const elapsed = seconds(started);
  const total = acked.reduce((a, b) => a + b, 0);
  if (total !== TILLS * EVENTS_PER_TILL)
    throw new Error(`acked ${total} of ${TILLS * EVENTS_PER_TILL}`);
  return { eventsPerSecond: total / elapsed, seconds: elapsed, retries };
}

async function fiftyTills(server: RunningCloudServer, databaseUrl: string): Promise<Figure> {
  const cloud = await cloudProcess(databaseUrl);
  try {
    const one = await fiftyTillsPushing(server, cloud.url, 1);
    const ten = await fiftyTillsPushing(server, cloud.url, 10);
    return figure({
      name: 'cloud_events_per_s_50_tills',
      value: Math.round(one.eventsPerSecond),
      unit: 'ev/s',
      floor: null,
      goal: 'over 5,000 events/s with 50 tills pushing at once (PostgreSQL)',
      met: one.eventsPerSecond > 5_000,
      note:
        `${TILLS} tills of one chain (10 stores), ${EVENTS_PER_TILL} events each in batches of ${CLIENT.pushBatchSize}, all at once: ` +
        `${TILLS * EVENTS_PER_TILL} events acknowledged in ${one.seconds.toFixed(1)} s (${one.retries} retries of busy answers); ` +
        `each push stores its rows and refreshes the members it touches under those members' locks, then holds the chain's lock only to number its events and commit. ` +
        `The same 50 tills spread over 10 chains: ${Math.round(ten.eventsPerSecond)} events/s (${ten.retries} retries). ` +
        'Cloud server in its own process on PostgreSQL at 127.0.0.1:5432, same machine',
    });
  } finally {
    await cloud.stop();
  }
}

/** LOJAL_BENCH_SYNC=push,projection,replica,fifty runs some of the figures (all by default). */
function wanted(part: string): boolean {
  const only = process.env.LOJAL_BENCH_SYNC;
  return only === undefined || only.split(',').includes(part);
}

const bench: Benchmark = {
  name: 'sync',
  about: 'a day offline pushed, a new till replicating 100,000 members, 50 tills pushing at once',
  async run() {
    const postgres = await freshDatabase();
    const database = postgres ?? embeddedDatabase();
    if (!postgres)
      console.log(
        `  no PostgreSQL at ${POSTGRES.replace(/\/\/[^@/]*@/, '//')}: the embedded database is used`,
      );
    const server = await startCloudServer({ port: 0, ...database.location });
    try {
      const figures: Figure[] = [];
      const report = (f: Figure) => {
        figures.push(f);
        console.log(`  ${f.name}: ${f.value} ${f.unit} (floor ${f.floor ?? '—'})`);
      };
      if (wanted('push')) report(await pushTenThousand(server, database.kind));
      if (wanted('projection')) report(await projectionApply(server, database.kind));
      if (wanted('replica')) report(await initialReplica(server, database.kind));
      if (!wanted('fifty')) return figures;
      if (postgres && 'databaseUrl' in database.location) {
        report(await fiftyTills(server, database.location.databaseUrl));
      } else {
        console.log('  cloud_events_per_s_50_tills: skipped, it needs PostgreSQL');
      }
      return figures;
    } finally {
      await server.close();
      await database.drop();
    }
  },
};

export default bench;
