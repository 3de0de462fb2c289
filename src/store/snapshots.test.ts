/**
 * Retention and bases at the till (src/store/snapshots.ts): other stores' sales
 * older than the chain's retention leave the log once folded into a base,
 * never this store's, never one not pushed; the member's row stays as it was,
 * a rebuild from the log gives it again from the base, later events fold on
 * top, and a void of a dropped sale waits for the cloud's ledger.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LojalEvent, MemberEvent } from '../core/events';
import { foldMember } from '../core/member';
import type { MemberLedger } from '../core/member-types';
import { appendEvents } from './append';
import { openDatabase } from './db';
import type { Db } from './db';
import { memberEvents } from './event-log';
import { rebuildProjections } from './projections';
import {
  installBases,
  membersNeedingSnapshot,
  pruneOtherStoresSales,
  receivedLedger,
} from './snapshots';
import { testTill } from './testing/events';
import { tempDir } from './testing/temp-db';
import type { TempDir } from './testing/temp-db';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);
const OWN = 'store-own';

let tmp: TempDir;
let db: Db;
beforeEach(() => {
  tmp = tempDir();
  db = openDatabase(tmp.path('till.db')).db;
});
afterEach(() => {
  db.close();
  tmp.remove();
});

function rows(): unknown[] {
  return (
    db.prepare('SELECT * FROM members ORDER BY member_id').all() as Array<{ ledger: string }>
  ).map((r) => ({ ...r, ledger: JSON.parse(r.ledger) as unknown }));
}

function ids(): string[] {
  return (db.prepare('SELECT id FROM events ORDER BY hlc, id').pluck().all() as string[]).sort();
}

describe('retention of other stores’ sales', () => {
  it('drops other stores’ old sales once folded, keeps this store’s, recent ones and unpushed ones', () => {
    const own = testTill('till-own', OWN);
    const other = testTill('till-other', 'store-other');
    const m = 'member-1';
    const enrolled = other.enrolled(m, NOW - 200 * DAY);
    const oldOther = other.sale(m, NOW - 100 * DAY, { effects: { pointsEarned: 40 } });
    const oldOwn = own.sale(m, NOW - 95 * DAY, { effects: { pointsEarned: 5 } });
    const anonymousOld = other.sale(null, NOW - 99 * DAY);
    const recentOther = other.sale(m, NOW - 10 * DAY, { effects: { pointsEarned: 7 } });
    appendEvents(db, [enrolled, oldOther, oldOwn, anonymousOld, recentOther], { origin: 'remote' });
    // Written here and not pushed yet, under another store's id (a till moved between stores).
    const unpushed = testTill('till-moved', 'store-other').sale(m, NOW - 98 * DAY, {
      effects: { pointsEarned: 1 },
    });
    appendEvents(db, [unpushed], { origin: 'local' });
    const before = rows();

    const result = pruneOtherStoresSales(db, { ownStoreId: OWN, retentionDays: 90, now: NOW });
    expect(result).toEqual({ events: 2, rebased: 1 });
    expect(ids()).toEqual([enrolled, oldOwn, recentOther, unpushed].map((e) => e.id).sort());
    expect(db.prepare('SELECT sale_id FROM sales ORDER BY sale_id').pluck().all()).toEqual(
      [oldOwn, recentOther, unpushed].map((e) => e.payload.saleId).sort(),
    );
    expect(rows()).toEqual(before);
    // The log alone no longer folds to the member: the base does.
    expect(foldMember(memberEvents(db, m))!.eventCount).toBeLessThan(5);
    rebuildProjections(db);
    expect(rows()).toEqual(before);

    // Later events fold on top of the base; a void of a dropped sale waits for the cloud.
    const later = other.sale(m, NOW + DAY, { effects: { pointsEarned: 3 } });
    appendEvents(db, [later], { origin: 'remote' });
    const ledger = JSON.parse(
      db.prepare('SELECT ledger FROM members WHERE member_id = ?').pluck().get(m) as string,
    ) as { earnLog: Array<{ points: number }> };
    expect(ledger.earnLog.map((e) => e.points)).toEqual([40, 1, 5, 7, 3]);
    expect(membersNeedingSnapshot(db, 10)).toEqual([]);
    appendEvents(db, [other.voided(m, oldOther.payload.saleId, NOW + 2 * DAY)], {
      origin: 'remote',
    });
    expect(membersNeedingSnapshot(db, 10)).toEqual([m]);
  });

  it('keeps the member rows a full replay gives, whatever is dropped and whatever comes after', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            store: fc.constantFrom(OWN, 'store-a', 'store-b'),
            daysAgo: fc.integer({ min: 1, max: 300 }),
            points: fc.nat({ max: 50 }),
            member: fc.nat({ max: 2 }),
          }),
          { minLength: 1, maxLength: 20 },
        ),
        fc.array(fc.record({ points: fc.nat({ max: 50 }), member: fc.nat({ max: 2 }) }), {
          maxLength: 5,
        }),
        fc.integer({ min: 1, max: 200 }),
        (sales, after, retentionDays) => {
          const tills = new Map(
            [OWN, 'store-a', 'store-b'].map((s) => [s, testTill(`till-${s}`, s)]),
          );
          const enrolments: LojalEvent[] = [0, 1, 2].map((k) =>
            tills.get('store-a')!.enrolled(`m-${k}`, NOW - 400 * DAY + k),
          );
          const sold: LojalEvent[] = [...sales]
            .sort((x, y) => y.daysAgo - x.daysAgo)
            .map((s) =>
              tills.get(s.store)!.sale(`m-${s.member}`, NOW - s.daysAgo * DAY, {
                effects: { pointsEarned: s.points },
              }),
            );
          const later: LojalEvent[] = after.map((s, i) =>
            tills.get('store-b')!.sale(`m-${s.member}`, NOW + (i + 1) * 1000, {
              effects: { pointsEarned: s.points },
            }),
          );
          const reference = openDatabase(tmp.path(`ref-${Math.random()}.db`)).db;
          const pruned = openDatabase(tmp.path(`pruned-${Math.random()}.db`)).db;
          try {
            for (const target of [reference, pruned])
              appendEvents(target, [...enrolments, ...sold], { origin: 'remote' });
            pruneOtherStoresSales(pruned, { ownStoreId: OWN, retentionDays, now: NOW });
            for (const target of [reference, pruned])
              appendEvents(target, later, { origin: 'remote' });
            const read = (target: Db) =>
              (
                target
                  .prepare('SELECT member_id, ledger FROM members ORDER BY member_id')
                  .all() as Array<{ member_id: string; ledger: string }>
              ).map((r) => JSON.parse(r.ledger) as unknown);
            expect(read(pruned)).toEqual(read(reference));
            rebuildProjections(pruned);
            expect(read(pruned)).toEqual(read(reference));
            const kept = pruned
              .prepare(
                "SELECT count(*) FROM events WHERE type = 'sale.committed' AND store_id <> ? AND hlc < ?",
              )
              .pluck()
              .get(OWN, String(NOW - retentionDays * DAY).padStart(15, '0'));
            expect(kept).toBe(0);
          } finally {
            reference.close();
            pruned.close();
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

/** A ledger as a snapshot hands it over: read, with its JSON text. */
const received = (ledger: MemberLedger) => receivedLedger(ledger, JSON.stringify(ledger));

