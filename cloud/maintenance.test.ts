/**
 * The cloud's erasure leaves no readable copy once `purge-erased` has run
 * (issue 10, point 4). The member is enrolled and erased through the real
 * server's push; then the test reads the raw files of every table, TOAST table
 * and index of the cloud's schema, straight from the database's data folder:
 * the phone and surname are there after the erasure (the old row versions) and
 * gone after the step.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { memberNumberFor } from '../src/core/ean13';
import { memberEvents } from '../src/core/member/test-events';
import { PairResponse, ROUTES } from '../src/sync/protocol';
import type { Database } from './db/database';
import { purgeErased } from './maintenance';
import { startCloudServer } from './server';
import type { RunningCloudServer } from './server';
import { expectBody, request, Till } from './test/cloud';
import { DATABASE_TARGETS, describeOn } from './test/databases';
import type { DatabaseInstance } from './test/databases';

const REPO = join(import.meta.dirname, '..');

const PHONE_DIGITS = '98712345';
const PHONE = `+47${PHONE_DIGITS}`;
const SURNAME = 'Qvistgaardsen';
const EMAIL = 'ingeborgine.q@example.no';
const QR = 'qr-member-purge-1-token';

interface RelationFile {
  name: string;
  /** Relative to the data folder, as pg_relation_filepath gives it. */
  path: string;
}

/** Every table of the current schema, their TOAST tables and all their indexes, with their files. */
async function relationFiles(db: Database): Promise<RelationFile[]> {
  return db.query<{ name: string; path: string }>(
    `WITH t AS (
       SELECT c.oid, c.reltoastrelid FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind = 'r'),
     heaps AS (SELECT oid FROM t UNION SELECT reltoastrelid FROM t WHERE reltoastrelid <> 0),
     rels AS (SELECT oid FROM heaps UNION SELECT indexrelid FROM pg_index WHERE indrelid IN (SELECT oid FROM heaps))
     SELECT c.relname AS name, pg_relation_filepath(c.oid) AS path
       FROM rels JOIN pg_class c ON c.oid = rels.oid
      ORDER BY c.relname`,
  );
}

/** Where the relation files really are: PostgreSQL's data_directory, or PGlite's folder on disk. */
async function dataFolder(db: Database, instance: DatabaseInstance): Promise<string> {
  if (db.kind === 'pglite') return join(instance.location.dataDir!, 'pgdata');
  const [row] = await db.query<{ data_directory: string }>('SHOW data_directory');
  return row!.data_directory;
}

/** A relation's bytes: its main fork's 1 GB segments (`path`, `path.1`, …). */
function relationBytes(root: string, path: string): Buffer {
  const parts: Buffer[] = [];
  for (let segment = 0; ; segment++) {
    const file = join(root, segment === 0 ? path : `${path}.${segment}`);
    if (!existsSync(file)) break;
    try {
      parts.push(readFileSync(file));
    } catch (error) {
      throw new Error(
        `this test reads the database's files directly and could not read ${file} ` +
          `(${(error as Error).message}); run it as a user who can (root or the database's owner)`,
      );
    }
  }
  return Buffer.concat(parts);
}

/** Which of `needles` each relation file holds, as `relation: needle`. */
function findings(root: string, files: RelationFile[], needles: string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const bytes = relationBytes(root, file.path);
    for (const needle of needles)
      if (bytes.includes(Buffer.from(needle, 'utf8'))) found.push(`${file.name}: ${needle}`);
  }
  return found;
}

/** Dirty pages reach the files (the test runs as a superuser: the cloud itself need not). */
async function checkpoint(db: Database, instance: DatabaseInstance): Promise<void> {
  if (db.kind === 'pglite') {
    await db.query('CHECKPOINT');
    return;
  }
  const client = new pg.Client({ connectionString: instance.location.databaseUrl });
  await client.connect();
  try {
    await client.query('CHECKPOINT');
  } finally {
    await client.end();
  }
}

