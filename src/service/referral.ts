/**
 * Refer a friend: the referrer is rewarded when the new member completes a first
 * purchase, at most `monthlyCap` times a calendar month (store time), never for
 * referring themselves and never twice for one friend.
 */
import type { EventEnvelope } from '../core/events';
import { referralCouponId } from '../core/member';
import type { MemberLedger } from '../core/member-types';
import { localDateOf } from '../core/time';
import { loadLedger } from '../store';
import type { CommandContext } from './handler-types';
import { pointsExpiry } from './commands/member-rewards';

/** The reward this sale earns the referee's referrer, or null. `referee` is as before the sale. */
export function referralReward(
  ctx: CommandContext,
  referee: MemberLedger,
  saleId: string,
): EventEnvelope<'referral.rewarded'> | null {
  const programme = ctx.programme();
  const rule = programme.referral;
  if (!rule?.enabled) return null;
  const referrerId = referee.referrerId;
  if (referrerId === null || referrerId === referee.memberId) return null;
  if (referee.purchases > 0) return null;
  const referrer = loadLedger(ctx.db, referrerId);
  if (!referrer || referrer.erased) return null;
  if (referrer.referralRewards.some((r) => r.refereeId === referee.memberId)) return null;

  const zone = programme.timeZone;
  const month = monthOf(ctx.now, zone);
  const thisMonth = referrer.referralRewards.filter((r) => monthOf(r.at, zone) === month).length;
  if (thisMonth >= rule.monthlyCap) return null;

  const reward = rule.reward;
  return ctx.event('referral.rewarded', referrerId, {
    refereeId: referee.memberId,
    saleId,
    points: reward.kind === 'points' ? reward.points : 0,
    couponId: reward.kind === 'coupon' ? referralCouponId(referee.memberId) : null,
    at: ctx.now,
    expireAt: reward.kind === 'points' ? pointsExpiry(programme, ctx.now) : null,
  });
}

function monthOf(at: number, zone: string): string {
  const d = localDateOf(at, zone);
  return `${d.year}-${d.month}`;
}
