/**
 * The member's page on the cloud, public, addressed by its token:
 *   GET  /m/<token>             the page (?lang=nb|en|sv; bokmål by default)
 *   POST /m/<token>/consent     a channel's consent on or off (form: channel, granted, form)
 *   GET  /m/<token>/data.json   the member's own data (GDPR art. 15 and 20), as a download
 * and, for a paired till, GET /v1/members/page-link?memberId= (the link to print).
 *
 * A token that is unknown, revoked, or names a member erased or merged away
 * answers the same 404 page. The public routes are limited per client address
 * and take small bodies only. The forms carry a per-page form token, a
 * foreign or null Origin is refused, and no site may frame the page: it has
 * no cookies, but a link that leaked must not let another site switch a
 * member's consent by a hidden form or a framed button.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { memberView } from '../../src/core/member';
import { MemberPageLinkQuery, ROUTES } from '../../src/sync/protocol';
import type { MemberPageLinkResponse } from '../../src/sync/protocol';
import { loadMember, memberExport } from '../backoffice/members';
import { Scope } from '../backoffice/scope';
import type { Database } from '../db/database';
import type { RouteContext } from '../http/context';
import { CloudError } from '../http/errors';
import { programmeInForce } from '../programme';
import { RateLimiter } from '../rate-limit';
import type { BucketSettings } from '../rate-limit';
import { setConsentFromPage } from './consent';
import {
  acceptForms,
  fromOwnOrigin,
  HTML_TYPE,
  pageLocale,
  PUBLIC_PAGE_HEADERS,
  sameSecret,
} from '../public-page';
import { invalidLinkPage, memberPage, messagePage, wordsFor } from './page';
import {
  MEMBER_PAGE_PATH,
  ensureToken,
  findLink,
  formTokenOf,
  memberIsLive,
  memberPageUrl,
} from './tokens';

/** A form post is a few hundred bytes; nothing larger is read. */
export const MEMBER_PAGE_BODY_LIMIT = 4 * 1024;

/** A member opens their page now and then; a guesser is slowed to one try a second. */
export const MEMBER_PAGE_RATE: BucketSettings = { capacity: 30, refillPerSecond: 1 };

export interface MemberPageOptions {
  db: Database;
  route: RouteContext;
  publicUrl: () => string;
  now: () => number;
  /** The tokens' secret (memberPageSecretSource). */
  secret: () => Promise<string>;
  rate?: BucketSettings;
}

export function registerMemberPageRoutes(app: FastifyInstance, options: MemberPageOptions): void {
  const { db, now } = options;
  const limiter = new RateLimiter(options.rate ?? MEMBER_PAGE_RATE);
  const secretOf = options.secret;

  void app.register(async (scope) => {
    acceptForms(scope, MEMBER_PAGE_BODY_LIMIT);
    // The page sends its own origin with its forms (same-origin referrer policy, so Chromium
    // sends no 'null' Origin, which is refused); no site may frame its consent buttons. Its
    // policy stops at framing, as it always has (its e2e reads the card with a script it adds).
    scope.addHook('onSend', async (_request, reply) => {
      void reply.headers(PUBLIC_PAGE_HEADERS);
    });
    // Before anything is read or looked up.
    scope.addHook('onRequest', async (request, reply) => {
      const admitted = limiter.take(request.ip);
      if (admitted.allowed) return;
      const words = wordsFor(pageLocale((request.query as { lang?: unknown }).lang));
      return reply
        .code(429)
        .header('retry-after', String(admitted.retryAfterSeconds))
        .type(HTML_TYPE)
        .send(messagePage(words, words.say('memberPage.busy')));
    });

    /** The live link and its member, or the 404 page already sent. */
    const open = async (request: FastifyRequest, reply: FastifyReply) => {
      const words = wordsFor(pageLocale((request.query as { lang?: unknown }).lang));
      const token = (request.params as { token: string }).token;
      const link = await findLink(db, token);
      if (link.state === 'live' && (await memberIsLive(db, link.chainId, link.memberId)))
        return { link, words, token };
      void reply.code(404).type(HTML_TYPE).send(invalidLinkPage(words));
      return null;
    };

    scope.get(`${MEMBER_PAGE_PATH}/:token`, async (request, reply) => {
      const opened = await open(request, reply);
      if (!opened) return reply;
      const { link, words, token } = opened;
      const at = now();
      const [{ ledger }, programme] = await Promise.all([
        loadMember(db, link.chainId, link.memberId),
        programmeInForce(db, link.chainId, { storeId: null, now: at }),
      ]);
      const view = memberView(programme, ledger, at);
      const done = (request.query as { done?: unknown }).done;
      return reply.type(HTML_TYPE).send(
        memberPage({
          words,
          path: `${MEMBER_PAGE_PATH}/${token}`,
          formToken: formTokenOf(await secretOf(), link.rowId),
          clubName: programme.name,
          termsVersion: programme.termsVersion,
          timeZone: programme.timeZone,
          pointsEnabled: programme.points?.enabled === true,
          view,
          notice: done === 'saved' ? 'saved' : done === 'bad_form' ? 'bad_form' : null,
        }),
      );
    });

    scope.post(
      `${MEMBER_PAGE_PATH}/:token/consent`,
      { bodyLimit: MEMBER_PAGE_BODY_LIMIT },
      async (request, reply) => {
        const opened = await open(request, reply);
        if (!opened) return reply;
        const { link, words, token } = opened;
        const body = (request.body ?? {}) as Record<string, unknown>;
        const back = (done: string) =>
          reply
            .code(303)
            .header(
              'location',
              `${MEMBER_PAGE_PATH}/${token}?lang=${words.locale}&done=${done}#consent`,
            )
            .send();
        const channel = body.channel;
        if (
          !fromOwnOrigin(request, options.publicUrl()) ||
          !sameSecret(body.form, formTokenOf(await secretOf(), link.rowId)) ||
          (channel !== 'sms' && channel !== 'email') ||
          (body.granted !== 'true' && body.granted !== 'false')
        )
          return back('bad_form');
        await setConsentFromPage(
          db,
          link.chainId,
          link.memberId,
          channel,
          body.granted === 'true',
          now(),
        );
        return back('saved');
      },
    );

    scope.get(`${MEMBER_PAGE_PATH}/:token/data.json`, async (request, reply) => {
      const opened = await open(request, reply);
      if (!opened) return reply;
      const { link } = opened;
      const owner = new Scope({ chainId: link.chainId, role: 'owner', storeIds: [] });
      const exported = await memberExport(db, owner, link.memberId, now());
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', 'attachment; filename="mine-data.json"')
        .send(JSON.stringify(exported, null, 2));
    });
  });

  app.get(ROUTES.memberPageLink, async (request): Promise<MemberPageLinkResponse> => {
    const who = await options.route.authorise(request, ['terminal']);
    const { memberId } = MemberPageLinkQuery.parse(request.query);
    if (!(await memberIsLive(db, who.chainId, memberId)))
      throw new CloudError(404, 'member_not_found', 'the chain has no such member (yet)');
    const token = await ensureToken(db, await secretOf(), who.chainId, memberId, now());
    return { url: memberPageUrl(options.publicUrl(), token) };
  });
}
