/**
 * Lojal's push beside a well-known peer, in the same run: PouchDB replicating
 * the same documents to an express-pouchdb server on loopback.
 *
 * - peer_pouchdb_10k_s: 10,000 documents — Lojal's day of events, each one
 *   document (its event id the document's id), so the same bytes — written to
 *   a local PouchDB (untimed), then replicated with `replicate.to` to an
 *   express-pouchdb server in this process on 127.0.0.1, in batches of 500 (as
 *   Lojal's sync client pushes). Both databases on disk with PouchDB's own
 *   default for Node (LevelDB), as Lojal's till (SQLite) and cloud
 *   (PostgreSQL) keep theirs on disk, and as the issue's first measurement
 *   (5.5–8.1 s) presumably ran. Not quite like for like: LevelDB writes
 *   without fsync, PostgreSQL's commits wait for theirs.
 * - peer_pouchdb_memory_10k_s: the same with both PouchDBs in memory
 *   (pouchdb-adapter-memory), PouchDB's best case, which keeps nothing over a
 *   restart; shown beside, not the goal's comparison.
 * - sync_push_vs_pouchdb: PouchDB's time (on disk) ÷ Lojal's (goal ≥ 2), and
 *   sync_push_vs_pouchdb_memory the same against the in-memory PouchDB. Lojal's
 *   push: the till's sync client to the cloud on PostgreSQL (the embedded
 *   database when none answers), checked, stored, ledgers folded, members
 *   indexed, projections kept.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startCloudServer } from '../cloud/server';
import { figure } from './lib';
import type { Figure } from './lib';
import type { Benchmark } from './run';
import { PUSH_EVENTS, embeddedDatabase, freshDatabase, timedPush } from './sync';
import { cpuMeter, cpuText, leastWallSeconds } from './sync/cpu';

/** PouchDB ships CommonJS without types: only the calls used here are typed. */
interface PouchDatabase {
  bulkDocs(docs: object[]): Promise<Array<{ ok?: boolean; error?: string }>>;
  info(): Promise<{ doc_count: number }>;
  replicate: {
    to(
      target: string,
      options: { batch_size: number },
    ): Promise<{ ok: boolean; docs_written: number; doc_write_failures: number }>;
  };
  destroy(): Promise<void>;
}
interface PouchConstructor {
  new (name: string): PouchDatabase;
  plugin(plugin: unknown): PouchConstructor;
  defaults(options: { adapter?: string; prefix?: string }): PouchConstructor;
}

const require = createRequire(import.meta.url);
const BATCH = 500;
const seconds = (startNs: bigint) => Number(process.hrtime.bigint() - startNs) / 1e9;

/** Where both PouchDBs keep their data: LevelDB files in a folder of their own, or memory. */
type PouchStorage = { kind: 'disk'; dir: string } | { kind: 'memory' };

