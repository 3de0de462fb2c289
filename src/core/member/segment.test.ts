import { describe, expect, it } from 'vitest';
import type { MemberLedger, MemberView } from '../member-types';
import { SegmentRule } from '../programme';
import type { SegmentRule as SegmentRuleType } from '../programme';
import { foldMember } from './fold';
import { ageAt, memberStatus, segmentMatches } from './segment';
import { DAY, memberEvents } from './test-events';
import { osloTime, testProgramme, TEST_TIME_ZONE } from './test-programme';
import { memberView } from './view';

const TZ = TEST_TIME_ZONE;
const NOW = osloTime(2026, 6, 15);

const programme = testProgramme({
  tiers: {
    qualification: { kind: 'calendar_year' },
    levels: [
      {
        id: 'bronse',
        name: { nb: 'Bronse', en: 'Bronze' },
        threshold: 0,
        benefit: { kind: 'none' },
      },
      { id: 'gull', name: { nb: 'Gull', en: 'Gold' }, threshold: 1000, benefit: { kind: 'none' } },
    ],
  },
});

/** Kari: female, born 17 May 1990, postal code 0150, Bronse. */
function kari(extra: Parameters<ReturnType<typeof memberEvents>['enrolled']>[1] = {}): Who {
  const m = memberEvents('m-kari');
  const ledger = foldMember([m.enrolled(osloTime(2026, 1, 5), extra)]);
  if (!ledger) throw new Error('no ledger');
  return { view: memberView(programme, ledger, NOW), ledger };
}

interface Who {
  view: MemberView;
  ledger: MemberLedger;
}

const matches = (rule: SegmentRuleType | undefined, who: Who) =>
  segmentMatches(rule, who.view, who.ledger, NOW, programme);

const segment = (rule: Partial<SegmentRuleType>) => SegmentRule.parse(rule);

describe('segmentMatches', () => {
  const member = kari();

  it('matches every (non-erased) member without a segment or with an empty one', () => {
    expect(matches(undefined, member)).toBe(true);
    expect(matches(segment({}), member)).toBe(true);
  });

  it('checks each criterion, all of which must hold', () => {
    expect(matches(segment({ genders: ['female'] }), member)).toBe(true);
    expect(matches(segment({ genders: ['male', 'other'] }), member)).toBe(false);
    expect(matches(segment({ postalCodePrefixes: ['01'] }), member)).toBe(true);
    expect(matches(segment({ postalCodePrefixes: ['50', '7'] }), member)).toBe(false);
    expect(matches(segment({ tiers: ['bronse'] }), member)).toBe(true);
    expect(matches(segment({ tiers: ['gull'] }), member)).toBe(false);
    expect(matches(segment({ memberIds: ['m-kari', 'm-x'] }), member)).toBe(true);
    expect(matches(segment({ memberIds: ['m-x'] }), member)).toBe(false);
    expect(matches(segment({ minAge: 36, maxAge: 36 }), member)).toBe(true);
    expect(matches(segment({ minAge: 37 }), member)).toBe(false);
    expect(matches(segment({ maxAge: 35 }), member)).toBe(false);
    expect(matches(segment({ genders: ['female'], postalCodePrefixes: ['50'] }), member)).toBe(
      false,
    );
  });

  it('does not match on a field the member has not given', () => {
    const anonymous = kari({
      profile: {
        firstName: null,
        lastName: null,
        email: null,
        birthDate: null,
        postalCode: null,
        gender: null,
      },
    });
    expect(matches(segment({ minAge: 18 }), anonymous)).toBe(false);
    expect(matches(segment({ genders: ['female'] }), anonymous)).toBe(false);
    expect(matches(segment({ postalCodePrefixes: ['0'] }), anonymous)).toBe(false);
    expect(matches(segment({ tiers: ['bronse'] }), anonymous)).toBe(true);
  });

  it('never matches an erased member', () => {
    const m = memberEvents('m-gone');
    const ledger = foldMember([m.enrolled(osloTime(2026, 1, 5)), m.erased(osloTime(2026, 2, 1))]);
    if (!ledger) throw new Error('no ledger');
    const erased = { view: memberView(programme, ledger, NOW), ledger };
    expect(matches(undefined, erased)).toBe(false);
    expect(matches(segment({ memberIds: ['m-gone'] }), erased)).toBe(false);
  });
});

describe('ageAt', () => {
  it('counts whole years on the local date', () => {
    expect(ageAt('1990-05-17', osloTime(2026, 5, 16), TZ)).toBe(35);
    expect(ageAt('1990-05-17', osloTime(2026, 5, 17, 0, 1), TZ)).toBe(36);
    // 23:30 UTC on 16 May is already 17 May in Oslo.
    expect(ageAt('1990-05-17', Date.UTC(2026, 4, 16, 23, 30), TZ)).toBe(36);
    expect(ageAt('1990-05-17', Date.UTC(2026, 4, 16, 23, 30), 'UTC')).toBe(35);
  });

  it('counts a 29 February birthday on 28 February in a common year', () => {
    expect(ageAt('2008-02-29', osloTime(2026, 2, 27), TZ)).toBe(17);
    expect(ageAt('2008-02-29', osloTime(2026, 2, 28), TZ)).toBe(18);
    expect(ageAt('2008-02-29', osloTime(2028, 2, 28), TZ)).toBe(19);
    expect(ageAt('2008-02-29', osloTime(2028, 2, 29), TZ)).toBe(20);
  });

  it('is null without a valid birth date', () => {
    expect(ageAt(null, NOW, TZ)).toBeNull();
    expect(ageAt('1990-02-30', NOW, TZ)).toBeNull();
  });
});

describe('memberStatus', () => {
  const enrolledAt = osloTime(2026, 1, 5);
  const m = memberEvents('m-status');
  const view = (purchaseAt: number | null, at: number) => {
    const events = [m.enrolled(enrolledAt), ...(purchaseAt === null ? [] : [m.sale(purchaseAt)])];
    const ledger = foldMember(events);
    if (!ledger) throw new Error('no ledger');
    return memberView(programme, ledger, at);
  };

  it('is new for 30 days after enrolment', () => {
    expect(memberStatus(view(null, enrolledAt + 29 * DAY), enrolledAt + 29 * DAY)).toBe('new');
    expect(memberStatus(view(null, enrolledAt + 30 * DAY), enrolledAt + 30 * DAY)).toBe('lapsing');
  });

  it('is active within 90 days of a purchase, lapsing within 180, lost beyond', () => {
    const bought = enrolledAt + 10 * DAY;
    const at = (days: number) =>
      memberStatus(view(bought, bought + days * DAY), bought + days * DAY);
    expect(at(89)).toBe('active');
    expect(at(90)).toBe('lapsing');
    expect(at(179)).toBe('lapsing');
    expect(at(180)).toBe('lost');
  });

  it('is lost 180 days after enrolment without a purchase', () => {
    expect(memberStatus(view(null, enrolledAt + 179 * DAY), enrolledAt + 179 * DAY)).toBe(
      'lapsing',
    );
    expect(memberStatus(view(null, enrolledAt + 180 * DAY), enrolledAt + 180 * DAY)).toBe('lost');
  });
});
