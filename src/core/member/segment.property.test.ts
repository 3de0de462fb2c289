/**
 * Properties of segmentMatches over generated members (profiles with gaps,
 * stores, consents, sales in many categories over a year and a half, some voided
 * or returned, some erased) and generated rules with any/all groups.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MemberEvent } from '../events';
import type { MemberLedger, MemberView } from '../member-types';
import { SegmentRule } from '../programme';
import type { SegmentRule as SegmentRuleType } from '../programme';
import { foldMember } from './fold';
import { segmentMatches } from './segment';
import { DAY, HOUR, memberEvents, saleLine } from './test-events';
import { osloTime, testProgramme } from './test-programme';
import { memberView } from './view';

const START = osloTime(2025, 1, 1, 9);
const NOW = osloTime(2026, 6, 30, 15);
const CATEGORIES = ['Hundefôr', 'Kattemat', 'Godbiter', 'Gavekort'];
const STORES = ['store-oslo', 'store-bergen'];
const programme = testProgramme({
  memberStatusDays: { new: 20, active: 60, lapsing: 200 },
  tiers: {
    qualification: { kind: 'calendar_year' },
    levels: [
      {
        id: 'bronse',
        name: { nb: 'Bronse', en: 'Bronze' },
        threshold: 0,
        benefit: { kind: 'none' },
      },
      { id: 'gull', name: { nb: 'Gull', en: 'Gold' }, threshold: 10, benefit: { kind: 'none' } },
    ],
  },
});

interface Who {
  view: MemberView;
  ledger: MemberLedger;
}

let memberNo = 0;

const memberArb: fc.Arbitrary<Who> = fc
  .record({
    enrolledDay: fc.integer({ min: 0, max: 540 }),
    birthDate: fc.option(fc.constantFrom('1950-02-28', '1990-05-17', '2000-02-29', '2008-12-31')),
    postalCode: fc.option(fc.constantFrom('0150', '1299', '5003', '7010', '9990', '12345')),
    gender: fc.option(fc.constantFrom('female' as const, 'male' as const, 'other' as const)),
    store: fc.constantFrom(...STORES),
    sms: fc.boolean(),
    email: fc.boolean(),
    sales: fc.array(
      fc.record({
        day: fc.integer({ min: 0, max: 545 }),
        hour: fc.integer({ min: 0, max: 23 }),
        category: fc.constantFrom(...CATEGORIES),
        unit: fc.integer({ min: 100, max: 50_000 }),
        undo: fc.constantFrom('none', 'none', 'void', 'return'),
      }),
      { maxLength: 8 },
    ),
    erased: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
  })
  .map((g) => {
    memberNo += 1;
    const m = memberEvents(`m-p${memberNo}`);
    const enrolledAt = START + g.enrolledDay * DAY;
    const enrolled = m.enrolled(enrolledAt, {}, { storeId: g.store });
    const events: MemberEvent[] = [
      m.enrolled(
        enrolledAt,
        {
          profile: {
            ...enrolled.payload.profile,
            birthDate: g.birthDate,
            postalCode: g.postalCode,
            gender: g.gender,
          },
          consents: { sms: g.sms, email: g.email },
        },
        { storeId: g.store },
      ),
    ];
    g.sales
      .map((s) => ({ ...s, at: Math.max(enrolledAt + HOUR, START + s.day * DAY + s.hour * HOUR) }))
      .filter((s) => s.at < NOW)
      .sort((a, b) => a.at - b.at)
      .forEach((s, i) => {
        const saleId = `s-${memberNo}-${i}`;
        const line = saleLine({ category: s.category, unitPriceOre: s.unit });
        events.push(
          m.sale(s.at, {
            saleId,
            lines: [line],
            effects: { pointsEarned: Math.floor(s.unit / 1000) },
          }),
        );
        if (s.undo === 'void') events.push(m.voided(s.at + 60_000, saleId));
        if (s.undo === 'return') {
          events.push(m.returned(s.at + 120_000, saleId, { refundOre: s.unit }));
        }
      });
    if (g.erased) events.push(m.erased(NOW - DAY));
    events.sort((a, b) => a.payload.at - b.payload.at);
    const ledger = foldMember(events);
    if (!ledger) throw new Error('no ledger');
    return { view: memberView(programme, ledger, NOW), ledger };
  });

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const bound = (max: number) =>
  fc
    .record({ min: maybe(fc.integer({ min: 0, max })), max: maybe(fc.integer({ min: 0, max })) })
    .filter((b) => b.min === undefined || b.max === undefined || b.min <= b.max);

/** One criterion at a time, as a builder adds them. */
const criterionArb: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.record({ tiers: fc.subarray(['bronse', 'gull']) }),
  fc.record({ minAge: fc.integer({ min: 0, max: 80 }) }),
  fc.record({ maxAge: fc.integer({ min: 0, max: 80 }) }),
  fc.record({ genders: fc.subarray(['female', 'male', 'other']) }),
  fc.record({ postalCodePrefixes: fc.subarray(['0', '12', '5', '9']) }),
  fc.record({
    postalCodeRanges: fc.subarray([
      { from: '0000', to: '1299' },
      { from: '5000', to: '5999' },
      { from: '7010', to: '7010' },
    ]),
  }),
  fc.record({ statuses: fc.subarray(['new', 'active', 'lapsing', 'lost']) }),
  bound(6).chain((b) =>
    fc.integer({ min: 1, max: 400 }).map((days) => ({ visits: { days, ...b } })),
  ),
  bound(150_000).chain((b) =>
    fc.integer({ min: 1, max: 400 }).map((days) => ({ spend: { days, ...b } })),
  ),
  bound(400).map((b) => ({ daysSinceLastPurchase: b })),
  fc.record({ categories: fc.subarray(CATEGORIES) }),
  fc.record({ homeStores: fc.subarray(STORES) }),
  fc.record({ consents: fc.subarray(['sms', 'email']) }),
  fc.record({ memberIds: fc.subarray(Array.from({ length: 40 }, (_, i) => `m-p${i + 1}`)) }),
);

