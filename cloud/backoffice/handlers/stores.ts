/** Stores, their codes and their tills; adding and renaming a store; revoking a till. */
import { addStore, revokeTerminal } from '../../chains';
import type { Database } from '../../db/database';
import { msg } from '../../../src/core/i18n';
import { BoError, notFound } from '../errors';
import type { Scope } from '../scope';
import type { BoHandlers } from './types';

async function storeOf(db: Database, scope: Scope, storeId: string) {
  const [stores, terminals] = await Promise.all([scope.stores(db), scope.terminals(db)]);
  const store = stores.find((s) => s.storeId === storeId);
  if (!store) throw notFound('a store');
  return {
    ...store,
    terminals: terminals
      .filter((t) => t.storeId === storeId)
      .map(({ storeId: _store, ...terminal }) => terminal),
  };
}

const nameTaken = () =>
  new BoError(
    'invalid_request',
    'the chain has a store with this name',
    'name',
    msg('backoffice.stores.nameTaken'),
  );

async function chainName(db: Database, chainId: string): Promise<string> {
  const rows = await db.query<{ name: string }>('SELECT name FROM chains WHERE id = $1', [chainId]);
  if (!rows[0]) throw notFound('the chain');
  return rows[0].name;
}

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

  'stores.add': async ({ name }, ctx) => {
    // The admin command's own function (`npm run cloud -- add-store`): a new code, unused anywhere.
    const added = await addStore(
      ctx.db,
      { chain: await chainName(ctx.db, ctx.scope.chainId), store: name },
      ctx.now,
    );
    if (!added.created) throw nameTaken();
    return storeOf(ctx.db, ctx.scope, added.storeId);
  },

  'stores.rename': async ({ storeId, name }, ctx) => {
    await storeOf(ctx.db, ctx.scope, storeId);
    await ctx.db.transaction(async (tx) => {
      const taken = await tx.query(
        'SELECT 1 FROM stores WHERE chain_id = $1 AND name = $2 AND id <> $3',
        [ctx.scope.chainId, name, storeId],
      );
      if (taken.length > 0) throw nameTaken();
      await tx.query('UPDATE stores SET name = $1 WHERE id = $2 AND chain_id = $3', [
        name,
        storeId,
        ctx.scope.chainId,
      ]);
    });
    return storeOf(ctx.db, ctx.scope, storeId);
  },

  'terminals.revoke': async (input, ctx) => {
    // Within the scope, or not_found: another store's or chain's till is never touched.
    const terminal = await ctx.scope.terminal(ctx.db, input.terminalId);
    const revokedTokens = await revokeTerminal(ctx.db, terminal.terminalId, ctx.now);
    return { terminalId: terminal.terminalId, revokedTokens };
  },
} satisfies Pick<BoHandlers, 'stores.list' | 'stores.add' | 'stores.rename' | 'terminals.revoke'>;
