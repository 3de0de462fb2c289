/**
 * Staff saves written at once by two tills, or by a till and the back office
 * (PostgreSQL: two writers at once; PGlite has one connection, where a second
 * writer waits for the first to end): the staff lock (cloud/event-rows.ts
 * lockStaff) puts them one after the other, so two managers cannot each
 * disable the other and leave the chain with none. A third writer holds the
 * staff lock until both have reached it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addStore } from './chains';
import type { Database } from './db/database';
import { openDatabase } from './db/open';
import { pushEvents } from './event-log';
import { lockStaff, STAFF_LOCK_SPACE } from './event-rows';
import { describeBackoffice, errorOf, staffSaved } from './test/backoffice';
import { DATABASE_TARGETS, describeOn } from './test/databases';
import type { DatabaseInstance } from './test/databases';
import { holdLock, waitersOn } from './test/hold-lock';
import { staffSavedEvent } from './test/staff-events';

const NOW = Date.UTC(2026, 10, 2, 12);
const POSTGRES = DATABASE_TARGETS.find((t) => t.label === 'PostgreSQL')!;

/** How many of the chain's staff are active managers, by each one's newest save. */
async function activeManagers(db: Database, chainId: string): Promise<number> {
  const rows = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM (
       SELECT DISTINCT ON (payload->>'employeeId') payload->>'role' AS role,
              (payload->>'active')::boolean AS active
         FROM events WHERE chain_id = $1 AND type = 'staff.saved'
        ORDER BY payload->>'employeeId', hlc DESC) s
      WHERE s.role = 'manager' AND s.active`,
    [chainId],
  );
  return Number(rows[0]!.n);
}

/** Runs `writers` while a third writer holds the chain's staff lock, released once both wait for it. */
async function behindStaffLock<A, B>(
  db: Database,
  chainId: string,
  writers: () => [Promise<A>, Promise<B>],
): Promise<[A, B]> {
  const holder = await holdLock(db, (tx) => lockStaff(tx, chainId));
  try {
    const both = writers();
    both[0].catch(() => undefined);
    both[1].catch(() => undefined);
    await waitersOn(db, 2, [{ space: STAFF_LOCK_SPACE, keyOf: chainId }]);
    holder.release();
    await holder.done;
    return [await both[0], await both[1]];
  } finally {
    holder.release();
  }
}

describeOn(POSTGRES, 'staff saves pushed by two tills at once', () => {
  let instance: DatabaseInstance | null = null;
  let db: Database | null = null;
  beforeAll(async () => {
    instance = await POSTGRES.create();
    db = await openDatabase(instance.location);
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    await instance?.drop();
  });

  it('two managers disabling each other: the second push finds its author disabled', async () => {
    const { chainId, storeId } = await addStore(db!, { chain: 'To ledere', store: 'Sentrum' }, NOW);
    const tillA = { chainId, storeId, terminalId: 'kasse-a' };
    const tillB = { chainId, storeId, terminalId: 'kasse-b' };
    const credential = (origin: typeof tillA) => ({
      role: 'terminal' as const,
      key: `${origin.terminalId}-key`,
      ...origin,
    });
    const anne = staffSavedEvent(tillA, 'anne', { role: 'manager' });
    const per = staffSavedEvent(tillA, 'per', { role: 'manager', author: 'anne' });
    expect((await pushEvents(db!, credential(tillA), [anne, per], NOW)).acked).toHaveLength(2);

    const answers = await behindStaffLock(db!, chainId, () => [
      pushEvents(
        db!,
        credential(tillA),
        [staffSavedEvent(tillA, 'per', { role: 'manager', active: false, author: 'anne' })],
        NOW,
      ),
      pushEvents(
        db!,
        credential(tillB),
        [staffSavedEvent(tillB, 'anne', { role: 'manager', active: false, author: 'per' })],
        NOW,
      ),
    ]);
    // One lands; the other's author is no longer an active manager by then.
    expect(answers.map((a) => a.acked.length).sort()).toEqual([0, 1]);
    expect(answers.flatMap((a) => a.rejected.map((r) => r.code))).toEqual(['not_allowed']);
    expect(await activeManagers(db!, chainId)).toBe(1);
  }, 60_000);
});

describeBackoffice(
  'a staff save in the back office beside a till’s push of one',
  (cloud) => {
    it('the owner disables one manager while the other is disabled at a till: one is refused', async () => {
      const made = await cloud().chainWithOwner(['Sentrum']);
      const till = await cloud().pair(made.stores[0]!.storeCode, 'Kasse S');
      const before = await till.push([
        staffSaved(till, 'anne', { name: 'Anne Leder', role: 'manager' }),
        staffSaved(till, 'per', { name: 'Per Leder', role: 'manager', author: 'anne' }),
      ]);
      expect(before.rejected).toEqual([]);
      const db = cloud().server.database;
      const [saved, pushed] = await behindStaffLock(db, made.chainId, () => [
        made.owner
          .call('staff.save', { staffId: 'per', name: 'Per Leder', role: 'manager', active: false })
          .then((answer) => ({ refused: answer.status !== 200, answer })),
        till
          .push([
            staffSaved(till, 'anne', {
              name: 'Anne Leder',
              role: 'manager',
              active: false,
              author: 'per',
            }),
          ])
          .then((answer) => ({ refused: answer.rejected.length > 0, answer })),
      ]);
      // Whichever came second finds the chain with one manager left: the back office keeps
      // the last one (lastManager), the till's author is no manager any more (not_allowed).
      expect([saved.refused, pushed.refused].filter(Boolean)).toHaveLength(1);
      if (saved.refused) expect(errorOf(saved.answer)).toMatchObject({ field: 'active' });
      else expect(pushed.answer).toMatchObject({ rejected: [{ code: 'not_allowed' }] });
      expect(await activeManagers(db, made.chainId)).toBe(1);
    }, 60_000);
  },
  {},
  [POSTGRES],
);
