/**
 * The segment criteria of issue 16 (postal code ranges, status, visits and spend
 * in a window, recency, categories, home store, consents, any/all groups), each
 * at its edges, evaluated from a folded ledger as a till holds it.
 */
import { describe, expect, it } from 'vitest';
import type { MemberEvent } from '../events';
import type { MemberLedger, MemberView } from '../member-types';
import { Programme, SegmentRule } from '../programme';
import type { ProgrammeInput, SegmentRule as SegmentRuleType } from '../programme';
import { saidText } from '../schema-messages';
import { foldMember } from './fold';
import { memberStatus, segmentMatches } from './segment';
import { DAY, memberEvents, saleLine } from './test-events';
import { osloTime, testProgramme } from './test-programme';

/** An instant written with its offset (osloTime counts wall time from midnight, off on DST days). */
const instant = (iso: string) => Date.parse(iso);
import { memberView } from './view';

const ENROLLED = osloTime(2026, 1, 5);

interface Who {
  view: MemberView;
  ledger: MemberLedger;
}

function who(events: MemberEvent[], now: number, programme = testProgramme()): Who {
  const ledger = foldMember(events);
  if (!ledger) throw new Error('no ledger');
  return { view: memberView(programme, ledger, now), ledger };
}

const rule = (input: unknown): SegmentRuleType => SegmentRule.parse(input);

function matches(input: unknown, member: Who, now: number, programme = testProgramme()): boolean {
  return segmentMatches(rule(input), member.view, member.ledger, now, programme);
}

/** The catalogue keys of the schema's messages for a bad rule. */
function refusals(input: unknown): string[] {
  const parsed = SegmentRule.safeParse(input);
  if (parsed.success) return [];
  return parsed.error.issues.map((i) => saidText(i)?.key ?? `zod:${i.code}`);
}

describe('a criterion written by a newer version', () => {
  it('makes its segment match nobody here, at the top or in a group, rather than everyone', () => {
    const now = ENROLLED + 5 * DAY;
    const member = who([memberEvents('m-new').enrolled(ENROLLED)], now);
    expect(matches({}, member, now)).toBe(true);
    expect(matches({ loyaltyScore: { min: 90 } }, member, now)).toBe(false);
    expect(matches({ any: [{ loyaltyScore: { min: 90 } }] }, member, now)).toBe(false);
    expect(matches({ any: [{ loyaltyScore: { min: 90 } }, {}] }, member, now)).toBe(true);
    expect(matches({ all: [{}, { statuses: ['new'], nextThing: true }] }, member, now)).toBe(false);
  });
});

describe('programmes saved before the new criteria', () => {
  it('parse to the same objects: no new field appears, so they mean what they meant', () => {
    expect(rule({ tiers: ['gull'], minAge: 18, postalCodePrefixes: ['01'] })).toStrictEqual({
      tiers: ['gull'],
      minAge: 18,
      genders: [],
      postalCodePrefixes: ['01'],
      memberIds: [],
    });
    const saved = testProgramme({
      bonusCampaigns: [
        {
          id: 'dobbel',
          name: { nb: 'Dobbel', en: 'Double' },
          multiplier: 2,
          validFrom: '2026-01-01',
          validTo: '2026-01-31',
          segment: { genders: ['female'] },
        },
      ],
    });
    expect(Object.keys(saved)).not.toContain('memberStatusDays');
    expect(Object.keys(saved.bonusCampaigns[0]!.segment!).sort()).toEqual([
      'genders',
      'memberIds',
      'postalCodePrefixes',
      'tiers',
    ]);
  });
});

