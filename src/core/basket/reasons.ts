/**
 * What the till shows and the receipt prints for every benefit, rejection and
 * earning, as messages of the catalogue (src/core/messages/basket.ts), rendered
 * at the edge in the reader's language. Kept apart so the arithmetic in
 * evaluate.ts reads as arithmetic.
 */
import { day, lower, money, msg, percent } from '../i18n';
import type { Msg, Text } from '../i18n';
import type { CouponBenefit } from '../programme';

// ---- benefits ----------------------------------------------------------------

export function memberPriceReason(product: string, memberOre: number, normalOre: number): Msg {
  return msg('basket.memberPrice', {
    product,
    memberPrice: money(memberOre),
    normalPrice: money(normalOre),
  });
}

/** "Klippekort Kaffe: 10. kaffe gratis": the free unit is the one after a full card. */
export function punchRewardReason(
  cardName: Text,
  stampsPerCard: number,
  reward: { kind: 'free_item' } | { kind: 'amount_off'; amountOre: number },
): Msg {
  if (reward.kind === 'free_item') {
    return msg('basket.punchFreeItem', {
      card: cardName,
      nth: stampsPerCard + 1,
      item: lower(cardName),
    });
  }
  return msg('basket.punchAmountOff', { card: cardName, amount: money(reward.amountOre) });
}

export function couponReason(name: Text, benefit: CouponBenefit, freeProduct: string | null): Msg {
  switch (benefit.kind) {
    case 'percent':
      return msg('basket.couponDiscount', { name, discount: percent(benefit.percent) });
    case 'amount':
      return msg('basket.couponDiscount', { name, discount: money(benefit.amountOre) });
    case 'free_item':
      return freeProduct === null
        ? msg('basket.couponFreeItem', { name })
        : msg('basket.couponFreeProduct', { name, product: freeProduct });
  }
}

export function tierDiscountReason(level: Text, rate: number, oncePerPeriod: boolean): Msg {
  return msg(oncePerPeriod ? 'basket.tierDiscountOnce' : 'basket.tierDiscount', {
    level,
    percent: percent(rate),
  });
}

export function pointsRedemptionReason(points: number, valueOre: number, requested: number): Msg {
  const paid = msg('basket.paidWithPoints', { points, value: money(valueOre) });
  if (requested === points) return paid;
  return msg('basket.paidWithPointsCapped', { paid, requested, points });
}

export function cashbackRedemptionReason(amountOre: number, requestedOre: number): Msg {
  const paid = msg('basket.paidWithCashback', { amount: money(amountOre) });
  if (requestedOre === amountOre) return paid;
  return msg('basket.paidWithCashbackCapped', {
    paid,
    requested: money(requestedOre),
    amount: money(amountOre),
  });
}

// ---- earnings ----------------------------------------------------------------

export function basePointsReason(
  earn:
    | { mode: 'per_amount'; orePerStep: number; pointsPerStep: number }
    | { mode: 'per_purchase'; points: number },
): Msg {
  if (earn.mode === 'per_purchase') return msg('basket.pointsPerPurchase', { points: earn.points });
  return msg('basket.pointsPerAmount', {
    points: earn.pointsPerStep,
    step: money(earn.orePerStep),
  });
}

export function bonusPointsReason(campaign: Text, multiplier: number): Msg {
  return msg('basket.bonusPoints', { campaign, multiplier });
}

export function pointsEarnedSummary(points: number): Msg {
  return msg('basket.pointsEarned', { points });
}

/** "+2 stempler på Kaffe (7/10)"; a filled card says so. */
export function stampsSummary(
  cardName: Text,
  added: number,
  stampsAfter: number,
  stampsPerCard: number,
  rewardsReady: number,
): Msg {
  const params = { added, card: cardName, after: stampsAfter, of: stampsPerCard };
  if (rewardsReady === 0) return msg('basket.stampsAdded', params);
  return msg('basket.stampsAddedCardFull', { ...params, ready: rewardsReady });
}

export function cashbackEarnedSummary(amountOre: number): Msg {
  return msg('basket.cashbackEarned', { amount: money(amountOre) });
}

// ---- rejections --------------------------------------------------------------

export const rejectionText = {
  needsMember: msg('basket.needsMember'),
  couponUnknown: msg('basket.couponUnknown'),
  couponUsed: msg('basket.couponUsed'),
  couponTwice: msg('basket.couponTwice'),
  couponExpired: (validTo: number, timeZone: string) =>
    msg('basket.couponExpired', { date: day(validTo, timeZone) }),
  couponNotYetValid: (validFrom: number, timeZone: string) =>
    msg('basket.couponNotYetValid', { date: day(validFrom, timeZone) }),
  couponMinBasket: (minOre: number, basketOre: number) =>
    msg('basket.couponMinBasket', { min: money(minOre), basket: money(basketOre) }),
  couponNoMatchingItems: msg('basket.couponNoMatchingItems'),
  couponStackingLimit: (max: number) => msg('basket.couponStackingLimit', { max }),
  rewardUnknown: msg('basket.rewardUnknown'),
  rewardTwice: msg('basket.rewardTwice'),
  rewardCardGone: msg('basket.rewardCardGone'),
  rewardNoMatchingItems: (card: Text) => msg('basket.rewardNoMatchingItems', { card }),
  pointsNotRedeemable: msg('basket.pointsNotRedeemable'),
  pointsInsufficient: (requested: number, balance: number) =>
    msg('basket.pointsInsufficient', { requested, balance }),
  nothingLeftToPay: msg('basket.nothingLeftToPay'),
  cashbackInsufficient: (requestedOre: number, balanceOre: number) =>
    msg('basket.cashbackInsufficient', {
      requested: money(requestedOre),
      balance: money(balanceOre),
    }),
  tierOnceUnavailable: msg('basket.tierOnceUnavailable'),
  tierOnceNotWithCoupon: msg('basket.tierOnceNotWithCoupon'),
};
