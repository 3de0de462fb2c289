/**
 * The calculator's baseline against the real cloud (PGlite and PostgreSQL):
 * a seeded two-store chain's log of two years (enrolments, sales at any hour,
 * so some fall after Oslo midnight while UTC is still on the day before; voids
 * at the other store, the same day or later; partial returns) is pushed
 * through the tills' push, and `calculator.baseline` answers what a
 * brute-force reading of the same events says: for the owner's chain and
 * chosen store, for a store manager's own store (another's refused). A chain
 * with no members, one whose members have bought nothing, and one younger
 * than a year say so rather than giving figures.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { BoCalculatorBaseline } from '../../src/contract/backoffice/calculator';
import { memberNumberFor } from '../../src/core/ean13';
import type { LojalEvent } from '../../src/core/events';
import { DAY, memberEvents, saleLine } from '../../src/core/member/test-events';
import { describeBackoffice, errorOf } from '../test/backoffice';
import type { BoBrowser, BoCloud } from '../test/backoffice';
import type { Till } from '../test/cloud';

/** A small seeded generator (mulberry32): the same log every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OSLO_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const osloDay = (at: number) => OSLO_DAY.format(at);
/** A YYYY-MM-DD date moved by whole days. */
const plusDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** A seeded log: members enrolled over two years, buying every so often until they leave. */
function seededLog(tills: Till[], now: number, seed: number, options: { members: number }) {
  const next = random(seed);
  const between = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  const events: LojalEvent[] = [];
  for (let m = 0; m < options.members; m++) {
    const member = memberEvents(`calc-${seed}-${m}`);
    const home = tills[m % tills.length]!;
    const enrolledAt = now - between(30, 700) * DAY - between(0, DAY - 1);
    events.push(
      member.enrolled(
        enrolledAt,
        {
          memberNumber: memberNumberFor('29', seed * 1000 + m),
          phoneE164: `+4794${String(seed % 100).padStart(2, '0')}${String(m).padStart(4, '0')}`,
          qrToken: `qr-calc-${seed}-${m}`,
        },
        home.origin,
      ),
    );
    // Some stay, some leave after a while; each comes back every 5 to 120 days.
    const leavesAt = enrolledAt + between(0, 900) * DAY;
    let at = enrolledAt + between(0, 20) * DAY + between(0, DAY - 1);
    let sale = 0;
    while (at < Math.min(leavesAt, now - 60_000)) {
      sale += 1;
      const till = next() < 0.75 ? home : tills[between(0, tills.length - 1)]!;
      const unitPriceOre = between(20, 600) * 100 + between(0, 99);
      const saleId = `calc-${seed}-${m}-${sale}`;
      events.push(
        member.sale(at, {
          ...till.origin,
          saleId,
          lines: [saleLine({ quantity: 2, unitPriceOre })],
        }),
      );
      const roll = next();
      const later = Math.min(at + between(0, 3) * DAY + between(1, 3_600_000), now - 1_000);
      if (roll < 0.08) {
        // Voided at any till: the same day or days later.
        const voidTill = tills[between(0, tills.length - 1)]!;
        events.push(member.voided(later, saleId, voidTill.origin));
      } else if (roll < 0.16) {
        events.push(
          member.returned(later, saleId, {
            ...till.origin,
            lines: [{ lineId: 'l1', quantity: 1 }],
            refundOre: unitPriceOre,
          }),
        );
      }
      at += between(5, 120) * DAY + between(0, DAY - 1) - DAY / 2;
    }
  }
  return events;
}

/** Each till pushes its own events: the enrolments first (a member buys at any store). */
async function pushAll(tills: Till[], events: readonly LojalEvent[]): Promise<void> {
  const enrolment = (e: LojalEvent) => e.type === 'member.enrolled';
  for (const part of [events.filter(enrolment), events.filter((e) => !enrolment(e))]) {
    for (const till of tills) {
      const own = part
        .filter((e) => e.terminalId === till.origin.terminalId)
        .sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
      for (let i = 0; i < own.length; i += 500) {
        const pushed = await till.push(own.slice(i, i + 500));
        expect(pushed.rejected).toEqual([]);
      }
    }
  }
}

