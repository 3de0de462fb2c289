/**
 * What a return gives back and takes back, from the committed sale alone (never
 * recomputed under a newer programme).
 *
 * Each amount is shared over a line's units by largest remainder, and a return
 * takes the units after those returned earlier. So the share of the first k
 * units is a fixed function of k, and any sequence of returns that ends with
 * every unit back refunds exactly the total and reverses exactly what was
 * earned. Coupons, rewards and redeemed points or cashback come back in full
 * with the return that completes the sale.
 */
import type { EventPayload, SaleEffects, SaleLine } from '../events';
import { msg, type Msg } from '../i18n';
import { allocateLargestRemainder } from '../money';

type Sale = EventPayload<'sale.committed'>;
type LineEarning = NonNullable<SaleEffects['lineEarnings']>[number];

export type ReturnOutcome = Pick<EventPayload<'sale.returned'>, 'refundOre' | 'reversed'>;

export interface ReturnQuantity {
  lineId: string;
  quantity: number;
}

export type ReturnProblem = 'unknown_line' | 'bad_quantity' | 'more_than_bought';

export class ReturnRejected extends Error {
  constructor(
    readonly code: ReturnProblem,
    readonly lineId: string,
    readonly reason: Msg,
  ) {
    super(`${code}: line ${lineId} (${reason.key})`);
    this.name = 'ReturnRejected';
  }
}

/** The part of `total` carried by the first `units` of `of` units (earlier units carry the spare øre). */
export function firstUnitsShare(total: number, of: number, units: number): number {
  if (units >= of) return total;
  return units * Math.floor(total / of) + Math.min(units, total % of);
}

/**
 * @param toReturn the lines and quantities handed back now
 * @param returnedEarlier every quantity returned from this sale before (all earlier returns)
 * @throws ReturnRejected for an unknown line, a bad quantity or more than was bought
 */
export function computeReturn(
  sale: Sale,
  toReturn: readonly ReturnQuantity[],
  returnedEarlier: readonly ReturnQuantity[] = [],
): ReturnOutcome {
  const before = totalsByLine(sale, returnedEarlier);
  const now = totalsByLine(sale, toReturn);
  const after = new Map(before);
  for (const [lineId, quantity] of now) after.set(lineId, (after.get(lineId) ?? 0) + quantity);
  for (const line of sale.lines) {
    const returned = after.get(line.lineId) ?? 0;
    if (returned > line.quantity) {
      const earlier = before.get(line.lineId) ?? 0;
      throw new ReturnRejected(
        'more_than_bought',
        line.lineId,
        msg('basket.returnMoreThanBought', {
          count: returned - earlier,
          name: line.name,
          bought: line.quantity,
          earlier,
        }),
      );
    }
  }

  const delta = (shareAt: (returned: Map<string, number>) => number) =>
    shareAt(after) - shareAt(before);
  const refundOre = delta((returned) =>
    sumOverLines(sale.lines, (line) =>
      firstUnitsShare(line.paidOre, line.quantity, returned.get(line.lineId) ?? 0),
    ),
  );

  const effects = sale.effects;
  if (!effects) return { refundOre, reversed: nothingReversed() };

  const earnings = lineEarningsOf(sale, effects);
  const earnedShare = (field: 'points' | 'cashbackOre' | 'qualifyingSpendOre') =>
    delta((returned) =>
      sumOverLines(sale.lines, (line) =>
        firstUnitsShare(
          earnings.get(line.lineId)?.[field] ?? 0,
          line.quantity,
          returned.get(line.lineId) ?? 0,
        ),
      ),
    );

  const wholeBefore = everythingReturned(sale, before);
  const completes = everythingReturned(sale, after) && !wholeBefore;
  const stamps = effects.stamps
    .map(({ cardId, count }) => ({
      cardId,
      count: delta((returned) =>
        stampsTakenBack(sale, effects, cardId, count, returned, everythingReturned(sale, returned)),
      ),
    }))
    .filter((s) => s.count > 0);

  return {
    refundOre,
    reversed: {
      points: earnedShare('points'),
      cashbackOre: earnedShare('cashbackOre'),
      stamps,
      qualifyingSpendOre: earnedShare('qualifyingSpendOre'),
      couponsRestored: completes ? [...effects.couponsRedeemed] : [],
      rewardsRestored: completes ? [...effects.rewardsRedeemed] : [],
      pointsRedeemedRestored: completes ? effects.pointsRedeemed : 0,
      cashbackRedeemedRestoredOre: completes ? effects.cashbackRedeemedOre : 0,
    },
  };
}

