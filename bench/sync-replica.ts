/**
 * A new till of a large chain, from snapshots (issue 15 point 4), against the
 * real cloud server on PostgreSQL at 127.0.0.1:5432 (a fresh schema, dropped
 * after):
 *
 * - sync_initial_replica_1m_members_s: a chain of 1,000,000 members with a
 *   year of sales (5 events each, over 5 M events, 50 stores), loaded untimed
 *   with INSERT … SELECT from generate_series (events, positions, the member
 *   index) and the members' folded ledgers written from one real fold per
 *   member shape. Timed: a new till (the real till service, its own SQLite
 *   file) pairs and syncs until it is ready to sell (the snapshot: the chain's
 *   configuration and its store's sales of the retention as events, every
 *   member's ledger; then the pull after it). Floor: reading the same
 *   ledgers straight from PostgreSQL (a direct connection, no HTTP) and
 *   inserting them into a bare SQLite table, same run.
 * - till_db_gb_after_replica: the till's database file after it (checkpointed
 *   and vacuumed). Floor: a till database holding just the members (the same
 *   rows of the members table in a fresh file).
 *
 * LOJAL_BENCH_REPLICA_MEMBERS changes the number of members (default 1,000,000).
 * LOJAL_BENCH_REPLICA_KEEP=1 keeps the loaded cloud (schema
 * lojal_bench_replica_<members>) and reuses it when its load finished: the
 * load takes about 20 minutes at 1,000,000 members, the timed part does not
 * change it (a new terminal is paired each run; `DROP SCHEMA … CASCADE` frees it).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { startCloudServer } from '../cloud/server';
import { decodeLedger, encodeLedger } from '../cloud/member-ledgers';
import { foldMember } from '../src/core/member';
import { memberEvents } from '../src/core/member/test-events';
import { databasePath, openTillService } from '../src/service';
import { openDatabase } from '../src/store';
import { cloudProcess, freshDatabase, POSTGRES } from './sync';
import type { Database as BenchDatabase } from './sync';
import { figure, profiled } from './lib';
import type { Figure } from './lib';
import type { Benchmark } from './run';

const MEMBERS = Number(process.env.LOJAL_BENCH_REPLICA_MEMBERS ?? 1_000_000);
const SALES_PER_MEMBER = 4;
const STORES = 50;
const DAY_MS = 86_400_000;
const NOW = Date.now();
const YEAR_AGO = NOW - 365 * DAY_MS;
const CHUNK = 50_000;

/** The cloud this run uses: a fresh schema, or the kept one (see LOJAL_BENCH_REPLICA_KEEP). */
async function cloudDatabase(): Promise<{ database: BenchDatabase | null; loaded: boolean }> {
  if (process.env.LOJAL_BENCH_REPLICA_KEEP !== '1')
    return { database: await freshDatabase(), loaded: false };
  const schema = `lojal_bench_replica_${MEMBERS}`;
  const admin = new pg.Client({ connectionString: POSTGRES, connectionTimeoutMillis: 2_000 });
  try {
    await admin.connect();
  } catch {
    return { database: null, loaded: false };
  }
  try {
    const [done] = (
      await admin.query<{ t: string | null }>('SELECT to_regclass($1) AS t', [
        `${schema}.bench_replica_loaded`,
      ])
    ).rows;
    const loaded = done?.t !== null && done?.t !== undefined;
    // A load that did not finish is started again from nothing.
    if (!loaded) {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.query(`CREATE SCHEMA ${schema}`);
    }
    const url = new URL(POSTGRES);
    url.searchParams.set('options', `-c search_path=${schema}`);
    return {
      database: {
        kind: 'postgres',
        location: { databaseUrl: url.toString() },
        drop: async () => {},
      },
      loaded,
    };
  } finally {
    await admin.end();
  }
}

const seconds = (startNs: bigint) => Number(process.hrtime.bigint() - startNs) / 1e9;
const gb = (bytes: number) => bytes / 1024 ** 3;

/** Placeholders a member's template carries, replaced per member in SQL or here. */
const TEMPLATE_MEMBER = 'TPLMEMBERID';
const TEMPLATE_PHONE = '+4799999999';
const TEMPLATE_NUMBER = '2999999999999';
const TEMPLATE_STORE = (k: number) => `TPLSTORE${k}X`;
/** Distinct instants (13 digits) the payloads carry, replaced per member. */
const TEMPLATE_AT = (k: number) => 1_111_111_111_110 + k;

