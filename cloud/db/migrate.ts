/**
 * Numbered migrations (`migrations/NNN_name.sql`), applied in order and recorded
 * in `schema_migrations`. What is recorded must be a prefix of what this server
 * knows: a database migrated by a newer server, or one whose history differs,
 * is refused rather than guessed at.
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { Database } from './database';
import { toInt } from './database';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url);
const FILE_NAME = /^(\d{3})_([a-z0-9_]+)\.sql$/;
/** Advisory lock key: two servers starting at once on one PostgreSQL migrate one after the other. */
const MIGRATION_LOCK = 74_190_001;

export function loadMigrations(): Migration[] {
  const migrations = readdirSync(MIGRATIONS_DIR)
    .map((file) => ({ file, match: FILE_NAME.exec(file) }))
    .filter((entry) => entry.match !== null)
    .map(({ file, match }) => ({
      version: Number(match![1]),
      name: match![2]!,
      sql: readFileSync(new URL(file, MIGRATIONS_DIR), 'utf8'),
    }))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `cloud migrations must be numbered 1, 2, 3…; found ${migration.version} at ${index + 1}`,
      );
    }
  });
  return migrations;
}

/** Applies what is missing; returns the versions applied now. */
export async function migrate(
  db: Database,
  migrations: Migration[] = loadMigrations(),
): Promise<number[]> {
  return db.transaction(async (tx) => {
    // A migration may wait for a running server's locks longer than a request would.
    await tx.query("SET LOCAL lock_timeout = '60s'");
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.execScript(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)',
    );
    const applied = (
      await tx.query<{ version: unknown; name: string }>(
        'SELECT version, name FROM schema_migrations ORDER BY version',
      )
    ).map((row) => ({ version: toInt(row.version), name: row.name }));
    const newest = migrations.at(-1)?.version ?? 0;
    applied.forEach((row, index) => {
      if (row.version > newest) {
        throw new Error(
          `the cloud database is at schema ${applied.at(-1)?.version}, newer than this server (${newest}): update the server`,
        );
      }
      const known = migrations[index];
      if (!known || known.version !== row.version || known.name !== row.name) {
        throw new Error(
          `the cloud database's migration history differs from this server's at ${row.version}_${row.name}`,
        );
      }
    });
    const pending = migrations.slice(applied.length);
    for (const migration of pending) {
      await tx.execScript(migration.sql);
      await tx.query(
        'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
        [migration.version, migration.name, Date.now()],
      );
    }
    return pending.map((m) => m.version);
  });
}
