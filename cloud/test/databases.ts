/**
 * The databases the cloud tests run against: PGlite always, PostgreSQL when one
 * answers (DATABASE_URL, or the machine's own at 127.0.0.1:5432). Each test
 * server gets a database of its own and it is removed afterwards.
 *
 * A fresh PGlite runs initdb (15-25 s on a busy two-core machine), so PGlite
 * servers start from a copy of a template folder made once by the real
 * `openDatabase` (initdb and migrations) and kept in the temp folder, keyed by
 * the PGlite version and the migrations. `database.test.ts` opens a truly empty
 * folder, so initdb and migrating from nothing stay tested.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';
import { loadMigrations } from '../db/migrate';
import { openDatabase } from '../db/open';
import { postgresTarget } from './postgres-target';
import type { DatabaseTarget } from './postgres-target';

export type { DatabaseInstance, DatabaseTarget } from './postgres-target';

/** `describe` on one target; skipped, with the reason in its name, when the target cannot run. */
export function describeOn(target: DatabaseTarget, title: string, body: () => void): void {
  const name = target.skipReason
    ? `${title} [${target.label}: skipped, ${target.skipReason}]`
    : `${title} [${target.label}]`;
  describe.skipIf(target.skipReason !== null)(name, body);
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `lojal-cloud-${prefix}-`));
}

/** The installed PGlite's version (its package exports no package.json, so read it by path). */
function pgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const manifest = JSON.parse(readFileSync(join(entry, '..', '..', 'package.json'), 'utf8')) as {
    name?: string;
    version?: string;
  };
  if (manifest.name !== '@electric-sql/pglite')
    throw new Error(`PGlite's package.json is not beside ${entry}`);
  return manifest.version ?? 'unknown';
}

async function pgliteTemplate(): Promise<string> {
  const key = createHash('sha256')
    .update(pgliteVersion())
    .update(JSON.stringify(loadMigrations()))
    .digest('hex')
    .slice(0, 16);
  const template = join(tmpdir(), `lojal-cloud-pglite-template-${key}`);
  if (existsSync(join(template, 'pgdata', 'PG_VERSION'))) return template;
  const building = tempDir('template');
  const db = await openDatabase({ dataDir: building });
  await db.close();
  try {
    // Atomic: a test process building the same template at once loses the race harmlessly.
    renameSync(building, template);
  } catch {
    rmSync(building, { recursive: true, force: true });
  }
  return template;
}

export async function freshPgliteDir(): Promise<string> {
  const dir = tempDir('pglite');
  cpSync(await pgliteTemplate(), dir, { recursive: true });
  return dir;
}

const pglite: DatabaseTarget = {
  label: 'PGlite',
  skipReason: null,
  async create() {
    const dataDir = await freshPgliteDir();
    return {
      location: { dataDir },
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  },
};

export const DATABASE_TARGETS: DatabaseTarget[] = [pglite, await postgresTarget()];
