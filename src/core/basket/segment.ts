/**
 * Whether a member falls in a campaign's segment at an instant. Every condition
 * the rule sets must hold; a condition on a profile field the member has not
 * given (no birth date, no gender) does not match.
 */
import type { MemberView } from '../member-types';
import type { SegmentRule } from '../programme';
import { birthdayIn, localDateOf, parseIsoDate, type LocalDate } from '../time';

/**
 * Whole years between a birth date and a day. A birthday counts from its first
 * minute, and 29 February birthdays fall on 28 February in common years, as the
 * birthday offer does.
 */
export function ageOn(birth: LocalDate, day: LocalDate): number {
  const birthday = birthdayIn(day.year, birth);
  const hadBirthday =
    day.month > birthday.month || (day.month === birthday.month && day.day >= birthday.day);
  return day.year - birth.year - (hadBirthday ? 0 : 1);
}

export function segmentMatches(
  segment: SegmentRule,
  member: MemberView,
  now: number,
  timeZone: string,
): boolean {
  if (segment.memberIds.length > 0 && !segment.memberIds.includes(member.memberId)) return false;
  if (segment.tiers.length > 0 && !(member.tier && segment.tiers.includes(member.tier.levelId))) {
    return false;
  }
  const { gender, postalCode, birthDate } = member.profile;
  if (segment.genders.length > 0 && !(gender && segment.genders.includes(gender))) return false;
  if (
    segment.postalCodePrefixes.length > 0 &&
    !(postalCode && segment.postalCodePrefixes.some((prefix) => postalCode.startsWith(prefix)))
  ) {
    return false;
  }
  if (segment.minAge !== undefined || segment.maxAge !== undefined) {
    if (!birthDate) return false;
    const age = ageOn(parseIsoDate(birthDate), localDateOf(now, timeZone));
    if (segment.minAge !== undefined && age < segment.minAge) return false;
    if (segment.maxAge !== undefined && age > segment.maxAge) return false;
  }
  return true;
}