async function pouchReplication(
  docs: readonly object[],
  storage: PouchStorage,
): Promise<{ seconds: number; written: number }> {
  const Base = require('pouchdb') as PouchConstructor;
  const PouchDB =
    storage.kind === 'memory'
      ? Base.plugin(require('pouchdb-adapter-memory')).defaults({ adapter: 'memory' })
      : Base.defaults({ prefix: `${storage.dir}/` });
  const expressPouchdb = require('express-pouchdb') as (
    pouch: PouchConstructor,
    options: object,
  ) => { listen(port: number, host: string, done: () => void): Server };
  const ServerPouch =
    storage.kind === 'memory' ? PouchDB : Base.defaults({ prefix: `${storage.dir}/server-` });
  const app = expressPouchdb(ServerPouch, { mode: 'minimumForPouchDB', inMemoryConfig: true });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const local = new PouchDB('lojal-bench-till');
  try {
    const { port } = server.address() as AddressInfo;
    for (let i = 0; i < docs.length; i += 1_000) {
      const answers = await local.bulkDocs(docs.slice(i, i + 1_000));
      const failed = answers.find((a) => a.error);
      if (failed) throw new Error(`PouchDB bulkDocs: ${failed.error}`);
    }
    const started = process.hrtime.bigint();
    const result = await local.replicate.to(`http://127.0.0.1:${port}/lojal-bench`, {
      batch_size: BATCH,
    });
    const value = seconds(started);
    // Every document written by the server (its answers to _bulk_docs), none failed.
    if (!result.ok || result.docs_written !== docs.length || result.doc_write_failures !== 0)
      throw new Error(`PouchDB replicated ${result.docs_written} of ${docs.length} documents`);
    return { seconds: value, written: result.docs_written };
  } finally {
    await local.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

const bench: Benchmark = {
  name: 'sync-peer',
  about: "Lojal's push of a day (10,000 events) beside PouchDB replicating the same documents",
  async run() {
    const postgres = await freshDatabase();
    const database = postgres ?? embeddedDatabase();
    const server = await startCloudServer({ port: 0, ...database.location });
    const pouchDir = mkdtempSync(join(tmpdir(), 'lojal-pouch-'));
    try {
      const lojal = await timedPush(server, 'Bench peer', { history: false });
      const docs = lojal.events.map((e) => ({ _id: e.id, ...e }));
      const pouchSpent = cpuMeter();
      const onDisk = await pouchReplication(docs, { kind: 'disk', dir: pouchDir });
      const pouchCpu = pouchSpent();
      const inMemory = await pouchReplication(docs, { kind: 'memory' });
      const same = `the same ${PUSH_EVENTS} events (${(lojal.bytes / 1e6).toFixed(1)} MB of JSON), batches of ${BATCH} both; Lojal: the till's sync client (SQLite) to the cloud on ${database.kind} (${lojal.seconds.toFixed(2)} s); PouchDB: ${onDisk.written} documents with replicate.to an express-pouchdb server on 127.0.0.1`;
      const disk = `${same}, both PouchDBs on disk with their default for Node, LevelDB (${onDisk.seconds.toFixed(2)} s)`;
      const memory = `${same}, both PouchDBs in memory with pouchdb-adapter-memory, which keeps nothing over a restart (${inMemory.seconds.toFixed(2)} s)`;
      const ratio = (pouch: number) => pouch / lojal.seconds;
      const cores = availableParallelism();
      const lojalLeast = leastWallSeconds(lojal.cpu, cores);
      const figures: Figure[] = [
        figure({
          name: 'peer_pouchdb_10k_s',
          value: onDisk.seconds,
          unit: 's',
          floor: null,
          goal: "measured beside Lojal's push of the same events, same run (no goal of its own)",
          met: true,
          note: disk,
        }),
        figure({
          name: 'peer_pouchdb_memory_10k_s',
          value: inMemory.seconds,
          unit: 's',
          floor: null,
          goal: "PouchDB's best case, shown beside (no goal of its own)",
          met: true,
          note: memory,
        }),
        figure({
          name: 'sync_push_vs_pouchdb',
          value: ratio(onDisk.seconds),
          unit: '×',
          floor: null,
          goal: "Lojal's push at least 2× as fast as PouchDB's replication, both on disk (PouchDB's time ÷ Lojal's ≥ 2)",
          met: ratio(onDisk.seconds) >= 2,
          note: `PouchDB ${onDisk.seconds.toFixed(2)} s ÷ Lojal ${lojal.seconds.toFixed(2)} s; ${disk}. CPU: Lojal's push ${cpuText(lojal.cpu)}${lojalLeast === null ? '' : ` (on ${cores} cores no less than ${lojalLeast.toFixed(2)} s)`}; PouchDB's replication ${pouchCpu.self.toFixed(2)} s, all in this process (client and server)`,
        }),
        figure({
          name: 'sync_push_vs_pouchdb_memory',
          value: ratio(inMemory.seconds),
          unit: '×',
          floor: null,
          goal: 'shown beside: PouchDB in memory ÷ Lojal on disk (no goal of its own)',
          met: true,
          note: `PouchDB ${inMemory.seconds.toFixed(2)} s ÷ Lojal ${lojal.seconds.toFixed(2)} s; ${memory}`,
        }),
      ];
      return figures;
    } finally {
      rmSync(pouchDir, { recursive: true, force: true });
      await server.close();
      await database.drop();
    }
  },
};

export default bench;
