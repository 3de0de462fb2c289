import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memberNumberFor } from '../core/ean13';
import type { LojalEvent } from '../core/events';
import { appendEvents } from './append';
import { openDatabase } from './db';
import type { Db } from './db';
import { newQrToken } from './ids';
import { rebuildProjections } from './projections';
import { testTill } from './testing/events';
import { tempDir } from './testing/temp-db';
import type { TempDir } from './testing/temp-db';
import { seededRandom as prng } from '../core/seeded-random';
import { hashPin } from './secrets';
import { saveStaff } from './staff';

/** Two PIN hashes for the staff saves (scrypt is slow: made once). */
const PIN_HASHES = [hashPin('24681357'), hashPin('97531864')];
const EMPLOYEES = ['e1', 'e2', 'e3', 'e4'];

const T0 = Date.UTC(2026, 0, 10, 9, 0, 0);
const MIN = 60_000;

let tmp: TempDir;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.remove());

/** A plausible chain history from three tills: enrolments, sales, voids, returns, changes, erasures. */
function randomHistory(seed: number, length: number): LojalEvent[] {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const tills = [testTill('till-a'), testTill('till-b', 'store-2'), testTill('till-c')];
  const members: string[] = [];
  const sales: Array<{ saleId: string; memberId: string | null; points: number; voided: boolean }> =
    [];
  const events: LojalEvent[] = [];
  let at = T0;
  for (let i = 0; i < length; i++) {
    at += Math.floor(random() * 30 * MIN);
    const till = pick(tills);
    // The chain's staff: saves (a PIN now and then) and log-ins, some before any save arrives.
    const staffRoll = random();
    if (staffRoll < 0.06) {
      events.push(
        till.envelope('staff.saved', null, {
          employeeId: pick(EMPLOYEES),
          name: pick(['Per', 'Lise', 'Åse']),
          role: pick(['cashier', 'manager'] as const),
          pinHash: random() < 0.5 ? null : pick(PIN_HASHES),
          active: random() < 0.8,
          staffId: random() < 0.2 ? null : pick(EMPLOYEES),
          at,
        }),
      );
    } else if (staffRoll < 0.12) {
      // A log-in's time need not follow its clock (another till's clock).
      const loginAt = at - Math.floor(random() * 3) * 20 * MIN;
      events.push(
        till.envelope('staff.logged_in', null, {
          staffId: pick([...EMPLOYEES, 'e9']),
          at: loginAt,
        }),
      );
    }
    const roll = random();
    if (members.length === 0 || roll < 0.12) {
      const memberId = `m${members.length + 1}`;
      members.push(memberId);
      // Every fifth member reuses a phone: two offline tills enrolled the same person.
      const phoneIndex = members.length % 5 === 0 ? members.length - 1 : members.length;
      events.push(
        till.enrolled(memberId, at, {
          memberNumber: memberNumberFor('29', members.length),
          phoneE164: `+47900000${String(phoneIndex).padStart(2, '0')}`,
          qrToken: newQrToken(),
        }),
      );
    } else if (roll < 0.5) {
      const memberId = random() < 0.2 ? null : pick(members);
      const points = Math.floor(random() * 50);
      const redeemed = random() < 0.2 ? Math.floor(random() * 40) : 0;
      const sale = till.sale(memberId, at, {
        totalOre: 1_000 + Math.floor(random() * 50_000),
        effects: {
          pointsEarned: points,
          pointsRedeemed: redeemed,
          qualifyingSpendOre: points * 100,
        },
      });
      sales.push({ saleId: sale.payload.saleId, memberId, points, voided: false });
      events.push(sale);
    } else if (roll < 0.58 && sales.some((s) => !s.voided)) {
      const sale = pick(sales.filter((s) => !s.voided));
      sale.voided = true;
      events.push(till.voided(sale.memberId, sale.saleId, at));
    } else if (roll < 0.64 && sales.some((s) => !s.voided)) {
      const sale = pick(sales.filter((s) => !s.voided));
      events.push(
        till.envelope('sale.returned', sale.memberId, {
          saleId: sale.saleId,
          returnId: `r-${i}`,
          staffId: 'staff-2',
          at,
          lines: [{ lineId: 'L1', quantity: 1 }],
          refundOre: 500,
          reversed: {
            points: Math.floor(sale.points / 4),
            cashbackOre: 0,
            stamps: [],
            qualifyingSpendOre: 0,
            couponsRestored: [],
            rewardsRestored: [],
            pointsRedeemedRestored: 0,
            cashbackRedeemedRestoredOre: 0,
          },
        }),
      );
    } else if (roll < 0.72) {
      events.push(till.pointsAdjusted(pick(members), at, 1 + Math.floor(random() * 100)));
    } else if (roll < 0.8) {
      events.push(
        till.profileUpdated(pick(members), at, {
          firstName: pick(['Kari', 'Ola', 'Åse', 'Øyvind']),
          ...(random() < 0.3 ? { phoneE164: `+47911111${String(i % 100).padStart(2, '0')}` } : {}),
        }),
      );
    } else if (roll < 0.86) {
      events.push(
        till.envelope('member.consent_changed', pick(members), {
          channel: pick(['sms', 'email'] as const),
          granted: random() < 0.5,
          termsVersion: 'v1',
          staffId: 'staff-1',
          at,
        }),
      );
    } else if (roll < 0.88) {
      events.push(till.erased(pick(members), at));
    } else if (roll < 0.93) {
      events.push(till.programmeSaved(at, { name: `Programme ${i}`, termsVersion: `v${i}` }));
    } else {
      events.push(
        till.catalogueSaved(at, [
          {
            sku: `sku-${i}`,
            name: `Vare ${i}`,
            category: 'x',
            priceOre: 100 * i,
            vatRate: 25,
            barcodes: [],
          },
          {
            sku: 'brod',
            name: 'Grovbrød',
            category: 'bread',
            priceOre: 4_500,
            vatRate: 15,
            barcodes: ['7040000000019'],
          },
        ]),
      );
    }
  }
  return events;
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Every projection, with JSON columns parsed so key order does not matter. */
function snapshot(db: Db) {
  const all = (sql: string) => db.prepare(sql).all() as Array<Record<string, unknown>>;
  const parse = (rows: Array<Record<string, unknown>>, ...columns: string[]) =>
    rows.map((row) => {
      const out = { ...row };
      for (const c of columns) out[c] = JSON.parse(String(row[c]));
      return out;
    });
  return {
    members: parse(all('SELECT * FROM members ORDER BY member_id'), 'ledger'),
    sales: parse(all('SELECT * FROM sales ORDER BY sale_id'), 'payload', 'returns'),
    programme: parse(all('SELECT * FROM programme'), 'programme'),
    catalogue: parse(all('SELECT * FROM catalogue ORDER BY sku'), 'product', 'barcodes'),
    barcodes: all('SELECT * FROM barcodes ORDER BY barcode'),
    conflicts: all('SELECT * FROM conflicts ORDER BY kind, conflict_key'),
    staff: all('SELECT * FROM staff ORDER BY staff_id'),
  };
}

describe('rebuildProjections', () => {
  it('gives exactly the incrementally kept projections after a long random history', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const db = openDatabase(tmp.path(`rebuild-${seed}.db`)).db;
        try {
          // A demo staff member: this till's own row, which no rebuild touches.
          saveStaff(db, {
            staffId: 'demo-kari',
            name: 'Kari',
            role: 'cashier',
            pin: '1111',
            createdAt: T0,
          });
          const history = randomHistory(seed, 400);
          const random = prng(seed ^ 0x5eed);
          // Sync delivers batches late, out of order and twice.
          const delivered = shuffle([...history, ...history.filter(() => random() < 0.1)], random);
          for (let i = 0; i < delivered.length; i += 7) {
            appendEvents(db, delivered.slice(i, i + 7), { origin: 'remote' });
          }
          const incremental = snapshot(db);
          expect(incremental.members.length).toBeGreaterThan(10);
          expect(incremental.sales.length).toBeGreaterThan(50);
          expect(incremental.staff.filter((r) => r.chain_wide === 1).length).toBeGreaterThan(2);
          expect(incremental.staff.some((r) => r.last_login_at !== null)).toBe(true);
          rebuildProjections(db);
          expect(snapshot(db)).toEqual(incremental);
        } finally {
          db.close();
        }
      }),
      { numRuns: 3 },
    );
  });

  it('restores projections that were lost', () => {
    const db = openDatabase(tmp.path('lost.db')).db;
    try {
      for (const event of randomHistory(42, 200)) appendEvents(db, [event]);
      const before = snapshot(db);
      expect(before.staff.length).toBeGreaterThan(0);
      db.prepare('DELETE FROM members').run();
      db.prepare('UPDATE sales SET voided = 0, returned_ore = 0').run();
      db.prepare("UPDATE staff SET name = 'lost', pin_hash = NULL, last_login_at = NULL").run();
      rebuildProjections(db);
      expect(snapshot(db)).toEqual(before);
    } finally {
      db.close();
    }
  });
});
