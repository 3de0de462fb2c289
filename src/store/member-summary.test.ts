import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memberNumberFor } from '../core/ean13';
import type { LojalEvent } from '../core/events';
import { foldMember, memberView, pointBalancesAt } from '../core/member';
import type { MemberLedger } from '../core/member-types';
import { parseProgramme } from '../core/programme';
import { appendEvents } from './append';
import { migrate, openDatabase } from './db';
import type { Db } from './db';
import { memberEvents } from './event-log';
import { newQrToken } from './ids';
import { backfill } from './migrations/002_member_summary';
import { rebuildProjections } from './projections';
import { memberSummaryColumns } from './projections/member-summary';
import type { MemberSummaryColumns } from './projections/member-summary';
import { testTill } from './testing/events';
import { tempDir } from './testing/temp-db';
import type { TempDir } from './testing/temp-db';

const T0 = Date.UTC(2026, 0, 10, 9, 0, 0);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PROGRAMME = parseProgramme({ name: 'Test', termsVersion: 'v1' });

let tmp: TempDir;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.remove());

/**
 * Members whose points do everything the summary columns must follow: lots
 * pending for a while, lots that expire, spends over the balance (a deficit),
 * negative adjustments, voids and returns that refold the member, erasure.
 */
function pointsHistory(seed: number, length: number): LojalEvent[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const till = testTill('till-a');
  const members: string[] = [];
  const sales: Array<{ saleId: string; memberId: string }> = [];
  const events: LojalEvent[] = [];
  let at = T0;
  for (let i = 0; i < length; i++) {
    at += Math.floor(random() * 2 * DAY);
    const roll = random();
    if (members.length === 0 || roll < 0.15) {
      const memberId = `m${members.length + 1}`;
      members.push(memberId);
      events.push(
        till.enrolled(memberId, at, {
          memberNumber: memberNumberFor('29', members.length),
          phoneE164: `+4790000${String(members.length).padStart(3, '0')}`,
          qrToken: newQrToken(),
        }),
      );
    } else if (roll < 0.6) {
      const memberId = pick(members);
      const sale = till.sale(memberId, at, {
        effects: {
          pointsEarned: Math.floor(random() * 80),
          pointsRedeemed: random() < 0.3 ? Math.floor(random() * 120) : 0,
          pointsAvailableAt: at + (random() < 0.4 ? Math.floor(random() * 20) * DAY : 0),
          pointsExpireAt: random() < 0.7 ? at + Math.floor(5 + random() * 60) * DAY : null,
        },
      });
      sales.push({ saleId: sale.payload.saleId, memberId });
      events.push(sale);
    } else if (roll < 0.68 && sales.length > 0) {
      const sale = pick(sales);
      events.push(till.voided(sale.memberId, sale.saleId, at));
    } else if (roll < 0.74 && sales.length > 0) {
      const sale = pick(sales);
      events.push(
        till.envelope('sale.returned', sale.memberId, {
          saleId: sale.saleId,
          returnId: `r-${i}`,
          staffId: 'staff-2',
          at,
          lines: [{ lineId: 'L1', quantity: 1 }],
          refundOre: 500,
          reversed: {
            points: Math.floor(random() * 30),
            cashbackOre: 0,
            stamps: [],
            qualifyingSpendOre: 0,
            couponsRestored: [],
            rewardsRestored: [],
            pointsRedeemedRestored: Math.floor(random() * 10),
            cashbackRedeemedRestoredOre: 0,
          },
        }),
      );
    } else if (roll < 0.9) {
      const points = Math.floor(random() * 200) - 80;
      if (points === 0) continue;
      events.push(
        till.envelope('points.adjusted', pick(members), {
          points,
          actionId: null,
          reason: { nb: 'Test', en: 'Test' },
          staffId: 'staff-1',
          at,
          availableAt: at + (random() < 0.3 ? 3 * DAY : 0),
          expireAt: random() < 0.5 ? at + 30 * DAY : null,
        }),
      );
    } else if (roll < 0.92) {
      events.push(till.erased(pick(members), at));
    }
  }
  return events;
}

function columnsOf(db: Db): Map<string, MemberSummaryColumns> {
  const rows = db
    .prepare(
      `SELECT member_id, points_balance, points_valid_from, points_valid_until, points_earned
       FROM members ORDER BY member_id`,
    )
    .all() as Array<MemberSummaryColumns & { member_id: string }>;
  return new Map(rows.map(({ member_id, ...columns }) => [member_id, columns]));
}

function ledgersOf(db: Db): MemberLedger[] {
  return (
    db.prepare('SELECT ledger FROM members ORDER BY member_id').pluck().all() as string[]
  ).map((json) => JSON.parse(json) as MemberLedger);
}

