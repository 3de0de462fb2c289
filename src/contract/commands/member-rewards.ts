/** Coupons bought with points and points for actions. */
import { z } from 'zod';
import { boundedId } from '../../core/limits';
import { command, returns } from './define';
import type { MemberDetail } from './types';

export const memberRewardsCommands = {
  'member.buyCoupon': command({
    input: z.object({ memberId: boundedId(), offerId: boundedId() }),
    output: returns<{ couponId: string; member: MemberDetail }>(),
    role: 'cashier',
    access: 'write',
  }),

  'member.awardAction': command({
    input: z.object({ memberId: boundedId(), actionId: boundedId() }),
    output: returns<MemberDetail>(),
    role: 'manager',
    access: 'write',
  }),
};