/** What voiding the sale takes back: everything not returned yet. */
export function voidEffects(
  sale: Sale,
  returnedEarlier: readonly ReturnQuantity[] = [],
): ReturnOutcome {
  const before = totalsByLine(sale, returnedEarlier);
  const rest = sale.lines
    .map((line) => ({
      lineId: line.lineId,
      quantity: line.quantity - (before.get(line.lineId) ?? 0),
    }))
    .filter((r) => r.quantity > 0);
  return computeReturn(sale, rest, returnedEarlier);
}

function nothingReversed(): ReturnOutcome['reversed'] {
  return {
    points: 0,
    cashbackOre: 0,
    stamps: [],
    qualifyingSpendOre: 0,
    couponsRestored: [],
    rewardsRestored: [],
    pointsRedeemedRestored: 0,
    cashbackRedeemedRestoredOre: 0,
  };
}

function totalsByLine(sale: Sale, quantities: readonly ReturnQuantity[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const { lineId, quantity } of quantities) {
    if (!sale.lines.some((l) => l.lineId === lineId)) {
      throw new ReturnRejected('unknown_line', lineId, msg('basket.returnUnknownLine', { lineId }));
    }
    if (!Number.isSafeInteger(quantity) || quantity <= 0) {
      throw new ReturnRejected(
        'bad_quantity',
        lineId,
        msg('basket.returnBadQuantity', { quantity: String(quantity) }),
      );
    }
    totals.set(lineId, (totals.get(lineId) ?? 0) + quantity);
  }
  return totals;
}

function everythingReturned(sale: Sale, returned: ReadonlyMap<string, number>): boolean {
  return sale.lines.every((line) => (returned.get(line.lineId) ?? 0) >= line.quantity);
}

function sumOverLines(lines: readonly SaleLine[], value: (line: SaleLine) => number): number {
  return lines.reduce((sum, line) => sum + value(line), 0);
}

/**
 * The per-line split recorded with the sale, or for sales recorded without one,
 * the totals split over the lines in proportion to what each line paid.
 */
function lineEarningsOf(sale: Sale, effects: SaleEffects): Map<string, LineEarning> {
  if (effects.lineEarnings) return new Map(effects.lineEarnings.map((e) => [e.lineId, e]));
  const weights = sale.lines.map((l) => l.paidOre);
  const split = (total: number) =>
    sale.lines.length === 0 ? [] : allocateLargestRemainder(total, weights);
  const points = split(effects.pointsEarned);
  const cashback = split(effects.cashbackEarnedOre);
  const spend = split(effects.qualifyingSpendOre);
  return new Map(
    sale.lines.map((line, i) => [
      line.lineId,
      {
        lineId: line.lineId,
        points: points[i]!,
        cashbackOre: cashback[i]!,
        qualifyingSpendOre: spend[i]!,
        stampUnits: [],
      },
    ]),
  );
}

/**
 * Stamps a card keeps after a return: one per qualifying unit still kept, never
 * more than the sale gave (the per-purchase cap is already in `given`). Units
 * that were given free earned no stamp, so they are counted as returned first.
 * Without a recorded split the stamps go back only with the whole sale.
 */
function stampsTakenBack(
  sale: Sale,
  effects: SaleEffects,
  cardId: string,
  given: number,
  returned: ReadonlyMap<string, number>,
  wholeSaleReturned: boolean,
): number {
  if (!effects.lineEarnings) return wholeSaleReturned ? given : 0;
  let unitsKept = 0;
  for (const line of sale.lines) {
    const units =
      effects.lineEarnings
        .find((e) => e.lineId === line.lineId)
        ?.stampUnits.find((s) => s.cardId === cardId)?.count ?? 0;
    unitsKept += Math.min(units, line.quantity - (returned.get(line.lineId) ?? 0));
  }
  return given - Math.min(given, unitsKept);
}