describe('postal code ranges', () => {
  const m = memberEvents('m-postal');
  const withCode = (postalCode: string | null) =>
    who(
      [m.enrolled(ENROLLED, { profile: { ...m.enrolled(0).payload.profile, postalCode } })],
      osloTime(2026, 3, 1),
    );
  const now = osloTime(2026, 3, 1);

  it('includes both ends of a range, and any of several ranges will do', () => {
    const oslo = { postalCodeRanges: [{ from: '0150', to: '1299' }] };
    expect(matches(oslo, withCode('0150'), now)).toBe(true);
    expect(matches(oslo, withCode('1299'), now)).toBe(true);
    expect(matches(oslo, withCode('0149'), now)).toBe(false);
    expect(matches(oslo, withCode('1300'), now)).toBe(false);
    expect(matches(oslo, withCode('01 50'), now)).toBe(true);
    const two = {
      postalCodeRanges: [
        { from: '5000', to: '5099' },
        { from: '7000', to: '7099' },
      ],
    };
    expect(matches(two, withCode('7010'), now)).toBe(true);
    expect(matches(two, withCode('6000'), now)).toBe(false);
  });

  it('does not match a member without a postal code, or with one that is not four digits', () => {
    const all = { postalCodeRanges: [{ from: '0000', to: '9999' }] };
    expect(matches(all, withCode(null), now)).toBe(false);
    expect(matches(all, withCode('11122'), now)).toBe(false);
    expect(matches(all, withCode('SE-1'), now)).toBe(false);
  });

  it('keeps the prefixes beside the ranges (both must hold)', () => {
    const both = { postalCodePrefixes: ['01'], postalCodeRanges: [{ from: '0100', to: '0120' }] };
    expect(matches(both, withCode('0110'), now)).toBe(true);
    expect(matches(both, withCode('0150'), now)).toBe(false);
  });

  it('refuses a code that is not four digits and a range that ends before it starts', () => {
    expect(refusals({ postalCodeRanges: [{ from: '150', to: '1299' }] })).toEqual([
      'programme.postalCodeFormat',
    ]);
    expect(refusals({ postalCodeRanges: [{ from: '1300', to: '1299' }] })).toEqual([
      'programme.postalRangeOrder',
    ]);
  });
});

describe('member status, with the programme thresholds', () => {
  const m = memberEvents('m-status');
  const bought = osloTime(2026, 2, 1);
  const events = [m.enrolled(ENROLLED), m.sale(bought)];

  it('uses MEMBER_STATUS_DAYS unless the programme sets its own', () => {
    const at = bought + 100 * DAY;
    const member = who(events, at);
    expect(matches({ statuses: ['lapsing'] }, member, at)).toBe(true);
    expect(matches({ statuses: ['active', 'new'] }, member, at)).toBe(false);

    const patient = testProgramme({ memberStatusDays: { new: 14, active: 120, lapsing: 365 } });
    expect(memberStatus(member.view, at, patient.memberStatusDays)).toBe('active');
    expect(matches({ statuses: ['active'] }, member, at, patient)).toBe(true);
    expect(matches({ statuses: ['lapsing'] }, member, at, patient)).toBe(false);
  });

  it('changes at the thresholds', () => {
    const days = { new: 14, active: 30, lapsing: 60 };
    const status = (at: number, e = events) => memberStatus(who(e, at).view, at, days);
    expect(status(ENROLLED + 13 * DAY, [m.enrolled(ENROLLED)])).toBe('new');
    expect(status(ENROLLED + 14 * DAY, [m.enrolled(ENROLLED)])).toBe('lapsing');
    expect(status(ENROLLED + 60 * DAY, [m.enrolled(ENROLLED)])).toBe('lost');
    expect(status(bought + 29 * DAY)).toBe('active');
    expect(status(bought + 30 * DAY)).toBe('lapsing');
    expect(status(bought + 59 * DAY)).toBe('lapsing');
    expect(status(bought + 60 * DAY)).toBe('lost');
  });

  it('refuses thresholds where "active" is not shorter than "lapsing"', () => {
    const parsed = Programme.safeParse({
      name: 'X',
      termsVersion: 'v1',
      memberStatusDays: { new: 30, active: 90, lapsing: 90 },
    } satisfies ProgrammeInput);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => saidText(i)?.key)).toEqual([
      'programme.statusDaysOrder',
    ]);
  });
});

