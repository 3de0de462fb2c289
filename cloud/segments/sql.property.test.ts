/**
 * The segment SQL (./sql.ts) against the engine, on PGlite and PostgreSQL:
 * generated members (profiles with gaps, two stores, consents, sales over a
 * year and a half at any hour, some voided or returned in part or whole,
 * points for a bonusstige, some erased) pushed through the real cloud's push,
 * and for generated rules (every criterion, any/all groups two levels deep)
 * the members the one SQL query answers are exactly those `segmentMatches`
 * picks from the members' folded ledgers (chainLedgers) at the same `now`,
 * for a calendar-year and a rolling bonusstige.
 */
import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import type { LojalEvent } from '../../src/core/events';
import { memberNumberFor } from '../../src/core/ean13';
import { DAY, HOUR, memberEvents, saleLine } from '../../src/core/member/test-events';
import { parseProgramme, SegmentRule } from '../../src/core/programme';
import type { Programme, ProgrammeInput } from '../../src/core/programme';
import { saveProgramme } from '../programme-change';
import type { Till } from '../test/cloud';
import { describeBackoffice } from '../test/backoffice';
import { matchByFold } from './fold';
import { segmentCount } from './members';
import { segmentSql } from './sql';

const NOW = Date.now();
const CATEGORIES = ['Hundefôr', 'Kattemat', 'Godbiter', 'Gavekort'];
const MEMBERS = 70;

const levels = [
  { id: 'bronse', name: { nb: 'Bronse', en: 'Bronze' }, threshold: 0, benefit: { kind: 'none' } },
  { id: 'solv', name: { nb: 'Sølv', en: 'Silver' }, threshold: 40, benefit: { kind: 'none' } },
  { id: 'gull', name: { nb: 'Gull', en: 'Gold' }, threshold: 150, benefit: { kind: 'none' } },
];

function programmeWith(qualification: { kind: 'calendar_year' } | { kind: 'rolling'; years: 1 }) {
  return parseProgramme({
    name: 'Dyrebutikken',
    termsVersion: 'v1',
    timeZone: 'Europe/Oslo',
    memberStatusDays: { new: 20, active: 60, lapsing: 200 },
    tiers: { enabled: true, qualification, levels },
  } as ProgrammeInput);
}

interface GeneratedMember {
  enrolledDay: number;
  birthDate: string | null;
  postalCode: string | null;
  gender: 'female' | 'male' | 'other' | null;
  store: number;
  sms: boolean;
  email: boolean;
  sales: Array<{
    day: number;
    hour: number;
    category: string;
    unit: number;
    undo: 'none' | 'void' | 'return_whole' | 'return_part';
  }>;
  erased: boolean;
}

const memberArb: fc.Arbitrary<GeneratedMember> = fc.record({
  enrolledDay: fc.integer({ min: 0, max: 560 }),
  birthDate: fc.option(
    fc.constantFrom('1950-02-28', '1990-05-17', '2000-02-29', '2008-12-31', '1984-12-06'),
  ),
  postalCode: fc.option(fc.constantFrom('0150', '1299', '5003', '7010', '9990', '0 150')),
  gender: fc.option(fc.constantFrom('female' as const, 'male' as const, 'other' as const)),
  store: fc.integer({ min: 0, max: 1 }),
  sms: fc.boolean(),
  email: fc.boolean(),
  sales: fc.array(
    fc.record({
      day: fc.integer({ min: 0, max: 560 }),
      hour: fc.integer({ min: 0, max: 23 }),
      category: fc.constantFrom(...CATEGORIES),
      unit: fc.integer({ min: 100, max: 50_000 }),
      undo: fc.constantFrom(
        'none' as const,
        'none' as const,
        'void' as const,
        'return_whole' as const,
        'return_part' as const,
      ),
    }),
    { maxLength: 7 },
  ),
  erased: fc.integer({ min: 0, max: 6 }).map((n) => n === 0),
});

