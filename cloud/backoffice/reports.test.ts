/**
 * The back office's reports against the real cloud (PGlite and PostgreSQL): a
 * seeded log of a three-store chain — members and non-members buying at any
 * hour (some just after Oslo midnight while UTC is still on the day before,
 * some on the two days the clocks change), voids at another till the same day
 * or later, returns giving coupons and stamps back, a coupon redeemed twice by
 * two offline tills, erased members — pushed through the tills' push; each
 * report is held to a brute-force reading of the same raw events written here
 * (none of the cloud's code). A store manager gets their store only.
 */
import { beforeAll, expect, it } from 'vitest';
import type {
  BoCouponReport,
  BoEnrolmentReport,
  BoLiabilityReport,
  BoMemberShareReport,
  BoPunchCardReport,
  BoTierReport,
  BoTopMembersReport,
} from '../../src/contract/backoffice/reports';
import { memberNumberFor } from '../../src/core/ean13';
import type { CouponSource } from '../../src/core/member-types';
import type { LojalEvent } from '../../src/core/events';
import { DAY, HOUR, memberEvents, saleLine } from '../../src/core/member/test-events';
import { parseProgramme } from '../../src/core/programme';
import { programmeTemplate } from '../../src/core/templates';
import { saveProgramme } from '../programme-change';
import { describeBackoffice, errorOf, staffSaved } from '../test/backoffice';
import type { BoBrowser } from '../test/backoffice';
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

const OSLO = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const osloDay = (at: number) => OSLO.format(at);
const utc = (iso: string) => Date.parse(iso);

const NOW = Date.now();
const FROM = '2026-01-01';
const TO = '2026-11-30';
/** Instants that test the local day: after Oslo midnight, UTC the day before; the clock-change days. */
const EDGES = [
  utc('2026-01-14T23:30:00Z'), // 00:30 on 15 January (winter, UTC+1)
  utc('2026-03-28T23:30:00Z'), // 00:30 on 29 March, before the clocks go forward at 02:00
  utc('2026-03-29T22:30:00Z'), // 00:30 on 30 March (summer, UTC+2)
  utc('2026-03-29T21:30:00Z'), // 23:30 on 29 March (summer)
  utc('2026-10-24T22:30:00Z'), // 00:30 on 25 October (summer time still)
  utc('2026-10-25T22:30:00Z'), // 23:30 on 25 October (winter time again)
  utc('2026-10-25T23:30:00Z'), // 00:30 on 26 October
];

const CARD_SIZE = 9;

interface Seeded {
  events: LojalEvent[];
  /** What each coupon id was made from (known when it was made). */
  couponRules: Map<string, { kind: CouponSource; ruleId: string | null }>;
  enrolledStore: Map<string, string>;
  enrolledStaff: Map<string, string>;
  erased: Set<string>;
}

