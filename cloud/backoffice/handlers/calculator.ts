/** The loyalty calculator's baseline from the members' sales, at the stores the account reaches. */
import { calculatorBaseline } from '../calculator-baseline';
import type { BoHandlers } from './types';

export const calculatorHandlers = {
  'calculator.baseline': async (input, ctx) => {
    const chosen = input.storeIds ?? [];
    if (chosen.length > 0) await ctx.scope.requireStores(ctx.db, chosen);
    const storeIds =
      chosen.length > 0
        ? [...new Set(chosen)]
        : (await ctx.scope.stores(ctx.db)).map((s) => s.storeId);
    return calculatorBaseline(ctx.db, { chainId: ctx.scope.chainId, storeIds, now: ctx.now });
  },
} satisfies Pick<BoHandlers, 'calculator.baseline'>;
