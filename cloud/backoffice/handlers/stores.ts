/** Stores, their codes and their tills; revoking a till. */
import { revokeTerminal } from '../../chains';
import type { BoHandlers } from './types';

export const storeHandlers = {
  'stores.list': async (_input, ctx) => {
    const [stores, terminals] = await Promise.all([
      ctx.scope.stores(ctx.db),
      ctx.scope.terminals(ctx.db),
    ]);
    return stores.map((store) => ({
      ...store,
      terminals: terminals
        .filter((t) => t.storeId === store.storeId)
        .map(({ storeId: _store, ...terminal }) => terminal),
    }));
  },

  'terminals.revoke': async (input, ctx) => {
    // Within the scope, or not_found: another store's or chain's till is never touched.
    const terminal = await ctx.scope.terminal(ctx.db, input.terminalId);
    const revokedTokens = await revokeTerminal(ctx.db, terminal.terminalId, ctx.now);
    return { terminalId: terminal.terminalId, revokedTokens };
  },
} satisfies Pick<BoHandlers, 'stores.list' | 'terminals.revoke'>;
