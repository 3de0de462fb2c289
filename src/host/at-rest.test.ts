/**
 * Data at rest on the till (issue 10, point 4): the data folder is the owner's
 * alone, and an erased member's phone and surname leave the database file.
 * Real files throughout: the modes are read with stat, the bytes with readFile.
 */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startHost } from './server';
import { tempDir } from '../store/testing/temp-db';
import type { TempDir } from '../store/testing/temp-db';
import { openTestTill } from '../service/testing';
import { databasePath, openTillService } from '../service/till-service';

const posix = process.platform !== 'win32';
const dirs: TempDir[] = [];
function freshDir(): TempDir {
  const dir = tempDir('lojal-at-rest-');
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) dir.remove();
});

function mode(path: string): number {
  return statSync(path).mode & 0o777;
}

/** Every file and folder below `dir` with its mode, as `name: 600`. */
function modes(dir: string): Record<string, string> {
  const found: Record<string, string> = { '.': mode(dir).toString(8) };
  const walk = (at: string, prefix: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      found[prefix + name] = mode(path).toString(8);
      if (statSync(path).isDirectory()) walk(path, `${prefix}${name}/`);
    }
  };
  walk(dir, '');
  return found;
}

/** How often `needle` occurs in the file's raw bytes (UTF-8, as SQLite stores text). */
function occurrences(path: string, needle: string): number {
  if (!existsSync(path)) return 0;
  const bytes = readFileSync(path);
  const pattern = Buffer.from(needle, 'utf8');
  let count = 0;
  for (let at = bytes.indexOf(pattern); at !== -1; at = bytes.indexOf(pattern, at + 1)) count++;
  return count;
}

describe.runIf(posix)('file modes of the till data folder', () => {
  it('creates a new data folder 700 with every file 600 (database, -wal, -shm, api-token)', async () => {
    const dir = join(freshDir().dir, 'new', 'lojal');
    const service = openTillService({ dataDir: dir, demo: true });
    const host = await startHost({ service, dataDir: dir, port: 0, uiDir: null });
    try {
      // The WAL and its index exist while the till runs: they must be private from the start.
      expect(existsSync(`${databasePath(dir)}-wal`)).toBe(true);
      expect(modes(dir)).toEqual({
        '.': '700',
        'lojal.db': '600',
        'lojal.db-wal': '600',
        'lojal.db-shm': '600',
        'api-token': '600',
      });
    } finally {
      await host.close();
      service.close();
      await service.whenClosed();
    }
  });

  it('repairs a folder the landed code made 755 with 644 files on start, saying what it changed', async () => {
    const dir = freshDir().dir;
    // The landed layout: the service made the folder and database under umask 022.
    const first = openTillService({ dataDir: dir, demo: true });
    first.close();
    await first.whenClosed();
    chmodSync(dir, 0o755);
    chmodSync(databasePath(dir), 0o644);
    writeFileSync(join(dir, 'api-token'), 'x'.repeat(43) + '\n', { mode: 0o644 });
    chmodSync(join(dir, 'api-token'), 0o644);
    mkdirSync(join(dir, 'exports'), { mode: 0o755 });
    chmodSync(join(dir, 'exports'), 0o755);
    writeFileSync(join(dir, 'exports', 'members.csv'), '+4798712345;Kari\n', { mode: 0o644 });
    chmodSync(join(dir, 'exports', 'members.csv'), 0o644);
    expect(modes(dir)).toMatchObject({ '.': '755', 'lojal.db': '644', 'api-token': '644' });

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const service = openTillService({ dataDir: dir, demo: true });
    const host = await startHost({ service, dataDir: dir, port: 0, uiDir: null });
    try {
      expect(modes(dir)).toEqual({
        '.': '700',
        'lojal.db': '600',
        'lojal.db-wal': '600',
        'lojal.db-shm': '600',
        'api-token': '600',
        // The folder inside is closed to others, so what it holds is out of their reach;
        // the repair does not walk below it (a data folder set to a home folder by mistake).
        exports: '700',
        'exports/members.csv': '644',
      });
      const lines = warn.mock.calls.map((call) => call.join(' '));
      const repaired = lines.find((line) => line.includes('made private'));
      expect(repaired).toBeDefined();
      for (const said of ['. 755→700', 'lojal.db 644→600', 'api-token 644→600'])
        expect(repaired).toContain(said);
      // Names and modes only: never what the files hold.
      expect(repaired).not.toContain('xxxx');
      expect(repaired).not.toContain('98712345');
    } finally {
      await host.close();
      service.close();
      await service.whenClosed();
    }
  });

  it('says nothing on a start that found the folder private', async () => {
    const dir = freshDir().dir;
    const first = openTillService({ dataDir: dir, demo: true });
    first.close();
    await first.whenClosed();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const again = openTillService({ dataDir: dir, demo: true });
    again.close();
    await again.whenClosed();
    expect(warn.mock.calls.filter((c) => c.join(' ').includes('made private'))).toEqual([]);
  });
});

