/**
 * Self-enrolment's HTTP doors:
 *  - POST /v1/join-requests      a paired till asks for a join request (its terminal,
 *                                store and open basket); answers the public URL for its QR;
 *  - GET  /v1/join-requests/:id  the till reads its request's outcome (it polls while
 *                                the QR is up: see src/service/join.ts for why polling);
 *  - GET  /j/:code               the customer's phone: the form;
 *  - POST /j/:code               the form sent: the member enrolled (or found), once.
 *
 * The public pages are rate-limited per address, take at most 4 KB of form,
 * and refuse a post without the form's own anti-forgery value or from another
 * site (Origin). They answer HTML with a strict content policy and no referrer
 * to another site (the code is in the URL).
 */
import { z } from 'zod';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Profile } from '../../src/core/events';
import type { Locale, Msg } from '../../src/core/i18n';
import { selfEnrolWords as words } from '../../src/core/self-enrol-words';
import { normalisePhone } from '../../src/core/phone';
import { msg } from '../../src/core/i18n';
import { says, saidText } from '../../src/core/schema-messages';
import { JOIN_ROUTES, JoinStartRequest } from '../../src/sync/protocol';
import type { JoinStartResponse, JoinStatusResponse } from '../../src/sync/protocol';
import type { Database } from '../db/database';
import type { RouteContext } from '../http/context';
import { CloudError } from '../http/errors';
import { programmeInForce } from '../programme';
import { RateLimiter } from '../rate-limit';
import type { BucketSettings } from '../rate-limit';
import { enrolSelf, NumbersExhausted } from './enrol';
import { acceptForms, asPage, escapeHtml, fromOwnOrigin } from '../public-page';
import { EMPTY_FORM, formPage, localeOf, messagePage } from './form';
import type { FormProblems, FormValues } from './form';
import { JOIN_MAX_ATTEMPTS, JoinRequests, stateOf } from './join-requests';
import type { JoinRequest } from './join-requests';

/** A form of a phone number, a name and three boxes is a few hundred bytes. */
export const JOIN_FORM_BODY_LIMIT = 4 * 1024;
/** A customer opens the page, maybe corrects a typo, sends: a handful per person. */
export const JOIN_PER_ADDRESS: BucketSettings = { capacity: 30, refillPerSecond: 0.5 };
const CODE_FORMAT = /^[a-z2-9]{15}$/;

export interface SelfEnrolOptions {
  db: Database;
  ctx: RouteContext;
  now: () => number;
  /** The origin phones open (the server's public URL). */
  publicUrl: () => string;
  /** A member was written: the chain's tills are told (cloud/http/announce.ts). */
  onEnrolled?: (chainId: string) => void;
  perAddress?: BucketSettings;
  requests?: JoinRequests;
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function valuesOf(body: unknown): FormValues {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  return {
    phone: asText(b.phone).slice(0, 40),
    firstName: asText(b.firstName).slice(0, 200),
    emailAddress: asText(b.emailAddress).slice(0, 300),
    terms: b.terms === 'yes',
    sms: b.sms === 'yes',
    email: b.email === 'yes',
  };
}

/** The till's own rule for a member's e-mail (src/contract/commands/schemas.ts ProfileInput), which cloud may not import. */
const EmailAddress = z
  .string()
  .trim()
  .email(says(msg('contract.email')))
  .max(254);

/** What is wrong with the form, field by field (the phone as the till reads it). */
function problemsOf(values: FormValues): {
  problems: FormProblems;
  phoneE164: string | null;
  email: string | null;
} {
  const problems: FormProblems = {};
  const phone = normalisePhone(values.phone);
  if (!phone.ok) problems.phone = phone.reason;
  const firstName = values.firstName.trim();
  if (firstName !== '') {
    const parsed = Profile.shape.firstName.safeParse(firstName);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      problems.firstName = (issue && saidText(issue)) ?? words.failed();
    }
  }
  // Checked as the till checks the profile's e-mail; offers by e-mail need an address to go to.
  let email: string | null = null;
  if (values.emailAddress.trim() !== '') {
    const parsed = EmailAddress.safeParse(values.emailAddress);
    if (parsed.success) email = parsed.data;
    else {
      const issue = parsed.error.issues[0];
      problems.emailAddress = (issue && saidText(issue)) ?? words.failed();
    }
  } else if (values.email) problems.emailAddress = words.emailNeeded();
  if (!values.terms) problems.terms = words.termsRequired();
  return { problems, phoneE164: phone.ok ? phone.e164 : null, email };
}