function seededLog(tills: Till[], staff: string[], seed: number): Seeded {
  const next = random(seed);
  const between = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  const pick = <T>(list: readonly T[]) => list[between(0, list.length - 1)]!;
  const events: LojalEvent[] = [];
  const couponRules = new Map<string, { kind: CouponSource; ruleId: string | null }>();
  const enrolledStore = new Map<string, string>();
  const enrolledStaff = new Map<string, string>();
  const erased = new Set<string>();
  const start = utc('2025-12-20T00:00:00Z');
  const end = utc('2026-11-30T20:00:00Z');
  let edge = 0;
  /** An instant after `after`: now and then one of the edges (when it is later), else any. */
  const instant = (after: number) => {
    const edgeAt = EDGES[edge++ % EDGES.length]!;
    if (next() < 0.2 && edgeAt > after) return edgeAt;
    return between(after + HOUR, end);
  };
  for (let m = 0; m < 24; m++) {
    const memberId = `rep-${seed}-${m}`;
    const member = memberEvents(memberId);
    const home = m % tills.length;
    // Some enrol on the edges' days (the first of them at an edge itself), most before the year.
    const enrolledAt = m < 5 ? EDGES[m]! - (m % 2) * 3 * HOUR : between(start, start + 10 * DAY);
    enrolledStore.set(memberId, tills[home]!.origin.storeId);
    enrolledStaff.set(memberId, staff[home]!);
    events.push(
      member.enrolled(
        enrolledAt,
        {
          memberNumber: memberNumberFor('29', seed * 100 + m),
          phoneE164: `+4795${String(seed % 100).padStart(2, '0')}${String(m).padStart(4, '0')}`,
          qrToken: `qr-rep-${seed}-${m}`,
          staffId: staff[home]!,
        },
        tills[home]!.origin,
      ),
    );
    let saleNo = 0;
    for (let s = 0; s < 9; s++) {
      saleNo += 1;
      const till = next() < 0.6 ? tills[home]! : pick(tills);
      const at = instant(enrolledAt);
      const unitPriceOre = between(30, 900) * 100 + between(0, 99);
      const saleId = `${memberId}-s${saleNo}`;
      const coupons: string[] = [];
      const roll = next();
      if (roll < 0.12) {
        const id = `W-${memberId}`;
        couponRules.set(id, { kind: 'welcome', ruleId: null });
        coupons.push(id);
      } else if (roll < 0.24) {
        const id = `C-var-26-${memberId}`;
        couponRules.set(id, { kind: 'campaign', ruleId: 'var-26' });
        coupons.push(id);
      } else if (roll < 0.32) {
        const id = `S-hver-2000-${memberId}-${saleNo}`;
        couponRules.set(id, { kind: 'spend', ruleId: 'hver-2000' });
        coupons.push(id);
      } else if (roll < 0.4) {
        const id = `T-gull-Y2026-${memberId}-0`;
        couponRules.set(id, { kind: 'tier', ruleId: 'gull' });
        coupons.push(id);
      } else if (roll < 0.46) {
        const id = `P-0190${seed}${m}${saleNo}`;
        couponRules.set(id, { kind: 'points', ruleId: null });
        coupons.push(id);
      } else if (roll < 0.5) {
        const id = `B-${memberId}-2026`;
        couponRules.set(id, { kind: 'birthday', ruleId: null });
        coupons.push(id);
      }
      const stamps = next() < 0.7 ? [{ cardId: 'kaffe', count: between(1, 4) }] : [];
      const lines = [saleLine({ quantity: 1, unitPriceOre })];
      events.push(
        member.sale(at, {
          ...till.origin,
          saleId,
          lines,
          staffId: staff[tills.indexOf(till)]!,
          effects: {
            couponsRedeemed: coupons,
            stamps,
            pointsEarned: Math.floor(unitPriceOre / 1000),
            pointsAvailableAt: at,
            // Some already expired, most within the next months; none near this instant.
            pointsExpireAt: NOW + between(-40, 220) * DAY + 12 * HOUR,
          },
        }),
      );
      // A coupon used a second time by another till that was offline.
      if (coupons.length > 0 && next() < 0.25) {
        saleNo += 1;
        const other = tills[(tills.indexOf(till) + 1) % tills.length]!;
        events.push(
          member.sale(at + 5 * 60_000, {
            ...other.origin,
            saleId: `${memberId}-s${saleNo}`,
            lines: [saleLine({ unitPriceOre: 5_000 })],
            staffId: staff[tills.indexOf(other)]!,
            effects: { couponsRedeemed: coupons, pointsAvailableAt: at, pointsExpireAt: null },
          }),
        );
      }
      const after = next();
      const later = Math.min(at + between(0, 2) * DAY + between(1, 3) * HOUR, NOW - 60_000);
      if (after < 0.1) {
        events.push(member.voided(later, saleId, pick(tills).origin));
      } else if (after < 0.22) {
        events.push(
          member.returned(later, saleId, {
            ...till.origin,
            refundOre: Math.floor(unitPriceOre / 2),
            reversed: {
              couponsRestored: coupons,
              stamps: stamps.map((s) => ({ cardId: s.cardId, count: 1 })),
            },
          }),
        );
      }
    }
    if (m % 11 === 5) {
      events.push(member.erased(end + HOUR, tills[home]!.origin));
      erased.add(memberId);
    }
  }
  // Sales without a member: most of a shop's sales.
  for (let s = 0; s < 80; s++) {
    const till = pick(tills);
    const at = instant(start);
    const sale = memberEvents('nobody').sale(at, {
      ...till.origin,
      saleId: `anon-${seed}-${s}`,
      lines: [saleLine({ unitPriceOre: between(20, 400) * 100 })],
      staffId: staff[tills.indexOf(till)]!,
      effects: null,
    });
    events.push({ ...sale, memberId: null } as unknown as LojalEvent);
    if (next() < 0.1)
      events.push({
        ...memberEvents('nobody').voided(at + HOUR, `anon-${seed}-${s}`, till.origin),
        memberId: null,
      } as unknown as LojalEvent);
  }
  return { events, couponRules, enrolledStore, enrolledStaff, erased };
}

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

