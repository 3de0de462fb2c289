/**
 * The projections the pushes keep (migration 013), on PGlite and PostgreSQL,
 * through the push's own path (appendEvents → storeEvents): after seeded event
 * logs (several stores and tills, members and non-members, voids, returns
 * delivered twice, erasures, a coupon redeemed twice, points redeemed, pushes
 * late, shuffled and repeated, times across Oslo midnights and the DST change)
 * the tables equal (a) a rebuild from the log and (b) a brute-force
 * computation written here from the events themselves.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { LojalEvent, MemberEvent } from '../../src/core/events';
import { foldMember } from '../../src/core/member';
import { HOUR, MINUTE, memberEvents, saleLine } from '../../src/core/member/test-events';
import { memberFactsOf } from '../../src/core/projections';
import type { Database } from '../db/database';
import { loadMigrations, migrate } from '../db/migrate';
import { openDatabase } from '../db/open';
import { openPostgres } from '../db/postgres';
import { appendEvents } from '../event-log';
import { DATABASE_TARGETS, describeOn } from '../test/databases';
import type { DatabaseInstance } from '../test/databases';
import { buildPendingProjections, rebuildProjections } from './rebuild';
import { dropMemberFacts, readMemberFacts } from './store';

/** 21:00 UTC on 27 March 2026: two Oslo midnights and the spring DST change (29 March) follow. */
const T0 = Date.UTC(2026, 2, 27, 21, 0);
const STORES = ['store-1', 'store-2', 'store-3'] as const;
const MEMBERS = ['m-1', 'm-2', 'm-3'] as const;

const step = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('sale' as const),
      /** Index into MEMBERS, or MEMBERS.length for a sale without a member. */
      who: fc.integer({ min: 0, max: MEMBERS.length }),
      store: fc.integer({ min: 0, max: STORES.length - 1 }),
      gapMinutes: fc.integer({ min: 5, max: 600 }),
      priceOre: fc.integer({ min: 100, max: 90_000 }),
      points: fc.integer({ min: 0, max: 120 }),
      redeem: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 60 })),
      coupon: fc.boolean(),
      reward: fc.boolean(),
      stamps: fc.integer({ min: 0, max: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('void' as const),
      target: fc.nat(),
      store: fc.integer({ min: 0, max: STORES.length - 1 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('return' as const),
      target: fc.nat(),
      store: fc.integer({ min: 0, max: STORES.length - 1 }),
      redeliver: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('erase' as const),
      who: fc.integer({ min: 0, max: MEMBERS.length - 1 }),
    }),
  },
);
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

interface Sold {
  saleId: string;
  memberId: string | null;
  priceOre: number;
}

