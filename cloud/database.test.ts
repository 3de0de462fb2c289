import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from './db/database';
import { loadMigrations, migrate } from './db/migrate';
import { openDatabase } from './db/open';
import { DATABASE_TARGETS, describeOn, tempDir } from './test/databases';
import type { DatabaseInstance } from './test/databases';

describe('migrations on an empty PGlite folder (initdb included)', () => {
  const dataDir = tempDir('empty');
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates the schema, records it, and refuses a second opener of the folder', async () => {
    const db = await openDatabase({ dataDir });
    try {
      const applied = await db.query<{ version: unknown; name: string }>(
        'SELECT version, name FROM schema_migrations ORDER BY version',
      );
      expect(applied.map((r) => [Number(r.version), r.name])).toEqual(
        loadMigrations().map((m) => [m.version, m.name]),
      );
      await expect(openDatabase({ dataDir })).rejects.toThrow(/in use by process \d+ \(this one\)/);
    } finally {
      await db.close();
    }
    // Closed, the folder opens again, with nothing left to migrate.
    const again = await openDatabase({ dataDir });
    try {
      expect(await migrate(again)).toEqual([]);
    } finally {
      await again.close();
    }
  }, 120_000);
});

for (const target of DATABASE_TARGETS) {
  describeOn(target, 'migration history', () => {
    const opened: Array<{ db: Database; instance: DatabaseInstance }> = [];
    async function open(): Promise<Database> {
      const instance = await target.create();
      const db = await openDatabase(instance.location);
      opened.push({ db, instance });
      return db;
    }
    afterAll(async () => {
      for (const { db, instance } of opened) {
        await db.close();
        await instance.drop();
      }
    });

    it('applies a new migration once, after those already applied', async () => {
      const db = await open();
      const known = loadMigrations();
      const next = {
        version: known.length + 1,
        name: 'test_extra',
        sql: 'CREATE TABLE test_extra (x integer);',
      };
      expect(await migrate(db, [...known, next])).toEqual([next.version]);
      expect(await migrate(db, [...known, next])).toEqual([]);
      expect(await db.query('SELECT x FROM test_extra')).toEqual([]);
    });

    it('refuses a database migrated by a newer server, or with another history', async () => {
      const db = await open();
      const known = loadMigrations();
      await db.query(
        'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
        [known.length + 1, 'from_the_future', Date.now()],
      );
      await expect(migrate(db, known)).rejects.toThrow(/newer than this server/);
      const renamed = known.map((m, i) => (i === 0 ? { ...m, name: 'something_else' } : m));
      await db.query('DELETE FROM schema_migrations WHERE name = $1', ['from_the_future']);
      await expect(migrate(db, renamed)).rejects.toThrow(/history differs/);
    });

    it('rolls a failing migration back whole', async () => {
      const db = await open();
      const known = loadMigrations();
      const broken = {
        version: known.length + 1,
        name: 'broken',
        sql: 'CREATE TABLE half_done (x integer); SELECT no_such_column FROM half_done;',
      };
      await expect(migrate(db, [...known, broken])).rejects.toThrow();
      const tables = await db.query(
        "SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'",
      );
      expect(tables).toEqual([]);
      expect(await migrate(db, known)).toEqual([]);
    });
  });
}
