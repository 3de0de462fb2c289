/**
 * Embedded PostgreSQL (PGlite) in a data folder. PGlite is one connection in
 * this process, so a lock file keeps a second process (say an admin command
 * while the server runs) from opening the same folder and corrupting it.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { PGlite } from '@electric-sql/pglite';
import type { Transaction } from '@electric-sql/pglite';
import type { Database, Queryable, Row } from './database';
import { securePrivateFolder } from './private-folder';

const LOCK_FILE = 'lojal-cloud.lock';
const PGDATA = 'pgdata';
/** What this folder holds of ours, kept private with all below it. */
const OWNED = [PGDATA, LOCK_FILE];

/**
 * Memory, not durability (cloud_rss_mb_idle in bench/sync-visibility.ts): the
 * embedded cloud idled at 430–900 MiB. What it held: PostgreSQL's shared
 * buffers at 128 MB inside the wasm heap (a wasm heap never gives memory
 * back, so every page touched stays resident), maintenance_work_mem at 64 MB
 * (a VACUUM or an index build touches it all), and V8's optimised (TurboFan)
 * copies of PostgreSQL's hot functions beside the baseline ones. The data
 * files are plain files in the data folder, so the OS page cache still holds
 * what the smaller buffers do not. Given as start parameters (after PGlite's
 * own), not in postgresql.conf, which PGlite would overwrite whole.
 */
const MEMORY_PARAMS = ['-c', 'shared_buffers=16MB', '-c', 'maintenance_work_mem=16MB'];

/**
 * Only V8's baseline compiler (Liftoff) for wasm: PGlite's module is big and
 * tiering up its hot functions kept 60–90 MiB more resident, for no speed a
 * loyalty cloud's queries noticed (bench/sync-visibility.ts). Process-wide,
 * and only for wasm compiled after it: set just before PGlite is created; a
 * cloud on PostgreSQL never sets it.
 */
function baselineWasmOnly(): void {
  setFlagsFromString('--liftoff-only');
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as { code?: unknown }).code === 'EPERM';
  }
}

function takeLock(dataDir: string): string {
  const path = join(dataDir, LOCK_FILE);
  try {
    writeFileSync(path, String(process.pid), { flag: 'wx', mode: 0o600 });
    return path;
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
  }
  const holder = Number(readFileSync(path, 'utf8').trim());
  if (Number.isInteger(holder) && holder > 0 && isRunning(holder)) {
    throw new Error(
      `the cloud data folder ${dataDir} is in use by process ${holder}` +
        (holder === process.pid ? ' (this one)' : '') +
        '; stop that server first, or point LOJAL_CLOUD_DATA elsewhere',
    );
  }
  // A crashed server left its lock behind.
  writeFileSync(path, String(process.pid), { mode: 0o600 });
  return path;
}

function wrap(target: PGlite | Transaction): Queryable {
  return {
    async query<R extends Row = Row>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query<R>(sql, [...params]);
      return result.rows;
    },
    async execScript(sql: string) {
      await target.exec(sql);
    },
  };
}

export async function openPglite(dataDir: string): Promise<Database> {
  const dir = resolve(dataDir);
  // The chain's members are in here: 700 and 600, also for a folder an earlier version made.
  const repaired = securePrivateFolder(dir, OWNED);
  if (repaired > 0)
    console.warn(
      `lojal-cloud: the data folder ${dir} was readable by other users; ${repaired} mode(s) made private to its owner`,
    );
  const lockPath = takeLock(dir);
  let db: PGlite;
  try {
    baselineWasmOnly();
    db = await PGlite.create(join(dir, PGDATA), {
      startParams: [...PGlite.defaultStartParams, ...MEMORY_PARAMS],
    });
    // What PGlite created (666 and 755) while starting.
    securePrivateFolder(dir, OWNED);
  } catch (error) {
    rmSync(lockPath, { force: true });
    throw error;
  }
  const direct = wrap(db);
  return {
    kind: 'pglite',
    query: direct.query,
    execScript: direct.execScript,
    transaction: (work) => db.transaction((tx) => work(wrap(tx))),
    async close() {
      try {
        await db.close();
        // Relations created while running (a VACUUM FULL's new files, say) came 666 too.
        securePrivateFolder(dir, OWNED);
      } finally {
        rmSync(lockPath, { force: true });
      }
    },
  };
}
