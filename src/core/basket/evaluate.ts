/**
 * Basket evaluation, in SPEC order: member prices → punch-card rewards → coupons
 * → tier discount → points and cashback redemption → earnings on what is finally
 * paid. Pure and deterministic: the same input gives the same evaluation.
 */
import type {
  BasketSelections,
  Benefit,
  EvaluateInput,
  Evaluation,
  Rejection,
  RejectionCode,
} from '../basket-types';
import type { Msg } from '../i18n';
import type { MemberView } from '../member-types';
import type { Programme } from '../programme';
import { inScope } from '../programme';
import { percentToBasisPoints, shareOf } from '../money';
import { WorkingBasket } from './working-basket';
import { computeEarnings } from './earnings';
import { vatSummary } from './vat';
import {
  cashbackRedemptionReason,
  couponReason,
  memberPriceReason,
  pointsRedemptionReason,
  punchRewardReason,
  rejectionText,
  tierDiscountReason,
} from './reasons';

/** Benefit ids are stable, so a line's discounts can be matched to their benefit. */
export const benefitIds = {
  memberPrice: (lineId: string) => `member-price:${lineId}`,
  reward: (rewardId: string) => `reward:${rewardId}`,
  coupon: (couponId: string) => `coupon:${couponId}`,
  tier: (levelId: string) => `tier:${levelId}`,
  points: 'points-redemption',
  cashback: 'cashback-redemption',
} as const;

interface Step {
  programme: Programme;
  member: MemberView;
  now: number;
  basket: WorkingBasket;
  benefits: Benefit[];
  reject: (ref: string, code: RejectionCode, reason: Msg) => void;
  /** Lines that discounts may touch (not gift cards and other non-discountable categories). */
  discountable: number[];
}

export function evaluateBasket(input: EvaluateInput): Evaluation {
  const { programme, member, selections, now } = input;
  const basket = new WorkingBasket(input.lines);
  const benefits: Benefit[] = [];
  const rejected: Rejection[] = [];
  const reject = (ref: string, code: RejectionCode, reason: Msg) =>
    rejected.push({ ref, code, reason });

  if (member === null) {
    rejectSelectionsNeedingMember(selections, reject);
    return summarise(basket, benefits, rejected, { effects: null, needsVerification: false });
  }

  const excluded = programme.nonDiscountableCategories;
  const discountable = basket.where((l) => !excluded.includes(l.category));
  const step: Step = { programme, member, now, basket, benefits, reject, discountable };
  applyMemberPrices(step);
  const rewardsRedeemed = applyRewards(step, selections.rewardIds);
  const couponsRedeemed = applyCoupons(step, selections.couponIds, basket.total());
  const tierOnceUsed = applyTierDiscount(step, selections.useTierOnce, couponsRedeemed.length > 0);
  const pointsRedeemed = redeemPoints(step, selections.pointsToRedeem);
  const cashbackRedeemedOre = redeemCashback(step, selections.cashbackToRedeemOre);

  const lines = basket.saleLines();
  const { summary, ...earned } = computeEarnings({
    programme,
    member,
    lines,
    freeUnits: basket.indices().map((i) => basket.freeUnits(i)),
    now,
  });
  return summarise(
    basket,
    benefits,
    rejected,
    {
      effects: {
        ...earned,
        pointsRedeemed,
        cashbackRedeemedOre,
        couponsRedeemed,
        rewardsRedeemed,
        tierOnceUsed,
      },
      needsVerification: needsVerification(input, benefits),
    },
    summary,
  );
}

function summarise(
  basket: WorkingBasket,
  benefits: Benefit[],
  rejected: Rejection[],
  member: Pick<Evaluation, 'effects' | 'needsVerification'>,
  earnedSummary: Msg[] = [],
): Evaluation {
  const lines = basket.saleLines();
  const listOre = lines.reduce((sum, l) => sum + l.listOre, 0);
  const totalOre = lines.reduce((sum, l) => sum + l.paidOre, 0);
  return {
    lines,
    benefits,
    rejected,
    listOre,
    discountOre: listOre - totalOre,
    totalOre,
    vat: vatSummary(lines),
    ...member,
    earnedSummary,
  };
}

function rejectSelectionsNeedingMember(selections: BasketSelections, reject: Step['reject']): void {
  const why = rejectionText.needsMember;
  for (const id of selections.rewardIds) reject(id, 'needs_member', why);
  for (const id of selections.couponIds) reject(id, 'needs_member', why);
  if (selections.useTierOnce) reject('tier', 'needs_member', why);
  if (selections.pointsToRedeem > 0) reject('points', 'needs_member', why);
  if (selections.cashbackToRedeemOre > 0) reject('cashback', 'needs_member', why);
}

/**
 * Redemptions worth more than the programme's limit need the member verified
 * (card, QR or PIN) when they were found by phone number alone.
 */