/** A node: a few criteria (merged), and groups while `depth` allows. */
const nodeArb = (depth: number): fc.Arbitrary<Record<string, unknown>> => {
  const criteria = fc
    .array(criterionArb, { maxLength: 3 })
    .map((cs) => Object.assign({}, ...cs) as Record<string, unknown>);
  if (depth === 0) return criteria;
  const groups = maybe(fc.array(nodeArb(depth - 1), { maxLength: 3 }));
  return fc.record({ criteria, any: groups, all: groups }).map(({ criteria: c, any, all }) => ({
    ...c,
    ...(any ? { any } : {}),
    ...(all ? { all } : {}),
  }));
};

const parse = (input: unknown): SegmentRuleType => SegmentRule.parse(input);
const matches = (rule: SegmentRuleType, who: Who) =>
  segmentMatches(rule, who.view, who.ledger, NOW, programme);
const members = fc.array(memberArb, { minLength: 1, maxLength: 6 });

describe('segmentMatches (properties)', () => {
  it('an empty rule matches every member not erased, and none erased', () => {
    fc.assert(
      fc.property(members, (whos) => {
        for (const w of whos) expect(matches(parse({}), w)).toBe(!w.view.erased);
      }),
      { numRuns: 100 },
    );
  });

  it('a list of member ids (a saved top 10) matches exactly those members, erased ones never', () => {
    fc.assert(
      fc.property(members, fc.boolean(), (whos, withOthers) => {
        const listed = whos.filter((_, i) => i % 2 === 0).map((w) => w.view.memberId);
        const rule = parse({ memberIds: withOthers ? [...listed, 'm-nobody'] : listed });
        for (const w of whos)
          expect(matches(rule, w)).toBe(!w.view.erased && listed.includes(w.view.memberId));
      }),
      { numRuns: 100 },
    );
  });

  it('`any` of one rule, and `all` of one rule, match as that rule does', () => {
    fc.assert(
      fc.property(nodeArb(1), members, (input, whos) => {
        const alone = parse(input);
        const inAny = parse({ any: [input] });
        const inAll = parse({ all: [input] });
        for (const w of whos) {
          expect(matches(inAny, w)).toBe(matches(alone, w));
          expect(matches(inAll, w)).toBe(matches(alone, w));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('and-ing a criterion or a group never adds members; or-ing one never removes any', () => {
    fc.assert(
      fc.property(nodeArb(1), nodeArb(1), criterionArb, members, (input, other, c, whos) => {
        const base = parse(input);
        const andCriterion = parse({ ...input, all: [...((input.all as unknown[]) ?? []), c] });
        const andGroup = parse({ all: [input, other] });
        const orGroup = parse({ any: [input, other] });
        for (const w of whos) {
          if (matches(andCriterion, w)) expect(matches(base, w)).toBe(true);
          if (matches(andGroup, w)) expect(matches(base, w)).toBe(true);
          if (matches(base, w)) expect(matches(orGroup, w)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a rule parsed from its JSON matches the same members (and is the same rule)', () => {
    fc.assert(
      fc.property(nodeArb(2), members, (input, whos) => {
        const rule = parse(input);
        const again = parse(JSON.parse(JSON.stringify(rule)));
        expect(again).toEqual(rule);
        for (const w of whos) expect(matches(again, w)).toBe(matches(rule, w));
      }),
      { numRuns: 200 },
    );
  });
});
