/**
 * What a member earns on a sale, from what each line finally costs: points (base
 * and bonus campaigns), punch-card stamps, cashback and spend toward spend-coupon
 * rules. Points, cashback and rewards used as payment have already been taken off
 * each line's paidOre, so nothing is earned on the part they paid.
 */
import type { SaleEffects, SaleLine } from '../events';
import type { Msg } from '../i18n';
import type { MemberView } from '../member-types';
import type { BonusCampaign, PointsRules, Programme } from '../programme';
import { inScope } from '../programme';
import { allocateLargestRemainder, percentToBasisPoints } from '../money';
import { LIMITS } from '../limits';
import { addDays, addMonths, isoDate, localDateOf, startOfLocalDay, type LocalDate } from '../time';
import {
  basePointsReason,
  bonusPointsReason,
  cashbackEarnedSummary,
  pointsEarnedSummary,
  stampsSummary,
} from './reasons';

export interface EarningsInput {
  programme: Programme;
  member: MemberView;
  lines: readonly SaleLine[];
  /** Units of each line (by index) given away by a free-item benefit: they earn no stamps. */
  freeUnits: readonly number[];
  now: number;
}

export type Earnings = Pick<
  SaleEffects,
  | 'pointsEarned'
  | 'pointsAvailableAt'
  | 'pointsExpireAt'
  | 'cashbackEarnedOre'
  | 'stamps'
  | 'qualifyingSpendOre'
  | 'categories'
> & {
  pointsReasons: PointsReason[];
  lineEarnings: NonNullable<SaleEffects['lineEarnings']>;
  summary: Msg[];
};

type PointsReason = { points: number; reason: Msg };

type LineEarning = NonNullable<SaleEffects['lineEarnings']>[number];

export function computeEarnings(input: EarningsInput): Earnings {
  const { programme, lines, now } = input;
  const perLine: LineEarning[] = lines.map((line) => ({
    lineId: line.lineId,
    points: 0,
    cashbackOre: 0,
    qualifyingSpendOre: 0,
    stampUnits: [],
  }));

  const points = earnPoints(input, perLine);
  const stamps = earnStamps(input, perLine);
  const cashbackEarnedOre = earnCashback(input, perLine);

  const spendExcluded = programme.points?.excludedCategories ?? [];
  lines.forEach((line, i) => {
    if (!spendExcluded.includes(line.category)) perLine[i]!.qualifyingSpendOre = line.paidOre;
  });
  const qualifyingSpendOre = perLine.reduce((sum, l) => sum + l.qualifyingSpendOre, 0);

  const rules = programme.points;
  const pointsAvailableAt = rules?.enabled
    ? shiftLocal(now, programme.timeZone, (d) => addDays(d, rules.pendingDays))
    : now;
  const pointsExpireAt =
    rules?.enabled && rules.lifetimeMonths !== null
      ? shiftLocal(now, programme.timeZone, (d) => addMonths(d, rules.lifetimeMonths!))
      : null;

  const summary: Msg[] = [];
  if (points.total > 0) summary.push(pointsEarnedSummary(points.total));
  for (const s of stamps) {
    const card = programme.punchCards.find((c) => c.id === s.cardId)!;
    const before = input.member.punchCards.find((v) => v.cardId === s.cardId)?.stamps ?? 0;
    const after = before + s.count;
    const rewardsReady = Math.floor(after / card.stamps);
    summary.push(
      stampsSummary(
        card.name,
        s.count,
        after - rewardsReady * card.stamps,
        card.stamps,
        rewardsReady,
      ),
    );
  }
  if (cashbackEarnedOre > 0) summary.push(cashbackEarnedSummary(cashbackEarnedOre));

  return {
    pointsEarned: points.total,
    pointsReasons: points.reasons,
    pointsAvailableAt,
    pointsExpireAt,
    cashbackEarnedOre,
    stamps,
    qualifyingSpendOre,
    categories: [...new Set(lines.map((l) => l.category))].sort(),
    lineEarnings: perLine,
    summary,
  };
}

/** The same local time of day, some days or months on, in the store's zone. */
function shiftLocal(now: number, timeZone: string, shift: (d: LocalDate) => LocalDate): number {
  const today = localDateOf(now, timeZone);
  const sinceMidnight = now - startOfLocalDay(today, timeZone);
  return startOfLocalDay(shift(today), timeZone) + sinceMidnight;
}

function pointsFor(earn: PointsRules['earn'], eligibleOre: number): number {
  if (earn.mode === 'per_purchase') return eligibleOre > 0 ? earn.points : 0;
  return Math.floor(eligibleOre / earn.orePerStep) * earn.pointsPerStep;
}

/** Adds `amount` to each listed line's field, split by largest remainder over their paid amounts. */
function attribute(
  lines: readonly SaleLine[],
  indices: readonly number[],
  amount: number,
  add: (index: number, part: number) => void,
): void {
  if (amount === 0 || indices.length === 0) return;
  const parts = allocateLargestRemainder(
    amount,
    indices.map((i) => lines[i]!.paidOre),
  );
  indices.forEach((i, k) => add(i, parts[k]!));
}

