/**
 * Migration 009 on a database that already holds members: their names (last
 * writer per field, by clock) and stores are taken from their events, so the
 * back office finds members indexed before it by name. PostgreSQL only (a
 * fresh embedded database at an older schema would need its own initdb).
 */
import { afterAll, expect, it } from 'vitest';
import { memberNumberFor } from '../../src/core/ean13';
import type { LojalEvent } from '../../src/core/events';
import { memberEvents } from '../../src/core/member/test-events';
import type { Database } from '../db/database';
import { loadMigrations, migrate } from '../db/migrate';
import { openPostgres } from '../db/postgres';
import { DATABASE_TARGETS, describeOn } from '../test/databases';
import type { DatabaseInstance } from '../test/databases';
import { readQuery, searchRows } from './members';

const T0 = Date.UTC(2026, 9, 1, 10, 0, 0);
const target = DATABASE_TARGETS.find((t) => t.label === 'PostgreSQL')!;

describeOn(target, 'migration 009 with members', () => {
  let instance: DatabaseInstance | null = null;
  let db: Database | null = null;
  afterAll(async () => {
    await db?.close();
    await instance?.drop();
  });

  it('names the members indexed before it from their events', async () => {
    instance = await target.create();
    db = await openPostgres(instance.location.databaseUrl!);
    const before = loadMigrations().filter((m) => m.version < 9);
    await migrate(db, before);
    await db.query("INSERT INTO chains (id, name, created_at) VALUES ('c1', 'Kjede', 0)");
    for (const store of ['s1', 's2'])
      await db.query(
        "INSERT INTO stores (id, chain_id, name, code, created_at) VALUES ($1, 'c1', $1, $2, 0)",
        [store, `${store.toUpperCase()}AAAAAA`],
      );
    const at = (storeId: string) => ({ chainId: 'c1', storeId, terminalId: `t-${storeId}` });
    const kari = memberEvents('member-kari');
    const ola = memberEvents('member-ola');
    const events: LojalEvent[] = [
      kari.enrolled(T0, { memberNumber: memberNumberFor('29', 1) }, at('s1')),
      // Her last name changed later; a change of the phone only keeps the names.
      kari.profileUpdated(T0 + 2, { lastName: 'Berg' }, at('s1')),
      kari.profileUpdated(T0 + 3, { phoneE164: '+4791111111' }, at('s1')),
      kari.sale(T0 + 4, at('s2')),
      ola.enrolled(
        T0 + 1,
        {
          memberNumber: memberNumberFor('29', 2),
          phoneE164: '+4792222222',
          profile: {
            firstName: 'Ola',
            lastName: null,
            email: null,
            birthDate: null,
            postalCode: null,
            gender: null,
          },
        },
        at('s2'),
      ),
    ];
    for (const e of events)
      await db.query(
        `INSERT INTO events (chain_id, id, store_id, terminal_id, hlc, type, member_id, schema_version, payload, received_at)
         VALUES ('c1', $1, $2, $3, $4, $5, $6, $7, $8::jsonb, 0)`,
        [
          e.id,
          e.storeId,
          e.terminalId,
          e.hlc,
          e.type,
          e.memberId,
          e.schemaVersion,
          JSON.stringify(e.payload),
        ],
      );
    // The index as the cloud kept it before 009: numbers and phones, no names.
    for (const [member, number, phone] of [
      ['member-kari', memberNumberFor('29', 1), '+4791111111'],
      ['member-ola', memberNumberFor('29', 2), '+4792222222'],
    ])
      await db.query(
        `INSERT INTO members (chain_id, member_id, member_number, phone_e164, erased, enrolled_at, qr_token)
         VALUES ('c1', $1, $2, $3, false, 0, $1)`,
        [member, number, phone],
      );

    // 009 and whatever came after it.
    expect(await migrate(db)).toEqual(
      loadMigrations()
        .filter((m) => m.version >= 9)
        .map((m) => m.version),
    );
    const found = async (q: string) =>
      (await searchRows(db!, 'c1', readQuery(q), 0)).map((r) => [r.member_id, r.full_name]);
    expect(await found('kari')).toEqual([['member-kari', 'Kari Berg']]);
    expect(await found('berg k')).toEqual([['member-kari', 'Kari Berg']]);
    expect(await found('nordmann')).toEqual([]);
    expect(await found('ola')).toEqual([['member-ola', 'Ola']]);
    const stores = await db.query<{ member_id: string; store_ids: string[] }>(
      'SELECT member_id, store_ids FROM members ORDER BY member_id',
    );
    expect(stores.map((r) => [r.member_id, r.store_ids])).toEqual([
      ['member-kari', ['s1', 's2']],
      ['member-ola', ['s2']],
    ]);
  });
});
