import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseTooNewError, migrate, openDatabase, schemaVersion } from './db';
import type { Db } from './db';
import { LATEST_SCHEMA_VERSION, migrations } from './migrations';
import { PROGRAMME_VERSION_SQL } from './projections/chain';
import { MEMBER_SALES_SQL } from './sales';
import { tempDir } from './testing/temp-db';
import type { TempDir } from './testing/temp-db';

let tmp: TempDir;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.remove());

function tables(db: Db): string[] {
  return db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
}

/** The query plan's detail lines, e.g. "SEARCH members USING INDEX members_phone (...)". */
function plan(db: Db, sql: string, ...params: unknown[]): string {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{
    detail: string;
  }>;
  return rows.map((r) => r.detail).join('\n');
}

describe('openDatabase', () => {
  it('creates a new file at the latest schema with durable settings', () => {
    const { db, previousVersion } = openDatabase(tmp.path('lojal.db'));
    expect(previousVersion).toBe(0);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });

  it('opens an existing file without migrating it again', () => {
    openDatabase(tmp.path('lojal.db')).db.close();
    const { db, previousVersion } = openDatabase(tmp.path('lojal.db'));
    expect(previousVersion).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('refuses a database written by a newer app, and leaves it untouched', () => {
    const path = tmp.path('lojal.db');
    const raw = new Database(path);
    raw.exec('CREATE TABLE future (x INTEGER)');
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    raw.close();

    expect(() => openDatabase(path)).toThrow(DatabaseTooNewError);
    expect(() => openDatabase(path)).toThrow(/update Lojal/);

    const after = new Database(path);
    expect(after.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION + 1);
    expect(tables(after)).toEqual(['future']);
    expect(after.pragma('journal_mode', { simple: true })).toBe('delete');
    after.close();
  });

  it('numbers its migrations 1, 2, 3... with no gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });
});

describe('migration 001_init', () => {
  let db: Db;
  beforeEach(() => {
    db = new Database(tmp.path('m1.db'));
    migrate(db, 1);
  });
  afterEach(() => db.close());

  it('creates every table of the till', () => {
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).toEqual([
      'barcodes',
      'catalogue',
      'conflicts',
      'events',
      'members',
      'print_jobs',
      'programme',
      'sales',
      'settings',
      'staff',
      'sync_state',
    ]);
  });

  it('keeps the events table append-friendly: id primary key, origin checked', () => {
    const insert = db.prepare(
      `INSERT INTO events (id, chain_id, store_id, terminal_id, hlc, type, member_id, payload,
         schema_version, received_at, origin) VALUES (?, 'c', 's', 't', 'h', 'x', NULL, '{}', 1, 0, ?)`,
    );
    insert.run('e1', 'local');
    expect(() => insert.run('e1', 'local')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => insert.run('e2', 'elsewhere')).toThrow(/CHECK/);
    const pushed = db.prepare('SELECT pushed FROM events WHERE id = ?').pluck().get('e1');
    expect(pushed).toBe(0);
  });

  it('answers the hot lookups from indexes, never a table scan', () => {
    const byPhone = `SELECT ledger FROM members WHERE phone_e164 = ? AND erased = 0
       ORDER BY enrolled_at, member_id LIMIT 1`;
    expect(plan(db, byPhone, 'x')).toMatch(/USING INDEX members_phone/);
    const byNumber = `SELECT ledger FROM members WHERE member_number = ? AND erased = 0
       ORDER BY enrolled_at, member_id LIMIT 1`;
    expect(plan(db, byNumber, 'x')).toMatch(/USING INDEX members_number/);
    expect(plan(db, 'SELECT ledger FROM members WHERE qr_token = ? AND erased = 0', 'x')).toMatch(
      /USING INDEX members_qr/,
    );
    expect(
      plan(
        db,
        'SELECT member_id FROM members WHERE name_key >= ? AND name_key < ? AND erased = 0',
        'a',
        'b',
      ),
    ).toMatch(/USING INDEX members_name/);
    expect(
      plan(
        db,
        'SELECT member_id FROM members WHERE surname_key >= ? AND surname_key < ? AND erased = 0',
        'a',
        'b',
      ),
    ).toMatch(/USING INDEX members_surname/);
    expect(plan(db, 'SELECT * FROM events WHERE member_id = ? ORDER BY hlc, id', 'm')).toMatch(
      /USING INDEX events_member_hlc/,
    );
    expect(plan(db, 'SELECT * FROM events WHERE pushed = 0 ORDER BY hlc, id LIMIT 10')).toMatch(
      /USING INDEX events_outbox/,
    );
    expect(
      plan(
        db,
        `SELECT * FROM events WHERE type IN ('sale.voided', 'sale.returned')
         AND json_extract(payload, '$.saleId') = ? ORDER BY hlc, id`,
        's',
      ),
    ).toMatch(/USING INDEX events_sale_ref/);
    expect(plan(db, 'SELECT * FROM sales WHERE idempotency_key = ?', 'k')).toMatch(
      /USING INDEX sqlite_autoindex_sales/,
    );
    expect(plan(db, 'SELECT sku FROM barcodes WHERE barcode = ?', '1')).toMatch(
      /USING (PRIMARY KEY|INDEX sqlite_autoindex_barcodes)/,
    );
    for (const sql of [
      byPhone,
      byNumber,
      'SELECT * FROM events WHERE member_id = ? ORDER BY hlc, id',
    ]) {
      expect(plan(db, sql, 'x')).not.toMatch(/SCAN members|SCAN events|TEMP B-TREE/);
    }
  });
});

describe('migration 004_fewer_sale_indexes', () => {
  it('keeps the two reads the dropped indexes served on indexes, with the rows in place', () => {
    const db = new Database(tmp.path('m4.db'));
    migrate(db, 3);
    db.prepare(
      `INSERT INTO events (id, chain_id, store_id, terminal_id, hlc, type, member_id, payload,
         schema_version, received_at, origin)
       VALUES ('e1', 'c', 's', 't', 'h1', 'programme.saved', NULL, '{}', 1, 0, 'local')`,
    ).run();
    migrate(db, 4);
    expect(schemaVersion(db)).toBe(4);
    const indexes = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name NOT LIKE 'sqlite_%'")
      .pluck()
      .all();
    expect(indexes).toContain('events_programme_hlc');
    expect(indexes).not.toContain('events_type_hlc');
    expect(indexes).not.toContain('sales_member');
    expect(plan(db, PROGRAMME_VERSION_SQL)).toMatch(/USING COVERING INDEX events_programme_hlc/);
    const byMember = plan(db, MEMBER_SALES_SQL, { memberId: 'm' });
    expect(byMember).toMatch(/USING INDEX events_member_hlc/);
    expect(byMember).not.toMatch(/SCAN (events|sales)/);
    expect(db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(1);
    db.close();
  });
});