/** The chain's events in real-time order: enrolments first, voids and returns after their sales. */
function chainLog(chainId: string, steps: readonly Step[]): LojalEvent[] {
  const makers = MEMBERS.map((id) => memberEvents(id));
  const anonymous = memberEvents('anonymous');
  let at = T0;
  const origin = (store: number) => ({
    chainId,
    storeId: STORES[store]!,
    terminalId: `till-${store + 1}`,
  });
  const events: LojalEvent[] = makers.map((m, i) =>
    m.enrolled(T0 + i * MINUTE, { memberNumber: `29000000000${i}${i}` }, origin(i % 2)),
  );
  at += 10 * MINUTE;
  const sold: Sold[] = [];
  const returns: Array<{ saleId: string; returnId: string; memberId: string | null }> = [];
  const memberOf = (memberId: string | null) =>
    memberId === null ? anonymous : makers[MEMBERS.indexOf(memberId as (typeof MEMBERS)[number])]!;
  const strip = <E extends LojalEvent>(event: E, memberId: string | null): E =>
    memberId === null ? { ...event, memberId: null } : event;
  for (const s of steps) {
    switch (s.kind) {
      case 'sale': {
        at += s.gapMinutes * MINUTE;
        const memberId = s.who < MEMBERS.length ? MEMBERS[s.who]! : null;
        const saleId = `${chainId}-sale-${sold.length}`;
        sold.push({ saleId, memberId, priceOre: s.priceOre });
        const m = memberOf(memberId);
        const effects =
          memberId === null
            ? null
            : {
                pointsEarned: s.points,
                pointsRedeemed: s.redeem,
                pointsAvailableAt: at,
                pointsExpireAt: at + 300 * 24 * HOUR,
                // One welcome coupon per member: a second use is a double redemption.
                couponsRedeemed: s.coupon ? [`W-${memberId}`] : [],
                rewardsRedeemed: s.reward ? [`K-kaffe-${memberId}-1`] : [],
                stamps: s.stamps > 0 ? [{ cardId: 'kaffe', count: s.stamps }] : [],
              };
        events.push(
          strip(
            m.sale(at, {
              ...origin(s.store),
              saleId,
              staffId: `staff-${s.store + 1}`,
              lines: [
                saleLine({ unitPriceOre: s.priceOre, category: s.store === 2 ? 'hund' : 'kaffe' }),
              ],
              effects,
            }),
            memberId,
          ),
        );
        break;
      }
      case 'void': {
        const sale = sold[s.target % Math.max(1, sold.length)];
        if (!sale) break;
        at += 3 * MINUTE;
        events.push(
          strip(memberOf(sale.memberId).voided(at, sale.saleId, origin(s.store)), sale.memberId),
        );
        break;
      }
      case 'return': {
        const previous = returns.at(-1);
        at += 7 * MINUTE;
        if (s.redeliver && previous) {
          // The same return delivered again by another till, under a new event id.
          events.push(
            strip(
              memberOf(previous.memberId).returned(at, previous.saleId, {
                ...origin(s.store),
                returnId: previous.returnId,
                refundOre: 100,
                reversed: { points: 1 },
              }),
              previous.memberId,
            ),
          );
          break;
        }
        const sale = sold[s.target % Math.max(1, sold.length)];
        if (!sale) break;
        const returned = memberOf(sale.memberId).returned(at, sale.saleId, {
          ...origin(s.store),
          refundOre: Math.min(100, sale.priceOre),
          reversed: { points: 1, couponsRestored: [] },
        });
        returns.push({
          saleId: sale.saleId,
          returnId: returned.payload.returnId,
          memberId: sale.memberId,
        });
        events.push(strip(returned, sale.memberId));
        break;
      }
      case 'erase':
        at += MINUTE;
        events.push(makers[s.who]!.erased(at, origin(0)));
        break;
    }
  }
  return events;
}

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i -= 1) {
    s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The projection rows of a chain as comparable values (updated_at left out). */
async function projectionRows(db: Database, chainId: string) {
  const members = await db.query(
    `SELECT member_id, erased, merged_into, enrolled_at::text, enrolled_day::text, enrolled_store_id,
            enrolled_staff_id, birth_date::text, gender, postal_code, consent_sms, consent_email,
            points_deficit::float8 AS points_deficit, lot_count, cashback_ore::text, earn_log, earned_by_year, stamps, purchases,
            spend_ore::text, first_purchase_at::text, last_purchase_at::text, last_sale_at::text,
            categories, last_hlc
       FROM member_facts WHERE chain_id = $1 ORDER BY member_id`,
    [chainId],
  );
  const lots = await db.query(
    `SELECT member_id, lot_no, source_id, earned_at::text, available_at::text, expires_at::text,
            expires_day::text, points, remaining
       FROM member_point_lots WHERE chain_id = $1 ORDER BY member_id, lot_no`,
    [chainId],
  );
  const sales = await db.query(
    `SELECT booking, kind, event_id, hlc, sale_id, return_id, store_id, terminal_id, staff_id,
            member_id, at::text, day::text, amount_ore::text, receipts, coupon_ids, reward_ids, stamps,
            points_earned, points_redeemed
       FROM sale_facts WHERE chain_id = $1 ORDER BY booking COLLATE "C"`,
    [chainId],
  );
  return { members, lots, sales };
}

const osloDay = (ms: number) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Oslo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(ms);

/**
 * The bookings computed from the events by brute force, independently of
 * src/core/projections: per booking key the event first in clock order (then
 * by id); a void and a return take their sale's member; a void takes back
 * what its sale still held (the sale's figures less those of the returns
 * before the void by clock), a return after the void nothing ("Dagens tall"
 * and the fold); each on its own event's store, staff, instant and Oslo day.
 */
function bruteForceSales(events: readonly LojalEvent[]) {
  const first = new Map<string, LojalEvent>();
  const keyOf = (e: LojalEvent) =>
    e.type === 'sale.committed'
      ? `sale:${e.payload.saleId}`
      : e.type === 'sale.voided'
        ? `void:${e.payload.saleId}`
        : e.type === 'sale.returned'
          ? `return:${e.payload.returnId}`
          : null;
  for (const e of events) {
    const key = keyOf(e);
    if (key === null) continue;
    const known = first.get(key);
    if (!known || e.hlc < known.hlc || (e.hlc === known.hlc && e.id < known.id)) first.set(key, e);
  }
  const sortedIds = (ids: readonly string[]) => [...new Set(ids)].sort();
  const before = (a: LojalEvent, b: LojalEvent) =>
    a.hlc < b.hlc || (a.hlc === b.hlc && a.id < b.id);
  // Minus without a negative zero (the database has none).
  const minus = (n: number) => (n === 0 ? 0 : -n);
  const rows = [...first].map(([booking, e]) => {
    const p = e.payload as {
      saleId: string;
      staffId: string | null;
      at: number;
      returnId?: string;
    };
    const sale = first.get(`sale:${p.saleId}`) as
      (LojalEvent & { type: 'sale.committed' }) | undefined;
    const saleEffects = sale?.payload.effects ?? null;
    const row = {
      booking,
      kind: booking.split(':')[0]!,
      event_id: e.id,
      hlc: e.hlc,
      sale_id: p.saleId,
      return_id: p.returnId ?? null,
      store_id: e.storeId,
      terminal_id: e.terminalId,
      staff_id: p.staffId,
      member_id: e.type === 'sale.committed' ? e.memberId : (sale?.memberId ?? e.memberId),
      at: String(p.at),
      day: osloDay(p.at),
      amount_ore: '0',
      receipts: 0,
      coupon_ids: [] as string[],
      reward_ids: [] as string[],
      stamps: {} as Record<string, number>,
      points_earned: 0,
      points_redeemed: 0,
    };
    if (e.type === 'sale.committed') {
      const fx = e.payload.effects;
      row.amount_ore = String(e.payload.totalOre);
      row.receipts = 1;
      row.coupon_ids = sortedIds(fx?.couponsRedeemed ?? []);
      row.reward_ids = sortedIds(fx?.rewardsRedeemed ?? []);
      for (const s of fx?.stamps ?? [])
        row.stamps[s.cardId] = (row.stamps[s.cardId] ?? 0) + s.count;
      row.points_earned = fx?.pointsEarned ?? 0;
      row.points_redeemed = fx?.pointsRedeemed ?? 0;
    } else if (e.type === 'sale.voided') {
      row.receipts = -1;
      if (sale) {
        // The returns (first event per return id) of the sale made before this void.
        const earlier = [...first.values()].filter(
          (r): r is LojalEvent & { type: 'sale.returned' } =>
            r.type === 'sale.returned' && r.payload.saleId === p.saleId && before(r, e),
        );
        const restoredCoupons = earlier.flatMap((r) => r.payload.reversed.couponsRestored);
        const restoredRewards = earlier.flatMap((r) => r.payload.reversed.rewardsRestored);
        let amount = sale.payload.totalOre;
        let earned = saleEffects?.pointsEarned ?? 0;
        let redeemed = saleEffects?.pointsRedeemed ?? 0;
        for (const s of saleEffects?.stamps ?? [])
          row.stamps[s.cardId] = (row.stamps[s.cardId] ?? 0) - s.count;
        for (const r of earlier) {
          amount -= r.payload.refundOre;
          earned -= r.payload.reversed.points;
          redeemed -= r.payload.reversed.pointsRedeemedRestored;
          for (const s of r.payload.reversed.stamps)
            row.stamps[s.cardId] = (row.stamps[s.cardId] ?? 0) + s.count;
        }
        row.amount_ore = String(minus(amount));
        row.coupon_ids = sortedIds(saleEffects?.couponsRedeemed ?? []).filter(
          (id) => !restoredCoupons.includes(id),
        );
        row.reward_ids = sortedIds(saleEffects?.rewardsRedeemed ?? []).filter(
          (id) => !restoredRewards.includes(id),
        );
        row.points_earned = minus(earned);
        row.points_redeemed = minus(redeemed);
      }
    } else if (e.type === 'sale.returned') {
      const voided = first.get(`void:${p.saleId}`);
      // A return after the sale's void takes back nothing: the void took all of it.
      if (voided && before(voided, e)) return row;
      const r = e.payload.reversed;
      row.amount_ore = String(minus(e.payload.refundOre));
      row.coupon_ids = sortedIds(r.couponsRestored);
      row.reward_ids = sortedIds(r.rewardsRestored);
      for (const s of r.stamps) row.stamps[s.cardId] = (row.stamps[s.cardId] ?? 0) - s.count;
      row.points_earned = minus(r.points);
      row.points_redeemed = minus(r.pointsRedeemedRestored);
    }
    return row;
  });
  return rows.sort((a, b) => (a.booking < b.booking ? -1 : 1));
}

/** The member rows as the engine's fold of each member's whole history says them. */
function bruteForceMembers(events: readonly LojalEvent[]) {
  return MEMBERS.map((id) => {
    const facts = memberFactsOf(
      foldMember(events.filter((e): e is MemberEvent => e.memberId === id))!,
      'Europe/Oslo',
    );
    return {
      member_id: id,
      erased: facts.erased,
      birth_date: facts.birthDate,
      postal_code: facts.postalCode,
      purchases: facts.purchases,
      spend_ore: String(facts.spendOre),
      last_purchase_at: facts.lastPurchaseAt === null ? null : String(facts.lastPurchaseAt),
      enrolled_day: facts.enrolledDay,
      points_deficit: facts.pointsDeficit,
      open_points: facts.openLots.reduce((sum, l) => sum + l.remaining, 0),
    };
  });
}

const scenario = fc.record({
  steps: fc.array(step, { minLength: 3, maxLength: 30 }),
  again: fc.array(fc.nat(), { maxLength: 5 }),
  cuts: fc.array(fc.nat(), { maxLength: 6 }),
  seed: fc.integer(),
  shuffled: fc.boolean(),
});

for (const target of DATABASE_TARGETS) {
  describeOn(target, 'projections kept by the pushes', () => {
    let instance: DatabaseInstance | null = null;
    let db: Database | null = null;
    let chains = 0;
    beforeAll(async () => {
      instance = await target.create();
      db = await openDatabase(instance.location);
    }, 120_000);
    afterAll(async () => {
      await db?.close();
      await instance?.drop();
    });

    const newChain = async () => {
      chains += 1;
      const chainId = `chain-p${chains}`;
      await db!.query('INSERT INTO chains (id, name, created_at) VALUES ($1, $1, 0)', [chainId]);
      return chainId;
    };

    it('equal a rebuild from the log and a brute-force computation, whatever the pushes', async () => {
      await fc.assert(
        fc.asyncProperty(scenario, async ({ steps, again, cuts, seed, shuffled }) => {
          const chainId = await newChain();
          const all = chainLog(chainId, steps);
          const arrival = [
            ...(shuffled ? shuffle(all, seed) : all),
            ...again.map((n) => all[n % all.length]!),
          ];
          const at = [...new Set(cuts.map((c) => c % arrival.length))].sort((a, b) => a - b);
          const pushes = [0, ...at, arrival.length]
            .slice(1)
            .map((end, i, ends) => arrival.slice(i === 0 ? 0 : ends[i - 1], end));
          for (const batch of pushes)
            if (batch.length > 0)
              await db!.transaction((tx) => appendEvents(tx, chainId, batch, T0 + 40 * HOUR));

          const kept = await projectionRows(db!, chainId);
          // (b) brute force: the bookings from the events themselves; the members from their folds.
          expect(kept.sales).toEqual(bruteForceSales(all));
          const lotsOf = (id: string) =>
            kept.lots
              .filter((l) => (l as { member_id: string }).member_id === id)
              .reduce((sum, l) => sum + (l as { remaining: number }).remaining, 0);
          expect(
            kept.members.map((m) => {
              const r = m as Record<string, unknown>;
              return {
                member_id: r.member_id,
                erased: r.erased,
                birth_date: r.birth_date,
                postal_code: r.postal_code,
                purchases: r.purchases,
                spend_ore: r.spend_ore,
                last_purchase_at: r.last_purchase_at,
                enrolled_day: r.enrolled_day,
                points_deficit: r.points_deficit,
                open_points: lotsOf(r.member_id as string),
              };
            }),
          ).toEqual(bruteForceMembers(all));
          // (a) a rebuild from the log writes the same rows.
          await rebuildProjections(db!, chainId, T0 + 50 * HOUR);
          expect(await projectionRows(db!, chainId)).toEqual(kept);
        }),
        { numRuns: target.label === 'PGlite' ? 20 : 30 },
      );
    }, 600_000);

    it('books a sale at 23:30 UTC on 28 March 2026 on 29 March, and each return on its own day and store', async () => {
      const chainId = await newChain();
      const m = memberEvents('m-dst');
      const s1 = { chainId, storeId: 'store-1', terminalId: 'till-1' };
      const s2 = { chainId, storeId: 'store-2', terminalId: 'till-2' };
      const enrolled = m.enrolled(Date.UTC(2026, 2, 28, 12), {}, s1);
      // 00:30 on 29 March in Oslo (UTC+1 until 01:00 UTC that night).
      const sale = m.sale(Date.UTC(2026, 2, 28, 23, 30), {
        ...s1,
        saleId: 'dst-sale',
        totalOre: 12_000,
        // Two of the line: the return takes one back, so the sale still counts as a purchase.
        lines: [saleLine({ unitPriceOre: 6_000, quantity: 2 })],
        effects: { pointsEarned: 12 },
      });
      // 00:30 on 30 March in Oslo (UTC+2 from the change), at the other store.
      const returned = m.returned(Date.UTC(2026, 2, 29, 22, 30), 'dst-sale', {
        ...s2,
        refundOre: 4_000,
        reversed: { points: 4 },
      });
      // 23:59 on 29 March in Oslo: before the return, the day before it.
      const other = {
        ...m.sale(Date.UTC(2026, 2, 29, 21, 59), { ...s2, saleId: 'no-member' }),
        memberId: null,
      };
      // The return arrives first; the sale's booking later completes it.
      for (const batch of [[enrolled], [returned], [other], [sale]])
        await db!.transaction((tx) => appendEvents(tx, chainId, batch, Date.UTC(2026, 2, 31)));
      const rows = await db!.query<{
        booking: string;
        day: string;
        store_id: string;
        member_id: string | null;
        amount_ore: string;
        receipts: number;
      }>(
        `SELECT booking, day::text, store_id, member_id, amount_ore::text, receipts FROM sale_facts
          WHERE chain_id = $1 ORDER BY at`,
        [chainId],
      );
      expect(rows).toEqual([
        {
          booking: 'sale:dst-sale',
          day: '2026-03-29',
          store_id: 'store-1',
          member_id: 'm-dst',
          amount_ore: '12000',
          receipts: 1,
        },
        {
          booking: 'sale:no-member',
          day: '2026-03-29',
          store_id: 'store-2',
          member_id: null,
          amount_ore: '10000',
          receipts: 1,
        },
        {
          booking: `return:${returned.payload.returnId}`,
          day: '2026-03-30',
          store_id: 'store-2',
          member_id: 'm-dst',
          amount_ore: '-4000',
          receipts: 0,
        },
      ]);
      const [facts] = await db!.query<{ enrolled_day: string; purchases: number; spend: string }>(
        'SELECT enrolled_day::text, purchases, spend_ore::text AS spend FROM member_facts WHERE chain_id = $1',
        [chainId],
      );
      expect(facts).toEqual({ enrolled_day: '2026-03-28', purchases: 1, spend: '8000' });
    });

    it('advances a plain sale without the ledger: the member row moves on from its stored facts', async () => {
      const chainId = await newChain();
      const m = memberEvents('m-fast');
      const origin = { chainId, storeId: 'store-1', terminalId: 'till-1' };
      const first = [
        m.enrolled(T0, {}, origin),
        m.sale(T0 + HOUR, { ...origin, effects: { pointsEarned: 10, pointsExpireAt: null } }),
      ];
      await db!.transaction((tx) => appendEvents(tx, chainId, first, T0 + DAY_MS));
      // The stored facts are marked: a push that refolded the ledger would overwrite the mark,
      // one that advances the stored row keeps it.
      await db!.query("UPDATE member_facts SET postal_code = 'advanced' WHERE chain_id = $1", [
        chainId,
      ]);
      const plain = m.sale(T0 + 2 * HOUR, {
        ...origin,
        effects: { pointsEarned: 5, pointsExpireAt: null },
      });
      await db!.transaction((tx) => appendEvents(tx, chainId, [plain], T0 + DAY_MS));
      const [row] = await db!.query<{ postal_code: string; purchases: number; lot_count: number }>(
        'SELECT postal_code, purchases, lot_count FROM member_facts WHERE chain_id = $1',
        [chainId],
      );
      expect(row).toEqual({ postal_code: 'advanced', purchases: 2, lot_count: 2 });
      const lots = await db!.query<{ lot_no: number; remaining: number }>(
        'SELECT lot_no, remaining FROM member_point_lots WHERE chain_id = $1 ORDER BY lot_no',
        [chainId],
      );
      expect(lots).toEqual([
        { lot_no: 0, remaining: 10 },
        { lot_no: 1, remaining: 5 },
      ]);
    });

    it("takes a member's point lots along with the member's facts, and a rebuild leaves none of a member without facts", async () => {
      const chainId = await newChain();
      const origin = { chainId, storeId: 'store-1', terminalId: 'till-1' };
      const lotsOf = async () =>
        (
          await db!.query<{ member_id: string }>(
            'SELECT DISTINCT member_id FROM member_point_lots WHERE chain_id = $1 ORDER BY member_id',
            [chainId],
          )
        ).map((r) => r.member_id);
      const events = ['m-drop', 'm-keep'].flatMap((id) => {
        const m = memberEvents(id);
        return [
          m.enrolled(T0, {}, origin),
          m.sale(T0 + HOUR, { ...origin, effects: { pointsEarned: 10, pointsExpireAt: null } }),
        ];
      });
      await db!.transaction((tx) => appendEvents(tx, chainId, events, T0 + DAY_MS));
      expect(await lotsOf()).toEqual(['m-drop', 'm-keep']);
      await db!.transaction((tx) => dropMemberFacts(tx, chainId, ['m-drop']));
      expect(await lotsOf()).toEqual(['m-keep']);
      // A lot whose member has no facts (as a foreign key would refuse): the rebuild removes it.
      await db!.query(
        `INSERT INTO member_point_lots (chain_id, member_id, lot_no, source_id, earned_at,
           available_at, points, remaining) VALUES ($1, 'm-stray', 0, 's', 0, 0, 1, 1)`,
        [chainId],
      );
      await rebuildProjections(db!, chainId, T0 + DAY_MS);
      expect(await lotsOf()).toEqual(['m-drop', 'm-keep']);
    });

    it('keeps a points deficit beyond 32 bits (points spent offline with no balance), not refusing the push', async () => {
      const chainId = await newChain();
      const m = memberEvents('m-deficit');
      const origin = { chainId, storeId: 'store-1', terminalId: 'till-1' };
      // Three tills offline each let the member spend 900 million points they did not have.
      const spends = [1, 2, 3].map((i) =>
        m.sale(T0 + i * HOUR, {
          ...origin,
          saleId: `deficit-${i}`,
          effects: { pointsRedeemed: 900_000_000 },
        }),
      );
      await db!.transaction((tx) =>
        appendEvents(tx, chainId, [m.enrolled(T0, {}, origin), ...spends], T0 + DAY_MS),
      );
      const [row] = await db!.query<{ deficit: string }>(
        'SELECT points_deficit::text AS deficit FROM member_facts WHERE chain_id = $1',
        [chainId],
      );
      expect(row).toEqual({ deficit: '2700000000' });
      const facts = await readMemberFacts(db!, chainId, ['m-deficit'], false);
      expect(facts.get('m-deficit')?.pointsDeficit).toBe(2_700_000_000);
    });

    it('books a void after a partial return as what the sale still held, and a return after a void as nothing, whatever the arrival order', async () => {
      const day = (n: number) => Date.UTC(2026, 2, 29 + n, 10);
      const effects = {
        pointsEarned: 10,
        pointsRedeemed: 4,
        couponsRedeemed: ['W-m-vr', 'C-2'],
        rewardsRedeemed: ['K-kaffe-m-vr-1'],
        stamps: [{ cardId: 'kaffe', count: 3 }],
      };
      const partialReturn = {
        refundOre: 3_000,
        reversed: {
          points: 3,
          pointsRedeemedRestored: 1,
          couponsRestored: ['C-2'],
          stamps: [{ cardId: 'kaffe', count: 1 }],
        },
      };
      // Each chain its own events (event ids are unique in the log).
      const history = (chainId: string) => {
        const m = memberEvents('m-vr');
        const s1 = { chainId, storeId: 'store-1', terminalId: 'till-1' };
        const s2 = { chainId, storeId: 'store-2', terminalId: 'till-2' };
        // Sale a on day 0, partly returned on day 1 at another store, voided on day 2.
        const a = [
          m.sale(day(0), { ...s1, saleId: 'a', totalOre: 10_000, effects }),
          m.returned(day(1), 'a', { ...s2, returnId: 'r-a', ...partialReturn }),
          m.voided(day(2), 'a', s1),
        ];
        // Sale b on day 0, voided on day 1, then (a till offline) returned on day 2.
        const b = [
          m.sale(day(0) + MINUTE, { ...s1, saleId: 'b', totalOre: 10_000, effects }),
          m.voided(day(1), 'b', s2),
          m.returned(day(2), 'b', { ...s2, returnId: 'r-b', ...partialReturn }),
        ];
        return { enrolled: m.enrolled(day(-1), {}, s1), a, b };
      };
      const orders = [
        [0, 1, 2],
        [0, 2, 1],
        [1, 0, 2],
        [1, 2, 0],
        [2, 0, 1],
        [2, 1, 0],
      ];
      for (const order of orders) {
        const chainId = await newChain();
        const { enrolled, a, b } = history(chainId);
        const pushes: LojalEvent[][] = [
          [enrolled],
          ...order.map((i) => [a[i]!, b[i]!]),
          // Late repeats of the first events pushed.
          [a[order[0]!]!, b[order[0]!]!],
        ];
        for (const batch of pushes)
          await db!.transaction((tx) => appendEvents(tx, chainId, batch, day(5)));
        const days = await db!.query<{ day: string; amount: string; receipts: string }>(
          `SELECT day::text, sum(amount_ore)::text AS amount, sum(receipts)::text AS receipts
             FROM sale_facts WHERE chain_id = $1 GROUP BY day ORDER BY day`,
          [chainId],
        );
        // As "Dagens tall": day 0 both sales; day 1 the return of a (3,000) and the void of b
        // (all of it); day 2 the void of a (what a still stood for: 7,000), the return of b nothing.
        expect(days, `order ${order.join('')}`).toEqual([
          { day: '2026-03-29', amount: '20000', receipts: '2' },
          { day: '2026-03-30', amount: '-13000', receipts: '-1' },
          { day: '2026-03-31', amount: '-7000', receipts: '-1' },
        ]);
        const rows = await db!.query<Record<string, unknown>>(
          `SELECT booking, amount_ore::text AS amount, coupon_ids, reward_ids, stamps, points_earned,
                  points_redeemed FROM sale_facts WHERE chain_id = $1 AND kind <> 'sale'
            ORDER BY booking COLLATE "C"`,
          [chainId],
        );
        expect(rows, `order ${order.join('')}`).toEqual([
          {
            booking: 'return:r-a',
            amount: '-3000',
            coupon_ids: ['C-2'],
            reward_ids: [],
            stamps: { kaffe: -1 },
            points_earned: -3,
            points_redeemed: -1,
          },
          {
            booking: 'return:r-b',
            amount: '0',
            coupon_ids: [],
            reward_ids: [],
            stamps: {},
            points_earned: 0,
            points_redeemed: 0,
          },
          {
            booking: 'void:a',
            amount: '-7000',
            coupon_ids: ['W-m-vr'],
            reward_ids: ['K-kaffe-m-vr-1'],
            stamps: { kaffe: -2 },
            points_earned: -7,
            points_redeemed: -3,
          },
          {
            booking: 'void:b',
            amount: '-10000',
            coupon_ids: ['C-2', 'W-m-vr'],
            reward_ids: ['K-kaffe-m-vr-1'],
            stamps: { kaffe: -3 },
            points_earned: -10,
            points_redeemed: -4,
          },
        ]);
        const kept = await projectionRows(db!, chainId);
        expect(kept.sales).toEqual(bruteForceSales(pushes.flat()));
        await rebuildProjections(db!, chainId, day(6));
        expect(await projectionRows(db!, chainId)).toEqual(kept);
      }
    });
  });
}

const DAY_MS = 24 * HOUR;

const postgres = DATABASE_TARGETS.find((t) => t.label === 'PostgreSQL')!;

describeOn(postgres, 'migration 013 with data', () => {
  let instance: DatabaseInstance | null = null;
  let db: Database | null = null;
  afterAll(async () => {
    await db?.close();
    await instance?.drop();
  });

  it("builds every existing chain's projections from its log, once", async () => {
    instance = await postgres.create();
    db = await openPostgres(instance.location.databaseUrl!);
    const migrations = loadMigrations();
    const before013 = migrations.findIndex((m) => m.version === 13);
    await migrate(db, migrations.slice(0, before013));
    await db.query("INSERT INTO chains (id, name, created_at) VALUES ('c1', 'Kjede', 0)");
    const events = chainLog('c1', [
      {
        kind: 'sale',
        who: 0,
        store: 1,
        gapMinutes: 30,
        priceOre: 5_000,
        points: 5,
        redeem: 0,
        coupon: true,
        reward: false,
        stamps: 1,
      },
      {
        kind: 'sale',
        who: 3,
        store: 2,
        gapMinutes: 200,
        priceOre: 7_000,
        points: 0,
        redeem: 0,
        coupon: false,
        reward: false,
        stamps: 0,
      },
      { kind: 'void', target: 1, store: 2 },
      { kind: 'return', target: 0, store: 0, redeliver: false },
      { kind: 'erase', who: 1 },
    ]);
    for (const e of events) {
      await db.query(
        `INSERT INTO events (chain_id, id, store_id, terminal_id, hlc, type, member_id, schema_version, payload, received_at)
         VALUES ('c1', $1, $2, $3, $4, $5, $6, $7, $8::jsonb, 0)`,
        [
          e.id,
          e.storeId,
          e.terminalId,
          e.hlc,
          e.type,
          e.memberId,
          e.schemaVersion,
          JSON.stringify(e.payload),
        ],
      );
    }
    await migrate(db);
    expect(await buildPendingProjections(db, T0 + DAY_MS)).toEqual(['c1']);
    // Built once: a second start finds nothing left to build.
    expect(await buildPendingProjections(db, T0 + DAY_MS)).toEqual([]);
    const built = await projectionRows(db, 'c1');
    expect(built.sales).toEqual(bruteForceSales(events));
    expect(built.members.map((m) => (m as { member_id: string }).member_id)).toEqual([...MEMBERS]);
    await rebuildProjections(db, 'c1', T0 + 2 * DAY_MS);
    expect(await projectionRows(db, 'c1')).toEqual(built);
  });
});
