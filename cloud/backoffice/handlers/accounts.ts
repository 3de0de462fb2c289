/** Invitations, the one-time links and password resets. */
import {
  accountForLogin,
  createAccount,
  EmailTakenError,
  UnknownStoreError,
} from '../../accounts/accounts';
import { issueLink, LinkInvalidError, linkUrl, peekLink, redeemLink } from '../../accounts/links';
import type { LinkPurpose } from '../../accounts/links';
import type { BackofficeServices } from '../context';
import { BoError, notFound } from '../errors';
import type { BoHandlers } from './types';

const linkInvalid = () =>
  new BoError(
    'link_invalid',
    'this link is unknown, used, expired or of another kind; ask for a new one',
  );

async function useLink(
  services: BackofficeServices,
  token: string,
  password: string,
  purpose: LinkPurpose,
  now: number,
): Promise<{ email: string }> {
  try {
    // Of the other kind, a link is refused before anything is changed.
    if ((await peekLink(services.db, token, now)).purpose !== purpose) throw linkInvalid();
    const used = await redeemLink(services.db, token, password, now, services.passwordCost);
    return { email: used.account.email };
  } catch (error) {
    if (error instanceof LinkInvalidError) throw linkInvalid();
    throw error;
  }
}

/**
 * Issues a reset link and hands it to the delivery, after the answer has
 * gone: the requester learns nothing from the time the answer takes either.
 */
async function resetInBackground(services: BackofficeServices, email: string, now: number) {
  const deliver = services.deliverLink;
  const found = await accountForLogin(services.db, email);
  if (!found || found.account.disabled) return;
  if (!deliver) {
    // No link is made (it would reach nobody, and would end one an operator printed).
    console.error(
      `lojal-cloud: a password reset was asked for ${found.account.email} (${found.account.chainName}); ` +
        'e-mail is not set up yet: run npm run cloud -- reset-password --email <address> and give them the link',
    );
    return;
  }
  const link = await services.db.transaction((tx) =>
    issueLink(tx, found.account.accountId, 'reset', now),
  );
  await deliver({
    purpose: 'reset',
    email: found.account.email,
    name: found.account.name,
    chainName: found.account.chainName,
    url: linkUrl(services.publicUrl(), 'reset', link.token),
    expiresAt: link.expiresAt,
  });
}

export const accountHandlers = {
  'account.invite': async (input, ctx) => {
    await ctx.scope.requireStores(ctx.db, input.storeIds);
    let issued: { accountId: string; token: string; expiresAt: number };
    try {
      issued = await ctx.db.transaction(async (tx) => {
        const accountId = await createAccount(
          tx,
          {
            chainId: ctx.scope.chainId,
            email: input.email,
            name: input.name,
            role: input.role,
            storeIds: input.storeIds,
            invitedBy: ctx.account.accountId,
          },
          ctx.now,
        );
        const link = await issueLink(tx, accountId, 'invite', ctx.now);
        return { accountId, token: link.token, expiresAt: link.expiresAt };
      });
    } catch (error) {
      if (error instanceof EmailTakenError)
        throw new BoError('email_taken', error.message, 'email');
      if (error instanceof UnknownStoreError) throw notFound('a store');
      throw error;
    }
    const url = linkUrl(ctx.services.publicUrl(), 'invite', issued.token);
    await ctx.services.deliverLink?.({
      purpose: 'invite',
      email: input.email,
      name: input.name,
      chainName: ctx.account.chainName,
      url,
      expiresAt: issued.expiresAt,
    });
    return {
      accountId: issued.accountId,
      email: input.email,
      link: url,
      expiresAt: issued.expiresAt,
    };
  },

  'link.inspect': async (input, ctx) => {
    try {
      const link = await peekLink(ctx.db, input.token, ctx.now);
      return {
        purpose: link.purpose,
        email: link.account.email,
        name: link.account.name,
        chainName: link.account.chainName,
        expiresAt: link.expiresAt,
      };
    } catch (error) {
      if (error instanceof LinkInvalidError) throw linkInvalid();
      throw error;
    }
  },

  'account.acceptInvite': (input, ctx) =>
    useLink(ctx.services, input.token, input.password, 'invite', ctx.now),

  'password.reset': (input, ctx) =>
    useLink(ctx.services, input.token, input.password, 'reset', ctx.now),

  'password.requestReset': async (input, ctx) => {
    void resetInBackground(ctx.services, input.email, ctx.now).catch((error: unknown) =>
      console.error(
        'lojal-cloud: a password reset could not be prepared:',
        error instanceof Error ? error.message : error,
      ),
    );
    return { ok: true as const };
  },
} satisfies Pick<
  BoHandlers,
  | 'account.invite'
  | 'link.inspect'
  | 'account.acceptInvite'
  | 'password.reset'
  | 'password.requestReset'
>;
