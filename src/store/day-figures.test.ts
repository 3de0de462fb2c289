import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memberNumberFor } from '../core/ean13';
import type { EventEnvelope, LojalEvent } from '../core/events';
import { seededRandom as prng } from '../core/seeded-random';
import { appendEvents } from './append';
import Database from 'better-sqlite3';
import { migrate, openDatabase } from './db';
import type { Db } from './db';
import { newEventId, newQrToken } from './ids';
import { backfill } from './migrations/009_day_figures';
import { rebuildProjections } from './projections';
import {
  allDayFigureRows,
  DAY_FIGURE_COUNTERS,
  dayFiguresByStaff,
  quarterOf,
} from './projections/day-figures';
import type { DayFigureCounters, DayFigureRow } from './projections/day-figures';
import { testTill } from './testing/events';
import { tempDir } from './testing/temp-db';
import type { TempDir } from './testing/temp-db';

const MIN = 60_000;
/** Around the spring DST change in Oslo (29 March 2026, 02:00 → 03:00). */
const T0 = Date.UTC(2026, 2, 28, 15, 0, 0);
const STAFF = ['anne', 'bo', 'cato', null] as const;

let tmp: TempDir;
let db: Db;
beforeEach(() => {
  tmp = tempDir();
  db = openDatabase(tmp.path('lojal.db')).db;
});
afterEach(() => {
  db.close();
  tmp.remove();
});

type SaleEvent = Extract<LojalEvent, { type: 'sale.committed' | 'sale.voided' | 'sale.returned' }>;

/**
 * Two stores, three tills, two days: enrolments, sales with coupons, rewards
 * and points, voids (some twice), returns (some sent twice), a sale stored
 * twice with two clocks, all by different staff members.
 */
function seededLog(seed: number, length: number): LojalEvent[] {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const tills = [testTill('till-a'), testTill('till-b', 'store-2'), testTill('till-c')];
  const members: string[] = [];
  const sales: Array<{ event: EventEnvelope<'sale.committed'>; till: (typeof tills)[number] }> = [];
  const events: LojalEvent[] = [];
  let at = T0;
  for (let i = 0; i < length; i++) {
    at += Math.floor(random() * 20 * MIN);
    const till = pick(tills);
    const staffId = pick(STAFF);
    const roll = random();
    if (members.length === 0 || roll < 0.2) {
      const memberId = `m${members.length + 1}`;
      members.push(memberId);
      events.push(
        till.enrolled(memberId, at, {
          memberNumber: memberNumberFor('29', members.length),
          phoneE164: `+4790${String(members.length).padStart(6, '0')}`,
          qrToken: newQrToken(),
          staffId,
        }),
      );
    } else if (roll < 0.6) {
      const memberId = random() < 0.4 ? null : pick(members);
      const sale = till.sale(memberId, at, {
        totalOre: 1_000 + Math.floor(random() * 50_000),
        effects: {
          couponsRedeemed: random() < 0.3 ? [`W-${memberId}`] : [],
          rewardsRedeemed: random() < 0.2 ? [`K-1-${memberId}-1`, `K-1-${memberId}-2`] : [],
          pointsRedeemed: random() < 0.2 ? Math.floor(random() * 400) : 0,
        },
      });
      const event = { ...sale, payload: { ...sale.payload, staffId } };
      sales.push({ event, till });
      events.push(event);
      // Now and then the same sale arrives twice (two committed events): the earlier clock is the sale.
      if (random() < 0.05) {
        events.push({
          ...event,
          ...till.envelope('sale.committed', memberId, {
            ...event.payload,
            totalOre: event.payload.totalOre + 1,
            at: at + MIN,
          }),
        });
      }
    } else if (roll < 0.72 && sales.length > 0) {
      const { event } = pick(sales);
      const voided = till.envelope('sale.voided', event.memberId, {
        saleId: event.payload.saleId,
        staffId,
        reason: 'feil',
        at,
      });
      events.push(voided);
      if (random() < 0.3) events.push({ ...voided, id: newEventId() });
    } else if (roll < 0.9 && sales.length > 0) {
      const { event } = pick(sales);
      const returned = till.envelope('sale.returned', event.memberId, {
        saleId: event.payload.saleId,
        returnId: `r-${i}`,
        staffId,
        at,
        lines: [{ lineId: 'L1', quantity: 1 }],
        refundOre: 100 + Math.floor(random() * 900),
        reversed: {
          points: 0,
          cashbackOre: 0,
          stamps: [],
          qualifyingSpendOre: 0,
          couponsRestored: [],
          rewardsRestored: [],
          pointsRedeemedRestored: 0,
          cashbackRedeemedRestoredOre: 0,
        },
      });
      events.push(returned);
      // A return sent twice (another id, the same return): counted once.
      if (random() < 0.3) events.push({ ...returned, id: newEventId(), hlc: `${returned.hlc}` });
    } else {
      events.push(till.pointsAdjusted(pick(members), at, 5));
    }
  }
  return events;
}

