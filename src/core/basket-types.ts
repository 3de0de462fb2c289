/** Input and output of basket evaluation (src/core/basket). */
import type { AppliedBenefit, SaleEffects, SaleLine, VatRow } from './events';
import type { MemberView } from './member-types';
import type { Programme } from './programme';
import type { Shown } from './i18n';

export interface BasketLineInput {
  lineId: string;
  sku: string;
  name: string;
  category: string;
  quantity: number;
  unitPriceOre: number;
  memberPriceOre?: number;
  vatRate: number;
}

/** What the cashier (or member) chose to use on this basket. */
export interface BasketSelections {
  couponIds: string[];
  rewardIds: string[];
  /** Points to spend as a discount (the member picks the amount). */
  pointsToRedeem: number;
  cashbackToRedeemOre: number;
  /** Use the tier's once-per-period discount now. */
  useTierOnce: boolean;
}

export interface EvaluateInput {
  programme: Programme;
  lines: BasketLineInput[];
  member: MemberView | null;
  /** Found by card/QR scan or PIN, not phone alone. */
  verified: boolean;
  selections: BasketSelections;
  now: number;
}

export type RejectionCode =
  | 'coupon_unknown'
  | 'coupon_expired'
  | 'coupon_not_yet_valid'
  | 'coupon_used'
  | 'coupon_min_basket'
  | 'coupon_no_matching_items'
  | 'coupon_stacking_limit'
  | 'reward_unknown'
  | 'reward_no_matching_items'
  | 'points_insufficient'
  | 'points_not_redeemable'
  | 'cashback_insufficient'
  | 'tier_once_unavailable'
  | 'needs_member'
  | 'needs_verification'
  /** A retried sale: the selection was not applied when the sale was recorded. */
  | 'not_applied';

export interface Rejection {
  ref: string;
  code: RejectionCode;
  reason: Shown;
}

/**
 * A benefit as the engine applied it. Its reason is a message of the catalogue
 * when just evaluated; a sale read back from its event gives the text stored
 * with it (see `StoredText` in events.ts), which renders in every language too.
 */
export type Benefit = Omit<AppliedBenefit, 'reason'> & { reason: Shown };

/** What a sale does to the member, with the reasons for its points as messages. */
export type EvaluatedEffects = Omit<SaleEffects, 'pointsReasons'> & {
  pointsReasons: Array<{ points: number; reason: Shown }>;
};

export interface Evaluation {
  lines: SaleLine[];
  benefits: Benefit[];
  rejected: Rejection[];
  listOre: number;
  discountOre: number;
  totalOre: number;
  vat: VatRow[];
  /** Null when no member is attached. */
  effects: EvaluatedEffects | null;
  /** Redemptions above the programme's limit for a member found by phone alone. */
  needsVerification: boolean;
  /** Human summary of what the member earns (for screen and receipt). */
  earnedSummary: Shown[];
}
