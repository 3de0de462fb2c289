/** Automatic messages (src/contract/backoffice/automations.ts says who may do what): cloud/automations does the work. */
import { listAutomations, saveAutomation } from '../../automations/settings';
import type { BoHandlers } from './types';

export const automationHandlers = {
  'automation.list': async (_input, ctx) => listAutomations(ctx.db, ctx.scope.chainId, ctx.now),
  'automation.save': async (input, ctx) =>
    saveAutomation(ctx.db, ctx.scope.chainId, ctx.account.accountId, input, ctx.now),
} satisfies Pick<BoHandlers, 'automation.list' | 'automation.save'>;