for (const target of DATABASE_TARGETS) {
  describeOn(target, 'purge-erased: no readable copy of an erased member', () => {
    let instance: DatabaseInstance;
    let server: RunningCloudServer;
    beforeAll(async () => {
      instance = await target.create();
      server = await startCloudServer({ port: 0, host: '127.0.0.1', ...instance.location });
    });
    afterAll(async () => {
      await server?.close();
      await instance?.drop();
    });

    it('leaves the phone and surname in the table files after the erasure, and in none after the step', async () => {
      const db = server.database;
      const { storeCode } = await server.admin.addStore('Kjede purge', 'Butikk 1');
      const pairing = expectBody(
        await request(server.url, 'POST', ROUTES.pair, {
          body: { storeCode, terminalName: 'Kasse 1' },
        }),
        200,
        PairResponse,
      );
      const till = new Till(server.url, pairing);
      const now = Date.now();
      const m = memberEvents('member-purge-1');
      const kept = memberEvents('member-purge-kept');
      const enrolled = m.enrolled(
        now - 60_000,
        {
          phoneE164: PHONE,
          memberNumber: memberNumberFor('29', 41),
          profile: {
            firstName: 'Ingeborgine',
            lastName: SURNAME,
            email: EMAIL,
            birthDate: '1987-03-09',
            postalCode: '0150',
            gender: null,
          },
        },
        till.origin,
      );
      const other = kept.enrolled(
        now - 60_000,
        { phoneE164: '+4740404040', memberNumber: memberNumberFor('29', 42) },
        till.origin,
      );
      expect((await till.push([enrolled, other])).acked).toHaveLength(2);
      // Refused (a NUL in the e-mail) and kept for the managers as it came, phone and name in it.
      const refused = m.profileUpdated(
        now - 30_000,
        { phoneE164: PHONE, lastName: SURNAME, email: 'ingeborgine\u0000@example.no' },
        till.origin,
      );
      expect((await till.push([refused])).rejected).toHaveLength(1);
      expect((await till.push([m.erased(now - 1_000, till.origin)])).acked).toHaveLength(1);

      // The live row keeps no copy from the erasure on (the id, code and reason stay).
      const live = await db.query<{ raw: string | null; code: string }>(
        'SELECT raw, code FROM refused_events WHERE event_id = $1',
        [refused.id],
      );
      expect(live).toEqual([{ raw: null, code: 'invalid_text' }]);
      // As an erasure made before that left it (the step's own clearing is tested with it).
      await db.query('UPDATE refused_events SET raw = $2 WHERE event_id = $1', [
        refused.id,
        JSON.stringify({ memberId: 'member-purge-1' }),
      ]);

      // What the server answers is redacted already: the old versions are what remains.
      const pulled = JSON.stringify(await till.pullAll());
      for (const personal of [PHONE_DIGITS, SURNAME, EMAIL, QR])
        expect(pulled).not.toContain(personal);

      const root = await dataFolder(db, instance);
      const before = await relationFiles(db);
      await checkpoint(db, instance);
      const leftBefore = findings(root, before, [PHONE_DIGITS, SURNAME, EMAIL, QR]);
      // The test can fail: the erasure alone leaves them in the events table's file.
      expect(leftBefore).toEqual(
        expect.arrayContaining([
          `events: ${PHONE_DIGITS}`,
          `events: ${SURNAME}`,
          `refused_events: ${PHONE_DIGITS}`,
          `refused_events: ${SURNAME}`,
        ]),
      );

      const report = await purgeErased(db);
      expect(report.tables).toEqual(expect.arrayContaining(['events', 'members', 'conflicts']));
      expect(report.erasedMembers).toBeGreaterThanOrEqual(1);
      expect(report.refusalsCleared).toBe(1);

      await checkpoint(db, instance);
      const after = await relationFiles(db);
      expect(findings(root, after, [PHONE_DIGITS, SURNAME, EMAIL, QR])).toEqual([]);
      // The files the old versions were in are gone or empty.
      expect(findings(root, before, [PHONE_DIGITS, SURNAME, EMAIL, QR])).toEqual([]);
      // The member not erased is still there, and the chain goes on.
      expect(findings(root, after, ['40404040'])).toContain('events: 40404040');
      const lookedUp = await till.lookupMembers({ phone: '40404040' });
      expect(lookedUp.map((x) => x.memberId)).toEqual(['member-purge-kept']);
      expect((await till.push([kept.sale(Date.now(), till.origin)])).acked).toHaveLength(1);
    });
  });
}

for (const target of DATABASE_TARGETS) {
  describeOn(target, 'npm run cloud -- purge-erased', () => {
    let instance: DatabaseInstance;
    beforeAll(async () => {
      instance = await target.create();
    });
    afterAll(async () => {
      await instance?.drop();
    });

    it('rewrites the tables from the command line and says what it did', () => {
      const { DATABASE_URL: _inherited, ...rest } = process.env;
      const env = {
        ...rest,
        LOJAL_CLOUD_DATA: instance.location.dataDir ?? join(REPO, 'not-used'),
        ...(instance.location.databaseUrl ? { DATABASE_URL: instance.location.databaseUrl } : {}),
      };
      const run = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'cloud/main.ts', 'purge-erased'],
        { cwd: REPO, env, encoding: 'utf8' },
      );
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(
        /^lojal-cloud: \d+ tables rewritten in \d+ ms; no old row version of the 0 erased member\(s\) is left in them/,
      );
    });
  });
}
