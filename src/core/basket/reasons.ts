/**
 * The words the till shows and the receipt prints for every benefit, rejection
 * and earning, in bokmål and English. Kept apart so the arithmetic in
 * evaluate.ts reads as arithmetic.
 */
import { formatMoney } from '../money';
import { text, type Text } from '../i18n';
import type { CouponBenefit } from '../programme';
import { isoDate, localDateOf } from '../time';

export function kr(amountOre: number): Text {
  return text(formatMoney(amountOre, 'nb'), formatMoney(amountOre, 'en'));
}

export function percentText(percent: number): Text {
  return text(`${String(percent).replace('.', ',')} %`, `${percent}%`);
}

export function englishOrdinal(n: number): string {
  const lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${n}th`;
  const suffix = ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** A day in the store's zone: "31.03.2026" in bokmål, "2026-03-31" in English. */
export function localDayText(ms: number, timeZone: string): Text {
  const d = localDateOf(ms, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return text(`${two(d.day)}.${two(d.month)}.${d.year}`, isoDate(d));
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

// ---- benefits ----------------------------------------------------------------

export function memberPriceReason(product: string, memberOre: number, normalOre: number): Text {
  const m = kr(memberOre);
  const n = kr(normalOre);
  return text(
    `Medlemspris ${product}: ${m.nb} (ordinær pris ${n.nb})`,
    `Member price ${product}: ${m.en} (normal price ${n.en})`,
  );
}

/** "Klippekort Kaffe: 10. kaffe gratis": the free unit is the one after a full card. */
export function punchRewardReason(
  cardName: Text,
  stampsPerCard: number,
  reward: { kind: 'free_item' } | { kind: 'amount_off'; amountOre: number },
): Text {
  if (reward.kind === 'free_item') {
    const nth = stampsPerCard + 1;
    return text(
      `Klippekort ${cardName.nb}: ${nth}. ${cardName.nb.toLocaleLowerCase('nb')} gratis`,
      `Punch card ${cardName.en}: ${englishOrdinal(nth)} ${cardName.en.toLocaleLowerCase('en')} free`,
    );
  }
  const amount = kr(reward.amountOre);
  return text(
    `Klippekort ${cardName.nb}: ${amount.nb} rabatt`,
    `Punch card ${cardName.en}: ${amount.en} off`,
  );
}

export function couponReason(name: Text, benefit: CouponBenefit, freeProduct: string | null): Text {
  switch (benefit.kind) {
    case 'percent': {
      const p = percentText(benefit.percent);
      return text(`${name.nb}: ${p.nb} rabatt`, `${name.en}: ${p.en} off`);
    }
    case 'amount': {
      const a = kr(benefit.amountOre);
      return text(`${name.nb}: ${a.nb} rabatt`, `${name.en}: ${a.en} off`);
    }
    case 'free_item':
      return text(
        `${name.nb}: 1 ${freeProduct ?? 'vare'} gratis`,
        `${name.en}: 1 ${freeProduct ?? 'item'} free`,
      );
  }
}

export function tierDiscountReason(level: Text, percent: number, oncePerPeriod: boolean): Text {
  const p = percentText(percent);
  return oncePerPeriod
    ? text(
        `${level.nb}: ${p.nb} medlemsrabatt (én gang i perioden)`,
        `${level.en}: ${p.en} member discount (once per period)`,
      )
    : text(`${level.nb}: ${p.nb} medlemsrabatt`, `${level.en}: ${p.en} member discount`);
}

export function pointsRedemptionReason(points: number, valueOre: number, requested: number): Text {
  const v = kr(valueOre);
  const base = text(
    `Betalt med ${points} poeng (${v.nb})`,
    `Paid with ${points} ${plural(points, 'point', 'points')} (${v.en})`,
  );
  if (requested === points) return base;
  return text(
    `${base.nb}: ${requested} poeng valgt, men kjøpet rommer bare ${points}`,
    `${base.en}: ${requested} points chosen, but the purchase only takes ${points}`,
  );
}

export function cashbackRedemptionReason(amountOre: number, requestedOre: number): Text {
  const a = kr(amountOre);
  const base = text(`Betalt med cashback (${a.nb})`, `Paid with cashback (${a.en})`);
  if (requestedOre === amountOre) return base;
  const r = kr(requestedOre);
  return text(
    `${base.nb}: ${r.nb} valgt, men kjøpet rommer bare ${a.nb}`,
    `${base.en}: ${r.en} chosen, but the purchase only takes ${a.en}`,
  );
}

// ---- earnings ----------------------------------------------------------------

export function basePointsReason(
  earn:
    | { mode: 'per_amount'; orePerStep: number; pointsPerStep: number }
    | { mode: 'per_purchase'; points: number },
): Text {
  if (earn.mode === 'per_purchase') {
    return text(
      `${earn.points} poeng per kjøp`,
      `${earn.points} ${plural(earn.points, 'point', 'points')} per purchase`,
    );
  }
  const step = kr(earn.orePerStep);
  return text(
    `${earn.pointsPerStep} poeng per ${step.nb}`,
    `${earn.pointsPerStep} ${plural(earn.pointsPerStep, 'point', 'points')} per ${step.en}`,
  );
}

export function bonusPointsReason(campaign: Text, multiplier: number): Text {
  return text(`${campaign.nb}: ${multiplier}× poeng`, `${campaign.en}: ${multiplier}× points`);
}

export function pointsEarnedSummary(points: number): Text {
  return text(`+${points} poeng`, `+${points} ${plural(points, 'point', 'points')}`);
}

/** "+2 stempler på Kaffe (7/10)"; a filled card says so. */
export function stampsSummary(
  cardName: Text,
  added: number,
  stampsAfter: number,
  stampsPerCard: number,
  rewardsReady: number,
): Text {
  const progress = `(${stampsAfter}/${stampsPerCard})`;
  const nb = `+${added} ${plural(added, 'stempel', 'stempler')} på ${cardName.nb}`;
  const en = `+${added} ${plural(added, 'stamp', 'stamps')} on ${cardName.en}`;
  if (rewardsReady === 0) return text(`${nb} ${progress}`, `${en} ${progress}`);
  return text(
    `${nb}: kortet er fullt, ${rewardsReady === 1 ? 'belønning' : `${rewardsReady} belønninger`} klar ${progress}`,
    `${en}: card full, ${rewardsReady === 1 ? 'reward' : `${rewardsReady} rewards`} ready ${progress}`,
  );
}

export function cashbackEarnedSummary(amountOre: number): Text {
  const a = kr(amountOre);
  return text(`+${a.nb} cashback`, `+${a.en} cashback`);
}

// ---- rejections --------------------------------------------------------------

export const rejectionText = {
  needsMember: text(
    'Legg til et medlem av kundeklubben først',
    'Attach a member of the loyalty club first',
  ),
  couponUnknown: text('Kupongen finnes ikke for dette medlemmet', 'This member has no such coupon'),
  couponUsed: text('Kupongen er allerede brukt', 'The coupon has already been used'),
  couponTwice: text(
    'Kupongen er allerede lagt på dette kjøpet',
    'The coupon is already on this purchase',
  ),
  couponExpired: (validTo: Text) =>
    text(`Kupongen gikk ut ${validTo.nb}`, `The coupon expired on ${validTo.en}`),
  couponNotYetValid: (validFrom: Text) =>
    text(`Kupongen gjelder fra ${validFrom.nb}`, `The coupon is valid from ${validFrom.en}`),
  couponMinBasket: (minOre: number, basketOre: number) => {
    const m = kr(minOre);
    const b = kr(basketOre);
    return text(
      `Kupongen krever kjøp for minst ${m.nb} (kjøpet er ${b.nb})`,
      `The coupon needs a purchase of at least ${m.en} (this one is ${b.en})`,
    );
  },
  couponNoMatchingItems: text(
    'Ingen varer i kjøpet som kupongen gjelder for',
    'No items in the purchase that the coupon applies to',
  ),
  couponStackingLimit: (max: number) =>
    text(
      `Bare ${max} ${max === 1 ? 'kupong' : 'kuponger'} per kjøp`,
      `Only ${max} ${max === 1 ? 'coupon' : 'coupons'} per purchase`,
    ),
  rewardUnknown: text(
    'Medlemmet har ingen slik klippekortbelønning',
    'The member has no such punch-card reward',
  ),
  rewardTwice: text(
    'Belønningen er allerede lagt på dette kjøpet',
    'The reward is already on this purchase',
  ),
  rewardCardGone: text(
    'Klippekortet finnes ikke lenger i kundeklubben',
    'The punch card is no longer part of the programme',
  ),
  rewardNoMatchingItems: (card: Text) =>
    text(
      `Ingen varer i kjøpet som gir klippekortbelønningen (${card.nb})`,
      `No items in the purchase that the punch-card reward covers (${card.en})`,
    ),
  pointsNotRedeemable: text(
    'Poeng kan ikke brukes som betaling i denne kundeklubben',
    'Points cannot be used as payment in this programme',
  ),
  pointsInsufficient: (requested: number, balance: number) =>
    text(
      `Medlemmet har ${balance} poeng, ikke ${requested}`,
      `The member has ${balance} points, not ${requested}`,
    ),
  nothingLeftToPay: text('Det er ingenting igjen å betale', 'There is nothing left to pay'),
  cashbackInsufficient: (requestedOre: number, balanceOre: number) => {
    const r = kr(requestedOre);
    const b = kr(balanceOre);
    return text(
      `Medlemmet har ${b.nb} i cashback, ikke ${r.nb}`,
      `The member has ${b.en} cashback, not ${r.en}`,
    );
  },
  tierOnceUnavailable: text(
    'Medlemsnivået har ingen ubrukt engangsrabatt i denne perioden',
    'The tier has no unused once-per-period discount this period',
  ),
  tierOnceNotWithCoupon: text(
    'Medlemsrabatten kan ikke kombineres med kupong',
    'The member discount cannot be combined with a coupon',
  ),
};
