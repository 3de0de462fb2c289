/**
 * A member's conflict flags (offline tills' double redemptions, negative
 * balances) alone: what `memberView(...).flags` holds, without the tier,
 * coupons and punch cards the rest of the view derives. The cloud keeps its
 * open conflicts from these on every push.
 */
import type { MemberFlag, MemberLedger } from '../member-types';
import type { Programme } from '../programme';
import { usesAllowed } from './coupons';
import { pointBalancesAt } from './points';

export function memberFlags(programme: Programme, ledger: MemberLedger, now: number): MemberFlag[] {
  return conflictFlags(programme, ledger, pointBalancesAt(ledger, now).balance);
}

/** Conflicts from offline tills, shown to the manager rather than hidden. */
export function conflictFlags(
  programme: Programme,
  ledger: MemberLedger,
  balance: number,
): MemberFlag[] {
  const flags: MemberFlag[] = [];
  if (balance < 0) flags.push({ kind: 'negative_points', points: balance });
  if (ledger.cashbackOre < 0) {
    flags.push({ kind: 'negative_cashback', amountOre: ledger.cashbackOre });
  }
  for (const [couponId, saleIds] of Object.entries(ledger.couponRedemptions)) {
    if (saleIds.length > usesAllowed(programme, ledger.memberId, couponId)) {
      flags.push({ kind: 'coupon_redeemed_twice', couponId, saleIds: [...saleIds] });
    }
  }
  for (const [rewardId, saleIds] of Object.entries(ledger.rewardRedemptions)) {
    if (saleIds.length > 1) {
      flags.push({ kind: 'reward_redeemed_twice', rewardId, saleIds: [...saleIds] });
    }
  }
  for (const [periodKey, saleIds] of Object.entries(ledger.tierOnceRedemptions)) {
    if (saleIds.length > 1) {
      flags.push({ kind: 'tier_once_used_twice', periodKey, saleIds: [...saleIds] });
    }
  }
  return flags;
}