describe('bases from the cloud', () => {
  it('installs a ledger with the till’s newer events on top; an unpushed older one makes it wait', () => {
    const till = testTill('till-own', OWN);
    const m = 'member-2';
    const enrolled = till.enrolled(m, NOW - 10 * DAY);
    const sale = till.sale(m, NOW - 5 * DAY, { effects: { pointsEarned: 10 } });
    const cloudLedger = foldMember([enrolled, sale])!;
    const newer = till.sale(m, NOW - DAY, { effects: { pointsEarned: 2 } });
    appendEvents(db, [newer], { origin: 'local' });
    expect(installBases(db, [received(cloudLedger)]).waiting).toEqual([]);
    const row = JSON.parse(
      db.prepare('SELECT ledger FROM members WHERE member_id = ?').pluck().get(m) as string,
    ) as unknown;
    expect(row).toEqual(foldMember([enrolled, sale, newer]));

    const other = 'member-3';
    const late = till.sale(other, NOW - 20 * DAY, { effects: { pointsEarned: 1 } });
    appendEvents(db, [late], { origin: 'local' });
    const otherLedger = foldMember([
      till.enrolled(other, NOW - 30 * DAY),
      till.sale(other, NOW - 2 * DAY),
    ])!;
    expect(installBases(db, [received(otherLedger)]).waiting).toEqual([other]);
    expect(membersNeedingSnapshot(db, 10)).toEqual([other]);
  });

  it('installs new members as their ledgers came, with the clashes a replay records, and installs them again alike', () => {
    const other = testTill('till-other', 'store-other');
    // Enrolled with the same phone and member number unless told otherwise.
    const d = other.enrolled('member-d', NOW - 10 * DAY);
    const a = other.enrolled('member-a', NOW - 9 * DAY);
    const b = other.enrolled('member-b', NOW - 8 * DAY);
    const c = other.enrolled('member-c', NOW - 7 * DAY, { phoneE164: '+4791111111' });
    const ledger = (e: LojalEvent) => foldMember([e as MemberEvent])!;
    // Its own spacing: stored as it came, not built again.
    const asSent = JSON.stringify(ledger(a), null, 1);
    const page = [receivedLedger(ledger(a), asSent), received(ledger(b)), received(ledger(c))];
    expect(installBases(db, [received(ledger(d))]).waiting).toEqual([]);
    expect(installBases(db, page)).toEqual({ waiting: [], newest: ledger(c).lastHlc });
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(
      db.prepare('SELECT ledger FROM members WHERE member_id = ?').pluck().get('member-a'),
    ).toBe(asSent);

    const conflicts = (d: Db) =>
      d.prepare('SELECT kind, conflict_key, member_ids FROM conflicts ORDER BY kind').all();
    const replay = openDatabase(tmp.path('replay.db')).db;
    try {
      appendEvents(replay, [d, a, b, c], { origin: 'remote' });
      const replayed = conflicts(replay);
      expect(replayed).toHaveLength(2);
      expect(conflicts(db)).toEqual(replayed);
      const rowsOf = (d: Db) =>
        (
          d.prepare('SELECT * FROM members ORDER BY member_id').all() as Array<{ ledger: string }>
        ).map((r) => ({ ...r, ledger: JSON.parse(r.ledger) as unknown }));
      expect(rows()).toEqual(rowsOf(replay));
      // A page installed again (a snapshot resumed): the rows are there already.
      expect(installBases(db, page).waiting).toEqual([]);
      expect(conflicts(db)).toEqual(replayed);
      expect(rows()).toEqual(rowsOf(replay));
      expect(
        db.prepare('SELECT count(*) FROM member_bases WHERE ledger IS NULL').pluck().get(),
      ).toBe(4);
    } finally {
      replay.close();
    }
  });
});