describe('visits and spend in a window of local days', () => {
  const m = memberEvents('m-window');
  const now = osloTime(2026, 6, 30, 15);

  it('counts from 00:00 on the first day of the window, today included', () => {
    // The last 30 days on 30 June: 1 June 00:00 to now.
    const member = who(
      [
        m.enrolled(ENROLLED),
        m.sale(osloTime(2026, 5, 31, 23, 59), { totalOre: 70_000 }),
        m.sale(osloTime(2026, 6, 1, 0, 0), { totalOre: 10_000 }),
        m.sale(osloTime(2026, 6, 30, 14, 59), { totalOre: 25_000 }),
      ],
      now,
    );
    expect(matches({ visits: { days: 30, min: 2, max: 2 } }, member, now)).toBe(true);
    expect(matches({ visits: { days: 31, min: 3 } }, member, now)).toBe(true);
    expect(matches({ visits: { days: 1, min: 1, max: 1 } }, member, now)).toBe(true);
    expect(matches({ spend: { days: 30, min: 35_000, max: 35_000 } }, member, now)).toBe(true);
    expect(matches({ spend: { days: 30, min: 35_001 } }, member, now)).toBe(false);
    expect(matches({ spend: { days: 31, min: 105_000 } }, member, now)).toBe(true);
  });

  it('counts neither voided sales nor wholly returned ones; a partial return lowers the spend', () => {
    const member = who(
      [
        m.enrolled(ENROLLED),
        m.sale(osloTime(2026, 6, 10), { saleId: 'voided', totalOre: 10_000 }),
        m.voided(osloTime(2026, 6, 10, 12, 5), 'voided'),
        m.sale(osloTime(2026, 6, 11), { saleId: 'back', totalOre: 10_000 }),
        m.returned(osloTime(2026, 6, 12), 'back', { refundOre: 10_000 }),
        m.sale(osloTime(2026, 6, 13), {
          saleId: 'half',
          lines: [
            saleLine({ lineId: 'l1', unitPriceOre: 6_000 }),
            saleLine({ lineId: 'l2', unitPriceOre: 4_000 }),
          ],
        }),
        m.returned(osloTime(2026, 6, 14), 'half', {
          lines: [{ lineId: 'l2', quantity: 1 }],
          refundOre: 4_000,
        }),
      ],
      now,
    );
    expect(matches({ visits: { days: 30, min: 1, max: 1 } }, member, now)).toBe(true);
    expect(matches({ spend: { days: 30, min: 6_000, max: 6_000 } }, member, now)).toBe(true);
  });

  it('starts the window at local midnight across a DST change (spring and autumn)', () => {
    // Summer time began on 29 March 2026 (a 23-hour day): the last 2 days on 30 March.
    const spring = osloTime(2026, 3, 30, 9);
    const springMember = who(
      [
        m.enrolled(ENROLLED),
        m.sale(osloTime(2026, 3, 28, 23, 59)),
        m.sale(osloTime(2026, 3, 29, 0, 0)),
      ],
      spring,
    );
    expect(matches({ visits: { days: 2, min: 1, max: 1 } }, springMember, spring)).toBe(true);
    expect(matches({ visits: { days: 3, min: 2 } }, springMember, spring)).toBe(true);
    // Winter time began on 25 October 2026 (a 25-hour day): on that day, its first minute counts.
    const autumn = instant('2026-10-25T23:30:00+01:00');
    const autumnMember = who(
      [
        m.enrolled(ENROLLED),
        m.sale(osloTime(2026, 10, 24, 23, 59)),
        m.sale(osloTime(2026, 10, 25, 0, 0)),
      ],
      autumn,
    );
    expect(matches({ visits: { days: 1, min: 1, max: 1 } }, autumnMember, autumn)).toBe(true);
    expect(matches({ visits: { days: 2, min: 2 } }, autumnMember, autumn)).toBe(true);
  });

  it('gives a member without purchases 0 visits and 0 spend', () => {
    const member = who([m.enrolled(ENROLLED)], now);
    expect(matches({ visits: { days: 90, max: 0 } }, member, now)).toBe(true);
    expect(matches({ spend: { days: 90, max: 0 } }, member, now)).toBe(true);
    expect(matches({ visits: { days: 90, min: 1 } }, member, now)).toBe(false);
  });

  it('refuses a window of no days and a lowest value above the highest', () => {
    expect(refusals({ visits: { days: 0 } })).toEqual(['zod:too_small']);
    expect(refusals({ visits: { days: 30, min: 3, max: 2 } })).toEqual([
      'programme.segmentBoundsOrder',
    ]);
    expect(refusals({ spend: { days: 30, min: 3, max: 2 } })).toEqual([
      'programme.segmentBoundsOrder',
    ]);
  });
});

