/**
 * A till upgraded to a version that knows an event type its older version
 * stored as unknown applies those events when it starts (docs/architecture.md,
 * Sync: events of newer types).
 */
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { databasePath } from '.';
import { openTestTill } from './testing';
import type { TestTill } from './testing';

let till: TestTill | undefined;
afterEach(() => till?.close());

it('applies on start the stored events of a type the older version did not know', async () => {
  till = await openTestTill();
  const { member } = await till.call('member.enrol', { phone: '98765431', acceptTerms: true });
  const points = async () =>
    (await till!.call('member.get', { memberId: member.memberId })).points.balance;
  const before = await points();
  // As the older version stored a pulled `points.adjusted` it did not know.
  const db = new Database(databasePath(till.dir.dir));
  try {
    const mine = db.prepare("SELECT * FROM events WHERE type = 'member.enrolled'").get() as {
      chain_id: string;
      store_id: string;
      hlc: string;
    };
    db.prepare(
      `INSERT INTO events (id, chain_id, store_id, terminal_id, hlc, type, member_id, payload,
         schema_version, received_at, pushed, origin)
       VALUES ('01a249e4-0000-7000-8000-00000000beef', ?, ?, 'till-other', ?, 'points.adjusted', ?, ?, 1, 0, 1, 'remote')`,
    ).run(
      mine.chain_id,
      mine.store_id,
      mine.hlc.replace(/-[^-]+$/, '-till-other').replace(/^(\d+)-000000/, '$1-000001'),
      member.memberId,
      JSON.stringify({
        points: 300,
        actionId: 'review',
        reason: { nb: 'Anmeldelse', en: 'Review' },
        staffId: null,
        at: till.clock.now,
        availableAt: till.clock.now,
        expireAt: null,
      }),
    );
    db.prepare(
      "INSERT INTO foreign_event_types (type, events) VALUES ('points.adjusted', 1)",
    ).run();
  } finally {
    db.close();
  }
  expect(await points()).toBe(before);
  await till.restart();
  expect(await points()).toBe(before + 300);
});
