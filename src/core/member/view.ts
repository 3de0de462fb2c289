/**
 * The member view: the ledger read at `now` under a programme. Balances count
 * lots by their availability and expiry at `now`; the tier, coupons and punch
 * cards are derived with deterministic ids so every till agrees.
 *
 * `now` is expected at or after the ledger's events: the tier ignores earnings
 * after `now`, but point lots already carry every spend the ledger holds.
 */
import type { MemberLedger, MemberView, PunchCardView } from '../member-types';
import type { Programme } from '../programme';
import { msg } from '../i18n';
import { availableCoupons } from './coupons';
import { conflictFlags } from './flags';
import { pointBalancesAt } from './points';
import { segmentMatches } from './segment';
import { tierAt } from './tier';

export function punchCardRewardId(cardId: string, memberId: string, k: number): string {
  return `K-${cardId}-${memberId}-${k}`;
}

export function memberView(programme: Programme, ledger: MemberLedger, now: number): MemberView {
  const points = pointBalancesAt(ledger, now);
  const redeemValueOre = programme.points?.redeemValueOre ?? 0;
  const withoutCoupons: MemberView = {
    memberId: ledger.memberId,
    memberNumber: ledger.memberNumber,
    qrToken: ledger.qrToken,
    erased: ledger.erased,
    phoneE164: ledger.phoneE164,
    profile: { ...ledger.profile },
    enrolledAt: ledger.enrolledAt,
    consents: { ...ledger.consents },
    termsVersion: ledger.termsVersion,
    points: {
      balance: points.balance,
      pending: points.pending,
      // A negative balance is a debt, not something to spend: worth nothing at the till.
      valueOre: Math.max(0, points.balance) * redeemValueOre,
      nextExpiry: points.nextExpiry,
    },
    cashbackOre: ledger.cashbackOre,
    tier: tierAt(programme, ledger, now),
    punchCards: punchCards(programme, ledger),
    coupons: [],
    flags: [],
    bonusCampaignIds: [],
    stats: {
      purchases: ledger.purchases,
      spendOre: ledger.spendOre,
      firstPurchaseAt: ledger.firstPurchaseAt,
      lastPurchaseAt: ledger.lastPurchaseAt,
    },
    hasPin: ledger.pinHash !== null,
  };
  return {
    ...withoutCoupons,
    coupons: availableCoupons(programme, ledger, withoutCoupons, now),
    flags: conflictFlags(programme, ledger, points.balance),
    bonusCampaignIds: programme.bonusCampaigns
      .filter((c) => segmentMatches(c.segment, withoutCoupons, ledger, now, programme))
      .map((c) => c.id),
  };
}

/**
 * Stamps beyond a full card carry over: the current card shows total mod N, and
 * each full card k is a reward with its own id until a sale redeems it.
 */
function punchCards(programme: Programme, ledger: MemberLedger): PunchCardView[] {
  return programme.punchCards.map((card) => {
    const total = ledger.stamps[card.id] ?? 0;
    const completedCards = Math.floor(total / card.stamps);
    const rewardsAvailable: PunchCardView['rewardsAvailable'] = [];
    for (let k = 1; k <= completedCards; k++) {
      const rewardId = punchCardRewardId(card.id, ledger.memberId, k);
      if ((ledger.rewardRedemptions[rewardId]?.length ?? 0) > 0) continue;
      rewardsAvailable.push({
        rewardId,
        cardId: card.id,
        reason: msg('member.rewardFullCard', { card: card.name, n: k, stamps: card.stamps }),
      });
    }
    return {
      cardId: card.id,
      name: card.name,
      stamps: total % card.stamps,
      of: card.stamps,
      completedCards,
      rewardsAvailable,
    };
  });
}
