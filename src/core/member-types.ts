/**
 * A member's state in two steps:
 *  - MemberLedger: the fold of the member's events (sorted by HLC). It does not
 *    depend on the clock or the programme, so it can be cached in SQLite as the
 *    projection and rebuilt from the log byte-for-byte.
 *  - MemberView: the ledger read at an instant under a programme (expiry, pending
 *    points, tier, birthday and campaign coupons, punch-card rewards).
 */
import type { CouponTemplate, TierBenefit } from './programme';
import type { Profile } from './events';
import type { Msg, Text } from './i18n';

export interface ConsentRecord {
  channel: 'sms' | 'email';
  granted: boolean;
  at: number;
  storeId: string;
  terminalId: string;
  staffId: string | null;
  termsVersion: string;
  eventId: string;
}

export interface PointLot {
  /** The sale id, adjustment event id or referral id that earned it. */
  sourceId: string;
  earnedAt: number;
  availableAt: number;
  expiresAt: number | null;
  points: number;
  /** Points left after spends that happened before the lot expired. */
  remaining: number;
}

/** A point earning, net of returns, for tier qualification (spending never lowers a tier). */
export interface EarnEntry {
  sourceId: string;
  at: number;
  points: number;
}

export interface SaleSummary {
  saleId: string;
  eventId: string;
  hlc: string;
  at: number;
  storeId: string;
  terminalId: string;
  totalOre: number;
  /** After returns; 0 when voided. */
  netTotalOre: number;
  voided: boolean;
  returnedOre: number;
  /** Spend this sale counted toward spend-coupon rules, after returns; 0 when voided. */
  qualifyingSpendOre: number;
}

export interface MemberLedger {
  memberId: string;
  memberNumber: string;
  qrToken: string;
  phoneE164: string | null;
  profile: Profile;
  /** HLC of the last write of each profile field (last writer wins). */
  profileClock: Record<string, string>;
  erased: boolean;
  erasedAt: number | null;
  enrolledAt: number;
  enrolledStoreId: string;
  enrolledTerminalId: string;
  enrolledStaffId: string | null;
  termsVersion: string;
  consents: { sms: boolean; email: boolean };
  consentHistory: ConsentRecord[];
  referrerId: string | null;
  pinHash: string | null;
  lots: PointLot[];
  /** Points spent that no lot covered (offline double spend, return after spend): a negative balance. */
  pointsDeficit: number;
  earnLog: EarnEntry[];
  cashbackOre: number;
  /** Net stamps ever collected per punch card (full cards included). */
  stamps: Record<string, number>;
  /** couponId → the sale ids that redeemed it (two or more = conflict). */
  couponRedemptions: Record<string, string[]>;
  /** rewardId → the sale ids that redeemed it. */
  rewardRedemptions: Record<string, string[]>;
  /** tier period key → the sale ids that used the once-per-period discount. */
  tierOnceRedemptions: Record<string, string[]>;
  purchasedCoupons: Array<{ couponId: string; offerId: string; issuedAt: number; validTo: number }>;
  referralRewards: Array<{
    refereeId: string;
    saleId: string;
    at: number;
    points: number;
    couponId: string | null;
  }>;
  /** Spend counted toward spend-coupon rules. */
  qualifyingSpendOre: number;
  purchases: number;
  spendOre: number;
  firstPurchaseAt: number | null;
  lastPurchaseAt: number | null;
  categoriesBought: string[];
  sales: SaleSummary[];
  lastHlc: string;
  eventCount: number;
  /**
   * Set once the member was merged into another (`member.merged`): its balances
   * are that member's now (this ledger holds none), and its number and card
   * find that member. Absent on members never merged.
   */
  mergedInto?: string;
  /** Members merged into this one (`member.absorbed`): their numbers and card tokens find it. */
  aliases?: MemberAlias[];
}

export interface MemberAlias {
  memberId: string;
  memberNumber: string;
  /** '' once erased. */
  qrToken: string;
}

export type CouponSource =
  'welcome' | 'birthday' | 'spend' | 'points' | 'campaign' | 'tier' | 'referral';

export interface CouponView {
  couponId: string;
  source: CouponSource;
  /** The rule or campaign it came from. */
  ruleId: string;
  template: CouponTemplate;
  validFrom: number;
  validTo: number;
  /** Uses left for this member (campaigns may allow several). */
  usesLeft: number;
  reason: Msg;
}

export interface PunchCardView {
  cardId: string;
  name: Text;
  /** Stamps on the current (not yet full) card. */
  stamps: number;
  of: number;
  completedCards: number;
  rewardsAvailable: Array<{ rewardId: string; cardId: string; reason: Msg }>;
}

export interface TierView {
  levelId: string;
  name: Text;
  benefit: TierBenefit;
  qualifyingPoints: number;
  periodKey: string;
  periodStart: number;
  periodEnd: number;
  next: { levelId: string; name: Text; pointsNeeded: number } | null;
  /** Whether the once-per-period discount is still unused (when that is the benefit). */
  oncePerPeriodAvailable: boolean;
}

export type MemberFlag =
  | { kind: 'negative_points'; points: number }
  | { kind: 'negative_cashback'; amountOre: number }
  | { kind: 'coupon_redeemed_twice'; couponId: string; saleIds: string[] }
  | { kind: 'reward_redeemed_twice'; rewardId: string; saleIds: string[] }
  | { kind: 'tier_once_used_twice'; periodKey: string; saleIds: string[] };

export interface MemberView {
  memberId: string;
  memberNumber: string;
  qrToken: string;
  erased: boolean;
  phoneE164: string | null;
  profile: Profile;
  enrolledAt: number;
  consents: { sms: boolean; email: boolean };
  termsVersion: string;
  points: {
    balance: number;
    pending: number;
    /** What the spendable balance is worth at the till (programme redeemValueOre). */
    valueOre: number;
    nextExpiry: { at: number; points: number } | null;
  };
  cashbackOre: number;
  tier: TierView | null;
  punchCards: PunchCardView[];
  coupons: CouponView[];
  flags: MemberFlag[];
  /**
   * The programme's bonus campaigns whose segment this member is in at the
   * view's instant (dates and tiers are the basket's to check): decided here,
   * where the ledger is at hand, as campaign coupons are.
   */
  bonusCampaignIds: string[];
  stats: {
    purchases: number;
    spendOre: number;
    firstPurchaseAt: number | null;
    lastPurchaseAt: number | null;
  };
  hasPin: boolean;
}
