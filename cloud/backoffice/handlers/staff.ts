/** The staff of the stores an account reaches. */
import { staffInScope } from '../staff';
import type { BoHandlers } from './types';

export const staffHandlers = {
  'staff.list': async (_input, ctx) => staffInScope(ctx.db, ctx.scope),
} satisfies Pick<BoHandlers, 'staff.list'>;
