/** session.get, session.logIn, session.logOut. */
import type { Account } from '../../accounts/accounts';
import { csrfTokenOf, endSession } from '../../accounts/sessions';
import type { Queryable } from '../../db/database';
import type { BoSession } from '../../../src/contract/backoffice/types';
import { BoError } from '../errors';
import { Scope } from '../scope';
import type { BoHandlers } from './types';

export async function sessionView(
  db: Queryable,
  account: Account,
  session: { id: string; expiresAt: number },
): Promise<BoSession> {
  const stores = await new Scope(account).stores(db);
  return {
    account: {
      accountId: account.accountId,
      email: account.email,
      name: account.name,
      role: account.role,
    },
    chain: { chainId: account.chainId, name: account.chainName },
    stores: stores.map((s) => ({ storeId: s.storeId, name: s.name })),
    csrfToken: csrfTokenOf(session.id),
    expiresAt: session.expiresAt,
  };
}

export const sessionHandlers = {
  'session.get': async (_input, ctx) => sessionView(ctx.db, ctx.account, ctx.session),

  'session.logIn': async (input, ctx) => {
    const outcome = await ctx.services.gate.logIn(
      { email: input.email, password: input.password, clientAddress: ctx.clientAddress },
      ctx.now,
    );
    if (!outcome.ok) {
      if (outcome.reason === 'throttled')
        throw new BoError(
          'throttled',
          `too many wrong passwords; try again in ${outcome.retryAfterSeconds} s`,
          null,
          null,
          outcome.retryAfterSeconds,
        );
      if (outcome.reason === 'disabled')
        throw new BoError('account_disabled', 'this account is disabled');
      throw new BoError('login_failed', 'the e-mail address or the password is wrong');
    }
    ctx.cookie.open(outcome.session);
    return sessionView(ctx.db, outcome.account, {
      id: outcome.session.sessionId,
      expiresAt: outcome.session.expiresAt,
    });
  },

  'session.logOut': async (_input, ctx) => {
    await endSession(ctx.db, ctx.session.id, ctx.now);
    ctx.cookie.close();
    return { ok: true as const };
  },
} satisfies Pick<BoHandlers, 'session.get' | 'session.logIn' | 'session.logOut'>;
