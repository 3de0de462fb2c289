/** The staff of the stores an account reaches; adding and changing them (src/contract/backoffice/stores.ts). */
import { staffInScope } from '../staff';
import { saveStaffMember } from '../staff-save';
import type { BoHandlers } from './types';

export const staffHandlers = {
  'staff.list': async (_input, ctx) => staffInScope(ctx.db, ctx.scope),

  'staff.save': async (input, ctx) =>
    saveStaffMember(ctx.db, ctx.scope, ctx.account.accountId, input, ctx.now),
} satisfies Pick<BoHandlers, 'staff.list' | 'staff.save'>;
