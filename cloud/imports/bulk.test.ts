/**
 * The import's bulk write (cloud/imports/bulk.ts) against the paths it stands
 * in for, on PGlite and PostgreSQL: after an import, the chain's ledgers,
 * lookup rows, conflicts and projections equal (a) a rebuild of them from the
 * log and (b) what appendEvents (a push's path) writes for the same events in
 * another chain; a till's pull gets every event in the chain's order; a row
 * whose phone a member already holds is reported, a phone twice in the file
 * once; a till's push in flight with one of the file's phones or one of the
 * cloud's member numbers is waited for (PostgreSQL: two writers at once).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { memberNumberFor } from '../../src/core/ean13';
import type { LojalEvent } from '../../src/core/events';
import { memberEvents } from '../../src/core/member/test-events';
import { suggestMapping } from '../../src/core/imports/plan';
import { addStore } from '../chains';
import type { Database } from '../db/database';
import { openDatabase } from '../db/open';
import { appendEvents, pullEvents, pushEvents } from '../event-log';
import { CHAIN_LOCK_SPACE, CLASH_LOCK_SPACE, lockChain } from '../event-rows';
import { decodeLedger, rebuildMemberLedgers, readLedgers } from '../member-ledgers';
import { indexMembers } from '../members';
import { rebuildProjections } from '../projections/rebuild';
import { DATABASE_TARGETS, describeOn } from '../test/databases';
import { holdLock, waitersOn } from '../test/hold-lock';
import { staffSavedEvent } from '../test/staff-events';
import type { DatabaseInstance } from '../test/databases';
import { dryRun, runImport, uploadFile } from './run';

const NOW = Date.UTC(2026, 10, 2, 12);

function file(rows: number): Uint8Array {
  const lines = ['Mobil;Fornavn;Etternavn;E-post;Fødselsdato;Postnr;SMS;Samtykketidspunkt;Kilde'];
  for (let i = 0; i < rows; i++) {
    const consent = i % 3 === 0;
    lines.push(
      [
        String(41_000_000 + i * 11),
        i % 2 ? 'Åse' : 'Bjørn',
        'Ødegård',
        `kunde${i}@eksempel.no`,
        `${String((i % 28) + 1).padStart(2, '0')}.0${(i % 9) + 1}.1980`,
        String(1000 + i).padStart(4, '0'),
        consent ? 'ja' : 'nei',
        consent ? '2024-03-15 10:00' : '',
        consent ? 'Nettbutikk' : '',
      ].join(';'),
    );
  }
  // A phone twice in the file, and one an existing member holds.
  lines.push(['41000011', 'Dobbel', 'Rad', '', '', '', '', '', ''].join(';'));
  lines.push(['90000001', 'Har', 'Kort', '', '', '', '', '', ''].join(';'));
  return new TextEncoder().encode(lines.join('\r\n') + '\r\n');
}

/** Everything kept beside the log for a chain, as comparable values (times of writing left out). */
async function keptRows(db: Database, chainId: string) {
  const ledgers = await db.query<{ member_id: string; ledger: Uint8Array }>(
    `SELECT member_id, ledger, tail, tail_length, flag_free, last_hlc FROM member_ledgers
      WHERE chain_id = $1 ORDER BY member_id`,
    [chainId],
  );
  return {
    ledgers: ledgers.map((r) => ({ ...r, ledger: decodeLedger(r.ledger) })),
    members: await db.query(
      `SELECT member_id, member_number, phone_e164, erased, enrolled_at::text, qr_token, full_name,
              name_key, surname_key, store_ids
         FROM members WHERE chain_id = $1 ORDER BY member_id`,
      [chainId],
    ),
    conflicts: await db.query(
      'SELECT member_id, kind, subject, flag FROM conflicts WHERE chain_id = $1 ORDER BY 1, 2, 3',
      [chainId],
    ),
    facts: await db.query(
      `SELECT member_id, erased, merged_into, enrolled_at::text, enrolled_day::text, enrolled_store_id,
              enrolled_staff_id, birth_date::text, gender, postal_code, consent_sms, consent_email,
              points_deficit, lot_count, cashback_ore::text, earn_log, earned_by_year, stamps,
              purchases, spend_ore::text, first_purchase_at::text, last_purchase_at::text,
              categories, last_hlc
         FROM member_facts WHERE chain_id = $1 ORDER BY member_id`,
      [chainId],
    ),
    lots: await db.query(
      'SELECT member_id, lot_no, points, remaining FROM member_point_lots WHERE chain_id = $1 ORDER BY 1, 2',
      [chainId],
    ),
  };
}