export function registerSelfEnrolRoutes(
  app: FastifyInstance,
  options: SelfEnrolOptions,
): JoinRequests {
  const { db, ctx, now } = options;
  const requests = options.requests ?? new JoinRequests();
  const limiter = new RateLimiter(options.perAddress ?? JOIN_PER_ADDRESS);

  // ---- the till --------------------------------------------------------------

  app.post(JOIN_ROUTES.requests, async (request, reply): Promise<JoinStartResponse> => {
    const who = await ctx.authorise(request, ['terminal']);
    if (who.role !== 'terminal')
      throw new CloudError(403, 'forbidden', 'only terminals ask for join requests');
    const input = JoinStartRequest.parse(request.body);
    const opened = requests.open(who, input.basketId, now());
    if (!opened)
      throw new CloudError(
        503,
        'unavailable',
        'too many open join requests; try again soon',
        null,
        {
          'retry-after': '30',
        },
      );
    void reply.code(201);
    const base = options.publicUrl().replace(/\/+$/, '');
    return { requestId: opened.id, url: `${base}/j/${opened.code}`, expiresAt: opened.expiresAt };
  });

  app.get(JOIN_ROUTES.request, async (request): Promise<JoinStatusResponse> => {
    const who = await ctx.authorise(request, ['terminal']);
    if (who.role !== 'terminal')
      throw new CloudError(403, 'forbidden', 'only terminals read join requests');
    const id = String((request.params as { id?: unknown }).id ?? '');
    const found = requests.ofTerminal(id, who.terminalId);
    if (!found) throw new CloudError(404, 'not_found', 'this till has no such join request');
    return {
      requestId: found.id,
      basketId: found.basketId,
      state: stateOf(found, now()),
      expiresAt: found.expiresAt,
      member: found.outcome,
    };
  });

  // ---- the customer's phone ------------------------------------------------------

  void app.register(async (scope) => {
    acceptForms(scope, JOIN_FORM_BODY_LIMIT);

    const send = (reply: FastifyReply, status: number, html: string) =>
      asPage(reply.code(status)).send(html);

    const said = (
      reply: FastifyReply,
      status: number,
      locale: Locale,
      club: string | null,
      m: Msg,
      extra = '',
    ) => send(reply, status, messagePage(locale, club, m, status < 300, extra));

    const clubOf = async (join: JoinRequest) =>
      (await programmeInForce(db, join.chainId, { storeId: join.storeId, now: now() })).name;

    /** The request behind the URL, or the page that says why there is none. */
    const admit = async (
      request: FastifyRequest,
      reply: FastifyReply,
    ): Promise<{ join: JoinRequest; locale: Locale; path: string; club: string } | null> => {
      const locale = localeOf(request.query);
      const admission = limiter.take(request.ip);
      if (!admission.allowed) {
        void reply.header('retry-after', String(admission.retryAfterSeconds));
        await said(reply, 429, locale, null, words.busy());
        return null;
      }
      const code = String((request.params as { code?: unknown }).code ?? '');
      const join = CODE_FORMAT.test(code) ? requests.byPublicCode(code) : null;
      if (!join) {
        await said(reply, 404, locale, null, words.unknown());
        return null;
      }
      const club = await clubOf(join);
      const state = join.busy ? 'used' : stateOf(join, now());
      if (state !== 'open') {
        await said(reply, 410, locale, club, state === 'used' ? words.used() : words.expired());
        return null;
      }
      return { join, locale, path: `/j/${join.code}`, club };
    };

    const form = async (
      reply: FastifyReply,
      status: number,
      found: { join: JoinRequest; locale: Locale; path: string; club: string },
      values: FormValues,
      problems: FormProblems,
    ) => {
      const programme = await programmeInForce(db, found.join.chainId, {
        storeId: found.join.storeId,
        now: now(),
      });
      return send(
        reply,
        status,
        formPage({
          locale: found.locale,
          path: found.path,
          club: found.club,
          termsVersion: programme.termsVersion,
          termsText: programme.termsText,
          formToken: found.join.formToken,
          values,
          problems,
        }),
      );
    };

    scope.get(JOIN_ROUTES.form, async (request, reply) => {
      const found = await admit(request, reply);
      if (!found) return reply;
      return form(reply, 200, found, EMPTY_FORM, {});
    });

    scope.post(JOIN_ROUTES.form, { bodyLimit: JOIN_FORM_BODY_LIMIT }, async (request, reply) => {
      const found = await admit(request, reply);
      if (!found) return reply;
      const { join, locale, club } = found;
      const body = request.body as Record<string, unknown> | undefined;
      if (
        !fromOwnOrigin(request, options.publicUrl()) ||
        !requests.formTokenMatches(join, body?.form)
      ) {
        const again = `<p><a href="${found.path}?lang=${locale}">${escapeHtml(club)}</a></p>`;
        return said(reply, 403, locale, club, words.stale(), again);
      }
      const values = valuesOf(body);
      const { problems, phoneE164, email } = problemsOf(values);
      if (Object.keys(problems).length > 0 || phoneE164 === null) {
        join.attempts += 1;
        if (join.attempts >= JOIN_MAX_ATTEMPTS)
          return said(reply, 410, locale, club, words.expired());
        return form(reply, 400, found, values, problems);
      }
      join.busy = true;
      try {
        const firstName = values.firstName.trim();
        const outcome = await enrolSelf(
          db,
          {
            chainId: join.chainId,
            storeId: join.storeId,
            joinRequestId: join.id,
            phoneE164,
            firstName: firstName === '' ? null : firstName,
            email,
            consents: { sms: values.sms, email: values.email },
          },
          now(),
        );
        join.outcome = outcome;
        if (outcome.created) options.onEnrolled?.(join.chainId);
        const number = `<p class="number" data-member-number>${outcome.memberNumber}</p>`;
        return outcome.created
          ? said(reply, 201, locale, club, words.done(outcome.memberNumber), number)
          : said(reply, 200, locale, club, words.already());
      } catch (error) {
        if (!(error instanceof NumbersExhausted)) throw error;
        return form(reply, 503, found, values, { form: words.failed() });
      } finally {
        join.busy = false;
      }
    });
  });

  return requests;
}
