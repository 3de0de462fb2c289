/** Spending points on a coupon, and points for actions other than buying. */
import { msg } from '../../core/i18n';
import { validThrough } from '../../core/member/local-days';
import { purchasedCouponId } from '../../core/member';
import type { Programme } from '../../core/programme';
import { addMonths, localDateOf, startOfLocalDay } from '../../core/time';
import { newEventId } from '../../store';
import { ServiceError } from '../commands';
import { conflict, notFound } from '../errors';
import type { Handlers } from '../handler-types';
import { memberDetail, requireMember, viewOf } from '../member-access';

/**
 * When points earned now expire: the same local time of day `lifetimeMonths`
 * later (as the basket engine dates a sale's points), or never.
 */
export function pointsExpiry(programme: Programme, now: number): number | null {
  const months = programme.points?.lifetimeMonths ?? null;
  if (months === null) return null;
  const zone = programme.timeZone;
  const today = localDateOf(now, zone);
  const sinceMidnight = now - startOfLocalDay(today, zone);
  return startOfLocalDay(addMonths(today, months), zone) + sinceMidnight;
}

export const memberRewardHandlers: Handlers<'member.buyCoupon' | 'member.awardAction'> = {
  'member.buyCoupon': ({ memberId, offerId }, ctx) => {
    const ledger = requireMember(ctx, memberId);
    const programme = ctx.programme();
    const offer = programme.pointsOffers.find((o) => o.id === offerId);
    if (!offer) {
      throw notFound('unknown_offer', msg('commands.unknownOffer', { offerId }), 'offerId');
    }
    const balance = viewOf(ctx, ledger).points.balance;
    if (balance < offer.costPoints) {
      throw conflict(
        'insufficient_points',
        msg('commands.notEnoughPoints', { cost: offer.costPoints, balance }),
        'offerId',
      );
    }
    // The coupon's id is derived from the event's id, so every till names it alike.
    const eventId = newEventId();
    const couponId = purchasedCouponId(eventId);
    ctx.append([
      ctx.event(
        'coupon.purchased',
        memberId,
        {
          couponId,
          offerId,
          costPoints: offer.costPoints,
          at: ctx.now,
          validTo: validThrough(ctx.now, offer.coupon.validDays, programme.timeZone),
        },
        eventId,
      ),
    ]);
    ctx.notifyAfterCommit({ type: 'data', what: 'members' });
    return { couponId, member: memberDetail(ctx, requireMember(ctx, memberId)) };
  },

  'member.awardAction': ({ memberId, actionId }, ctx) => {
    requireMember(ctx, memberId);
    const programme = ctx.programme();
    const action = programme.points?.enabled
      ? programme.points.actions.find((a) => a.id === actionId)
      : undefined;
    if (!action) {
      throw new ServiceError(
        'unknown_action',
        msg('commands.unknownAction', { actionId }),
        'actionId',
        404,
      );
    }
    ctx.append([
      ctx.event('points.adjusted', memberId, {
        points: action.points,
        actionId,
        reason: action.name,
        staffId: ctx.session.staffId,
        at: ctx.now,
        availableAt: ctx.now,
        expireAt: pointsExpiry(programme, ctx.now),
      }),
    ]);
    ctx.notifyAfterCommit({ type: 'data', what: 'members' });
    return memberDetail(ctx, requireMember(ctx, memberId));
  },
};