for (const target of DATABASE_TARGETS) {
  describeOn(target, 'the import’s bulk write', () => {
    let instance: DatabaseInstance | null = null;
    let db: Database | null = null;
    beforeAll(async () => {
      instance = await target.create();
      db = await openDatabase(instance.location);
    }, 120_000);
    afterAll(async () => {
      await db?.close();
      await instance?.drop();
    });

    it('writes what a rebuild and a push write, and every event a till pulls', async () => {
      const { chainId } = await addStore(db!, { chain: 'Bulkkjeden', store: 'Sentrum' }, NOW);
      const other = await addStore(db!, { chain: 'Pushkjeden', store: 'Sentrum' }, NOW);
      const who = { chainId, accountId: 'owner-1' };
      const preview = uploadFile(who, 'medlemmer.csv', file(2500), NOW);
      const mapping = suggestMapping(preview.header);
      const dry = await dryRun(db!, who, preview.uploadId, mapping, 'nb', NOW);
      expect([dry.take, dry.refusedCount]).toEqual([2501, 1]); // the phone twice: its second row
      // After the dry run, before the import: a member takes 90000001 (the run must see it).
      const first = uploadFile(
        who,
        'en.csv',
        new TextEncoder().encode('Mobil\r\n90000001\r\n'),
        NOW,
      );
      await runImport(db!, who, first.uploadId, suggestMapping(first.header), 0, NOW);

      let from = 0;
      let created = 0;
      const refused: number[] = [];
      for (;;) {
        // Small calls: several chunks, several calls, as the page makes them.
        const progress = await runImport(db!, who, preview.uploadId, mapping, from, NOW, 1200);
        created += progress.created;
        refused.push(...progress.refused.map((p) => p.row));
        from = progress.done;
        if (progress.finished) break;
      }
      expect(created).toBe(2500);
      expect(refused).toEqual([2503]);
      const kept = await keptRows(db!, chainId);
      expect(kept.ledgers).toHaveLength(2501);
      expect(kept.facts.filter((f) => f.consent_sms === true)).toHaveLength(834);

      // (b) a push's path: the same events appended in another chain.
      const pulled: LojalEvent[] = [];
      for (let after = '0'; ;) {
        const page = await pullEvents(db!, chainId, after, 1000);
        pulled.push(...(page.events as unknown as LojalEvent[]));
        after = page.next;
        if (!page.more) break;
      }
      expect(pulled).toHaveLength(2501 + 834); // each enrolment, each SMS consent with its time
      expect(new Set(pulled.map((e) => e.id)).size).toBe(pulled.length);
      const moved = pulled.map((e) => ({ ...e, chainId: other.chainId }));
      await db!.transaction((tx) => appendEvents(tx, other.chainId, moved, NOW));
      expect(await keptRows(db!, other.chainId)).toEqual(kept);

      // (a) a rebuild from the log.
      await rebuildMemberLedgers(db!, chainId, NOW);
      await rebuildProjections(db!, chainId, NOW);
      await db!.transaction(async (tx) => {
        const ledgers = await readLedgers(
          tx,
          chainId,
          kept.ledgers.map((l) => l.member_id),
        );
        await indexMembers(tx, chainId, [...ledgers.values()], NOW);
      });
      expect(await keptRows(db!, chainId)).toEqual(kept);
    }, 120_000);

    it('made again after one of its members was erased, it creates nobody and counts every row', async () => {
      const { chainId, storeId } = await addStore(
        db!,
        { chain: 'Igjenkjeden', store: 'Sentrum' },
        NOW,
      );
      const who = { chainId, accountId: 'owner-1' };
      const upload = uploadFile(who, 'tre.csv', file(3), NOW);
      const mapping = suggestMapping(upload.header);
      const first = await runImport(db!, who, upload.uploadId, mapping, 0, NOW);
      expect([first.created, first.alreadyImported]).toEqual([4, 0]);
      // The erasure takes the member's phone: nobody holds +4741000000 now.
      const [erasedId] = (
        await db!.query<{ member_id: string }>(
          'SELECT member_id FROM members WHERE chain_id = $1 AND phone_e164 = $2',
          [chainId, '+4741000000'],
        )
      ).map((r) => r.member_id);
      await db!.transaction((tx) =>
        appendEvents(
          tx,
          chainId,
          [memberEvents(erasedId!).erased(NOW + 1, { chainId, storeId })],
          NOW,
        ),
      );
      const count = async () =>
        (
          await db!.query<{ n: string }>('SELECT count(*) AS n FROM events WHERE chain_id = $1', [
            chainId,
          ])
        )[0]!.n;
      const before = await count();
      const again = await runImport(db!, who, upload.uploadId, mapping, 0, NOW);
      expect([again.created, again.alreadyImported, again.refused]).toEqual([0, 4, []]);
      expect(await count()).toBe(before);
    }, 60_000);

    it('a chunk made ahead is made anew when another import numbered the chain meanwhile', async () => {
      const { chainId } = await addStore(db!, { chain: 'Forankjeden', store: 'Sentrum' }, NOW);
      const who = { chainId, accountId: 'owner-1' };
      const big = uploadFile(who, 'stor.csv', file(1500), NOW);
      const mapping = suggestMapping(big.header);
      // The first call ends after 1,000 rows and has made the next call's first chunk.
      const first = await runImport(db!, who, big.uploadId, mapping, 0, NOW, 1000);
      expect(first.created).toBe(1000);
      // Meanwhile another upload takes the next number and newer clocks.
      const other = uploadFile(
        who,
        'en.csv',
        new TextEncoder().encode('Mobil\r\n97000001\r\n'),
        NOW,
      );
      await runImport(db!, who, other.uploadId, suggestMapping(other.header), 0, NOW);
      const rest = await runImport(db!, who, big.uploadId, mapping, 1000, NOW, 1000);
      expect(rest.created).toBe(501);

      const members = await db!.query<{ member_number: string; phone_e164: string }>(
        'SELECT member_number, phone_e164 FROM members WHERE chain_id = $1',
        [chainId],
      );
      expect(members).toHaveLength(1502);
      expect(new Set(members.map((m) => m.member_number)).size).toBe(1502);
      const events = await db!.query<{ hlc: string; member_id: string }>(
        `SELECT e.hlc, e.member_id FROM event_order o JOIN events e ON e.seq = o.event_seq
          WHERE o.chain_id = $1 ORDER BY o.pos`,
        [chainId],
      );
      // Every clock given once, each after those the chain held before it.
      const hlcs = events.map((e) => e.hlc);
      expect(new Set(hlcs).size).toBe(hlcs.length);
      expect(hlcs).toEqual([...hlcs].sort());
    }, 120_000);
  });
}