function needsVerification(input: EvaluateInput, benefits: readonly Benefit[]): boolean {
  const limit = input.programme.verifyRedemptionAboveOre;
  if (input.verified || limit === null) return false;
  const redeemedOre = benefits
    .filter((b) => b.kind !== 'member_price' && b.kind !== 'tier_discount')
    .reduce((sum, b) => sum + b.amountOre, 0);
  return redeemedOre > limit;
}

function applyMemberPrices({ basket, benefits }: Step): void {
  for (const i of basket.indices()) {
    const line = basket.input(i);
    if (line.memberPriceOre === undefined) continue;
    const id = benefitIds.memberPrice(line.lineId);
    const amountOre = basket.applyUnitPrice(i, line.memberPriceOre, id);
    if (amountOre === 0) continue;
    benefits.push({
      id,
      kind: 'member_price',
      amountOre,
      reason: memberPriceReason(line.name, line.memberPriceOre, line.unitPriceOre),
    });
  }
}

function applyRewards(step: Step, rewardIds: readonly string[]): string[] {
  const { programme, member, basket, benefits, reject } = step;
  const applied: string[] = [];
  for (const rewardId of rewardIds) {
    if (applied.includes(rewardId)) {
      reject(rewardId, 'reward_unknown', rejectionText.rewardTwice);
      continue;
    }
    const available = member.punchCards
      .flatMap((card) => card.rewardsAvailable)
      .find((r) => r.rewardId === rewardId);
    if (!available) {
      reject(rewardId, 'reward_unknown', rejectionText.rewardUnknown);
      continue;
    }
    const card = programme.punchCards.find((c) => c.id === available.cardId);
    if (!card) {
      reject(rewardId, 'reward_unknown', rejectionText.rewardCardGone);
      continue;
    }
    const qualifying = basket.where((l) => inScope(card.qualifying, l.sku, l.category));
    const id = benefitIds.reward(rewardId);
    let amountOre = 0;
    if (card.reward.kind === 'free_item') {
      const cheapest = basket.cheapestUnit(qualifying);
      if (cheapest !== null) amountOre = basket.giveUnitFree(id, cheapest);
    } else {
      amountOre = basket.spread(id, card.reward.amountOre, qualifying);
    }
    if (amountOre === 0) {
      reject(rewardId, 'reward_no_matching_items', rejectionText.rewardNoMatchingItems(card.name));
      continue;
    }
    benefits.push({
      id,
      kind: 'punch_reward',
      amountOre,
      reason: punchRewardReason(card.name, card.stamps, card.reward),
      rewardId,
      cardId: card.id,
    });
    applied.push(rewardId);
  }
  return applied;
}

/**
 * Coupons in the order chosen. The minimum basket is measured once, after member
 * prices and rewards, so the order of coupons never decides whether one applies.
 */
function applyCoupons(step: Step, couponIds: readonly string[], basketOre: number): string[] {
  const { programme, member, now, basket, benefits, reject, discountable } = step;
  const maxCoupons = programme.stacking.maxCouponsPerBasket;
  const applied: string[] = [];
  for (const couponId of couponIds) {
    if (applied.includes(couponId)) {
      reject(couponId, 'coupon_used', rejectionText.couponTwice);
      continue;
    }
    const coupon = member.coupons.find((c) => c.couponId === couponId);
    if (!coupon) {
      reject(couponId, 'coupon_unknown', rejectionText.couponUnknown);
      continue;
    }
    if (coupon.usesLeft <= 0) {
      reject(couponId, 'coupon_used', rejectionText.couponUsed);
      continue;
    }
    if (now < coupon.validFrom) {
      const from = rejectionText.couponNotYetValid(coupon.validFrom, programme.timeZone);
      reject(couponId, 'coupon_not_yet_valid', from);
      continue;
    }
    if (now > coupon.validTo) {
      const to = rejectionText.couponExpired(coupon.validTo, programme.timeZone);
      reject(couponId, 'coupon_expired', to);
      continue;
    }
    const { template } = coupon;
    if (basketOre < template.minBasketOre) {
      const why = rejectionText.couponMinBasket(template.minBasketOre, basketOre);
      reject(couponId, 'coupon_min_basket', why);
      continue;
    }
    const benefit = template.benefit;
    const scope = basket
      .where(
        (l) =>
          inScope(template.scope, l.sku, l.category) &&
          (benefit.kind !== 'free_item' || inScope(benefit.scope, l.sku, l.category)),
      )
      .filter((i) => discountable.includes(i));
    if (basket.total(scope) === 0) {
      reject(couponId, 'coupon_no_matching_items', rejectionText.couponNoMatchingItems);
      continue;
    }
    if (applied.length >= maxCoupons) {
      reject(couponId, 'coupon_stacking_limit', rejectionText.couponStackingLimit(maxCoupons));
      continue;
    }
    const id = benefitIds.coupon(couponId);
    let amountOre = 0;
    let freeProduct: string | null = null;
    if (benefit.kind === 'percent') {
      const share = shareOf(basket.total(scope), percentToBasisPoints(benefit.percent));
      amountOre = basket.spread(id, share, scope);
    } else if (benefit.kind === 'amount') {
      amountOre = basket.spread(id, benefit.amountOre, scope);
    } else {
      const cheapest = basket.cheapestUnit(scope);
      if (cheapest !== null) {
        freeProduct = basket.input(cheapest).name;
        amountOre = basket.giveUnitFree(id, cheapest);
      }
    }
    if (amountOre === 0) {
      reject(couponId, 'coupon_no_matching_items', rejectionText.couponNoMatchingItems);
      continue;
    }
    benefits.push({
      id,
      kind: 'coupon',
      amountOre,
      reason: couponReason(template.name, benefit, freeProduct),
      couponId,
      ...(coupon.source === 'campaign' ? { campaignId: coupon.ruleId } : {}),
    });
    applied.push(couponId);
  }
  return applied;
}