function sumPaid(lines: readonly SaleLine[], indices: readonly number[]): number {
  return indices.reduce((sum, i) => sum + lines[i]!.paidOre, 0);
}

function earnPoints(
  input: EarningsInput,
  perLine: LineEarning[],
): { total: number; reasons: PointsReason[] } {
  const { programme, lines } = input;
  const rules = programme.points;
  if (!rules || !rules.enabled) return { total: 0, reasons: [] };
  const eligible = lines
    .map((line, i) => ({ line, i }))
    .filter(({ line }) => line.paidOre > 0 && !rules.excludedCategories.includes(line.category))
    .map(({ i }) => i);
  const addPoints = (i: number, part: number) => (perLine[i]!.points += part);
  const reasons: PointsReason[] = [];

  // A sale earns at most LIMITS.maxPoints (what a sale event may carry), whatever
  // the programme's rate: an extreme programme must not make sales unsendable.
  const base = Math.min(pointsFor(rules.earn, sumPaid(lines, eligible)), LIMITS.maxPoints);
  attribute(lines, eligible, base, addPoints);
  if (base > 0) reasons.push({ points: base, reason: basePointsReason(rules.earn) });
  let room = LIMITS.maxPoints - base;

  for (const { campaign, indices } of bonusGroups(input, eligible)) {
    const extra = Math.min(
      (campaign.multiplier - 1) * pointsFor(rules.earn, sumPaid(lines, indices)),
      room,
    );
    room -= extra;
    if (extra === 0) continue;
    attribute(lines, indices, extra, addPoints);
    reasons.push({ points: extra, reason: bonusPointsReason(campaign.name, campaign.multiplier) });
  }
  return { total: reasons.reduce((sum, r) => sum + r.points, 0), reasons };
}

/**
 * Bonus campaigns do not multiply each other: each eligible line takes the
 * highest multiplier among the campaigns running for it (the earlier campaign on
 * a tie). A per-purchase programme gets one bonus: the best campaign's.
 */
function bonusGroups(
  input: EarningsInput,
  eligible: readonly number[],
): Array<{ campaign: BonusCampaign; indices: number[] }> {
  const { programme, member, lines, now } = input;
  const today = isoDate(localDateOf(now, programme.timeZone));
  const running = programme.bonusCampaigns.filter(
    (c) =>
      c.validFrom <= today &&
      today <= c.validTo &&
      (c.tiers.length === 0 || (member.tier !== null && c.tiers.includes(member.tier.levelId))) &&
      (c.segment === undefined || member.bonusCampaignIds.includes(c.id)),
  );
  const groups = new Map<BonusCampaign, number[]>();
  for (const i of eligible) {
    let best: BonusCampaign | null = null;
    for (const c of running) {
      const covers = c.categories.length === 0 || c.categories.includes(lines[i]!.category);
      if (covers && (best === null || c.multiplier > best.multiplier)) best = c;
    }
    if (best) groups.set(best, [...(groups.get(best) ?? []), i]);
  }
  const ordered = running
    .filter((c) => groups.has(c))
    .map((campaign) => ({ campaign, indices: groups.get(campaign)! }));
  if (programme.points?.earn.mode !== 'per_purchase' || ordered.length <= 1) return ordered;
  const best = ordered.reduce((a, b) => (b.campaign.multiplier > a.campaign.multiplier ? b : a));
  return [best];
}

/** One stamp per qualifying unit that was paid for (a free unit earns none), up to the cap. */
function earnStamps(input: EarningsInput, perLine: LineEarning[]): SaleEffects['stamps'] {
  const { programme, lines, freeUnits } = input;
  const stamps: SaleEffects['stamps'] = [];
  for (const card of programme.punchCards) {
    let units = 0;
    lines.forEach((line, i) => {
      if (!inScope(card.qualifying, line.sku, line.category)) return;
      const count = line.quantity - (freeUnits[i] ?? 0);
      if (count <= 0) return;
      perLine[i]!.stampUnits.push({ cardId: card.id, count });
      units += count;
    });
    const count = card.capPerPurchase === undefined ? units : Math.min(units, card.capPerPurchase);
    if (count > 0) stamps.push({ cardId: card.id, count });
  }
  return stamps;
}

function earnCashback(input: EarningsInput, perLine: LineEarning[]): number {
  const { programme, lines } = input;
  const rule = programme.cashback;
  if (!rule || !rule.enabled) return 0;
  const eligible = lines
    .map((line, i) => ({ line, i }))
    .filter(({ line }) => line.paidOre > 0 && !rule.excludedCategories.includes(line.category))
    .map(({ i }) => i);
  const earned = Math.floor(
    (sumPaid(lines, eligible) * percentToBasisPoints(rule.percent)) / 10_000,
  );
  attribute(lines, eligible, earned, (i, part) => (perLine[i]!.cashbackOre += part));
  return earned;
}