/** The baseline read straight off the events, as the calculator's rules say (none of the cloud's code). */
function bruteForce(
  events: readonly LojalEvent[],
  storeIds: readonly string[],
  now: number,
  lostAfterDays = 180,
): Omit<BoCalculatorBaseline, 'storeIds'> {
  const today = osloDay(now);
  const fromDay = plusDays(today, -364);
  interface Booking {
    kind: 'sale' | 'void' | 'return';
    saleId: string;
    memberId: string | null;
    storeId: string;
    day: string;
    amountOre: number;
    receipts: number;
  }
  const sales = new Map<string, { memberId: string | null; totalOre: number }>();
  const bookings: Booking[] = [];
  const voided = new Set<string>();
  const ordered = [...events].sort((a, b) => (a.hlc < b.hlc ? -1 : 1));
  for (const e of ordered) {
    if (e.type === 'sale.committed' && !sales.has(e.payload.saleId)) {
      sales.set(e.payload.saleId, { memberId: e.memberId, totalOre: e.payload.totalOre });
      bookings.push({
        kind: 'sale',
        saleId: e.payload.saleId,
        memberId: e.memberId,
        storeId: e.storeId,
        day: osloDay(e.payload.at),
        amountOre: e.payload.totalOre,
        receipts: 1,
      });
    }
  }
  for (const e of ordered) {
    if (e.type === 'sale.voided' && !voided.has(e.payload.saleId)) {
      voided.add(e.payload.saleId);
      const sale = sales.get(e.payload.saleId)!;
      bookings.push({
        kind: 'void',
        saleId: e.payload.saleId,
        memberId: sale.memberId,
        storeId: e.storeId,
        day: osloDay(e.payload.at),
        amountOre: -sale.totalOre,
        receipts: -1,
      });
    } else if (e.type === 'sale.returned') {
      bookings.push({
        kind: 'return',
        saleId: e.payload.saleId,
        memberId: sales.get(e.payload.saleId)!.memberId,
        storeId: e.storeId,
        day: osloDay(e.payload.at),
        amountOre: -e.payload.refundOre,
        receipts: 0,
      });
    }
  }
  const members = new Set(events.filter((e) => e.type === 'member.enrolled').map((e) => e.memberId))
    .size;
  const here = bookings.filter((b) => b.memberId !== null && storeIds.includes(b.storeId));
  const inYear = here.filter((b) => b.day >= fromDay && b.day <= today);
  const salesOre = inYear.reduce((sum, b) => sum + b.amountOre, 0);
  const receipts = inYear.reduce((sum, b) => sum + b.receipts, 0);
  const perMember = new Map<string, number>();
  for (const b of inYear)
    perMember.set(b.memberId!, (perMember.get(b.memberId!) ?? 0) + b.receipts);
  const buyers = [...perMember.values()].filter((n) => n > 0).length;

  const purchases = here.filter((b) => b.kind === 'sale' && !voided.has(b.saleId));
  const firstPurchaseDay = purchases.map((b) => b.day).sort()[0] ?? null;
  const cohortFrom = plusDays(fromDay, -lostAfterDays);
  const cohortTo = plusDays(fromDay, -1);
  const lastDay = new Map<string, string>();
  const cohort = new Set<string>();
  for (const p of purchases) {
    if (p.day > (lastDay.get(p.memberId!) ?? '')) lastDay.set(p.memberId!, p.day);
    if (p.day >= cohortFrom && p.day <= cohortTo) cohort.add(p.memberId!);
  }
  const lost = [...cohort].filter((m) => lastDay.get(m)! <= plusDays(today, -lostAfterDays));

  const none = (shortfall: 'noPurchases' | 'tooShort') => ({ ok: false as const, shortfall });
  const noPurchases = receipts <= 0 || salesOre <= 0;
  const yearsHundredths = lost.length > 0 ? Math.round((cohort.size * 100) / lost.length) : 0;
  return {
    fromDay,
    toDay: today,
    lostAfterDays,
    members,
    firstPurchaseDay,
    basket: noPurchases
      ? none('noPurchases')
      : { ok: true, salesOre, receipts, basketOre: Math.round(salesOre / receipts) },
    visits: noPurchases
      ? none('noPurchases')
      : firstPurchaseDay! > fromDay
        ? none('tooShort')
        : { ok: true, receipts, buyers, visitsHundredths: Math.round((receipts * 100) / buyers) },
    life:
      firstPurchaseDay === null
        ? none('noPurchases')
        : firstPurchaseDay > cohortTo
          ? none('tooShort')
          : cohort.size === 0
            ? { ok: false, shortfall: 'noCustomersThen' }
            : lost.length === 0
              ? { ok: false, shortfall: 'noneLost', customersThen: cohort.size }
              : {
                  ok: true,
                  customersThen: cohort.size,
                  lostSince: lost.length,
                  churnPerMille: Math.round((lost.length * 1000) / cohort.size),
                  monthsHundredths: yearsHundredths * 12,
                },
  };
}

/**
 * The answer and the instant to brute-force it at: the cloud reads "today" when the
 * command runs, so the two must fall on the same Oslo day (asked again if midnight
 * passed during the call; the seeded log is all before the first instant).
 */