/** A booking as the report's rules say: each sale, void and return on its own store and day. */
interface Booking {
  kind: 'sale' | 'void' | 'return';
  memberId: string | null;
  storeId: string;
  at: number;
  hlc: string;
  day: string;
  amountOre: number;
  receipts: number;
  coupons: string[];
  stamps: number;
}

function bookingsOf(events: readonly LojalEvent[]): Booking[] {
  const sales = new Map<string, Booking>();
  const bookings: Booking[] = [];
  for (const e of [...events].sort((a, b) => (a.hlc < b.hlc ? -1 : 1))) {
    if (e.type !== 'sale.committed') continue;
    const p = e.payload;
    const booking: Booking = {
      kind: 'sale',
      memberId: e.memberId,
      storeId: e.storeId,
      at: p.at,
      hlc: e.hlc,
      day: osloDay(p.at),
      amountOre: p.totalOre,
      receipts: 1,
      coupons: [...new Set(p.effects?.couponsRedeemed ?? [])],
      stamps: (p.effects?.stamps ?? []).reduce((sum, s) => sum + s.count, 0),
    };
    sales.set(p.saleId, booking);
    bookings.push(booking);
  }
  // By clock, ties by id: a void takes back what its sale still held (less the returns
  // before it, as "Dagens tall" does), a return after the void nothing (the fold ignores it).
  const before = (a: LojalEvent, b: LojalEvent) =>
    a.hlc < b.hlc || (a.hlc === b.hlc && a.id < b.id);
  const voids = events.filter((e) => e.type === 'sale.voided');
  const returns = events.filter((e) => e.type === 'sale.returned');
  const saleIdOf = (e: LojalEvent) => (e.payload as { saleId: string }).saleId;
  const voidOf = (saleId: string) =>
    voids
      .filter((v) => saleIdOf(v) === saleId)
      .reduce<LojalEvent | undefined>(
        (first, v) => (first && before(first, v) ? first : v),
        undefined,
      );
  for (const e of events) {
    if (e.type === 'sale.voided') {
      const sale = sales.get(e.payload.saleId)!;
      const earlier = returns.filter(
        (r): r is LojalEvent & { type: 'sale.returned' } =>
          r.type === 'sale.returned' && r.payload.saleId === e.payload.saleId && before(r, e),
      );
      const restored = new Set(earlier.flatMap((r) => r.payload.reversed.couponsRestored));
      bookings.push({
        ...sale,
        kind: 'void',
        storeId: e.storeId,
        at: e.payload.at,
        hlc: e.hlc,
        day: osloDay(e.payload.at),
        amountOre: -(sale.amountOre - earlier.reduce((sum, r) => sum + r.payload.refundOre, 0)),
        receipts: -1,
        coupons: sale.coupons.filter((c) => !restored.has(c)),
        stamps: -(
          sale.stamps -
          earlier.reduce(
            (sum, r) => sum + r.payload.reversed.stamps.reduce((n, st) => n + st.count, 0),
            0,
          )
        ),
      });
    } else if (e.type === 'sale.returned') {
      const sale = sales.get(e.payload.saleId)!;
      const voided = voidOf(e.payload.saleId);
      const taken = !voided || !before(voided, e);
      bookings.push({
        kind: 'return',
        memberId: sale.memberId,
        storeId: e.storeId,
        at: e.payload.at,
        hlc: e.hlc,
        day: osloDay(e.payload.at),
        amountOre: taken ? -e.payload.refundOre : 0,
        receipts: 0,
        coupons: taken ? [...new Set(e.payload.reversed.couponsRestored)] : [],
        stamps: taken ? -e.payload.reversed.stamps.reduce((sum, s) => sum + s.count, 0) : 0,
      });
    }
  }
  return bookings;
}

