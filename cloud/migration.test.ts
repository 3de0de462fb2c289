/**
 * Migration 002 on a database that already holds chains, terminals and events:
 * terminals get slots in the order they were paired, the chain's order keeps
 * every event at its old sequence number (cursors handed out stay valid), and
 * what is pushed afterwards comes after it. PostgreSQL only (a fresh embedded
 * database at schema 1 would need its own initdb).
 */
import { afterAll, expect, it } from 'vitest';
import { memberEvents } from '../src/core/member/test-events';
import { PullResponse } from '../src/sync/protocol';
import { appendEvents, pullEvents } from './event-log';
import { loadMigrations, migrate } from './db/migrate';
import { openPostgres } from './db/postgres';
import type { Database } from './db/database';
import { DATABASE_TARGETS, describeOn } from './test/databases';
import type { DatabaseInstance } from './test/databases';

const T0 = Date.UTC(2026, 9, 1, 10, 0, 0);
const target = DATABASE_TARGETS.find((t) => t.label === 'PostgreSQL')!;

describeOn(target, 'migration 002 with data', () => {
  let instance: DatabaseInstance | null = null;
  let db: Database | null = null;
  afterAll(async () => {
    await db?.close();
    await instance?.drop();
  });

  it('gives existing terminals slots by pairing order and keeps cursors valid', async () => {
    instance = await target.create();
    db = await openPostgres(instance.location.databaseUrl!);
    const [first] = loadMigrations();
    expect(await migrate(db, [first!])).toEqual([1]);
    await db.query("INSERT INTO chains (id, name, created_at) VALUES ('c1', 'Kjede', 0)");
    await db.query(
      "INSERT INTO stores (id, chain_id, name, code, created_at) VALUES ('s1', 'c1', 'Butikk', 'AAAABBBB', 0)",
    );
    for (const [id, at] of [
      ['t-late', 300],
      ['t-first', 100],
      ['t-second', 200],
    ] as const) {
      await db.query(
        "INSERT INTO terminals (id, chain_id, store_id, name, paired_at) VALUES ($1, 'c1', 's1', $1, $2)",
        [id, at],
      );
    }
    const origin = { chainId: 'c1', storeId: 's1', terminalId: 't-first' };
    const m = memberEvents('member-old');
    const old = [m.enrolled(T0, {}, origin), m.sale(T0 + 1, origin), m.sale(T0 + 2, origin)];
    for (const e of old) {
      await db.query(
        `INSERT INTO events (chain_id, id, store_id, terminal_id, hlc, type, member_id, schema_version, payload, received_at)
         VALUES ('c1', $1, 's1', 't-first', $2, $3, $4, $5, $6::jsonb, 0)`,
        [e.id, e.hlc, e.type, e.memberId, e.schemaVersion, JSON.stringify(e.payload)],
      );
    }
    const seqs = (await db.query<{ seq: unknown }>('SELECT seq FROM events ORDER BY seq')).map(
      (r) => String(r.seq),
    );

    expect(await migrate(db)).toEqual(
      loadMigrations()
        .slice(1)
        .map((m) => m.version),
    );
    const slots = await db.query<{ id: string; slot: unknown }>(
      'SELECT id, slot FROM terminals ORDER BY slot',
    );
    expect(slots.map((r) => [r.id, Number(r.slot)])).toEqual([
      ['t-first', 1],
      ['t-second', 2],
      ['t-late', 3],
    ]);
    const chain = await db.query<{ slots_given: unknown; max_hlc: string }>(
      "SELECT slots_given, max_hlc FROM chains WHERE id = 'c1'",
    );
    expect(Number(chain[0]!.slots_given)).toBe(3);
    expect(chain[0]!.max_hlc).toBe(old[2]!.hlc);

    // A cursor handed out before the migration (a sequence number) goes on from there.
    const all = PullResponse.parse(await pullEvents(db, 'c1', '0', 10));
    expect(all.events.map((e) => e.id)).toEqual(old.map((e) => e.id));
    expect(all.next).toBe(seqs[2]);
    const rest = PullResponse.parse(await pullEvents(db, 'c1', seqs[0]!, 10));
    expect(rest.events.map((e) => e.id)).toEqual(old.slice(1).map((e) => e.id));

    const later = m.sale(T0 + 3, origin);
    await db.transaction((tx) => appendEvents(tx, 'c1', [later], T0));
    const after = PullResponse.parse(await pullEvents(db, 'c1', all.next, 10));
    expect(after.events.map((e) => e.id)).toEqual([later.id]);
    expect(Number(after.next)).toBeGreaterThan(Number(all.next));
  });
});
