/**
 * Embedded PostgreSQL (PGlite) in a data folder. PGlite is one connection in
 * this process, so a lock file keeps a second process (say an admin command
 * while the server runs) from opening the same folder and corrupting it.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Transaction } from '@electric-sql/pglite';
import type { Database, Queryable, Row } from './database';
import { securePrivateFolder } from './private-folder';

const LOCK_FILE = 'lojal-cloud.lock';
const PGDATA = 'pgdata';
/** What this folder holds of ours, kept private with all below it. */
const OWNED = [PGDATA, LOCK_FILE];

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
    db = await PGlite.create(join(dir, PGDATA));
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
