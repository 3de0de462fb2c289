/**
 * POST /bo/rpc/<name>: the back office's command map served (one route, JSON
 * in and out). In order, for every command:
 *
 * 1. The request must come from the back office's own page: its `Origin` is
 *    the cloud's public origin (or its own loopback address), or, when a
 *    browser sends no Origin, `Sec-Fetch-Site: same-origin`. Else 403
 *    `csrf_failed`. Why both this and the token below: the token is the
 *    defence; the Origin check also covers the commands that run before a
 *    session exists (a log-in made from another site would sign the victim
 *    into the attacker's account), and a body must be JSON (415 otherwise),
 *    which a cross-site form cannot send without a CORS preflight this cloud
 *    never grants.
 * 2. A command that needs an account needs a live session (the cookie):
 *    else 401 `not_signed_in` (and the stale cookie is cleared).
 * 3. Every such command but `session.get` (which hands it out) sends the
 *    session's CSRF token in `x-lojal-csrf`: else 403 `csrf_failed`.
 * 4. The account's role: else 403 `forbidden`.
 * 5. The input, by the declaration's schema: else 400 `invalid_request`
 *    naming the field, in the schema's own words.
 * 6. The handler, with a context of the declaration's scope.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { BO_COMMANDS, BO_RPC_PREFIX, CSRF_HEADER } from '../../src/contract/backoffice';
import type { BoCommandName } from '../../src/contract/backoffice';
import type { BoCommandDefinition } from '../../src/contract/backoffice/define';
import { accountById } from '../accounts/accounts';
import { csrfTokenMatches, liveSession } from '../accounts/sessions';
import { DatabaseBusyError } from '../db/database';
import { RateLimiter } from '../rate-limit';
import { clearSessionCookie, sessionIdFrom, setSessionCookie } from './cookies';
import type { BackofficeServices, PublicContext, SessionCookie, SignedContext } from './context';
import { BoError, invalidInput, sendBoError } from './errors';
import { BO_HANDLERS } from './handlers';
import { Scope } from './scope';

export interface BackofficeRouteOptions {
  services: BackofficeServices;
  now: () => number;
  /** The origins the back office's page is served from (known once the server listens). */
  origins: () => ReadonlySet<string>;
  /** Cookies are Secure (and `__Host-`) when the public origin is https. */
  secureCookies: () => boolean;
}

const RANK = { store_manager: 1, owner: 2 } as const;

/** Requests of commands that need no session, per client address: links and reset requests. */
const PUBLIC_PER_ADDRESS = { capacity: 30, refillPerSecond: 0.5 };

function fromOwnPage(request: FastifyRequest, origins: ReadonlySet<string>): boolean {
  const origin = request.headers.origin;
  if (typeof origin === 'string') return origins.has(origin);
  return request.headers['sec-fetch-site'] === 'same-origin';
}

function isCommand(name: string): name is BoCommandName {
  return Object.prototype.hasOwnProperty.call(BO_COMMANDS, name);
}

export function registerBackofficeRpc(app: FastifyInstance, options: BackofficeRouteOptions): void {
  const { services } = options;
  const publicRequests = new RateLimiter(PUBLIC_PER_ADDRESS);

  app.post<{ Params: { name: string } }>(`${BO_RPC_PREFIX}:name`, async (request, reply) => {
    try {
      return await run(request, reply);
    } catch (error) {
      if (error instanceof BoError) return sendBoError(reply, error);
      if (error instanceof DatabaseBusyError)
        return sendBoError(
          reply,
          new BoError('unavailable', error.message, null, null, error.retryAfterSeconds),
        );
      throw error;
    }
  });

  async function run(
    request: FastifyRequest<{ Params: { name: string } }>,
    reply: FastifyReply,
  ): Promise<unknown> {
    const name = request.params.name;
    if (!isCommand(name)) throw new BoError('not_found', `no back-office command ${name}`);
    const definition: BoCommandDefinition = BO_COMMANDS[name];
    if (!fromOwnPage(request, options.origins()))
      throw new BoError('csrf_failed', 'the request did not come from the back office page');
    const now = options.now();
    const secure = options.secureCookies();
    const cookie: SessionCookie = {
      open: (session) => setSessionCookie(reply, secure, session.sessionId, session.expiresAt, now),
      close: () => clearSessionCookie(reply, secure),
    };
    const parse = (body: unknown) => {
      const parsed = definition.input.safeParse(body ?? {});
      if (!parsed.success) throw invalidInput(parsed.error.issues);
      return parsed.data;
    };
    const handler = BO_HANDLERS[name] as (input: unknown, ctx: unknown) => Promise<unknown>;

    if (definition.scope === 'public') {
      if (name !== 'session.logIn') {
        // The log-in has its own throttle (per typed address and per client).
        const admitted = publicRequests.take(request.ip);
        if (!admitted.allowed)
          throw new BoError(
            'throttled',
            'too many requests',
            null,
            null,
            admitted.retryAfterSeconds,
          );
      }
      const ctx: PublicContext = {
        services,
        db: services.db,
        now,
        clientAddress: request.ip,
        cookie,
      };
      return handler(parse(request.body), ctx);
    }

    const sessionId = sessionIdFrom(request, secure);
    const live = sessionId ? await liveSession(services.db, sessionId, now) : null;
    const account = live ? await accountById(services.db, live.accountId) : null;
    if (!sessionId || !live || !account || account.disabled) {
      if (sessionId) cookie.close();
      throw new BoError('not_signed_in', 'log in first (no live session)');
    }
    if (definition.csrf !== false) {
      const sent = request.headers[CSRF_HEADER];
      if (!csrfTokenMatches(sessionId, typeof sent === 'string' ? sent : undefined))
        throw new BoError('csrf_failed', `send the session's CSRF token in ${CSRF_HEADER}`);
    }
    if (definition.role === 'owner' && RANK[account.role] < RANK.owner)
      throw new BoError('forbidden', `${name} is for the chain's owners`);
    const ctx: SignedContext = {
      services,
      db: services.db,
      now,
      account,
      scope: new Scope(account),
      session: { id: sessionId, expiresAt: live.expiresAt },
      cookie,
    };
    return handler(parse(request.body), ctx);
  }
}
