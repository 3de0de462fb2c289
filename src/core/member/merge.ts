/**
 * Merging two members who are one person: what the member kept takes over
 * from the member merged into it (`member.absorbed`), read from the merged
 * member's ledger at the instant of the merge. Point lots are grouped by the
 * day they expire (the earliest expiry and latest availability of a group
 * stand for it, so no point lasts longer than it would have), earnings for the
 * tier by the day they were earned; expired points are left behind.
 */
import type { EventPayload } from '../events';
import { LIMITS } from '../limits';
import type { MemberLedger } from '../member-types';
import { isExpiredAt } from './points';

const DAY_MS = 86_400_000;

type Absorbed = EventPayload<'member.absorbed'>;

export function absorbedPayload(from: MemberLedger, staffId: string | null, at: number): Absorbed {
  const lots = new Map<string, Absorbed['lots'][number]>();
  for (const lot of from.lots) {
    if (lot.remaining <= 0 || isExpiredAt(lot, at)) continue;
    const key = lot.expiresAt === null ? 'never' : String(Math.floor(lot.expiresAt / DAY_MS));
    const group = lots.get(key);
    if (!group) {
      lots.set(key, {
        earnedAt: lot.earnedAt,
        availableAt: lot.availableAt,
        expiresAt: lot.expiresAt,
        points: lot.remaining,
      });
      continue;
    }
    group.earnedAt = Math.min(group.earnedAt, lot.earnedAt);
    group.availableAt = Math.max(group.availableAt, lot.availableAt);
    if (lot.expiresAt !== null && group.expiresAt !== null)
      group.expiresAt = Math.min(group.expiresAt, lot.expiresAt);
    group.points += lot.remaining;
  }
  const earned = new Map<number, number>();
  for (const entry of from.earnLog) {
    const day = Math.floor(entry.at / DAY_MS) * DAY_MS;
    earned.set(day, (earned.get(day) ?? 0) + entry.points);
  }
  const max = LIMITS.maxBasketLines;
  return {
    fromMemberId: from.memberId,
    memberNumber: from.memberNumber,
    qrToken: from.erased || from.qrToken === '' ? null : from.qrToken,
    // Lots expiring last are kept when there are more days than an event holds.
    lots: [...lots.values()]
      .sort((a, b) => (a.expiresAt ?? Infinity) - (b.expiresAt ?? Infinity))
      .slice(-max),
    pointsDeficit: from.pointsDeficit,
    earned: [...earned.entries()]
      .sort((a, b) => a[0] - b[0])
      .slice(-max)
      .map(([day, points]) => ({ at: day, points })),
    cashbackOre: from.cashbackOre,
    stamps: Object.entries(from.stamps)
      .filter(([, count]) => count > 0)
      .map(([cardId, count]) => ({ cardId, count })),
    qualifyingSpendOre: from.qualifyingSpendOre,
    purchases: from.purchases,
    spendOre: from.spendOre,
    firstPurchaseAt: from.firstPurchaseAt,
    lastPurchaseAt: from.lastPurchaseAt,
    staffId,
    at,
  };
}