// Two writers at once, so on PostgreSQL only: PGlite has one connection, where a
// second writer waits for the first to end, never beside it.
describeOn(
  DATABASE_TARGETS.find((t) => t.label === 'PostgreSQL')!,
  'the import beside a till’s push in flight',
  () => {
    let instance: DatabaseInstance | null = null;
    let db: Database | null = null;
    beforeAll(async () => {
      instance = await DATABASE_TARGETS.find((t) => t.label === 'PostgreSQL')!.create();
      db = await openDatabase(instance.location);
    }, 120_000);
    afterAll(async () => {
      await db?.close();
      await instance?.drop();
    });

    /**
     * An import of file(3) while a till's push of `tillMembers` is in flight: the
     * push holds its transaction open until the import has had time to reach a
     * lock it waits for.
     */
    async function importBesidePush(
      chain: string,
      tillMembers: (origin: { chainId: string; storeId: string }) => LojalEvent[],
    ) {
      const { chainId, storeId } = await addStore(db!, { chain, store: 'Sentrum' }, NOW);
      const who = { chainId, accountId: 'owner-1' };
      const push = await holdLock(db!, async (tx) => {
        await appendEvents(tx, chainId, tillMembers({ chainId, storeId }), NOW);
      });
      try {
        const upload = uploadFile(who, 'tre.csv', file(3), NOW);
        const importing = runImport(
          db!,
          who,
          upload.uploadId,
          suggestMapping(upload.header),
          0,
          NOW,
        );
        importing.catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 500));
        push.release();
        await push.done;
        return { chainId, progress: await importing };
      } finally {
        push.release();
      }
    }

    const conflictsOf = (chainId: string) =>
      db!.query<{ member_id: string; kind: string }>(
        'SELECT member_id, kind FROM conflicts WHERE chain_id = $1 ORDER BY kind, member_id',
        [chainId],
      );

    it('a till’s push in flight with a phone of the file: the row refused, no second member', async () => {
      const { chainId, progress } = await importBesidePush('Samtidig telefon', (origin) => [
        memberEvents('till-phone').enrolled(
          NOW,
          { phoneE164: '+4741000000', memberNumber: memberNumberFor('29', 1_000_001) },
          origin,
        ),
      ]);
      // Row 2 (+4741000000) is the till's member's: refused, not a second member and a conflict.
      expect(progress.refused.map((p) => p.row)).toEqual([2]);
      expect(progress.created).toBe(3);
      const members = await db!.query<{ member_id: string }>(
        'SELECT member_id FROM members WHERE chain_id = $1 AND phone_e164 = $2',
        [chainId, '+4741000000'],
      );
      expect(members.map((m) => m.member_id)).toEqual(['till-phone']);
      expect(await conflictsOf(chainId)).toEqual([]);
    }, 60_000);

    it('a till’s push of a staff change and a member beside an import: neither deadlocks', async () => {
      const { chainId, storeId } = await addStore(
        db!,
        { chain: 'Samtidig ansatt', store: 'Sentrum' },
        NOW,
      );
      const origin = { chainId, storeId, terminalId: 'till-staff' };
      const who = { role: 'terminal' as const, key: 'till-staff-key', ...origin };
      // A third writer holds the chain's lock: the push, then the import, queue for it in turn.
      const holder = await holdLock(db!, (tx) => lockChain(tx, chainId));
      try {
        const push = pushEvents(
          db!,
          who,
          [
            staffSavedEvent(origin, 'leder-1', { role: 'manager' }),
            memberEvents('till-phone').enrolled(
              NOW,
              { phoneE164: '+4741000000', memberNumber: memberNumberFor('29', 1_000_001) },
              origin,
            ),
          ],
          NOW,
        );
        push.catch(() => undefined);
        const chainLock = { space: CHAIN_LOCK_SPACE, keyOf: chainId };
        await waitersOn(db!, 1, [chainLock]);
        const upload = uploadFile({ chainId, accountId: 'owner-1' }, 'tre.csv', file(3), NOW);
        const importing = runImport(
          db!,
          { chainId, accountId: 'owner-1' },
          upload.uploadId,
          suggestMapping(upload.header),
          0,
          NOW,
        );
        importing.catch(() => undefined);
        // The import waits too: now for the phone the push holds; before the staff lock, for
        // the chain's lock, holding the phone the push (which took the chain's lock first,
        // to check staff saves) was to wait for.
        await waitersOn(db!, 2, [chainLock, { space: CLASH_LOCK_SPACE }]);
        holder.release();
        await holder.done;
        const pushed = await push;
        expect(pushed.rejected).toEqual([]);
        expect(pushed.acked).toHaveLength(2);
        const progress = await importing;
        expect(progress.refused.map((p) => p.row)).toEqual([2]);
        expect(progress.created).toBe(3);
      } finally {
        holder.release();
      }
    }, 60_000);

    it('a faulty till’s push in flight with slot 0’s next number: both members flagged', async () => {
      const { chainId, progress } = await importBesidePush('Samtidig nummer', (origin) => [
        memberEvents('till-slot-zero').enrolled(
          NOW,
          { phoneE164: '+4799999999', memberNumber: memberNumberFor('29', 1) },
          origin,
        ),
      ]);
      expect(progress.refused).toEqual([]);
      expect(progress.created).toBe(4);
      // The import read slot 0 empty before the push committed: its first member got the
      // number the till gave too, found after the write (flagNumberClashes; the push had
      // committed by then), flagged for both.
      const holders = await db!.query<{ member_id: string }>(
        'SELECT member_id FROM members WHERE chain_id = $1 AND member_number = $2 ORDER BY member_id',
        [chainId, memberNumberFor('29', 1)],
      );
      expect(holders).toHaveLength(2);
      expect(await conflictsOf(chainId)).toEqual(
        holders.map((h) => ({ member_id: h.member_id, kind: 'duplicate_member_number' })),
      );
    }, 60_000);
  },
);