/** Instants that matter to a ledger's points: each lot's edges, just before and after. */
function instantsFor(ledger: MemberLedger): number[] {
  const out = new Set<number>([ledger.enrolledAt, T0 + 400 * DAY]);
  for (const lot of ledger.lots) {
    for (const edge of [lot.availableAt, lot.expiresAt]) {
      if (edge === null) continue;
      out.add(edge - 1);
      out.add(edge);
      out.add(edge + 1);
    }
  }
  return [...out];
}

describe('member summary columns', () => {
  it('give the balance memberView gives wherever they claim to hold, and the earned total', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const db = openDatabase(tmp.path(`summary-${seed}.db`)).db;
        try {
          appendEvents(db, pointsHistory(seed, 300), { origin: 'remote' });
          const columns = columnsOf(db);
          let inside = 0;
          let outside = 0;
          for (const ledger of ledgersOf(db)) {
            const c = columns.get(ledger.memberId)!;
            expect(c).toEqual(memberSummaryColumns(ledger));
            expect(c.points_earned).toBe(ledger.earnLog.reduce((sum, e) => sum + e.points, 0));
            for (const now of instantsFor(ledger)) {
              const holds =
                (c.points_valid_from === null || now >= c.points_valid_from) &&
                (c.points_valid_until === null || now < c.points_valid_until);
              const balance = memberView(PROGRAMME, ledger, now).points.balance;
              expect(balance).toBe(pointBalancesAt(ledger, now).balance);
              if (holds) {
                inside += 1;
                expect(c.points_balance).toBe(balance);
              } else outside += 1;
            }
          }
          // The history exercises both sides of the interval.
          expect(inside).toBeGreaterThan(20);
          expect(outside).toBeGreaterThan(5);
        } finally {
          db.close();
        }
      }),
      { numRuns: 5 },
    );
  });

  it('are the fold of the member’s whole log, and rebuildProjections reproduces them', () => {
    const db = openDatabase(tmp.path('rebuild.db')).db;
    try {
      // One event at a time, as sync delivers them: incremental steps and refolds.
      for (const event of pointsHistory(42, 400)) appendEvents(db, [event]);
      const incremental = columnsOf(db);
      for (const [memberId, c] of incremental) {
        expect(c).toEqual(memberSummaryColumns(foldMember(memberEvents(db, memberId))!));
      }
      db.prepare(
        'UPDATE members SET points_balance = NULL, points_valid_from = NULL, points_valid_until = NULL, points_earned = NULL',
      ).run();
      rebuildProjections(db);
      expect(columnsOf(db)).toEqual(incremental);
    } finally {
      db.close();
    }
  });

  it('are filled for existing members by migration 002, as the projection fills them', () => {
    const db = openDatabase(tmp.path('migrate.db')).db;
    try {
      appendEvents(db, pointsHistory(7, 300), { origin: 'remote' });
      const projected = columnsOf(db);
      db.prepare(
        'UPDATE members SET points_balance = NULL, points_valid_from = NULL, points_valid_until = NULL, points_earned = NULL',
      ).run();
      db.exec(backfill);
      expect(columnsOf(db)).toEqual(projected);
    } finally {
      db.close();
    }
  });

  it('are added to a version-1 database with its members on upgrade', () => {
    const path = tmp.path('v1.db');
    const ledgers: MemberLedger[] = [];
    {
      const { db } = openDatabase(tmp.path('source.db'));
      appendEvents(db, pointsHistory(11, 200), { origin: 'remote' });
      ledgers.push(...ledgersOf(db));
      db.close();
    }
    const v1 = new Database(path);
    migrate(v1, 1);
    expect(v1.pragma('user_version', { simple: true })).toBe(1);
    const insert = v1.prepare(
      `INSERT INTO members (member_id, member_number, qr_token, phone_e164, erased, enrolled_at,
         ledger, updated_hlc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const l of ledgers) {
      insert.run(
        l.memberId,
        l.memberNumber || null,
        l.qrToken || null,
        l.erased ? null : l.phoneE164,
        l.erased ? 1 : 0,
        l.enrolledAt,
        JSON.stringify(l),
        l.lastHlc,
      );
    }
    v1.close();
    const { db, previousVersion } = openDatabase(path);
    try {
      expect(previousVersion).toBe(1);
      const columns = columnsOf(db);
      expect(columns.size).toBe(ledgers.length);
      for (const l of ledgers) expect(columns.get(l.memberId)).toEqual(memberSummaryColumns(l));
    } finally {
      db.close();
    }
  });
});
