/**
 * A member's conflict flags (offline tills' double redemptions, negative
 * balances) alone: what `memberView(...).flags` holds, without the tier,
 * coupons and punch cards the rest of the view derives. The cloud keeps its
 * open conflicts from these on every push.
 */
import type { MemberEvent } from '../events';
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

/**
 * A sale that redeems nothing: no points, cashback, coupon, reward or tier
 * discount. Applied in clock order to a member without flags it leaves the
 * member without flags (earning never makes a balance negative), so the cloud
 * may keep it in the member's tail without reading the ledger to look.
 */
export function redeemsNothing(event: MemberEvent): boolean {
  if (event.type !== 'sale.committed') return false;
  const effects = event.payload.effects;
  return (
    effects === null ||
    (effects.pointsRedeemed === 0 &&
      effects.cashbackRedeemedOre === 0 &&
      effects.couponsRedeemed.length === 0 &&
      effects.rewardsRedeemed.length === 0 &&
      effects.tierOnceUsed === null)
  );
}

/**
 * True when the ledger holds nothing a flag is made of: no coupon, reward or
 * tier redemptions, no points deficit, no negative cashback. Such a member has
 * no flags under any programme at any time, and a sale that redeems nothing
 * keeps them so (earning never makes a deficit).
 */
export function flagFree(ledger: MemberLedger): boolean {
  return (
    ledger.pointsDeficit === 0 &&
    ledger.cashbackOre >= 0 &&
    Object.keys(ledger.couponRedemptions).length === 0 &&
    Object.keys(ledger.rewardRedemptions).length === 0 &&
    Object.keys(ledger.tierOnceRedemptions).length === 0
  );
}
