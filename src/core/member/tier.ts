/**
 * Tier (bonusstige) at an instant. A level is held when its threshold is met by
 * the points earned in the current qualification period or in the previous one:
 * the upgrade comes the moment the threshold is reached, the level is kept for
 * the whole next period, and it drops when that period has been evaluated
 * without reaching it again. Qualification counts points *earned* (net of
 * returns, see `earnLog`), so spending points never lowers a tier.
 */
import type { EarnEntry, MemberLedger, TierView } from '../member-types';
import type { Programme, TierRules } from '../programme';
import { addMonths, localDateOf, startOfLocalDay } from '../time';

export interface TierPeriod {
  /** `Y2026` for calendar years, `R{index}` for rolling periods from enrolment (`R0` first). */
  key: string;
  start: number;
  /** Last instant of the period (inclusive). */
  end: number;
}

export function tierPeriods(
  rules: TierRules,
  enrolledAt: number,
  now: number,
  timeZone: string,
): { current: TierPeriod; previous: TierPeriod | null } {
  const qualification = rules.qualification;
  if (qualification.kind === 'calendar_year') {
    const year = localDateOf(now, timeZone).year;
    const period = (y: number): TierPeriod => ({
      key: `Y${y}`,
      start: startOfLocalDay({ year: y, month: 1, day: 1 }, timeZone),
      end: startOfLocalDay({ year: y + 1, month: 1, day: 1 }, timeZone) - 1,
    });
    return { current: period(year), previous: period(year - 1) };
  }
  const enrolmentDay = localDateOf(enrolledAt, timeZone);
  const months = 12 * qualification.years;
  // Each start is counted from the enrolment day itself, so a 29 February
  // enrolment does not drift to the 28th after one short year.
  const startOf = (index: number) =>
    startOfLocalDay(addMonths(enrolmentDay, months * index), timeZone);
  const period = (index: number): TierPeriod => ({
    key: `R${index}`,
    start: startOf(index),
    end: startOf(index + 1) - 1,
  });
  const yearsSince = localDateOf(now, timeZone).year - enrolmentDay.year;
  let index = Math.max(0, Math.floor(yearsSince / qualification.years));
  while (index > 0 && startOf(index) > now) index -= 1;
  while (startOf(index + 1) <= now) index += 1;
  return { current: period(index), previous: index > 0 ? period(index - 1) : null };
}

/** Points earned inside the period up to `now` (a view of the past does not count later earnings). */
export function pointsEarnedIn(
  earnLog: readonly EarnEntry[],
  period: TierPeriod,
  now: number,
): number {
  const until = Math.min(period.end, now);
  let sum = 0;
  for (const entry of earnLog) {
    if (entry.at >= period.start && entry.at <= until) sum += entry.points;
  }
  return sum;
}

/** The member's tier at `now`; null when tiers are off or no level's threshold is met. */
export function tierAt(programme: Programme, ledger: MemberLedger, now: number): TierView | null {
  const rules = programme.tiers;
  if (!rules || !rules.enabled) return null;
  const { current, previous } = tierPeriods(rules, ledger.enrolledAt, now, programme.timeZone);
  const pointsNow = pointsEarnedIn(ledger.earnLog, current, now);
  const pointsBefore = previous ? pointsEarnedIn(ledger.earnLog, previous, now) : 0;
  const qualifying = Math.max(pointsNow, pointsBefore);
  const index = rules.levels.findLastIndex((level) => level.threshold <= qualifying);
  const level = rules.levels[index];
  if (!level) return null;
  const nextLevel = rules.levels[index + 1];
  const onceUsed = (ledger.tierOnceRedemptions[current.key]?.length ?? 0) > 0;
  return {
    levelId: level.id,
    name: level.name,
    benefit: level.benefit,
    qualifyingPoints: pointsNow,
    periodKey: current.key,
    periodStart: current.start,
    periodEnd: current.end,
    next: nextLevel
      ? {
          levelId: nextLevel.id,
          name: nextLevel.name,
          pointsNeeded: nextLevel.threshold - pointsNow,
        }
      : null,
    oncePerPeriodAvailable: level.benefit.kind === 'percent_once_per_period' && !onceUsed,
  };
}
