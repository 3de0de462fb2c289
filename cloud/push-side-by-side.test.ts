/**
 * A till's batches in flight at once share no member (src/sync/push-lanes.ts),
 * so the cloud stores them side by side: nothing one batch's transaction holds
 * may make the other wait. PostgreSQL only (PGlite has one connection, where
 * a second writer waits for the first anyway).
 */
import { expect, it } from 'vitest';
import { memberNumberFor } from '../src/core/ean13';
import { HOUR, memberEvents } from '../src/core/member/test-events';
import { lockMembers, MEMBER_LOCK_SPACE } from './event-rows';
import { describeBackoffice } from './test/backoffice';
import { DATABASE_TARGETS } from './test/databases';
import { holdLock, waitersOn } from './test/hold-lock';

const POSTGRES = DATABASE_TARGETS.find((t) => t.label === 'PostgreSQL')!;

describeBackoffice(
  "a till's two batches in flight at once",
  (cloud) => {
    it('the second is stored while the first waits, though the till was last heard from long ago', async () => {
      const made = await cloud().chainWithOwner(['Sentrum']);
      const till = await cloud().pair(made.stores[0]!.storeCode);
      const t0 = Date.now() - 3 * HOUR;
      const [a, b] = [memberEvents('m-side-a'), memberEvents('m-side-b')];
      const enrolled = await till.push(
        [a, b].map((m, i) =>
          m.enrolled(
            t0,
            {
              phoneE164: `+479100000${i}`,
              memberNumber: memberNumberFor('29', 10 + i),
              qrToken: `qr-side-${i}`,
            },
            till.origin,
          ),
        ),
      );
      expect(enrolled.acked).toHaveLength(2);
      const db = cloud().server.database;
      // The till's row is written again by its next push (last_seen_at, kept to 10 s).
      await db.query('UPDATE terminals SET last_seen_at = 0 WHERE id = $1', [
        till.pairing.terminalId,
      ]);
      // A third writer holds member a's lock: the first batch waits inside its transaction.
      const holder = await holdLock(db, (tx) => lockMembers(tx, till.origin.chainId, [a.memberId]));
      try {
        const first = till.push([a.sale(t0 + HOUR, till.origin)]);
        await waitersOn(db, 1, [{ space: MEMBER_LOCK_SPACE }]);
        const second = await Promise.race([
          till.push([b.sale(t0 + HOUR, till.origin)]),
          new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 5_000)),
        ]);
        expect(second).not.toBe('waited');
        expect(second !== 'waited' && second.acked).toHaveLength(1);
        holder.release();
        expect((await first).acked).toHaveLength(1);
      } finally {
        holder.release();
        await holder.done;
      }
    }, 30_000);
  },
  {},
  [POSTGRES],
);
