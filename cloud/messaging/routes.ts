/**
 * The public HTTP doors of messaging on the cloud:
 *  - /messaging/sms/report/<key>   the SMS provider's delivery reports (GET or POST);
 *  - /messaging/sms/inbound/<key>  replies to our SMS (STOPP withdraws SMS consent);
 *  - /u/<token>                    an e-mail's unsubscribe link: GET shows a page with one
 *                                  button, POST withdraws at once (also RFC 8058's one-click
 *                                  POST from the mail client). A GET alone changes nothing:
 *                                  mail scanners open links.
 * <key> is an HMAC of the server's secret (configured at the provider); <token>
 * is the message id and its HMAC. Neither is guessable; a wrong one is 404.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { normalisePhone } from '../../src/core/phone';
import { wordsFor } from '../member-page/page';
import type { PageWords } from '../member-page/page';
import {
  acceptForms,
  asPage,
  escapeHtml,
  requestLocale,
  publicPage,
  sameSecret,
} from '../public-page';
import type { Database } from '../db/database';
import { RateLimiter } from '../rate-limit';
import type { BucketSettings } from '../rate-limit';
import { withdrawConsent } from './optout';
import type { Channel } from './outbox';
import type { Messaging } from './sender';
import { callbackKey, readUnsubscribeToken } from './sender';
import type { CallbackParams, DeliveryReport } from './sms';
import { isStopRequest } from './sms';

function paramsOf(request: FastifyRequest): CallbackParams {
  const out: CallbackParams = {};
  for (const source of [request.query, request.body]) {
    if (!source || typeof source !== 'object') continue;
    for (const [k, v] of Object.entries(source as Record<string, unknown>))
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
        out[k] = String(v);
  }
  return out;
}

/**
 * Delivery reports move their messages forward only (sending or sent →
 * delivered or failed); a repeated, late or out-of-order one, an interim
 * status, or an unknown reference changes nothing. One statement for all the
 * reports given (the first of a reference counts). Returns the ids moved.
 */
export async function applyDeliveryReports(
  db: Database,
  reports: readonly DeliveryReport[],
  now: number,
): Promise<Set<string>> {
  const byRef = new Map<string, DeliveryReport>();
  for (const r of reports) if (r.delivered !== null && !byRef.has(r.ref)) byRef.set(r.ref, r);
  if (byRef.size === 0) return new Set();
  const list = [...byRef.values()];
  const rows = await db.query<{ id: string }>(
    `UPDATE outbox o SET state = r.state, provider_status = r.status,
            provider_id = coalesce(o.provider_id, r.provider_id),
            delivered_at = CASE WHEN r.state = 'delivered' THEN $1::bigint ELSE o.delivered_at END,
            failed_at = CASE WHEN r.state = 'failed' THEN $1::bigint ELSE o.failed_at END,
            updated_at = $1
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS r(id, state, status, provider_id)
      WHERE o.id = r.id AND o.state IN ('sending', 'sent') RETURNING o.id`,
    [
      now,
      list.map((r) => r.ref),
      list.map((r) => (r.delivered ? 'delivered' : 'failed')),
      list.map((r) => r.status),
      list.map((r) => r.providerId),
    ],
  );
  return new Set(rows.map((r) => r.id));
}

/**
 * Reports arriving together (a campaign's come by the thousand) written
 * together: each call waits for the statement that carries its report, so
 * the provider is answered only once its report is stored.
 */
class ReportWriter {
  private pending: DeliveryReport[] = [];
  private flush: Promise<void> | null = null;

  constructor(
    private readonly db: Database,
    private readonly now: () => number,
  ) {}

  apply(report: DeliveryReport): Promise<void> {
    this.pending.push(report);
    this.flush ??= new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
      const taken = this.pending;
      this.pending = [];
      this.flush = null;
      await applyDeliveryReports(this.db, taken, this.now());
    });
    return this.flush;
  }
}