function templates() {
  const m = memberEvents(TEMPLATE_MEMBER);
  const origin = (k: number) => ({
    chainId: 'c',
    storeId: TEMPLATE_STORE(k),
    terminalId: 'oldtill',
  });
  const enrolled = m.enrolled(
    TEMPLATE_AT(0),
    { phoneE164: TEMPLATE_PHONE, qrToken: `qr${TEMPLATE_MEMBER}`, memberNumber: TEMPLATE_NUMBER },
    origin(0),
  );
  const sales = Array.from({ length: SALES_PER_MEMBER }, (_, k) =>
    m.sale(TEMPLATE_AT(k + 1), {
      ...origin(k + 1),
      saleId: `sale-${TEMPLATE_MEMBER}-${k + 1}`,
      effects: { pointsEarned: 25 + k, stamps: [{ cardId: 'kaffe', count: 1 }] },
    }),
  );
  const events = [enrolled, ...sales];
  const ledger = foldMember(events)!;
  return { events, ledger: JSON.stringify(ledger) };
}

/** SQL for member i's value of each placeholder. */
const SQL_MEMBER = `'m' || lpad(i::text, 8, '0')`;
const SQL_WALL = (k: number) =>
  k === 0
    ? `(${YEAR_AGO} + i * 17)`
    : `(${YEAR_AGO} + ${k} * ${Math.floor((365 * DAY_MS) / (SALES_PER_MEMBER + 1))} + i * 29)`;
const SQL_STORE = (stores: readonly string[], k: number) =>
  `(ARRAY[${stores.map((s) => `'${s}'`).join(',')}])[((i + ${k}) % ${stores.length}) + 1]`;

async function load(client: pg.Client, chainId: string, stores: readonly string[]): Promise<void> {
  const { events, ledger } = templates();
  for (let from = 1; from <= MEMBERS; from += CHUNK) {
    const to = Math.min(MEMBERS, from + CHUNK - 1);
    for (const [k, event] of events.entries()) {
      const payload = JSON.stringify(event.payload).replaceAll("'", "''");
      // member id, phone and the instant, replaced per member
      let expr = `'${payload}'`;
      expr = `replace(${expr}, '${TEMPLATE_MEMBER}', ${SQL_MEMBER})`;
      expr = `replace(${expr}, '${TEMPLATE_PHONE}', '+479' || lpad(i::text, 7, '0'))`;
      expr = `replace(${expr}, '${TEMPLATE_NUMBER}', lpad(i::text, 13, '0'))`;
      expr = `replace(${expr}, '${TEMPLATE_AT(k)}', ${SQL_WALL(k)}::text)`;
      const id = `lpad(to_hex(${SQL_WALL(k)}), 12, '0')`;
      await client.query(
        `INSERT INTO events (chain_id, id, store_id, terminal_id, hlc, type, member_id,
           schema_version, payload, redacted, received_at)
         SELECT $1,
           substr(${id}, 1, 8) || '-' || substr(${id}, 9, 4) || '-7' || lpad(to_hex(${k}), 3, '0')
             || '-8000-' || lpad(to_hex(i), 12, '0'),
           ${SQL_STORE(stores, k)}, 'oldtill',
           lpad(${SQL_WALL(k)}::text, 15, '0') || '-000000-oldtill',
           '${event.type}', ${SQL_MEMBER}, ${event.schemaVersion}, ${expr}::jsonb, true, ${NOW}
         FROM generate_series($2::int, $3::int) i`,
        [chainId, from, to],
      );
    }
    await client.query(
      `INSERT INTO members (chain_id, member_id, member_number, phone_e164, erased, enrolled_at, qr_token)
       SELECT $1, ${SQL_MEMBER}, lpad(i::text, 13, '0'), '+479' || lpad(i::text, 7, '0'), false,
         ${SQL_WALL(0)}, 'qr' || ${SQL_MEMBER}
       FROM generate_series($2::int, $3::int) i`,
      [chainId, from, to],
    );
    // The folded ledgers, as the pushes would have kept them (one real fold, per member's values).
    const ids: string[] = [];
    const blobs: Buffer[] = [];
    const clocks: string[] = [];
    for (let i = from; i <= to; i++) {
      const member = `m${String(i).padStart(8, '0')}`;
      let json = ledger
        .replaceAll(TEMPLATE_MEMBER, member)
        .replaceAll(TEMPLATE_PHONE, `+479${String(i).padStart(7, '0')}`)
        .replaceAll(TEMPLATE_NUMBER, String(i).padStart(13, '0'));
      for (let k = 0; k < events.length; k++) {
        const wall =
          k === 0
            ? YEAR_AGO + i * 17
            : YEAR_AGO + k * Math.floor((365 * DAY_MS) / (SALES_PER_MEMBER + 1)) + i * 29;
        json = json.replaceAll(
          String(TEMPLATE_AT(k)).padStart(15, '0'),
          String(wall).padStart(15, '0'),
        );
        json = json.replaceAll(String(TEMPLATE_AT(k)), String(wall));
      }
      for (let k = 0; k < events.length; k++)
        json = json.replaceAll(TEMPLATE_STORE(k), stores[(i + k) % stores.length]!);
      const parsed = JSON.parse(json) as { lastHlc: string };
      ids.push(member);
      blobs.push(encodeLedger(parsed as never));
      clocks.push(parsed.lastHlc);
    }
    await client.query(
      `INSERT INTO member_ledgers (chain_id, member_id, ledger, last_hlc, updated_at)
       SELECT $1, l.member_id, l.ledger, l.last_hlc, $5
         FROM unnest($2::text[], $3::bytea[], $4::text[]) AS l(member_id, ledger, last_hlc)`,
      [chainId, ids, blobs, clocks, NOW],
    );
    process.stdout.write(`\r  loaded ${to} of ${MEMBERS} members`);
  }
  await client.query(
    `INSERT INTO event_order (chain_id, event_seq) SELECT chain_id, seq FROM events WHERE chain_id = $1 ORDER BY seq`,
    [chainId],
  );
  await client.query(
    `UPDATE chains SET max_hlc = (SELECT max(hlc) FROM events WHERE chain_id = $1) WHERE id = $1`,
    [chainId],
  );
  await client.query('DELETE FROM member_ledgers_pending WHERE chain_id = $1', [chainId]);
  await client.query('ANALYZE');
  process.stdout.write('\n');
}