describe('secure_delete: an erased member leaves the database file', () => {
  const PHONE = '98712345';
  const SURNAME = 'Qvistgaardsen';
  const FIRST = 'Ingeborgine';

  it('leaves neither phone nor surname in the file or its WAL after an erasure and a close', async () => {
    const dir = freshDir();
    const till = await openTestTill({ dir });
    const { member } = await till.call('member.enrol', {
      phone: PHONE,
      acceptTerms: true,
      profile: { firstName: FIRST, lastName: SURNAME, email: 'ingeborgine@example.no' },
    });
    await till.call('sale.commit', {
      lines: [{ sku: 'grovbrod', quantity: 1 }],
      memberId: member.memberId,
      idempotencyKey: 'at-rest-sale-1',
      paymentMethod: 'card',
    });
    // Pushed out of the WAL into the main file, as hours of selling would.
    till.close();
    await till.service.whenClosed();
    const path = databasePath(dir.dir);
    expect(occurrences(path, SURNAME)).toBeGreaterThan(0);
    expect(occurrences(path, PHONE)).toBeGreaterThan(0);

    await till.restart();
    await till.call('member.erase', { memberId: member.memberId, confirm: true }, till.manager);
    till.close();
    await till.service.whenClosed();

    for (const file of [path, `${path}-wal`]) {
      for (const personal of [PHONE, SURNAME, FIRST])
        expect(occurrences(file, personal), `${personal} in ${file}`).toBe(0);
    }
  });

  it('leaves neither phone nor surname of an event of theirs set aside in the quarantine', async () => {
    const dir = freshDir();
    const till = await openTestTill({ dir });
    const { member } = await till.call('member.enrol', { phone: '98712346', acceptTerms: true });
    till.close();
    await till.service.whenClosed();
    const path = databasePath(dir.dir);
    // A pulled profile update this till could not apply, kept as it came.
    const db = new Database(path);
    db.prepare(
      `INSERT INTO quarantine (direction, event_id, event_type, raw, code, reason, at)
       VALUES ('pulled', 'evt-aside-1', 'member.profile_updated', ?, 'invalid_event', 'payload.fields.email: bad', 0)`,
    ).run(
      JSON.stringify({
        id: 'evt-aside-1',
        type: 'member.profile_updated',
        memberId: member.memberId,
        payload: { fields: { phoneE164: `+47${PHONE}`, lastName: SURNAME, firstName: FIRST } },
      }),
    );
    db.close();
    expect(occurrences(path, SURNAME)).toBeGreaterThan(0);

    await till.restart();
    await till.call('member.erase', { memberId: member.memberId, confirm: true }, till.manager);
    till.close();
    await till.service.whenClosed();
    for (const file of [path, `${path}-wal`]) {
      for (const personal of [PHONE, SURNAME, FIRST])
        expect(occurrences(file, personal), `${personal} in ${file}`).toBe(0);
    }
  });

  it('(control) without secure_delete this SQLite leaves deleted text readable in free pages', () => {
    // Shows the byte scan above would see what a deletion leaves behind.
    const path = freshDir().path('plain.db');
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('secure_delete = OFF');
    db.exec('CREATE TABLE t (x TEXT)');
    db.prepare('INSERT INTO t VALUES (?)').run(`${SURNAME} ${PHONE}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.exec('DELETE FROM t');
    db.close();
    expect(occurrences(path, SURNAME)).toBeGreaterThan(0);
  });
});
