/**
 * Segments: who a campaign targets, and the member's lifecycle status.
 *
 * A segment's criteria all have to hold; an empty list or a missing bound
 * places no limit. A criterion on a field the member has not given (no birth
 * date for an age bound, no postal code for a prefix) does not match. Erased
 * members match no segment: they are no longer anyone to target.
 */
import type { MemberView } from '../member-types';
import type { SegmentRule } from '../programme';
import { birthdayIn, localDateOf, parseIsoDate } from '../time';
import type { LocalDate } from '../time';
import { DAY_MS } from './local-days';

export function segmentMatches(
  segment: SegmentRule | undefined,
  member: MemberView,
  now: number,
  timeZone: string,
): boolean {
  if (member.erased) return false;
  if (!segment) return true;
  if (segment.memberIds.length > 0 && !segment.memberIds.includes(member.memberId)) return false;
  if (segment.tiers.length > 0 && !(member.tier && segment.tiers.includes(member.tier.levelId))) {
    return false;
  }
  const gender = member.profile.gender;
  if (segment.genders.length > 0 && !(gender && segment.genders.includes(gender))) return false;
  if (segment.postalCodePrefixes.length > 0) {
    const postalCode = member.profile.postalCode?.replace(/\s/g, '');
    if (!postalCode || !segment.postalCodePrefixes.some((p) => postalCode.startsWith(p.trim()))) {
      return false;
    }
  }
  if (segment.minAge !== undefined || segment.maxAge !== undefined) {
    const age = ageAt(member.profile.birthDate, now, timeZone);
    if (age === null) return false;
    if (segment.minAge !== undefined && age < segment.minAge) return false;
    if (segment.maxAge !== undefined && age > segment.maxAge) return false;
  }
  return true;
}

/**
 * Whole years of age on the local date of `now`; null without a (valid) birth
 * date. A 29 February birthday falls on 28 February in common years, as the
 * birthday offer does (and as basket/segment.ts counts it).
 */
export function ageAt(birthDate: string | null, now: number, timeZone: string): number | null {
  if (birthDate === null) return null;
  let birth: LocalDate;
  try {
    birth = parseIsoDate(birthDate);
  } catch {
    return null;
  }
  const today = localDateOf(now, timeZone);
  const birthday = birthdayIn(today.year, birth);
  const hadBirthday =
    today.month > birthday.month || (today.month === birthday.month && today.day >= birthday.day);
  return today.year - birth.year - (hadBirthday ? 0 : 1);
}

export type MemberStatus = 'new' | 'active' | 'lapsing' | 'lost';

/** Thresholds of `memberStatus`, in days. */
export const MEMBER_STATUS_DAYS = {
  /** Enrolled this recently: new, whatever they bought. */
  new: 30,
  /** Bought this recently: active. */
  active: 90,
  /** Bought (or, never having bought, enrolled) this recently: lapsing; longer ago: lost. */
  lapsing: 180,
} as const;

/**
 * new: enrolled in the last 30 days. Otherwise by the last purchase: active
 * within 90 days, lapsing within 180, lost beyond. A member who has never
 * bought anything is lapsing until 180 days after enrolment, then lost.
 */
export function memberStatus(member: MemberView, now: number): MemberStatus {
  const daysSince = (at: number) => (now - at) / DAY_MS;
  if (daysSince(member.enrolledAt) < MEMBER_STATUS_DAYS.new) return 'new';
  const last = member.stats.lastPurchaseAt;
  if (last !== null && daysSince(last) < MEMBER_STATUS_DAYS.active) return 'active';
  const reference = last ?? member.enrolledAt;
  return daysSince(reference) < MEMBER_STATUS_DAYS.lapsing ? 'lapsing' : 'lost';
}