async function onOneDay<T>(ask: () => Promise<T>): Promise<{ answer: T; now: number }> {
  for (;;) {
    const before = Date.now();
    const answer = await ask();
    const after = Date.now();
    if (osloDay(before) === osloDay(after)) return { answer, now: after };
  }
}

describeBackoffice('calculator baseline', (cloud: () => BoCloud) => {
  let owner: BoBrowser;
  let manager: BoBrowser;
  let stores: { storeId: string; storeCode: string }[];
  let events: LojalEvent[];

  beforeAll(async () => {
    const chain = await cloud().chainWithOwner(['Sentrum', 'Torget']);
    owner = chain.owner;
    stores = chain.stores;
    const tills = [
      await cloud().pair(stores[0]!.storeCode, 'Kasse Sentrum'),
      await cloud().pair(stores[1]!.storeCode, 'Kasse Torget'),
    ];
    manager = (await cloud().storeManager(owner, [stores[0]!.storeId])).browser;
    events = seededLog(tills, Date.now(), 7, { members: 60 });
    await pushAll(tills, events);
  }, 120_000);

  it('reads the chain as the events say', async () => {
    const { answer, now } = await onOneDay(() => owner.ok('calculator.baseline', {}));
    const all = stores.map((s) => s.storeId);
    expect(answer).toEqual({ ...bruteForce(events, all, now), storeIds: answer.storeIds });
    expect([...answer.storeIds].sort()).toEqual([...all].sort());
    // The seeded log gives every figure (else this test would check the shortfalls only).
    expect(answer.basket.ok && answer.visits.ok && answer.life.ok).toBe(true);
  });

  it('reads a chosen store, and a store manager their own store only', async () => {
    const torget = [stores[1]!.storeId];
    const ofTorget = await onOneDay(() => owner.ok('calculator.baseline', { storeIds: torget }));
    expect(ofTorget.answer).toEqual({
      ...bruteForce(events, torget, ofTorget.now),
      storeIds: torget,
    });
    const sentrum = [stores[0]!.storeId];
    const own = await onOneDay(() =>
      Promise.all([
        manager.ok('calculator.baseline', {}),
        manager.ok('calculator.baseline', { storeIds: sentrum }),
      ]),
    );
    const expected = { ...bruteForce(events, sentrum, own.now), storeIds: sentrum };
    expect(own.answer).toEqual([expected, expected]);
    const refused = await manager.call('calculator.baseline', { storeIds: torget });
    expect(refused.status).toBe(404);
    expect(errorOf(refused).code).toBe('not_found');
  });

  describe('too little data', () => {
    it('a chain without members says so', async () => {
      const empty = await cloud().chainWithOwner(['Tom']);
      const answer = await empty.owner.ok('calculator.baseline', {});
      expect(answer).toMatchObject({
        members: 0,
        firstPurchaseDay: null,
        basket: { ok: false, shortfall: 'noMembers' },
        visits: { ok: false, shortfall: 'noMembers' },
        life: { ok: false, shortfall: 'noMembers' },
      });
    });

    it('members who have bought nothing, and a chain younger than a year', async () => {
      const young = await cloud().chainWithOwner(['Ung']);
      const till = await cloud().pair(young.stores[0]!.storeCode);
      const kari = memberEvents('calc-young-kari');
      const T = Date.now();
      await pushAll(
        [till],
        [
          kari.enrolled(
            T - 60 * DAY,
            { memberNumber: memberNumberFor('29', 990001), phoneE164: '+4798000001' },
            till.origin,
          ),
        ],
      );
      const before = await young.owner.ok('calculator.baseline', {});
      expect(before).toMatchObject({
        members: 1,
        basket: { ok: false, shortfall: 'noPurchases' },
        visits: { ok: false, shortfall: 'noPurchases' },
        life: { ok: false, shortfall: 'noPurchases' },
      });
      await pushAll(
        [till],
        [
          kari.sale(T - 50 * DAY, { ...till.origin, lines: [saleLine({ unitPriceOre: 35_000 })] }),
          kari.sale(T - 10 * DAY, { ...till.origin, lines: [saleLine({ unitPriceOre: 45_000 })] }),
        ],
      );
      const after = await young.owner.ok('calculator.baseline', {});
      expect(after).toMatchObject({
        members: 1,
        firstPurchaseDay: osloDay(T - 50 * DAY),
        basket: { ok: true, salesOre: 80_000, receipts: 2, basketOre: 40_000 },
        visits: { ok: false, shortfall: 'tooShort' },
        life: { ok: false, shortfall: 'tooShort' },
      });
    });
  });
});
