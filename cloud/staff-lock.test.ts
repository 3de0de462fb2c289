/**
 * Staff saves pushed by two tills at once (PostgreSQL: two writers at once;
 * PGlite has one connection, where a second writer waits for the first to
 * end): the staff lock (cloud/event-rows.ts lockStaff) puts them one after
 * the other, so two managers cannot each disable the other and leave the
 * chain with none.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addStore } from './chains';
import type { Database } from './db/database';
import { openDatabase } from './db/open';
import { pushEvents } from './event-log';
import { lockStaff } from './event-rows';
import { DATABASE_TARGETS, describeOn } from './test/databases';
import type { DatabaseInstance } from './test/databases';
import { staffSavedEvent } from './test/staff-events';

const NOW = Date.UTC(2026, 10, 2, 12);
const POSTGRES = DATABASE_TARGETS.find((t) => t.label === 'PostgreSQL')!;

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

    // A third writer holds the staff lock until both pushes have read what they could.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const holding = new Promise<void>((resolve) => (locked = resolve));
    const blocker = db!.transaction(async (tx) => {
      await lockStaff(tx, chainId);
      locked();
      await held;
    });
    try {
      await holding;
      const annesPush = pushEvents(
        db!,
        credential(tillA),
        [staffSavedEvent(tillA, 'per', { role: 'manager', active: false, author: 'anne' })],
        NOW,
      );
      const persPush = pushEvents(
        db!,
        credential(tillB),
        [staffSavedEvent(tillB, 'anne', { role: 'manager', active: false, author: 'per' })],
        NOW,
      );
      annesPush.catch(() => undefined);
      persPush.catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 300));
      release();
      await blocker;
      const answers = await Promise.all([annesPush, persPush]);
      // One lands; the other's author is no longer an active manager by then.
      expect(answers.map((a) => a.acked.length).sort()).toEqual([0, 1]);
      expect(answers.flatMap((a) => a.rejected.map((r) => r.code))).toEqual(['not_allowed']);
    } finally {
      release();
    }
    const managers = await db!.query<{ n: string }>(
      `SELECT count(*) AS n FROM (
         SELECT DISTINCT ON (payload->>'employeeId') payload->>'role' AS role, (payload->>'active')::boolean AS active
           FROM events WHERE chain_id = $1 AND type = 'staff.saved'
          ORDER BY payload->>'employeeId', hlc DESC) s
        WHERE s.role = 'manager' AND s.active`,
      [chainId],
    );
    expect(Number(managers[0]!.n)).toBe(1);
  }, 60_000);
});
