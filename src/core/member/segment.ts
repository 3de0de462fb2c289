/**
 * Segments: who a campaign targets, and the member's lifecycle status.
 *
 * A segment is evaluated from the member's own data (the view and its ledger),
 * with the clock and the programme's time zone passed in, so a till decides it
 * offline exactly as the cloud would. A node's criteria all have to hold, then
 * one of its `any` groups (when it has some) and each of its `all` groups. An
 * empty list or a missing bound places no limit. A criterion on something the
 * member has not given or done (no birth date for an age bound, no postal code
 * for a prefix or range, no purchase for a recency bound) does not match.
 * Erased members match no segment: they are no longer anyone to target.
 *
 * Windows and recency count local days in the programme's time zone: "the last
 * 30 days" is today and the 29 days before, from 00:00 local time (23 or 25
 * hours on a DST day); a purchase stamped after `now` (a till's clock ahead)
 * counts as today's. Windows and categories read the member's own sales: a
 * member merged into this one brought its totals and last purchase (which
 * status and recency read) but not its sales, so its visits are not in them.
 */
import type { MemberLedger, MemberView, SaleSummary } from '../member-types';
import type { MEMBER_STATUSES, MemberStatusDays, SegmentRule } from '../programme';
import { SEGMENT_FIELDS } from '../programme';
import {
  addDays,
  birthdayIn,
  dayNumber,
  localDateOf,
  parseIsoDate,
  startOfLocalDay,
} from '../time';
import type { LocalDate } from '../time';
import { DAY_MS } from './local-days';

/** What a segment reads of the ledger beyond the view. */
export type SegmentLedger = Pick<MemberLedger, 'sales' | 'categoriesBought' | 'enrolledStoreId'>;

/** What a segment reads of the programme (a Programme fits). */
export interface SegmentSettings {
  timeZone: string;
  memberStatusDays?: MemberStatusDays | undefined;
}

export function segmentMatches(
  segment: SegmentRule | undefined,
  member: MemberView,
  ledger: SegmentLedger,
  now: number,
  settings: SegmentSettings,
): boolean {
  if (member.erased) return false;
  if (!segment) return true;
  return nodeMatches(segment, new Facts(member, ledger, now, settings));
}

/** What criteria ask for, worked out once per evaluation and only when asked. */
class Facts {
  private todayDay: LocalDate | undefined;
  private purchasesCache: SaleSummary[] | undefined;
  private statusCache: MemberStatus | undefined;

  constructor(
    readonly member: MemberView,
    readonly ledger: SegmentLedger,
    readonly now: number,
    readonly settings: SegmentSettings,
  ) {}

  get today(): LocalDate {
    return (this.todayDay ??= localDateOf(this.now, this.settings.timeZone));
  }

  /** Sales that count as purchases: not voided, not returned whole. */
  get purchases(): SaleSummary[] {
    return (this.purchasesCache ??= this.ledger.sales.filter(isPurchase));
  }

  get status(): MemberStatus {
    return (this.statusCache ??= memberStatus(
      this.member,
      this.now,
      this.settings.memberStatusDays,
    ));
  }

  /** The first instant of the last `days` local days (today included). */
  windowStart(days: number): number {
    return startOfLocalDay(addDays(this.today, -(days - 1)), this.settings.timeZone);
  }
}

function isPurchase(sale: SaleSummary): boolean {
  // The ledger counts a sale whose lines all came back as no purchase; its net is then 0.
  return !sale.voided && !(sale.returnedOre > 0 && sale.netTotalOre <= 0);
}

const within = (value: number, bounds: { min?: number | undefined; max?: number | undefined }) =>
  (bounds.min === undefined || value >= bounds.min) &&
  (bounds.max === undefined || value <= bounds.max);

function nodeMatches(segment: SegmentRule, facts: Facts): boolean {
  return (
    Object.keys(segment).every((field) => SEGMENT_FIELDS.has(field)) &&
    criteriaMatch(segment, facts) &&
    (!segment.any || segment.any.length === 0 || segment.any.some((g) => nodeMatches(g, facts))) &&
    (!segment.all || segment.all.every((g) => nodeMatches(g, facts)))
  );
}