/** The E.164 of a number as a provider writes it (4791234567, +4791234567, 91234567). */
export function phoneFromProvider(number: string): string | null {
  const digits = number.trim();
  const typed = /^\d{9,15}$/.test(digits) ? `+${digits}` : digits;
  const phone = normalisePhone(typed);
  return phone.ok ? phone.e164 : null;
}

/**
 * STOPP from a phone: SMS consent withdrawn for every member with that phone
 * whom the cloud has texted (in any chain that did), at once.
 */
export async function stopFromPhone(db: Database, phone: string, now: number): Promise<number> {
  const members = await db.query<{ chain_id: string; member_id: string }>(
    `SELECT DISTINCT m.chain_id, m.member_id FROM members m
       JOIN outbox o ON o.chain_id = m.chain_id AND o.member_id = m.member_id AND o.channel = 'sms'
      WHERE m.phone_e164 = $1 AND NOT m.erased`,
    [phone],
  );
  let withdrawn = 0;
  for (const m of members)
    if (await withdrawConsent(db, m.chain_id, m.member_id, 'sms', now)) withdrawn++;
  return withdrawn;
}

const PAGE_STYLE =
  'body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;font-size:1.1rem}' +
  'button{font-size:1.1rem;padding:.8rem 1.4rem;min-height:48px}';

/** An unsubscribe page: its title, a sentence, and what follows it (HTML). */
function page(words: PageWords, title: string, text: string, after = ''): string {
  return publicPage({
    locale: words.locale,
    title,
    style: PAGE_STYLE,
    body: `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>${after}`,
  });
}

/**
 * What a provider's callback or a one-click unsubscribe sends is a few hundred
 * bytes: these public routes take no more than this (the server's own limit is
 * megabytes), read before any key or token is checked.
 */
const CALLBACK_BODY_LIMIT = 16 * 1024;

/**
 * Per remote address. A wrong callback key is a guess (a few, then 429); the
 * provider's own calls with the right key come in bursts (a campaign's
 * reports), so they have a bucket of their own, wide enough for those. Only
 * unsubscribe tokens that match no message count: a scanner of tokens is
 * turned away, while the many people one mobile network puts behind one
 * address (CGNAT) open their own links unthrottled.
 */
export interface MessagingRouteLimits {
  keyGuesses: BucketSettings;
  providerCalls: BucketSettings;
  unsubscribe: BucketSettings;
}

export const MESSAGING_ROUTE_LIMITS: MessagingRouteLimits = {
  keyGuesses: { capacity: 10, refillPerSecond: 0.1 },
  providerCalls: { capacity: 5000, refillPerSecond: 1000 },
  unsubscribe: { capacity: 20, refillPerSecond: 0.2 },
};

/** 429; `request` given: the page a person sees, in their language. */
function tooMany(
  reply: FastifyReply,
  retryAfterSeconds: number,
  request?: FastifyRequest,
): FastifyReply {
  void reply.code(429).header('retry-after', String(retryAfterSeconds));
  if (!request) return reply.send({ error: 'rate_limited' });
  const words = wordsFor(requestLocale(request, reply));
  return asPage(reply).send(
    page(words, words.say('unsubscribe.tooMany.title'), words.say('unsubscribe.tooMany.text')),
  );
}

