import { statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHECKPOINT_EVERY, checkpointSoon } from './checkpoint';
import { openDatabase } from './db';
import type { Db } from './db';
import { tempDir } from './testing/temp-db';
import type { TempDir } from './testing/temp-db';

let tmp: TempDir;
let db: Db;
beforeEach(() => {
  tmp = tempDir();
  db = openDatabase(tmp.path('lojal.db')).db;
  db.exec('CREATE TABLE blobs (b BLOB NOT NULL)');
  db.pragma('wal_checkpoint(TRUNCATE)');
});
afterEach(() => {
  if (db.open) db.close();
  tmp.remove();
});

const turn = () => new Promise((resolve) => setImmediate(resolve));
const fileSize = () => statSync(tmp.path('lojal.db')).size;

describe('checkpointSoon', () => {
  it('folds the WAL into the database file every so many writes, once the event loop turns', async () => {
    const before = fileSize();
    // Pages a migration freed (009 copies print_jobs) take part of the MB without growing the file.
    const free =
      (db.pragma('freelist_count', { simple: true }) as number) *
      (db.pragma('page_size', { simple: true }) as number);
    // 1 MB stays in the WAL: under the automatic checkpoint's 1,000 pages.
    db.prepare('INSERT INTO blobs (b) VALUES (?)').run(Buffer.alloc(1 << 20));
    for (let i = 1; i < CHECKPOINT_EVERY; i++) checkpointSoon(db);
    await turn();
    expect(fileSize()).toBe(before);
    checkpointSoon(db);
    expect(fileSize()).toBe(before);
    await turn();
    expect(fileSize()).toBeGreaterThan(before + (1 << 20) - free - 1);
  });

  it('leaves a closed database alone', async () => {
    checkpointSoon(db, 1);
    db.close();
    await turn();
    expect(db.open).toBe(false);
  });
});