/** The definition, folded by brute force from the set of events. */
function bruteForce(events: readonly LojalEvent[]): DayFigureRow[] {
  const rows = new Map<string, DayFigureRow>();
  const bump = (
    store: string,
    at: number,
    staff: string | null,
    values: Partial<DayFigureCounters>,
  ) => {
    const quarter = quarterOf(at);
    const key = `${store}|${quarter}|${staff ?? ''}`;
    let row = rows.get(key);
    if (!row) {
      row = { store_id: store, quarter, staff_id: staff ?? '' } as DayFigureRow;
      for (const c of DAY_FIGURE_COUNTERS) row[c] = 0;
      rows.set(key, row);
    }
    for (const [c, v] of Object.entries(values)) row[c as keyof DayFigureCounters] += v;
  };
  const byClock = (a: LojalEvent, b: LojalEvent) =>
    a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : a.id < b.id ? -1 : 1;
  const unique = [...new Map(events.map((e) => [e.id, e])).values()].sort(byClock);
  const saleEvents = unique.filter((e): e is SaleEvent => e.type.startsWith('sale.'));
  for (const e of unique) {
    if (e.type === 'member.enrolled')
      bump(e.storeId, e.payload.at, e.payload.staffId, { enrolments: 1 });
  }
  const saleIds = new Set(saleEvents.map((e) => e.payload.saleId));
  for (const saleId of saleIds) {
    const own = saleEvents.filter((e) => e.payload.saleId === saleId);
    const committed = own.find((e) => e.type === 'sale.committed') as
      EventEnvelope<'sale.committed'> | undefined;
    if (!committed) continue;
    const p = committed.payload;
    const member = committed.memberId !== null;
    const sale = {
      sales: 1,
      sales_ore: p.totalOre,
      member_sales: member ? 1 : 0,
      member_sales_ore: member ? p.totalOre : 0,
      coupons: p.effects?.couponsRedeemed.length ?? 0,
      rewards: p.effects?.rewardsRedeemed.length ?? 0,
      points_redeemed: p.effects?.pointsRedeemed ?? 0,
    };
    // The sale stays where and when it was made; its returns and void are booked at their own events.
    bump(committed.storeId, p.at, p.staffId, sale);
    const seen = new Set<string>();
    let returnedOre = 0;
    let voided = false;
    for (const e of own) {
      if (e.type === 'sale.voided' && !voided) {
        voided = true;
        const ore = p.totalOre - returnedOre;
        bump(e.storeId, e.payload.at, e.payload.staffId, {
          voided: 1,
          voided_ore: ore,
          sales: -1,
          sales_ore: -ore,
          member_sales: -sale.member_sales,
          member_sales_ore: member ? -ore : 0,
          coupons: -sale.coupons,
          rewards: -sale.rewards,
          points_redeemed: -sale.points_redeemed,
        });
      }
      if (e.type !== 'sale.returned' || seen.has(e.payload.returnId)) continue;
      seen.add(e.payload.returnId);
      returnedOre += e.payload.refundOre;
      bump(e.storeId, e.payload.at, e.payload.staffId, {
        returns: 1,
        returned_ore: e.payload.refundOre,
      });
    }
  }
  return [...rows.values()]
    .filter((r) => DAY_FIGURE_COUNTERS.some((c) => r[c] !== 0))
    .sort((a, b) =>
      a.store_id !== b.store_id
        ? a.store_id < b.store_id
          ? -1
          : 1
        : a.quarter !== b.quarter
          ? a.quarter - b.quarter
          : a.staff_id < b.staff_id
            ? -1
            : a.staff_id > b.staff_id
              ? 1
              : 0,
    );
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('day figures ("Dagens tall")', () => {
  it('equal a brute-force fold of the log in any arrival order, and a rebuild and the migration give the same rows', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const events = seededLog(seed, 300);
      const expected = bruteForce(events);
      expect(expected.some((r) => r.voided > 0 && r.returns >= 0)).toBe(true);
      expect(expected.some((r) => r.returns > 0)).toBe(true);
      const file = tmp.path(`seed-${seed}.db`);
      const opened = openDatabase(file).db;
      try {
        // Out of order (voids and returns before their sales), in small batches, some twice.
        const order = shuffle(events, prng(seed * 7));
        for (let i = 0; i < order.length; i += 17) appendEvents(opened, order.slice(i, i + 17));
        appendEvents(opened, order.slice(0, 40));
        expect(allDayFigureRows(opened)).toEqual(expected);

        rebuildProjections(opened);
        expect(allDayFigureRows(opened)).toEqual(expected);

        // An existing store's rows, as migration 009 fills them.
        opened.exec('DELETE FROM day_figures');
        opened.exec(backfill);
        expect(allDayFigureRows(opened)).toEqual(expected);

        // The retention drops another store's old sales with their events and rows:
        // their share goes with them (the trigger on sales), as a rebuild would give.
        const cutoff = T0 + 24 * 60 * MIN;
        const dropped = new Set(
          events
            .filter((e) => e.type === 'sale.committed' && e.storeId === 'store-2')
            .filter((e) => (e as EventEnvelope<'sale.committed'>).payload.at < cutoff)
            .map((e) => (e as EventEnvelope<'sale.committed'>).payload.saleId),
        );
        const kept = events.filter(
          (e) => !(e.type.startsWith('sale.') && dropped.has((e as SaleEvent).payload.saleId)),
        );
        const drop = opened.prepare(
          "DELETE FROM events WHERE json_extract(payload, '$.saleId') = ? AND type LIKE 'sale.%'",
        );
        const dropSale = opened.prepare(
          "DELETE FROM sales WHERE sale_id = ? AND store_id <> 'store-1'",
        );
        for (const saleId of dropped) {
          drop.run(saleId);
          dropSale.run(saleId);
        }
        expect(dropped.size).toBeGreaterThan(0);
        expect(allDayFigureRows(opened)).toEqual(bruteForce(kept));
        rebuildProjections(opened);
        expect(allDayFigureRows(opened)).toEqual(bruteForce(kept));
      } finally {
        opened.close();
      }
    }
  });

  const reversed = {
    points: 0,
    cashbackOre: 0,
    stamps: [],
    qualifyingSpendOre: 0,
    couponsRestored: [],
    rewardsRestored: [],
    pointsRedeemedRestored: 0,
    cashbackRedeemedRestoredOre: 0,
  };
  const DAY = 24 * 60 * MIN;
  const day = (store: string, from: number) => dayFiguresByStaff(db, store, from, from + DAY);
  const returnOf = (
    till: ReturnType<typeof testTill>,
    sale: EventEnvelope<'sale.committed'>,
    at: number,
    staffId: string,
    refundOre: number,
  ) =>
    till.envelope('sale.returned', sale.memberId, {
      saleId: sale.payload.saleId,
      returnId: `r-${at}`,
      staffId,
      at,
      lines: [{ lineId: 'L1', quantity: 1 }],
      refundOre,
      reversed,
    });
  const voidOf = (
    till: ReturnType<typeof testTill>,
    sale: EventEnvelope<'sale.committed'>,
    at: number,
    staffId: string,
  ) =>
    till.envelope('sale.voided', sale.memberId, {
      saleId: sale.payload.saleId,
      staffId,
      reason: 'feil',
      at,
    });
  const D0 = Date.UTC(2026, 9, 20, 0, 0);

  it("book a return at store B of store A's sale at store B, its staff member and time", () => {
    const a = testTill('till-a', 'store-a');
    const b = testTill('till-b', 'store-b');
    const sale = a.sale('m1', D0 + 10 * 60 * MIN, { totalOre: 10_000 });
    appendEvents(db, [sale, returnOf(b, sale, D0 + 12 * 60 * MIN, 'bo', 2_500)]);
    expect(day('store-a', D0)).toEqual([
      expect.objectContaining({ staff_id: 'staff-1', sales: 1, sales_ore: 10_000, returns: 0 }),
    ]);
    expect(day('store-b', D0)).toEqual([
      expect.objectContaining({ staff_id: 'bo', sales: 0, returns: 1, returned_ore: 2_500 }),
    ]);
  });

  it("book a void today of yesterday's sale today, and yesterday keeps its sale", () => {
    const a = testTill('till-a', 'store-a');
    const sale = a.sale('m1', D0 + 10 * 60 * MIN, {
      totalOre: 10_000,
      effects: { couponsRedeemed: ['W-m1'] },
    });
    appendEvents(db, [sale]);
    const yesterday = day('store-a', D0);
    appendEvents(db, [voidOf(a, sale, D0 + DAY + 9 * 60 * MIN, 'bo')]);
    expect(day('store-a', D0)).toEqual(yesterday);
    expect(yesterday).toEqual([
      expect.objectContaining({ sales: 1, sales_ore: 10_000, voided: 0, coupons: 1 }),
    ]);
    // Today: the void and its amount, and the money it gave back out of today's sales.
    expect(day('store-a', D0 + DAY)).toEqual([
      expect.objectContaining({
        staff_id: 'bo',
        voided: 1,
        voided_ore: 10_000,
        sales: -1,
        sales_ore: -10_000,
        member_sales: -1,
        member_sales_ore: -10_000,
        coupons: -1,
      }),
    ]);
  });

  it('keep the returns of a sale voided on a later day on their own day, and void what was left', () => {
    const a = testTill('till-a', 'store-a');
    const sale = a.sale(null, D0 + 10 * 60 * MIN, { totalOre: 10_000 });
    const returned = returnOf(a, sale, D0 + 11 * 60 * MIN, 'anne', 3_000);
    const voided = voidOf(a, sale, D0 + DAY + 9 * 60 * MIN, 'bo');
    // The void arrives first (sync out of order): the result is the same.
    appendEvents(db, [voided, sale, returned]);
    expect(day('store-a', D0)).toEqual([
      expect.objectContaining({ staff_id: 'anne', returns: 1, returned_ore: 3_000, sales: 0 }),
      expect.objectContaining({ staff_id: 'staff-1', sales: 1, sales_ore: 10_000, voided: 0 }),
    ]);
    expect(day('store-a', D0 + DAY)).toEqual([
      expect.objectContaining({
        staff_id: 'bo',
        voided: 1,
        voided_ore: 7_000,
        sales: -1,
        sales_ore: -7_000,
        returns: 0,
      }),
    ]);
    // The retention drops the sale: its return and void go with it, once.
    db.prepare('DELETE FROM sales').run();
    expect(allDayFigureRows(db)).toEqual([]);
  });

  it('adds a store day up per staff member from the quarters in range', () => {
    const till = testTill('till-a', 'store-1');
    const at = Date.UTC(2026, 9, 25, 10, 7, 0);
    const sale = till.sale('m1', at + MIN, {
      totalOre: 12_345,
      effects: { couponsRedeemed: ['W-m1'] },
    });
    appendEvents(db, [
      till.enrolled('m1', at, { staffId: 'anne' }),
      { ...sale, payload: { ...sale.payload, staffId: 'anne' } },
      till.sale(null, at + 20 * MIN, { totalOre: 5_000 }),
    ]);
    const day = dayFiguresByStaff(
      db,
      'store-1',
      Date.UTC(2026, 9, 24, 22),
      Date.UTC(2026, 9, 25, 23),
    );
    expect(day).toEqual([
      expect.objectContaining({
        staff_id: 'anne',
        sales: 1,
        sales_ore: 12_345,
        member_sales: 1,
        coupons: 1,
        enrolments: 1,
      }),
      expect.objectContaining({ staff_id: 'staff-1', sales: 1, sales_ore: 5_000, member_sales: 0 }),
    ]);
    expect(dayFiguresByStaff(db, 'store-2', 0, Date.UTC(2027, 0, 1))).toEqual([]);
    expect(
      dayFiguresByStaff(db, 'store-1', Date.UTC(2026, 9, 25, 23), Date.UTC(2027, 0, 1)),
    ).toEqual([]);
  });

  it('migration 009 fills the figures of a store that had sales and keeps its print queue', () => {
    const file = tmp.path('v8.db');
    const old = new Database(file);
    try {
      migrate(old, 8);
      const at = Date.UTC(2026, 5, 1, 10, 7);
      const payload = JSON.stringify({
        effects: { couponsRedeemed: ['W-m1'], rewardsRedeemed: [], pointsRedeemed: 30 },
      });
      const sale = old.prepare(
        `INSERT INTO sales (sale_id, idempotency_key, receipt_no, member_id, at, hlc, store_id,
           terminal_id, staff_id, total_ore, voided, returned_ore, payload, returns)
         VALUES (?, ?, '1-1', ?, ?, 'h', 'store-1', 'till-a', 'anne', ?, ?, ?, ?, ?)`,
      );
      sale.run(
        's1',
        'k1',
        'm1',
        at,
        10_000,
        0,
        500,
        payload,
        JSON.stringify([
          { saleId: 's1', returnId: 'r1', at: at + 3_600_000, staffId: 'bo', refundOre: 500 },
        ]),
      );
      sale.run('s2', 'k2', null, at + 60_000, 2_000, 1, 0, '{"effects":null}', '[]');
      const event = old.prepare(
        `INSERT INTO events (id, chain_id, store_id, terminal_id, hlc, type, member_id, payload,
           schema_version, received_at, origin)
         VALUES (?, 'c', ?, 'till-a', ?, ?, ?, ?, 1, 0, 'local')`,
      );
      event.run(
        'e1',
        'store-1',
        'h1',
        'member.enrolled',
        'm1',
        JSON.stringify({ staffId: 'anne', at }),
      );
      // s1's return was made at store-2 an hour later, s2 voided the next day by cato.
      const returned = {
        saleId: 's1',
        returnId: 'r1',
        staffId: 'bo',
        at: at + 3_600_000,
        refundOre: 500,
      };
      event.run('e2', 'store-2', 'h2', 'sale.returned', 'm1', JSON.stringify(returned));
      event.run('e3', 'store-2', 'h3', 'sale.returned', 'm1', JSON.stringify(returned));
      const voided = { saleId: 's2', staffId: 'cato', at: at + 86_400_000, reason: 'feil' };
      event.run('e4', 'store-1', 'h4', 'sale.voided', null, JSON.stringify(voided));
      old
        .prepare(
          `INSERT INTO print_jobs (id, sale_id, kind, document, created_at) VALUES ('j1', 's1', 'receipt', '{}', 1)`,
        )
        .run();
      migrate(old);
      const q = at - (at % 900_000);
      expect(allDayFigureRows(old)).toEqual([
        {
          ...Object.fromEntries(DAY_FIGURE_COUNTERS.map((c) => [c, 0])),
          store_id: 'store-1',
          quarter: q,
          staff_id: 'anne',
          sales: 2,
          sales_ore: 12_000,
          member_sales: 1,
          member_sales_ore: 10_000,
          coupons: 1,
          points_redeemed: 30,
          enrolments: 1,
        },
        {
          ...Object.fromEntries(DAY_FIGURE_COUNTERS.map((c) => [c, 0])),
          store_id: 'store-1',
          quarter: q + 86_400_000,
          staff_id: 'cato',
          sales: -1,
          sales_ore: -2_000,
          voided: 1,
          voided_ore: 2_000,
        },
        {
          ...Object.fromEntries(DAY_FIGURE_COUNTERS.map((c) => [c, 0])),
          store_id: 'store-2',
          quarter: q + 3_600_000,
          staff_id: 'bo',
          returns: 1,
          returned_ore: 500,
        },
      ]);
      expect(old.prepare('SELECT id, kind FROM print_jobs').all()).toEqual([
        { id: 'j1', kind: 'receipt' },
      ]);
      old
        .prepare(
          `INSERT INTO print_jobs (id, sale_id, kind, document, created_at) VALUES ('j2', NULL, 'report', '{}', 2)`,
        )
        .run();
      expect(() =>
        old
          .prepare(
            `INSERT INTO print_jobs (id, sale_id, kind, document, created_at) VALUES ('j3', NULL, 'other', '{}', 3)`,
          )
          .run(),
      ).toThrow(/CHECK/);
    } finally {
      old.close();
    }
  });
});