const inRange = (b: { day: string }, from = FROM, to = TO) => b.day >= from && b.day <= to;

function bruteShare(bookings: Booking[], stores: string[]) {
  const counted = bookings.filter((b) => inRange(b) && stores.includes(b.storeId));
  const sum = (list: Booking[]) => ({
    amountOre: list.reduce((s, b) => s + b.amountOre, 0),
    memberAmountOre: list.filter((b) => b.memberId).reduce((s, b) => s + b.amountOre, 0),
    receipts: list.reduce((s, b) => s + b.receipts, 0),
    memberReceipts: list.filter((b) => b.memberId).reduce((s, b) => s + b.receipts, 0),
    members: new Set(list.filter((b) => b.kind === 'sale' && b.memberId).map((b) => b.memberId))
      .size,
  });
  const days = new Map<string, Booking[]>();
  for (const b of counted) days.set(b.day, [...(days.get(b.day) ?? []), b]);
  return { total: sum(counted), days: new Map([...days].map(([d, list]) => [d, sum(list)])) };
}

describeBackoffice('reports in the back office', (cloud) => {
  let owner: BoBrowser;
  let manager: BoBrowser;
  let tills: Till[];
  let storeIds: string[];
  let seeded: Seeded;
  let bookings: Booking[];
  const staff = ['rep-staff-a', 'rep-staff-b', 'rep-staff-c'];
  const staffNames = ['Astrid Å', 'Bjørn Ø', 'Cecilie Æ'];

  beforeAll(async () => {
    const made = await cloud().chainWithOwner(['Sentrum', 'Torget', 'Kaia']);
    owner = made.owner;
    storeIds = made.stores.map((s) => s.storeId);
    tills = [];
    for (const store of made.stores) tills.push(await cloud().pair(store.storeCode));
    const bakery = programmeTemplate('bakeri')!.programme;
    const programme = parseProgramme({
      ...bakery,
      tiers: { ...bakery.tiers!, qualification: { kind: 'calendar_year' } },
      campaigns: [
        {
          id: 'var-26',
          coupon: {
            name: { nb: 'Vårkampanje', en: 'Spring campaign' },
            benefit: { kind: 'percent', percent: 20 },
          },
          validFrom: '2026-03-01',
          validTo: '2026-05-31',
        },
      ],
    });
    await saveProgramme(
      cloud().server.database,
      made.chainId,
      { programme, staffId: null },
      Date.now(),
    );
    let author: string | null = null;
    for (const [i, till] of tills.entries()) {
      const save = staffSaved(till, staff[i]!, { name: staffNames[i]!, role: 'manager', author });
      expect((await till.push([save])).rejected).toEqual([]);
      author = staff[0]!;
    }
    seeded = seededLog(tills, staff, 7);
    await pushAll(tills, seeded.events);
    bookings = bookingsOf(seeded.events);
    manager = (await cloud().storeManager(owner, [storeIds[1]!])).browser;
  });

  it('members’ share per local day and in total matches the events, Oslo midnight and DST days included', async () => {
    const report = (await owner.ok('reports.memberShare', {
      from: FROM,
      to: TO,
    })) as BoMemberShareReport;
    const expected = bruteShare(bookings, storeIds);
    expect(report.days).toHaveLength(334);
    expect({ ...report.total, day: undefined }).toEqual({ ...expected.total, day: undefined });
    for (const day of report.days) {
      const want = expected.days.get(day.day) ?? {
        amountOre: 0,
        memberAmountOre: 0,
        receipts: 0,
        memberReceipts: 0,
        members: 0,
      };
      expect({ ...day, day: undefined }, day.day).toEqual({ ...want, day: undefined });
    }
    // The edges land on their Oslo days: 23:30 UTC on 14 January is the 15th.
    for (const [instant, day] of [
      [EDGES[0]!, '2026-01-15'],
      [EDGES[1]!, '2026-03-29'],
      [EDGES[3]!, '2026-03-29'],
      [EDGES[4]!, '2026-10-25'],
      [EDGES[5]!, '2026-10-25'],
    ] as const)
      expect(osloDay(instant)).toBe(day);
    const edgeDays = ['2026-01-15', '2026-03-29', '2026-10-25'];
    for (const day of edgeDays) {
      const one = (await owner.ok('reports.memberShare', {
        from: day,
        to: day,
      })) as BoMemberShareReport;
      expect(one.days.map((d) => d.day)).toEqual([day]);
      expect(one.days[0]!.receipts).toBe(expected.days.get(day)?.receipts ?? 0);
      expect(one.days[0]!.receipts).toBeGreaterThan(0);
    }
  });

  it('a store manager gets their store only; another store is not found', async () => {
    const report = (await manager.ok('reports.memberShare', {
      from: FROM,
      to: TO,
    })) as BoMemberShareReport;
    expect(report.stores.map((s) => s.storeId)).toEqual([storeIds[1]]);
    expect(report.total.amountOre).toBe(bruteShare(bookings, [storeIds[1]!]).total.amountOre);
    const refused = await manager.call('reports.memberShare', {
      storeIds: [storeIds[0]!],
      from: FROM,
      to: TO,
    });
    expect(refused.status).toBe(404);
    expect(errorOf(refused).code).toBe('not_found');
    const chosen = (await owner.ok('reports.memberShare', {
      storeIds: [storeIds[0]!, storeIds[2]!],
      from: FROM,
      to: TO,
    })) as BoMemberShareReport;
    expect(chosen.total).toEqual({
      ...bruteShare(bookings, [storeIds[0]!, storeIds[2]!]).total,
      day: '',
    });
  });

  it('refuses a range the wrong way round or too long, with the field', async () => {
    const backwards = await owner.call('reports.memberShare', { from: TO, to: FROM });
    expect(backwards.status).toBe(400);
    expect(errorOf(backwards).field).toBe('to');
    const long = await owner.call('reports.coupons', { from: '2020-01-01', to: TO });
    expect(errorOf(long).field).toBe('to');
    const bad = await owner.call('reports.tiers', { from: '2026-02-30', to: TO });
    expect(errorOf(bad).field).toBe('from');
  });

  it('enrolments per local day, store and staff member, with the staff’s names', async () => {
    const report = (await owner.ok('reports.enrolments', {
      from: FROM,
      to: TO,
    })) as BoEnrolmentReport;
    const enrolled = seeded.events.filter(
      (e) => e.type === 'member.enrolled' && inRange({ day: osloDay(e.payload.at as number) }),
    );
    const expected = new Map<string, number>();
    for (const e of enrolled) {
      const key = `${osloDay(e.payload.at as number)}|${e.storeId}|${seeded.enrolledStaff.get(e.memberId!)}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const got = new Map(
      report.rows.map((r) => [`${r.day}|${r.storeId}|${r.staffId}`, r.enrolments]),
    );
    expect(got).toEqual(expected);
    expect(report.total).toBe(enrolled.length);
    for (const row of report.rows) {
      expect(row.staffName).toBe(staffNames[staff.indexOf(row.staffId!)]);
      expect(row.storeName).toBe(['Sentrum', 'Torget', 'Kaia'][storeIds.indexOf(row.storeId)]);
    }
    const mine = (await manager.ok('reports.enrolments', {
      from: FROM,
      to: TO,
    })) as BoEnrolmentReport;
    expect(mine.rows.every((r) => r.storeId === storeIds[1])).toBe(true);
  });

  it('the top N members by spend at the stores, erased members without a name', async () => {
    for (const [browser, stores] of [
      [owner, storeIds],
      [manager, [storeIds[1]!]],
    ] as const) {
      const report = (await browser.ok('reports.topMembers', {
        from: FROM,
        to: TO,
        n: 12,
      })) as BoTopMembersReport;
      const spend = new Map<string, { spendOre: number; receipts: number }>();
      for (const b of bookings) {
        if (!b.memberId || !inRange(b) || !stores.includes(b.storeId)) continue;
        const now = spend.get(b.memberId) ?? { spendOre: 0, receipts: 0 };
        spend.set(b.memberId, {
          spendOre: now.spendOre + b.amountOre,
          receipts: now.receipts + b.receipts,
        });
      }
      const expected = [...spend]
        .filter(([, s]) => s.spendOre > 0)
        .sort(([a, x], [b, y]) => y.spendOre - x.spendOre || (a < b ? -1 : 1))
        .slice(0, 12);
      expect(report.members.map((m) => [m.memberId, m.spendOre, m.receipts])).toEqual(
        expected.map(([id, s]) => [id, s.spendOre, s.receipts]),
      );
      for (const m of report.members) {
        expect(m.erased).toBe(seeded.erased.has(m.memberId));
        if (m.erased) expect([m.name, m.phone]).toEqual([null, null]);
        else expect(m.name).toBe('Kari Nordmann');
      }
    }
  });

  it('coupons redeemed per kind and rule, net of voids and returns, a double redemption twice', async () => {
    const report = (await owner.ok('reports.coupons', { from: FROM, to: TO })) as BoCouponReport;
    const expected = new Map<string, number>();
    for (const b of bookings) {
      if (!inRange(b)) continue;
      for (const id of b.coupons) {
        const rule = seeded.couponRules.get(id)!;
        const key = `${rule.kind}|${rule.ruleId}`;
        expected.set(key, (expected.get(key) ?? 0) + (b.kind === 'sale' ? 1 : -1));
      }
    }
    for (const [key, n] of expected) if (n === 0) expected.delete(key);
    expect(new Map(report.rows.map((r) => [`${r.kind}|${r.ruleId}`, r.redemptions]))).toEqual(
      expected,
    );
    expect(report.rows.find((r) => r.ruleId === 'var-26')!.name).toEqual({
      nb: 'Vårkampanje',
      en: 'Spring campaign',
    });
    expect(report.rows.find((r) => r.ruleId === 'gull')!.name?.nb).toBe('Gull');
    // The seed holds coupons used twice: each use is counted.
    const uses = new Map<string, number>();
    for (const b of bookings)
      if (b.kind === 'sale') for (const id of b.coupons) uses.set(id, (uses.get(id) ?? 0) + 1);
    expect([...uses.values()].some((n) => n > 1)).toBe(true);
  });

  it('punch cards completed per card: a member’s stamps crossing the card’s size, at the stores', async () => {
    for (const [browser, stores] of [
      [owner, storeIds],
      [manager, [storeIds[1]!]],
    ] as const) {
      const report = (await browser.ok('reports.punchCards', {
        from: '2026-03-01',
        to: TO,
      })) as BoPunchCardReport;
      const byMember = new Map<string, Booking[]>();
      for (const b of bookings)
        if (b.memberId && b.stamps !== 0 && b.day <= TO)
          byMember.set(b.memberId, [...(byMember.get(b.memberId) ?? []), b]);
      let completed = 0;
      for (const list of byMember.values()) {
        let sum = 0;
        for (const b of list.sort((x, y) => x.at - y.at || (x.hlc < y.hlc ? -1 : 1))) {
          const before = sum;
          sum += b.stamps;
          if (inRange(b, '2026-03-01') && stores.includes(b.storeId))
            completed += Math.floor(sum / CARD_SIZE) - Math.floor(before / CARD_SIZE);
        }
      }
      expect(report.total).toBe(completed);
      expect(completed).not.toBe(0);
      expect(report.rows).toEqual([
        { cardId: 'kaffe', name: { nb: 'Kaffe', en: 'Coffee' }, completed },
      ]);
    }
  });

  it('points liability in kroner and what expires in each of the next six months', async () => {
    const report = (await owner.ok('reports.liability', {
      from: FROM,
      to: TO,
    })) as BoLiabilityReport;
    const voided = new Set(
      seeded.events.filter((e) => e.type === 'sale.voided').map((e) => e.payload.saleId as string),
    );
    const at = Date.now();
    let points = 0;
    const perMonth = new Map<string, number>();
    for (const e of seeded.events) {
      if (e.type !== 'sale.committed' || voided.has(e.payload.saleId)) continue;
      const fx = e.payload.effects;
      if (!fx?.pointsEarned || (fx.pointsExpireAt !== null && fx.pointsExpireAt <= at)) continue;
      points += fx.pointsEarned;
      if (fx.pointsExpireAt !== null) {
        const month = osloDay(fx.pointsExpireAt).slice(0, 7);
        perMonth.set(month, (perMonth.get(month) ?? 0) + fx.pointsEarned);
      }
    }
    expect(points).toBeGreaterThan(0);
    expect([...perMonth.values()].some((n) => n > 0)).toBe(true);
    expect(report.pointValueOre).toBe(50);
    expect(report.points).toBe(points);
    expect(report.valueOre).toBe(points * 50);
    const months = report.expiring.map((m) => m.month);
    expect(months[0]).toBe(osloDay(at).slice(0, 7));
    expect(months).toHaveLength(6);
    for (const m of report.expiring) {
      expect(m.points, m.month).toBe(perMonth.get(m.month) ?? 0);
      expect(m.valueOre).toBe(m.points * 50);
    }
    // A store manager: members enrolled at their store.
    const mine = (await manager.ok('reports.liability', {
      from: FROM,
      to: TO,
    })) as BoLiabilityReport;
    let theirs = 0;
    for (const e of seeded.events) {
      if (e.type !== 'sale.committed' || voided.has(e.payload.saleId)) continue;
      if (!e.memberId || seeded.enrolledStore.get(e.memberId) !== storeIds[1]) continue;
      const fx = e.payload.effects!;
      if (fx.pointsExpireAt === null || fx.pointsExpireAt > at) theirs += fx.pointsEarned;
    }
    expect(mine.points).toBe(theirs);
  });

  it('tier movement per month by the programme’s calendar-year rule', async () => {
    const report = (await owner.ok('reports.tiers', {
      from: '2025-12-01',
      to: TO,
    })) as BoTierReport;
    expect(report.tiersOn).toBe(true);
    const voided = new Set(
      seeded.events.filter((e) => e.type === 'sale.voided').map((e) => e.payload.saleId as string),
    );
    const thresholds = [0, 500, 1500];
    const earnings = new Map<string, Array<[number, number]>>();
    const enrolledAt = new Map<string, number>();
    for (const e of seeded.events) {
      if (e.type === 'member.enrolled') enrolledAt.set(e.memberId!, e.payload.at);
      if (e.type === 'sale.committed' && !voided.has(e.payload.saleId) && e.payload.effects)
        earnings.set(e.memberId!, [
          ...(earnings.get(e.memberId!) ?? []),
          [e.payload.at, e.payload.effects.pointsEarned],
        ]);
    }
    const yearOf = (t: number) => Number(osloDay(t).slice(0, 4));
    const level = (memberId: string, t: number) => {
      const year = yearOf(t);
      let now = 0;
      let before = 0;
      for (const [at, p] of earnings.get(memberId) ?? []) {
        if (at > t) continue;
        if (yearOf(at) === year) now += p;
        if (yearOf(at) === year - 1) before += p;
      }
      return thresholds.findLastIndex((th) => th <= Math.max(now, before));
    };
    const monthStart = (month: string) => {
      // Oslo midnight on the 1st: 23:00 or 22:00 UTC the day before.
      const guess = utc(`${month}-01T00:00:00Z`);
      for (const offset of [1, 2]) {
        const t = guess - offset * HOUR;
        if (osloDay(t) === `${month}-01` && osloDay(t - 1) !== `${month}-01`) return t;
      }
      throw new Error(month);
    };
    for (const row of report.periods) {
      const start = monthStart(row.period);
      const [y, mo] = row.period.split('-').map(Number);
      const nextMonth = mo === 12 ? `${y! + 1}-01` : `${y}-${String(mo! + 1).padStart(2, '0')}`;
      const end = monthStart(nextMonth);
      const tally = { period: row.period, up: 0, kept: 0, down: 0 };
      for (const [memberId, at] of enrolledAt) {
        if (at >= start || seeded.erased.has(memberId)) continue;
        const a = level(memberId, start);
        const b = level(memberId, end - 1);
        tally[b > a ? 'up' : b < a ? 'down' : 'kept'] += 1;
      }
      expect(row).toEqual(tally);
    }
    expect(report.periods.map((p) => p.period)).toHaveLength(12);
    expect(report.periods.some((p) => p.up > 0)).toBe(true);
  });
});