export function registerMessagingRoutes(
  app: FastifyInstance,
  db: Database,
  messaging: Messaging,
  now: () => number,
  limits: MessagingRouteLimits = MESSAGING_ROUTE_LIMITS,
): void {
  const guesses = new RateLimiter(limits.keyGuesses);
  const providerCalls = new RateLimiter(limits.providerCalls);
  const unsubscribes = new RateLimiter(limits.unsubscribe);
  const reports = new ReportWriter(db, now);
  void app.register(async (scope) => {
    // Providers and one-click unsubscribes post forms; only this scope reads them.
    acceptForms(scope, CALLBACK_BODY_LIMIT);
    const key = callbackKey(messaging);
    const checkKey = (request: FastifyRequest, reply: FastifyReply): boolean => {
      // Compared in constant time: the key is the routes' only credential.
      if (sameSecret((request.params as { key?: unknown }).key, key)) {
        const admission = providerCalls.take(request.ip);
        if (admission.allowed) return true;
        tooMany(reply, admission.retryAfterSeconds);
        return false;
      }
      // Only wrong keys count here: a guesser never slows the provider down.
      const admission = guesses.take(request.ip);
      if (!admission.allowed) tooMany(reply, admission.retryAfterSeconds);
      else void reply.code(404).send({ error: 'not_found' });
      return false;
    };

    const onReport = async (request: FastifyRequest, reply: FastifyReply) => {
      if (!checkKey(request, reply) || !messaging.sms) return reply;
      const report = messaging.sms.parseReport(paramsOf(request));
      // Always 200 once the key is right: a provider retries anything else for hours.
      if (report) await reports.apply(report);
      return reply.code(200).send({ ok: true });
    };
    scope.get('/messaging/sms/report/:key', onReport);
    scope.post('/messaging/sms/report/:key', { bodyLimit: CALLBACK_BODY_LIMIT }, onReport);

    const onInbound = async (request: FastifyRequest, reply: FastifyReply) => {
      if (!checkKey(request, reply) || !messaging.sms) return reply;
      const inbound = messaging.sms.parseInbound(paramsOf(request));
      if (inbound && isStopRequest(inbound.text)) {
        const phone = phoneFromProvider(inbound.from);
        if (phone) await stopFromPhone(db, phone, now());
      }
      return reply.code(200).send({ ok: true });
    };
    scope.get('/messaging/sms/inbound/:key', onInbound);
    scope.post('/messaging/sms/inbound/:key', { bodyLimit: CALLBACK_BODY_LIMIT }, onInbound);

    const messageOf = async (token: string) => {
      const id = readUnsubscribeToken(messaging, token);
      if (!id) return null;
      const [row] = await db.query<{ chain_id: string; member_id: string; channel: Channel }>(
        'SELECT chain_id, member_id, channel FROM outbox WHERE id = $1',
        [id],
      );
      return row ?? null;
    };
    /**
     * The token's message, or null with the reply sent: 404, or 429 once the address has
     * guessed too often. A token is a MAC checked before any read, so a link that is someone's
     * own is served whatever others behind the same address did.
     */
    const lookUp = async (request: FastifyRequest, reply: FastifyReply) => {
      const message = await messageOf((request.params as { token: string }).token);
      if (message) return message;
      const admission = unsubscribes.take(request.ip);
      if (!admission.allowed) tooMany(reply, admission.retryAfterSeconds, request);
      else {
        const words = wordsFor(requestLocale(request, reply));
        void asPage(reply.code(404)).send(
          page(
            words,
            words.say('unsubscribe.unknown.title'),
            words.say('unsubscribe.unknown.text'),
          ),
        );
      }
      return null;
    };
    scope.get('/u/:token', async (request, reply) => {
      const message = await lookUp(request, reply);
      if (!message) return reply;
      const words = wordsFor(requestLocale(request, reply));
      const channel = { channel: message.channel };
      return asPage(reply).send(
        page(
          words,
          words.say('unsubscribe.ask.title', channel),
          words.say('unsubscribe.ask.text', channel),
          `<form method="post"><button type="submit">${escapeHtml(words.say('unsubscribe.ask.button', channel))}</button></form>`,
        ),
      );
    });
    scope.post('/u/:token', { bodyLimit: CALLBACK_BODY_LIMIT }, async (request, reply) => {
      const message = await lookUp(request, reply);
      if (!message) return reply;
      await withdrawConsent(db, message.chain_id, message.member_id, message.channel, now());
      const words = wordsFor(requestLocale(request, reply));
      return asPage(reply).send(
        page(
          words,
          words.say('unsubscribe.done.title'),
          words.say('unsubscribe.done.text', { channel: message.channel }),
        ),
      );
    });
  });
}