/** The member's events, `enrolledDay` days (and sales `day` days) before now. */
function eventsOf(index: number, g: GeneratedMember, tills: Till[]): LojalEvent[] {
  const m = memberEvents(`m-seg-${index}`);
  const till = tills[g.store]!;
  const enrolledAt = NOW - g.enrolledDay * DAY - 3 * HOUR;
  const events: LojalEvent[] = [
    m.enrolled(
      enrolledAt,
      {
        memberNumber: memberNumberFor('29', 1000 + index),
        qrToken: `qr-seg-${index}-token`,
        phoneE164: `+4741${String(index).padStart(6, '0')}`,
        profile: {
          firstName: `Medlem${index}`,
          lastName: 'Segmentsen',
          email: `m${index}@example.no`,
          birthDate: g.birthDate,
          postalCode: g.postalCode,
          gender: g.gender,
        },
        consents: { sms: g.sms, email: g.email },
      },
      till.origin,
    ) as LojalEvent,
  ];
  const sales = g.sales
    .map((s) => ({ ...s, at: NOW - s.day * DAY - s.hour * HOUR + 30 * 60_000 }))
    .filter((s) => s.at > enrolledAt + HOUR && s.at < NOW)
    .sort((a, b) => a.at - b.at);
  sales.forEach((s, i) => {
    const saleId = `s-seg-${index}-${i}`;
    const line = saleLine({
      category: s.category,
      unitPriceOre: s.unit,
      listOre: s.unit,
      paidOre: s.unit,
    });
    const saleTill = tills[(g.store + i) % tills.length]!;
    events.push(
      m.sale(s.at, {
        ...saleTill.origin,
        saleId,
        lines: [line],
        effects: { pointsEarned: Math.floor(s.unit / 1000) },
      }) as LojalEvent,
    );
    if (s.undo === 'void')
      events.push(m.voided(s.at + 60_000, saleId, saleTill.origin) as LojalEvent);
    if (s.undo === 'return_whole' || s.undo === 'return_part')
      events.push(
        m.returned(s.at + 2 * HOUR, saleId, {
          ...saleTill.origin,
          refundOre: s.undo === 'return_whole' ? s.unit : Math.floor(s.unit / 2),
          reversed: { points: Math.floor(s.unit / 1000) },
        }) as LojalEvent,
      );
  });
  if (g.erased) events.push(m.erased(NOW - 2 * HOUR, till.origin) as LojalEvent);
  return events;
}

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const bound = (max: number) =>
  fc
    .record({ min: maybe(fc.integer({ min: 0, max })), max: maybe(fc.integer({ min: 0, max })) })
    .filter((b) => b.min === undefined || b.max === undefined || b.min <= b.max);

const criterionArb = (stores: string[]): fc.Arbitrary<Record<string, unknown>> =>
  fc.oneof(
    fc.record({ tiers: fc.subarray(['bronse', 'solv', 'gull']) }),
    fc.record({ minAge: fc.integer({ min: 0, max: 80 }) }),
    fc.record({ maxAge: fc.integer({ min: 0, max: 80 }) }),
    fc.record({ genders: fc.subarray(['female', 'male', 'other']) }),
    fc.record({ postalCodePrefixes: fc.subarray(['0', '12', '5', '9', ' 7']) }),
    fc.record({
      postalCodeRanges: fc.subarray([
        { from: '0000', to: '1299' },
        { from: '5000', to: '5999' },
        { from: '7010', to: '7010' },
      ]),
    }),
    fc.record({ statuses: fc.subarray(['new', 'active', 'lapsing', 'lost']) }),
    bound(5).chain((b) =>
      fc.integer({ min: 1, max: 400 }).map((days) => ({ visits: { days, ...b } })),
    ),
    bound(120_000).chain((b) =>
      fc.integer({ min: 1, max: 400 }).map((days) => ({ spend: { days, ...b } })),
    ),
    bound(400).map((b) => ({ daysSinceLastPurchase: b })),
    fc.record({ categories: fc.subarray(CATEGORIES) }),
    fc.record({ homeStores: fc.subarray(stores) }),
    fc.record({ consents: fc.subarray(['sms', 'email']) }),
    fc.record({
      memberIds: fc.subarray(Array.from({ length: 12 }, (_, i) => `m-seg-${i * 5}`)),
    }),
    // A criterion of a newer version: that node matches nobody.
    fc.constant({ loyaltyScore: { min: 3 } }),
  );