function fileBytes(path: string): number {
  let total = 0;
  for (const suffix of ['', '-wal']) {
    try {
      total += statSync(path + suffix).size;
    } catch {
      // no such file
    }
  }
  return total;
}

const bench: Benchmark = {
  name: 'sync-replica',
  about: `a new till of a chain of ${MEMBERS.toLocaleString('en')} members and a year of sales, from snapshots`,
  async run() {
    const { database, loaded } = await cloudDatabase();
    if (database === null || !('databaseUrl' in database.location)) {
      console.log('  sync-replica: skipped, it needs PostgreSQL at 127.0.0.1:5432');
      return [];
    }
    const server = await startCloudServer({ port: 0, ...database.location });
    const client = new pg.Client({ connectionString: database.location.databaseUrl });
    await client.connect();
    const dir = mkdtempSync(join(tmpdir(), 'lojal-bench-replica-'));
    let stopCloud = async () => {};
    try {
      const first = await server.admin.addStore('Bench replica chain', 'Butikk 1');
      const stores = [first.storeId];
      for (let s = 2; s <= STORES; s++)
        stores.push((await server.admin.addStore('Bench replica chain', `Butikk ${s}`)).storeId);
      const loadStarted = process.hrtime.bigint();
      if (loaded) console.log('  the kept cloud of an earlier run (LOJAL_BENCH_REPLICA_KEEP=1)');
      else {
        await load(client, first.chainId, stores);
        await client.query('CREATE TABLE bench_replica_loaded (at bigint)');
      }
      const [count] = (
        await client.query<{ n: string }>('SELECT count(*) AS n FROM events WHERE chain_id = $1', [
          first.chainId,
        ])
      ).rows;
      console.log(`  loaded ${count!.n} events in ${seconds(loadStarted).toFixed(0)} s (untimed)`);

      // The cloud the till talks to in a process of its own, on the same database (as it
      // runs on a server of its own): its queries and answers do not take the till's thread.
      const cloud = await cloudProcess(database.location.databaseUrl!);
      stopCloud = cloud.stop;
      // Timed: a new till pairs and syncs until it is ready to sell.
      const tillDir = join(dir, 'till');
      const service = openTillService({ dataDir: tillDir, sync: { background: false } });
      const loadBefore = loadavg()[0]!;
      const started = process.hrtime.bigint();
      const report = await profiled('replica', async () => {
        await service.sync.pair(cloud.url, first.storeCode, 'Ny kasse');
        return service.sync.syncNow();
      });
      const value = seconds(started);
      console.log(`  ready to sell after ${value.toFixed(1)} s`);
      const loadAfter = loadavg()[0]!;
      if (!report.ok) throw new Error(`replica: ${String(report.error)}`);
      const probe = MEMBERS - 7;
      const found = await service.call(
        'member.lookup',
        { query: `+479${String(probe).padStart(7, '0')}` },
        { role: 'system', staffId: null },
      );
      if (found.member === null || found.remote)
        throw new Error('a member of the snapshot is not found locally');
      service.close();
      const tillFile = databasePath(tillDir);
      {
        const { db } = openDatabase(tillFile);
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.exec('VACUUM');
        db.close();
      }
      const tillBytes = fileBytes(tillFile);

      // Floor of the size: the same member rows alone in a fresh till database.
      const membersFile = join(dir, 'members-only.db');
      {
        const { db } = openDatabase(membersFile);
        db.exec(`ATTACH DATABASE '${tillFile}' AS replica`);
        db.exec('INSERT INTO members SELECT * FROM replica.members');
        db.exec('DETACH DATABASE replica');
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.exec('VACUUM');
        db.close();
      }
      const membersBytes = fileBytes(membersFile);

      // Floor of the time: the same ledgers read straight from PostgreSQL into a bare SQLite table.
      const floorStarted = process.hrtime.bigint();
      const bare = new Database(join(dir, 'bare.db'));
      bare.pragma('journal_mode = WAL');
      bare.exec('CREATE TABLE members (member_id TEXT PRIMARY KEY, ledger TEXT NOT NULL)');
      const insert = bare.prepare('INSERT INTO members VALUES (?, ?)');
      let after = '';
      for (;;) {
        const { rows } = await client.query<{ member_id: string; ledger: Buffer }>(
          `SELECT member_id, ledger FROM member_ledgers WHERE chain_id = $1 AND member_id > $2
            ORDER BY member_id LIMIT 5000`,
          [first.chainId, after],
        );
        if (rows.length === 0) break;
        bare.transaction(() => {
          for (const r of rows) insert.run(r.member_id, JSON.stringify(decodeLedger(r.ledger)));
        })();
        after = rows.at(-1)!.member_id;
      }
      bare.close();
      const floor = seconds(floorStarted);

      const figures: Figure[] = [
        figure({
          name: 'sync_initial_replica_1m_members_s',
          value,
          unit: 's',
          floor,
          goal: 'a new till of a chain with 1,000,000 members and a year of sales (≥ 5 M events) ready to sell in under 120 s',
          met: value < 120 && Number(count!.n) >= 5_000_000,
          note: `${count!.n} events in the cloud on PostgreSQL (${MEMBERS} members × ${1 + SALES_PER_MEMBER} events over a year, ${STORES} stores); the till service pairs and syncs once: ${report.received} items received (its store's sales within the chain's retention and the configuration as events, then ${MEMBERS} members' ledgers in pages of 2,000, each sent as the cloud stores it (raw-deflated JSON, base64), read (inflated, parsed, checked, made into rows) on a worker thread while the main thread installs the page before, and stored as it inflated (in transactions of 250 committed without waiting for the disk, a 64 MB page cache and a checkpoint every 8,192 WAL pages meanwhile), installed as rows that are their own bases), then the pull after the snapshot; a member found by phone locally after. The store's sales found by their index (cloud migration 024). The cloud server runs in a process of its own on the same machine and database (the in-process one only adds the stores). Load average ${loadBefore.toFixed(1)} at the start, ${loadAfter.toFixed(1)} at the end (2 cores). Floor = the same ledgers read from member_ledgers on a direct connection and inserted into a bare SQLite table`,
        }),
        figure({
          name: 'till_db_gb_after_replica',
          value: gb(tillBytes),
          unit: 'GiB',
          floor: gb(membersBytes),
          goal: 'the till database after the replica under 2× the size of the members alone',
          met: tillBytes < 2 * membersBytes,
          note: `the till's file after the sync, checkpointed and vacuumed; floor = a fresh till database holding only the same rows of the members table (vacuumed)`,
        }),
      ];
      return figures;
    } finally {
      await stopCloud();
      await client.end();
      await server.close();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
