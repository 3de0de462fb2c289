/**
 * The back office's reports, shaped without I/O (the cloud's queries give the
 * figures, cloud/backoffice/reports/*): the local days and months of a range,
 * which rule a redeemed coupon came from (its id says: src/core/member/coupons.ts),
 * the months points expire in, and a member's tier movement over a period
 * (src/core/member/tier.ts: the engine's own rule, at the period's two ends).
 */
import type { CouponSource } from '../member-types';
import type { Programme } from '../programme';
import { tierOfFacts } from '../projections/member-facts';
import type { MemberFacts } from '../projections/member-facts';
import { addDays, addMonths, dayNumber, isoDate, parseIsoDate, startOfLocalDay } from '../time';
import type { LocalDate } from '../time';

/** Every local day from `from` to `to` inclusive, as YYYY-MM-DD. */
export function daysOfRange(from: string, to: string): string[] {
  const first = parseIsoDate(from);
  const count = dayNumber(parseIsoDate(to)) - dayNumber(first) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, i) => isoDate(addDays(first, i)));
}

/** How many local days the range holds (1 for a single day). */
export function rangeLength(from: string, to: string): number {
  return dayNumber(parseIsoDate(to)) - dayNumber(parseIsoDate(from)) + 1;
}

/** The local month of a day: 2026-03-29 → 2026-03. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** The months a range touches, in order, as YYYY-MM. */
export function monthsOfRange(from: string, to: string): string[] {
  const months: string[] = [];
  const last = monthOf(to);
  let at: LocalDate = { ...parseIsoDate(from), day: 1 };
  for (let month = monthOf(isoDate(at)); month <= last; month = monthOf(isoDate(at))) {
    months.push(month);
    at = addMonths(at, 1);
  }
  return months;
}

/** The instants a local range runs over: [start of `from`, start of the day after `to`). */
export function instantsOfRange(
  from: string,
  to: string,
  timeZone: string,
): { start: number; end: number } {
  return {
    start: startOfLocalDay(parseIsoDate(from), timeZone),
    end: startOfLocalDay(addDays(parseIsoDate(to), 1), timeZone),
  };
}

/** `count` months from the one `day` is in: the month a liability's points expire in. */
export function nextMonths(day: string, count: number): string[] {
  const first: LocalDate = { ...parseIsoDate(day), day: 1 };
  return Array.from({ length: count }, (_, i) => monthOf(isoDate(addMonths(first, i))));
}

/** Rows keyed by a day (or month) laid over every key of the range, missing ones as `empty`. */
export function fillKeys<R>(keys: readonly string[], rows: ReadonlyMap<string, R>, empty: R): R[] {
  return keys.map((key) => rows.get(key) ?? empty);
}

export interface CouponOrigin {
  kind: CouponSource;
  /**
   * The rule it came from where the id says it: the campaign's id, the spend
   * rule's, the tier level's. Null for welcome, birthday, bought with points and
   * referral coupons (one rule each, or an id that does not name it).
   */
  ruleId: string | null;
}

const KIND_OF_PREFIX: Readonly<Record<string, CouponSource>> = {
  W: 'welcome',
  B: 'birthday',
  S: 'spend',
  T: 'tier',
  C: 'campaign',
  P: 'points',
  R: 'referral',
};

/**
 * Where a redeemed coupon came from, read from its deterministic id and the
 * member who used it: rule ids may hold `-` (and even the member's id), so
 * the id is read from its end, where the member's id and any count stand.
 * Null for an id no rule makes.
 */
export function couponOrigin(couponId: string, memberId: string | null): CouponOrigin | null {
  const kind = KIND_OF_PREFIX[couponId.slice(0, 1)];
  if (!kind || couponId[1] !== '-') return null;
  const rest = couponId.slice(2);
  // What comes before `-{memberId}` at the end (read from the end: a rule id may hold the member's id).
  const beforeMember = (text: string): string | null =>
    memberId !== null && text.endsWith(`-${memberId}`)
      ? text.slice(0, text.length - memberId.length - 1)
      : null;
  const withoutCount = rest.replace(/-\d+$/, '');
  switch (kind) {
    case 'campaign':
      // C-{campaignId}-{memberId}
      return { kind, ruleId: beforeMember(rest) };
    case 'spend': {
      // S-{ruleId}-{memberId}-{k}
      const rule = beforeMember(withoutCount);
      return { kind, ruleId: rule === '' ? null : rule };
    }
    case 'tier': {
      // T-{levelId}-{periodKey}-{memberId}-{i}: the period key is Y2026 or R3.
      const before = beforeMember(withoutCount);
      const level = before === null ? null : /^(.+)-(?:Y|R)\d+$/.exec(before);
      return { kind, ruleId: level ? level[1]! : null };
    }
    default:
      return { kind, ruleId: null };
  }
}

export type TierMove = 'up' | 'kept' | 'down';

/** What a member's tier is placed by: their enrolment and earnings (member_facts' columns). */
export type TierFacts = Pick<MemberFacts, 'memberId' | 'enrolledAt' | 'earnLog'>;

/** A level's place in the programme's order (-1 for none). */
function levelIndex(programme: Programme, facts: TierFacts, at: number): number {
  const tier = tierOfFacts(programme, facts, at);
  if (!tier || !programme.tiers) return -1;
  return programme.tiers.levels.findIndex((level) => level.id === tier.levelId);
}

/**
 * How a member's tier moved over [start, end): the level held at the start
 * against the level held at the period's last instant, by the engine's rule
 * (src/core/member/tier.ts, through `tierOfFacts`). Null for a member who was
 * not yet a member at the start (a new member has no tier to move from), or
 * when the programme has no tiers.
 */
export function tierMove(
  programme: Programme,
  facts: TierFacts,
  start: number,
  end: number,
): TierMove | null {
  if (!programme.tiers?.enabled || facts.enrolledAt >= start) return null;
  const before = levelIndex(programme, facts, start);
  const after = levelIndex(programme, facts, end - 1);
  return after > before ? 'up' : after < before ? 'down' : 'kept';
}

/** The local months of a range as [start, end) instants, for tier movement per month. */
export function monthPeriods(
  from: string,
  to: string,
  timeZone: string,
): Array<{ period: string; start: number; end: number }> {
  return monthsOfRange(from, to).map((month) => {
    const first = parseIsoDate(`${month}-01`);
    return {
      period: month,
      start: startOfLocalDay(first, timeZone),
      end: startOfLocalDay(addMonths(first, 1), timeZone),
    };
  });
}