const nodeArb = (depth: number, stores: string[]): fc.Arbitrary<Record<string, unknown>> => {
  const criteria = fc
    .array(criterionArb(stores), { maxLength: 3 })
    .map((cs) => Object.assign({}, ...cs) as Record<string, unknown>);
  if (depth === 0) return criteria;
  const groups = maybe(fc.array(nodeArb(depth - 1, stores), { maxLength: 3 }));
  return fc.record({ criteria, any: groups, all: groups }).map(({ criteria: c, any, all }) => ({
    ...c,
    ...(any ? { any } : {}),
    ...(all ? { all } : {}),
  }));
};

describeBackoffice('a segment counted in SQL matches the engine', (cloud) => {
  let chainId: string;
  let stores: string[];

  beforeAll(async () => {
    const made = await cloud().chainWithOwner(['Sentrum', 'Torget']);
    chainId = made.chainId;
    stores = made.stores.map((s) => s.storeId);
    const tills = [
      await cloud().pair(made.stores[0]!.storeCode, 'Kasse S'),
      await cloud().pair(made.stores[1]!.storeCode, 'Kasse T'),
    ];
    const generated = fc.sample(memberArb, { numRuns: MEMBERS, seed: 16_4 });
    const events = generated.flatMap((g, i) => eventsOf(i, g, tills));
    // Each till pushes its own events (a till may push only its store's), in clock order:
    // every enrolment first, so a sale at the other store finds its member.
    const enrolments = events.filter((e) => e.type === 'member.enrolled');
    const rest = events.filter((e) => e.type !== 'member.enrolled');
    for (const batch of [enrolments, rest])
      for (const till of tills) {
        const own = batch
          .filter((e) => e.storeId === till.origin.storeId)
          .sort((a, b) => a.payload.at - b.payload.at);
        for (let i = 0; i < own.length; i += 200) {
          const answer = await till.push(own.slice(i, i + 200));
          expect(answer.rejected).toEqual([]);
        }
      }
  }, 120_000);

  for (const [label, programme] of [
    ['calendar-year bonusstige', programmeWith({ kind: 'calendar_year' })],
    ['rolling bonusstige', programmeWith({ kind: 'rolling', years: 1 })],
  ] as Array<[string, Programme]>) {
    it(`the same members as segmentMatches over the ledgers (${label})`, async () => {
      const db = cloud().server.database;
      await saveProgramme(db, chainId, { programme, staffId: null }, NOW - DAY);
      const everyone = await matchByFold(db, chainId, SegmentRule.parse({}), NOW, programme);
      expect(everyone.length).toBeGreaterThan(MEMBERS / 2);
      await fc.assert(
        fc.asyncProperty(nodeArb(2, stores), async (input) => {
          const rule = SegmentRule.parse(input);
          const expected = (await matchByFold(db, chainId, rule, NOW, programme))
            .map((m) => m.ledger.memberId)
            .sort();
          const query = segmentSql(chainId, rule, NOW, programme);
          const got = (await db.query<{ member_id: string }>(query.ids, query.params))
            .map((r) => r.member_id)
            .sort();
          expect(got, JSON.stringify(rule)).toEqual(expected);
          expect(await segmentCount(db, chainId, rule, NOW, { settings: programme })).toBe(
            expected.length,
          );
        }),
        { numRuns: 80 },
      );
    }, 300_000);
  }
});