describe('days since the last purchase', () => {
  const m = memberEvents('m-recency');

  it('counts local days: 0 the same day, 1 after midnight', () => {
    const member = who(
      [m.enrolled(ENROLLED), m.sale(osloTime(2026, 3, 28, 23, 59))],
      osloTime(2026, 3, 29, 0, 1),
    );
    const sameDay = osloTime(2026, 3, 28, 23, 59);
    expect(matches({ daysSinceLastPurchase: { max: 0 } }, member, sameDay)).toBe(true);
    // Over the 23-hour DST day: 29 March, then 30 March.
    expect(
      matches({ daysSinceLastPurchase: { min: 1, max: 1 } }, member, osloTime(2026, 3, 29, 0, 1)),
    ).toBe(true);
    expect(
      matches({ daysSinceLastPurchase: { min: 2, max: 2 } }, member, osloTime(2026, 3, 30, 0, 0)),
    ).toBe(true);
    expect(
      matches({ daysSinceLastPurchase: { min: 2 } }, member, instant('2026-03-29T23:59:00+02:00')),
    ).toBe(false);
  });

  it('does not match a member who never bought, nor count a voided sale', () => {
    const now = osloTime(2026, 6, 1);
    expect(
      matches({ daysSinceLastPurchase: { min: 0 } }, who([m.enrolled(ENROLLED)], now), now),
    ).toBe(false);
    const member = who(
      [
        m.enrolled(ENROLLED),
        m.sale(osloTime(2026, 2, 1)),
        m.sale(osloTime(2026, 5, 30), { saleId: 'oops' }),
        m.voided(osloTime(2026, 5, 30, 12, 1), 'oops'),
      ],
      now,
    );
    expect(matches({ daysSinceLastPurchase: { min: 90 } }, member, now)).toBe(true);
  });
});

describe('categories, home store and consents', () => {
  const m = memberEvents('m-facts');
  const now = osloTime(2026, 6, 1);
  const member = who(
    [
      m.enrolled(ENROLLED, {}, { storeId: 'store-bergen' }),
      m.sale(osloTime(2026, 2, 1), { lines: [saleLine({ category: 'Hundefôr' })] }),
      m.consentChanged(osloTime(2026, 2, 2), 'email', true),
      m.consentChanged(osloTime(2026, 2, 3), 'sms', false),
    ],
    now,
  );

  it('matches any of the categories bought', () => {
    expect(matches({ categories: ['Kattemat', 'Hundefôr'] }, member, now)).toBe(true);
    expect(matches({ categories: ['Kattemat'] }, member, now)).toBe(false);
    expect(matches({ categories: [] }, member, now)).toBe(true);
  });

  it('takes the store the member enrolled in as the home store', () => {
    expect(matches({ homeStores: ['store-oslo', 'store-bergen'] }, member, now)).toBe(true);
    expect(matches({ homeStores: ['store-oslo'] }, member, now)).toBe(false);
  });

  it('asks for every channel named to be granted now', () => {
    expect(matches({ consents: ['email'] }, member, now)).toBe(true);
    expect(matches({ consents: ['sms'] }, member, now)).toBe(false);
    expect(matches({ consents: ['email', 'sms'] }, member, now)).toBe(false);
  });
});

