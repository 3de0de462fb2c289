import { describe, expect, it } from 'vitest';
import { ageOn, segmentMatches } from './segment';
import { at, member, tierOf } from './test-fixtures';
import { SegmentRule } from '../programme';

const OSLO = 'Europe/Oslo';
const NOW = at('2026-06-15T12:00:00+02:00');
const rule = (input: Partial<SegmentRule>) => SegmentRule.parse(input);
const profile = (fields: Partial<ReturnType<typeof member>['profile']>) =>
  member({ profile: { ...member().profile, ...fields } });

describe('segmentMatches', () => {
  it('an empty segment matches every member', () => {
    expect(segmentMatches(rule({}), member(), NOW, OSLO)).toBe(true);
  });

  it('matches listed member ids and tiers only', () => {
    expect(segmentMatches(rule({ memberIds: ['m1'] }), member(), NOW, OSLO)).toBe(true);
    expect(segmentMatches(rule({ memberIds: ['m2'] }), member(), NOW, OSLO)).toBe(false);
    const gold = member({
      tier: tierOf({
        id: 'gull',
        name: { nb: 'Gull', en: 'Gold' },
        threshold: 0,
        benefit: { kind: 'none' },
      }),
    });
    expect(segmentMatches(rule({ tiers: ['gull'] }), gold, NOW, OSLO)).toBe(true);
    expect(segmentMatches(rule({ tiers: ['gull'] }), member(), NOW, OSLO)).toBe(false);
  });

  it('does not match on a profile field the member has not given', () => {
    expect(segmentMatches(rule({ genders: ['female'] }), member(), NOW, OSLO)).toBe(false);
    expect(
      segmentMatches(rule({ genders: ['female'] }), profile({ gender: 'female' }), NOW, OSLO),
    ).toBe(true);
    expect(segmentMatches(rule({ minAge: 18 }), member(), NOW, OSLO)).toBe(false);
    expect(segmentMatches(rule({ postalCodePrefixes: ['03'] }), member(), NOW, OSLO)).toBe(false);
  });

  it('matches postal code prefixes', () => {
    expect(
      segmentMatches(
        rule({ postalCodePrefixes: ['03', '04'] }),
        profile({ postalCode: '0450' }),
        NOW,
        OSLO,
      ),
    ).toBe(true);
    expect(
      segmentMatches(
        rule({ postalCodePrefixes: ['50'] }),
        profile({ postalCode: '0450' }),
        NOW,
        OSLO,
      ),
    ).toBe(false);
  });

  it('counts age in the store zone, a birthday counting from its first minute', () => {
    const born = profile({ birthDate: '2008-06-15' });
    const adults = rule({ minAge: 18 });
    expect(segmentMatches(adults, born, at('2026-06-14T23:30:00+02:00'), OSLO)).toBe(false);
    // 22:30 UTC on the 14th is already the 15th in Oslo.
    expect(segmentMatches(adults, born, at('2026-06-14T22:30:00Z'), OSLO)).toBe(true);
    expect(segmentMatches(rule({ maxAge: 17 }), born, at('2026-06-14T12:00:00+02:00'), OSLO)).toBe(
      true,
    );
  });
});

describe('ageOn', () => {
  it('counts whole years, 29 February birthdays falling on 28 February in common years', () => {
    const leapling = { year: 2000, month: 2, day: 29 };
    expect(ageOn(leapling, { year: 2026, month: 2, day: 27 })).toBe(25);
    expect(ageOn(leapling, { year: 2026, month: 2, day: 28 })).toBe(26);
    expect(ageOn(leapling, { year: 2028, month: 2, day: 28 })).toBe(27);
    expect(ageOn(leapling, { year: 2028, month: 2, day: 29 })).toBe(28);
  });
});