function criteriaMatch(segment: SegmentRule, facts: Facts): boolean {
  const { member, ledger, now, settings } = facts;
  if (segment.memberIds.length > 0 && !segment.memberIds.includes(member.memberId)) return false;
  if (segment.tiers.length > 0 && !(member.tier && segment.tiers.includes(member.tier.levelId))) {
    return false;
  }
  const gender = member.profile.gender;
  if (segment.genders.length > 0 && !(gender && segment.genders.includes(gender))) return false;
  const postalCode = member.profile.postalCode?.replace(/\s/g, '');
  if (segment.postalCodePrefixes.length > 0) {
    if (!postalCode || !segment.postalCodePrefixes.some((p) => postalCode.startsWith(p.trim()))) {
      return false;
    }
  }
  const ranges = segment.postalCodeRanges ?? [];
  if (ranges.length > 0) {
    // Four digits compare as text in the order of their numbers.
    if (!postalCode || !/^\d{4}$/.test(postalCode)) return false;
    if (!ranges.some((r) => r.from <= postalCode && postalCode <= r.to)) return false;
  }
  if (segment.minAge !== undefined || segment.maxAge !== undefined) {
    const age = ageAt(member.profile.birthDate, now, settings.timeZone);
    if (age === null) return false;
    if (!within(age, { min: segment.minAge, max: segment.maxAge })) return false;
  }
  const statuses = segment.statuses ?? [];
  if (statuses.length > 0 && !statuses.includes(facts.status)) return false;
  if (segment.consents && !segment.consents.every((channel) => member.consents[channel])) {
    return false;
  }
  const homeStores = segment.homeStores ?? [];
  if (homeStores.length > 0 && !homeStores.includes(ledger.enrolledStoreId)) return false;
  const categories = segment.categories ?? [];
  if (categories.length > 0 && !categories.some((c) => ledger.categoriesBought.includes(c))) {
    return false;
  }
  if (segment.visits) {
    const from = facts.windowStart(segment.visits.days);
    const visits = facts.purchases.filter((s) => s.at >= from).length;
    if (!within(visits, segment.visits)) return false;
  }
  if (segment.spend) {
    const from = facts.windowStart(segment.spend.days);
    const spend = facts.purchases
      .filter((s) => s.at >= from)
      .reduce((sum, s) => sum + s.netTotalOre, 0);
    if (!within(spend, segment.spend)) return false;
  }
  if (segment.daysSinceLastPurchase) {
    // The purchase memberStatus reads too (it counts a merged member's purchases), so
    // "lapsing" and "no purchase for 90 days" agree.
    const last = member.stats.lastPurchaseAt;
    if (last === null) return false;
    const days = Math.max(
      0,
      dayNumber(facts.today) - dayNumber(localDateOf(last, settings.timeZone)),
    );
    if (!within(days, segment.daysSinceLastPurchase)) return false;
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

export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** Thresholds of `memberStatus`, in days. */
export const MEMBER_STATUS_DAYS: Readonly<MemberStatusDays> = {
  /** Enrolled this recently: new, whatever they bought. */
  new: 30,
  /** Bought this recently: active. */
  active: 90,
  /** Bought (or, never having bought, enrolled) this recently: lapsing; longer ago: lost. */
  lapsing: 180,
};

/**
 * new: enrolled fewer than `days.new` days ago (30 by default). Otherwise by the
 * last purchase: active within `days.active` (90), lapsing within
 * `days.lapsing` (180), lost beyond. A member who has never bought anything is
 * lapsing until `days.lapsing` after enrolment, then lost. Elapsed time, not
 * local days: a status changes at the hour of the purchase, as it always has.
 */
export function memberStatus(
  member: MemberView,
  now: number,
  days: Readonly<MemberStatusDays> = MEMBER_STATUS_DAYS,
): MemberStatus {
  const daysSince = (at: number) => (now - at) / DAY_MS;
  if (daysSince(member.enrolledAt) < days.new) return 'new';
  const last = member.stats.lastPurchaseAt;
  if (last !== null && daysSince(last) < days.active) return 'active';
  const reference = last ?? member.enrolledAt;
  return daysSince(reference) < days.lapsing ? 'lapsing' : 'lost';
}
