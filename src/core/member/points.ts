/**
 * Point lots: earning, spending oldest first, and what a member holds at an
 * instant. Shared by the fold (which records lots and spends) and the view
 * (which reads them at `now`).
 */
import type { PointLot } from '../member-types';

/** The part of a ledger that points live in. */
export interface PointHoldings {
  lots: PointLot[];
  pointsDeficit: number;
}

export interface NewLot {
  sourceId: string;
  earnedAt: number;
  availableAt: number;
  expiresAt: number | null;
  points: number;
}

/** Record an earning. An outstanding deficit is paid off first, so a negative balance heals. */
export function earnPoints(holdings: PointHoldings, lot: NewLot): void {
  const payOff = Math.min(holdings.pointsDeficit, lot.points);
  holdings.pointsDeficit -= payOff;
  holdings.lots.push({ ...lot, remaining: lot.points - payOff });
}

export function isExpiredAt(lot: PointLot, at: number): boolean {
  return lot.expiresAt !== null && lot.expiresAt <= at;
}

/**
 * Spend at instant `at` from lots that are available and unexpired then, oldest
 * earning first (ties keep the order the lots were earned in). What no lot covers
 * becomes deficit: a negative balance that is shown, never hidden.
 */
export function spendPoints(holdings: PointHoldings, points: number, at: number): void {
  let left = points;
  const spendable = holdings.lots
    .filter((lot) => lot.remaining > 0 && lot.availableAt <= at && !isExpiredAt(lot, at))
    .sort((a, b) => a.earnedAt - b.earnedAt);
  for (const lot of spendable) {
    if (left === 0) break;
    const take = Math.min(left, lot.remaining);
    lot.remaining -= take;
    left -= take;
  }
  holdings.pointsDeficit += left;
}

export interface PointBalances {
  /** Spendable now, minus any deficit (may be negative). */
  balance: number;
  /** Earned but still inside the pending (returns) window. */
  pending: number;
  /** Left unspent in lots that have expired. */
  expired: number;
  deficit: number;
  nextExpiry: { at: number; points: number } | null;
}

/**
 * Read the lots at `now`. Accounting identity (the fold never creates or loses a
 * point): points earned − points spent = balance + pending + expired.
 */
export function pointBalancesAt(holdings: PointHoldings, now: number): PointBalances {
  let available = 0;
  let pending = 0;
  let expired = 0;
  let nextExpiry: { at: number; points: number } | null = null;
  for (const lot of holdings.lots) {
    if (isExpiredAt(lot, now)) {
      expired += lot.remaining;
      continue;
    }
    if (lot.availableAt > now) pending += lot.remaining;
    else available += lot.remaining;
    if (lot.expiresAt === null || lot.remaining === 0) continue;
    if (nextExpiry === null || lot.expiresAt < nextExpiry.at) {
      nextExpiry = { at: lot.expiresAt, points: lot.remaining };
    } else if (lot.expiresAt === nextExpiry.at) {
      nextExpiry.points += lot.remaining;
    }
  }
  return {
    balance: available - holdings.pointsDeficit,
    pending,
    expired,
    deficit: holdings.pointsDeficit,
    nextExpiry,
  };
}
