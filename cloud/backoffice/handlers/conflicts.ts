/** The chain's conflicts: listed and settled within the account's stores. */
import { conflictsInScope, settleConflict } from '../conflicts';
import type { BoHandlers } from './types';

export const conflictHandlers = {
  'conflicts.list': async (_input, ctx) =>
    conflictsInScope(ctx.db, ctx.account, ctx.scope, ctx.now),

  'conflicts.settle': async (input, ctx) =>
    settleConflict(ctx.db, ctx.account, ctx.scope, input, ctx.now),
} satisfies Pick<BoHandlers, 'conflicts.list' | 'conflicts.settle'>;
