/**
 * The back office's member page: the member's own page link, shown, replaced
 * ("Lag ny lenke") or withdrawn ("Trekk tilbake"). Owners only (the
 * contract's role): the page's data.json holds the member's events from
 * every store of the chain, more than a store manager may see.
 */
import { memberDetail } from '../backoffice/members';
import { notFound } from '../backoffice/errors';
import type { BoHandlers } from '../backoffice/handlers/types';
import { ensureToken, liveToken, memberPageSecret, memberPageUrl, revokeToken } from './tokens';

export const pageLinkHandlers = {
  'members.pageLink': async ({ memberId, action }, ctx) => {
    const detail = await memberDetail(ctx.db, ctx.scope, memberId, ctx.now);
    if (!detail.contactVisible) throw notFound('the member');
    const chainId = ctx.scope.chainId;
    const secret = await (ctx.services.memberPageSecret?.() ?? memberPageSecret(ctx.db));
    if (action === 'revoke') {
      await revokeToken(ctx.db, chainId, memberId, ctx.now);
      return { url: null };
    }
    if (action === 'renew') {
      const url = await ctx.db.transaction(async (tx) => {
        await revokeToken(tx, chainId, memberId, ctx.now);
        return memberPageUrl(
          ctx.services.publicUrl(),
          await ensureToken(tx, secret, chainId, memberId, ctx.now),
        );
      });
      return { url };
    }
    const live = await liveToken(ctx.db, secret, chainId, memberId);
    return { url: live ? memberPageUrl(ctx.services.publicUrl(), live.token) : null };
  },
} satisfies Pick<BoHandlers, 'members.pageLink'>;