describe('any and all', () => {
  const m = memberEvents('m-groups');
  const now = osloTime(2026, 6, 1);
  // Kari: female, 0150, born 1990, bought dog food on 1 February.
  const member = who(
    [
      m.enrolled(ENROLLED),
      m.sale(osloTime(2026, 2, 1), { lines: [saleLine({ category: 'Hundefôr' })] }),
    ],
    now,
  );

  it('needs the criteria, one of the `any` groups and every `all` group', () => {
    expect(
      matches({ any: [{ genders: ['male'] }, { categories: ['Hundefôr'] }] }, member, now),
    ).toBe(true);
    expect(
      matches({ any: [{ genders: ['male'] }, { categories: ['Kattemat'] }] }, member, now),
    ).toBe(false);
    expect(matches({ genders: ['male'], any: [{ categories: ['Hundefôr'] }] }, member, now)).toBe(
      false,
    );
    expect(matches({ all: [{ genders: ['female'] }, { minAge: 30 }] }, member, now)).toBe(true);
    expect(matches({ all: [{ genders: ['female'] }, { minAge: 40 }] }, member, now)).toBe(false);
    // (female or male) and (lapsing or lost) and (dog food or cat food)
    const nested = {
      all: [
        { any: [{ genders: ['female'] }, { genders: ['male'] }] },
        { any: [{ statuses: ['lapsing'] }, { statuses: ['lost'] }] },
        { any: [{ categories: ['Hundefôr'] }, { categories: ['Kattemat'] }] },
      ],
    };
    expect(matches(nested, member, now)).toBe(true);
  });

  it('places no limit with an empty `any` or `all`', () => {
    expect(matches({ any: [], all: [] }, member, now)).toBe(true);
  });

  it('nests at most two levels below the rule, with at most 20 groups to a list', () => {
    expect(refusals({ any: [{ all: [{ genders: ['male'] }] }] })).toEqual([]);
    // Refused, not kept as an unknown field an older till would not read.
    expect(refusals({ any: [{ all: [{ any: [{ genders: ['male'] }] }] }] })).toEqual([
      'programme.segmentTooDeep',
    ]);
    expect(refusals({ all: [{ any: [{ all: [{}] }] }] })).toEqual(['programme.segmentTooDeep']);
    expect(refusals({ all: [{ any: [{ all: [] }] }] })).toEqual([]);
    expect(refusals({ any: Array.from({ length: 21 }, () => ({})) })).toEqual(['zod:too_big']);
  });
});

describe('a member who has given or done little, and an erased one', () => {
  const m = memberEvents('m-little');
  const now = osloTime(2026, 6, 1);
  const profile = {
    firstName: null,
    lastName: null,
    email: null,
    birthDate: null,
    postalCode: null,
    gender: null,
  };

  it('matches no criterion on what is missing, and no limit that is absent', () => {
    const member = who([m.enrolled(ENROLLED, { profile })], now);
    expect(matches({}, member, now)).toBe(true);
    expect(matches({ minAge: 0 }, member, now)).toBe(false);
    expect(matches({ postalCodeRanges: [{ from: '0000', to: '9999' }] }, member, now)).toBe(false);
    expect(matches({ daysSinceLastPurchase: {} }, member, now)).toBe(false);
    expect(matches({ categories: ['general'] }, member, now)).toBe(false);
    expect(matches({ statuses: ['lapsing'] }, member, now)).toBe(true);
  });

  it('matches no segment at all once erased', () => {
    const member = who([m.enrolled(ENROLLED), m.sale(osloTime(2026, 2, 1)), m.erased(now)], now);
    expect(matches({}, member, now)).toBe(false);
    expect(matches({ statuses: ['new', 'active', 'lapsing', 'lost'] }, member, now)).toBe(false);
    expect(matches({ any: [{}] }, member, now)).toBe(false);
  });
});
