/** The member engine: fold events into a ledger, read it as a view, segments, redaction. */
export {
  foldMember,
  applyMemberEvent,
  applyMemberEventInPlace,
  needsRefold,
  emptyProfile,
  foldMemberFrom,
  reachesBefore,
  blankLedger,
} from './fold';
export { memberView, punchCardRewardId } from './view';
export { flagFree, memberFlags, redeemsNothing } from './flags';
export { pointBalancesAt } from './points';
export type { PointBalances } from './points';
export { tierAt, tierPeriods, pointsEarnedIn } from './tier';
export type { TierPeriod } from './tier';
export {
  availableCoupons,
  issuedCoupons,
  usesAllowed,
  welcomeCouponId,
  birthdayCouponId,
  spendCouponId,
  tierCouponId,
  campaignCouponId,
  purchasedCouponId,
  referralCouponId,
} from './coupons';
export type { IssuedCoupon } from './coupons';
export { segmentMatches, memberStatus, ageAt, MEMBER_STATUS_DAYS } from './segment';
export type { MemberStatus } from './segment';
export { redactForErasure, redactForeignForErasure } from './redact';
export { absorbedPayload } from './merge';