/** Returns the tier period key when the once-per-period discount was used. */
function applyTierDiscount(
  step: Step,
  useTierOnce: boolean,
  couponApplied: boolean,
): string | null {
  const { programme, member, basket, benefits, reject, discountable } = step;
  const tier = member.tier;
  const benefit = tier?.benefit;
  const blockedByCoupon = couponApplied && !programme.stacking.tierDiscountWithCoupon;
  if (!tier || !benefit || benefit.kind === 'none' || benefit.kind === 'coupons_per_period') {
    if (useTierOnce) reject('tier', 'tier_once_unavailable', rejectionText.tierOnceUnavailable);
    return null;
  }
  const once = benefit.kind === 'percent_once_per_period';
  if (once && !useTierOnce) return null;
  if (!once && useTierOnce) {
    reject('tier', 'tier_once_unavailable', rejectionText.tierOnceUnavailable);
  }
  if (once && !tier.oncePerPeriodAvailable) {
    reject('tier', 'tier_once_unavailable', rejectionText.tierOnceUnavailable);
    return null;
  }
  if (blockedByCoupon) {
    if (once) reject('tier', 'tier_once_unavailable', rejectionText.tierOnceNotWithCoupon);
    return null;
  }
  const id = benefitIds.tier(tier.levelId);
  const share = shareOf(basket.total(discountable), percentToBasisPoints(benefit.percent));
  const amountOre = basket.spread(id, share, discountable);
  if (amountOre === 0) {
    if (once) reject('tier', 'tier_once_unavailable', rejectionText.nothingLeftToPay);
    return null;
  }
  benefits.push({
    id,
    kind: 'tier_discount',
    amountOre,
    reason: tierDiscountReason(tier.name, benefit.percent, once),
  });
  return once ? tier.periodKey : null;
}

/** The member picks how many points; the basket takes what it can absorb and says so. */
function redeemPoints(step: Step, requested: number): number {
  const { programme, member, basket, benefits, reject, discountable } = step;
  if (requested <= 0) return 0;
  const rules = programme.points;
  if (!rules || !rules.enabled || rules.redeemValueOre <= 0) {
    reject('points', 'points_not_redeemable', rejectionText.pointsNotRedeemable);
    return 0;
  }
  if (!Number.isSafeInteger(requested) || requested > member.points.balance) {
    const why = rejectionText.pointsInsufficient(requested, member.points.balance);
    reject('points', 'points_insufficient', why);
    return 0;
  }
  const points = Math.min(requested, Math.floor(basket.total(discountable) / rules.redeemValueOre));
  if (points === 0) {
    reject('points', 'points_not_redeemable', rejectionText.nothingLeftToPay);
    return 0;
  }
  const amountOre = basket.spread(benefitIds.points, points * rules.redeemValueOre, discountable);
  benefits.push({
    id: benefitIds.points,
    kind: 'points_redemption',
    amountOre,
    points,
    reason: pointsRedemptionReason(points, amountOre, requested),
  });
  return points;
}

function redeemCashback(step: Step, requestedOre: number): number {
  const { member, basket, benefits, reject, discountable } = step;
  if (requestedOre <= 0) return 0;
  if (!Number.isSafeInteger(requestedOre) || requestedOre > member.cashbackOre) {
    const why = rejectionText.cashbackInsufficient(requestedOre, member.cashbackOre);
    reject('cashback', 'cashback_insufficient', why);
    return 0;
  }
  const amountOre = basket.spread(benefitIds.cashback, requestedOre, discountable);
  if (amountOre === 0) {
    reject('cashback', 'cashback_insufficient', rejectionText.nothingLeftToPay);
    return 0;
  }
  benefits.push({
    id: benefitIds.cashback,
    kind: 'cashback_redemption',
    amountOre,
    reason: cashbackRedemptionReason(amountOre, requestedOre),
  });
  return amountOre;
}
