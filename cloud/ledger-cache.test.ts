/**
 * The process's cache of decoded ledgers (cloud/member-ledgers.ts
 * `ledgerCache`): a push finds there the row it wrote last, and never uses an
 * entry once the row was written by anything else (another cloud process, a
 * direct write, a transaction rolled back), even when that write keeps the
 * row's clock and time stamps.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { foldMember } from '../src/core/member';
import { DAY, HOUR, memberEvents } from '../src/core/member/test-events';
import type { MemberLedger } from '../src/core/member-types';
import type { Database } from './db/database';
import { openDatabase } from './db/open';
import { appendEvents } from './event-log';
import { chainLedgers, encodeLedger, ledgerCache } from './member-ledgers';
import { DATABASE_TARGETS, describeOn } from './test/databases';
import type { DatabaseInstance } from './test/databases';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);

for (const target of DATABASE_TARGETS) {
  describeOn(target, 'the cloud process cache of decoded ledgers', () => {
    let instance: DatabaseInstance | null = null;
    let db: Database | null = null;
    let chains = 0;
    let chainId = '';
    beforeAll(async () => {
      instance = await target.create();
      db = await openDatabase(instance.location);
    }, 120_000);
    afterAll(async () => {
      await db?.close();
      await instance?.drop();
    });
    beforeEach(async () => {
      chains += 1;
      chainId = `chain-cache-${chains}`;
      await db!.query('INSERT INTO chains (id, name, created_at) VALUES ($1, $1, 0)', [chainId]);
    });

    const push = (events: Parameters<typeof appendEvents>[2]) =>
      db!.transaction((tx) => appendEvents(tx, chainId, events, T0 + DAY));
    const stored = async () => (await chainLedgers(db!, chainId, null, 10))[0]!;

    it('serves the ledger a push wrote to the next push of the member, exactly', async () => {
      const m = memberEvents('m-hit');
      const events = [
        m.enrolled(T0, {}, { chainId }),
        ...Array.from({ length: 7 }, (_, i) =>
          m.sale(T0 + (i + 1) * HOUR, { chainId, effects: { pointsEarned: 10 + i } }),
        ),
      ];
      await push([events[0]!]);
      const hits = ledgerCache.hits;
      // One at a time: through the tail and past it (the ledger written whole).
      for (const event of events.slice(1)) await push([event]);
      expect(ledgerCache.hits - hits).toBe(7);
      expect((await stored()).ledger).toEqual(foldMember(events));
    });

    it('does not use an entry once another writer changed the row, even with the same stamps', async () => {
      const m = memberEvents('m-other');
      const enrolled = m.enrolled(T0, {}, { chainId });
      const sale = m.sale(T0 + HOUR, { chainId, effects: { pointsEarned: 5 } });
      await push([enrolled, sale]);
      // Another cloud process (its own connections on PostgreSQL) writes the row: a
      // ledger this process has never seen, the same clock, tail and update time.
      const [row] = await db!.query<{ last_hlc: string; updated_at: unknown }>(
        'SELECT last_hlc, updated_at FROM member_ledgers WHERE chain_id = $1',
        [chainId],
      );
      const theirs: MemberLedger = { ...(await stored()).ledger, termsVersion: 'other-writer' };
      const other = target.label === 'PostgreSQL' ? await openDatabase(instance!.location) : db!;
      try {
        await other.query(
          `UPDATE member_ledgers SET ledger = decode($2, 'base64'), tail = '[]', last_hlc = $3,
             updated_at = $4 WHERE chain_id = $1`,
          [chainId, encodeLedger(theirs).toString('base64'), row!.last_hlc, row!.updated_at],
        );
      } finally {
        if (other !== db) await other.close();
      }
      const misses = ledgerCache.misses;
      const hits = ledgerCache.hits;
      const later = m.sale(T0 + 2 * HOUR, { chainId, effects: { pointsEarned: 2 } });
      await push([later]);
      expect(ledgerCache.hits - hits).toBe(0);
      expect(ledgerCache.misses - misses).toBe(1);
      // The push went on from the other writer's ledger, not from the cached one.
      const after = (await stored()).ledger;
      expect(after.termsVersion).toBe('other-writer');
      expect(after).toEqual({
        ...foldMember([enrolled, sale, later])!,
        termsVersion: 'other-writer',
      });
    });

    it('does not use an entry of a push whose transaction was rolled back', async () => {
      const m = memberEvents('m-rollback');
      const enrolled = m.enrolled(T0, {}, { chainId });
      await push([enrolled]);
      const lost = m.sale(T0 + HOUR, { chainId, effects: { pointsEarned: 40 } });
      await expect(
        db!.transaction(async (tx) => {
          await appendEvents(tx, chainId, [lost], T0 + DAY);
          throw new Error('the push fails after its ledgers were written');
        }),
      ).rejects.toThrow('the push fails');
      const hits = ledgerCache.hits;
      const kept = m.sale(T0 + 2 * HOUR, { chainId, effects: { pointsEarned: 3 } });
      await push([kept]);
      expect(ledgerCache.hits - hits).toBe(0);
      expect((await stored()).ledger).toEqual(foldMember([enrolled, kept]));
    });
  });
}
