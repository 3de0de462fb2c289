/**
 * The reference cloud server: Fastify over the cloud database. Tests and
 * benchmarks start it in-process with `startCloudServer`; `npm run cloud`
 * starts it from the command line (main.ts).
 */
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import {
  DEFAULT_BODY_LIMIT_BYTES,
  MAX_EVENTS_PER_PUSH,
  MAX_PULL_LIMIT,
  PROTOCOL_VERSION,
  ROUTES,
} from '../src/sync/protocol';
import type { HealthResponse } from '../src/sync/protocol';
import { RouteTable } from '../src/http-edge/edge';
import { addOwner, resetLinkFor } from './accounts/admin';
import type { Account } from './accounts/accounts';
import { linkUrl } from './accounts/links';
import { LoginGate } from './accounts/login';
import type { LoginOptions } from './accounts/login';
import type { DeliverAccountLink } from './backoffice/context';
import { BO_RPC_PREFIX } from '../src/contract/backoffice';
import { registerBackofficeRpc } from './backoffice/rpc';
import { registerBackofficePage } from './backoffice/static';
import { addAdminToken, addStore, listStores } from './chains';
import type { AddedStore, StoreListing } from './chains';
import type { Database } from './db/database';
import { openDatabase } from './db/open';
import type { PostgresOptions } from './db/postgres';
import { registerChainRoutes } from './http/chain-routes';
import { createRouteContext } from './http/context';
import type { CloudLimits } from './http/context';
import {
  checkJsonAtEdge,
  clientErrorHandler,
  CloudError,
  errorHandler,
  notFoundHandler,
} from './http/errors';
import {
  Announcer,
  DEFAULT_ANNOUNCEMENT_HEARTBEAT_MS,
  registerAnnouncementRoute,
} from './http/announce';
import { registerCloudDocument } from './http/openapi';
import { registerSnapshotRoutes } from './http/snapshot-routes';
import { registerSyncRoutes } from './http/sync-routes';
import { registerMemberPageRoutes } from './member-page/routes';
import { checkMemberPageSecret, memberPageSecretSource } from './member-page/tokens';
import { registerMessagingRoutes } from './messaging/routes';
import { openMessaging, runSender } from './messaging/sender';
import { runAutomationLoop } from './automations/run';
import { JoinRequests } from './self-enrol/join-requests';
import { registerSelfEnrolRoutes } from './self-enrol/routes';
import type { Messaging, MessagingConfig } from './messaging/sender';

export type { CloudLimits } from './http/context';

export const DEFAULT_PORT = 4790;
/** How long close() lets requests in flight finish before it closes their connections. */
const CLOSE_GRACE_MS = 2_000;
/** How often the automations look for a chain whose day's run is due (cloud/automations/run.ts). */
const AUTOMATIONS_INTERVAL_MS = 5 * 60_000;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_DATA_DIR = './.lojal-cloud';
/** The back office's build (`npm run build:backoffice`). */
export const DEFAULT_BACKOFFICE_DIR = fileURLToPath(new URL('../dist-backoffice', import.meta.url));

export const DEFAULT_LIMITS: CloudLimits = {
  bodyLimitBytes: DEFAULT_BODY_LIMIT_BYTES,
  maxEventsPerPush: MAX_EVENTS_PER_PUSH,
  maxPullLimit: MAX_PULL_LIMIT,
  // A till pushes after sales and pulls every few seconds; catching up pages quickly.
  perToken: { capacity: 120, refillPerSecond: 20 },
  // Pairing and bad tokens: enough for a shop setting up its tills, too slow to guess codes.
  perAddress: { capacity: 20, refillPerSecond: 0.5 },
};

export interface CloudServerOptions {
  /** Default 4790; 0 = any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** PostgreSQL connection string; without it the embedded database in `dataDir` is used. */
  databaseUrl?: string;
  /** PGlite's data folder (default ./.lojal-cloud). */
  dataDir?: string;
  /** PostgreSQL pool size and how long a request waits for a connection or a lock before 503. */
  postgres?: PostgresOptions;
  limits?: Partial<CloudLimits>;
  /**
   * The origin people open the back office at (https://lojal.example.no): the
   * links are made under it, requests must come from it (Origin), and its
   * cookies are Secure when it is https. Default: this server's own http
   * address (loopback).
   */
  publicUrl?: string;
  /** The back office's build; default dist-backoffice/ (null: none served). */
  backofficeDir?: string | null;
  /** Back-office log-ins: scrypt's cost (tests lower it) and the per-client-address throttle. */
  accounts?: LoginOptions;
  /**
   * Delivers one-time links (a reset asked for on the log-in page, an
   * invitation) to their person; none yet (no SMTP): reset requests are then
   * only noted in the log, and invitations' links are shown to the owner.
   */
  deliverAccountLink?: DeliverAccountLink;
  /** Between the spaces a held announcement request gets (default 5 s; tests behind a fussy proxy lower it). */
  announcementHeartbeatMs?: number;
  /**
   * SMS and e-mail to members (cloud/messaging): providers, secret, and the
   * sender loop (`sender: { intervalMs }`; tests leave it off and call
   * `sendDue`). None: no messaging routes, nothing sent.
   */
  messaging?: MessagingConfig | null;
  /**
   * Self-enrolment's join codes: how long one lives (default 10 minutes) and the clock they
   * expire by (default the server's; tests move their own past the expiry instead of sleeping).
   */
  selfEnrol?: { ttlMs?: number; now?: () => number };
  /**
   * Signs the member page's links (LOJAL_MEMBER_PAGE_SECRET, at least 32 characters): servers
   * sharing a database with the same secret make and take the same links. Default: a secret
   * made once and kept in the database.
   */
  memberPageSecret?: string;
}

/** Admin commands against the running server's database (tests and benchmarks set up chains with these). */
export interface CloudAdmin {
  addStore(chain: string, store: string): Promise<AddedStore>;
  listStores(): Promise<StoreListing[]>;
  addAdminToken(chain: string, label?: string): Promise<string>;
  /** The chain's owner in the back office (the command line's add-owner) and the link that sets the password. */
  addOwner(chain: string, email: string, name: string): Promise<{ account: Account; link: string }>;
  /** A password reset link (the command line's reset-password). */
  resetLink(email: string): Promise<string>;
}

export interface RunningCloudServer {
  url: string;
  port: number;
  /** Where the back office is opened (its links are made under it). */
  publicUrl: string;
  database: Database;
  /** The messaging services when configured (tests call `sendDue(database, messaging)`). */
  messaging: Messaging | null;
  admin: CloudAdmin;
  close(): Promise<void>;
}

export async function startCloudServer(
  options: CloudServerOptions = {},
): Promise<RunningCloudServer> {
  // A bad secret stops the start before anything is opened.
  if (options.memberPageSecret !== undefined) checkMemberPageSecret(options.memberPageSecret);
  const limits: CloudLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const now = () => Date.now();
  const db = await openDatabase({
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir ?? DEFAULT_DATA_DIR,
    postgres: options.postgres,
  });
  // No request logging: URLs carry phone numbers and headers carry tokens.
  // Fastify's own errors (bad URL, too long a path parameter, oversized headers) answer in our shape too.
  const onError = errorHandler(limits.bodyLimitBytes);
  const app = Fastify({
    logger: false,
    bodyLimit: limits.bodyLimitBytes,
    return503OnClosing: true,
    frameworkErrors: onError,
    clientErrorHandler,
  });
  const ctx = createRouteContext(db, limits, now);

  app.setErrorHandler(onError);
  // JSON only: a text/plain body is 415, not a string a route would half-read.
  app.removeContentTypeParser('text/plain');
  const routeTable = new RouteTable();
  app.addHook('onRoute', (route) => routeTable.add(route.method, route.url));
  app.setNotFoundHandler(notFoundHandler(routeTable));
  // Nothing no party may store reaches a route; a push's events are checked one by one.
  const checkedPerEvent = new Set(['events']);
  const none = new Set<string>();
  app.addHook('preValidation', async (request) =>
    checkJsonAtEdge(request, request.routeOptions.url === ROUTES.push ? checkedPerEvent : none),
  );
  app.addHook('onSend', async (_request, reply, payload) => {
    // The back office's built assets say their own (cloud/backoffice/static.ts); nothing else is cached.
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    reply.header('x-content-type-options', 'nosniff');
    return payload;
  });

  app.get(ROUTES.health, async (): Promise<HealthResponse> => {
    try {
      await db.query('SELECT 1');
    } catch {
      throw new CloudError(503, 'unavailable', 'the cloud database does not answer', null, {
        'retry-after': '5',
      });
    }
    return { status: 'ok', protocolVersion: PROTOCOL_VERSION, database: db.kind, time: now() };
  });
  // New events announced to the chain's tills that wait for them (http/announce.ts).
  const announcer = new Announcer(db);
  registerSyncRoutes(app, ctx, (chainId, terminalId) => announcer.changed(chainId, terminalId));
  registerSnapshotRoutes(app, ctx);
  registerAnnouncementRoute(app, ctx, announcer, {
    heartbeatMs: options.announcementHeartbeatMs ?? DEFAULT_ANNOUNCEMENT_HEARTBEAT_MS,
  });
  // Writes of the back office (a merge, staff, a programme saved): whichever chain waits looks.
  app.addHook('onResponse', async (request, reply) => {
    if (request.method === 'GET' || request.method === 'HEAD' || reply.statusCode >= 400) return;
    const url = request.routeOptions.url ?? '';
    if (url === ROUTES.programme || url.startsWith(BO_RPC_PREFIX)) announcer.changedSomewhere();
  });
  // Held requests would keep close() waiting for their hold: answer them first.
  app.addHook('preClose', async () => announcer.close());
  registerChainRoutes(app, ctx);
  registerCloudDocument(app);

  // The back office: its command map and its page (known once the server listens: its address).
  let publicUrl = options.publicUrl ? new URL(options.publicUrl).origin : '';
  let origins: ReadonlySet<string> = new Set();
  const gate = new LoginGate(db, options.accounts);
  const memberPageSecret = memberPageSecretSource(db, options.memberPageSecret);
  registerBackofficeRpc(app, {
    services: {
      db,
      gate,
      passwordCost: gate.passwordCost,
      publicUrl: () => publicUrl,
      deliverLink: options.deliverAccountLink ?? null,
      messagingChannels: () => ({
        sms: !!options.messaging?.sms,
        email: !!options.messaging?.email,
      }),
      memberPageSecret,
    },
    now,
    origins: () => origins,
    secureCookies: () => publicUrl.startsWith('https:'),
  });
  const messaging = options.messaging
    ? await openMessaging(db, options.messaging, () => publicUrl, memberPageSecret)
    : null;
  if (messaging) registerMessagingRoutes(app, db, messaging, now);
  // Self-enrolment from a till's join QR (cloud/self-enrol): a new member's tills are told at once.
  registerSelfEnrolRoutes(app, {
    db,
    ctx,
    now: options.selfEnrol?.now ?? now,
    publicUrl: () => publicUrl,
    onEnrolled: (chainId) => announcer.changed(chainId, null),
    requests: new JoinRequests(options.selfEnrol?.ttlMs),
  });
  // The member's own page (/m/<token>) and the link a paired till prints on a receipt.
  registerMemberPageRoutes(app, {
    db,
    route: ctx,
    publicUrl: () => publicUrl,
    now,
    secret: memberPageSecret,
  });
  registerBackofficePage(
    app,
    options.backofficeDir === undefined ? DEFAULT_BACKOFFICE_DIR : options.backofficeDir,
  );

  const host = options.host ?? DEFAULT_HOST;
  try {
    await app.listen({ port: options.port ?? DEFAULT_PORT, host });
  } catch (error) {
    await db.close();
    throw error;
  }
  const address = app.server.address();
  const port =
    typeof address === 'object' && address !== null ? address.port : (options.port ?? DEFAULT_PORT);
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const ownUrl = `http://${urlHost}:${port}`;
  publicUrl ||= ownUrl;
  origins = new Set([publicUrl, ownUrl, `http://localhost:${port}`, `http://127.0.0.1:${port}`]);
  const senderOptions = options.messaging?.sender;
  const sender =
    messaging && senderOptions
      ? runSender(db, messaging, {
          intervalMs: senderOptions.intervalMs,
          // The message only: a provider's error text never holds its password (sms.ts).
          onError: (error) =>
            console.error(`lojal-cloud: sending failed: ${(error as Error).message}`),
        })
      : null;
  // Automations put their messages in the outbox the sender sends from: they run beside it.
  const automations = sender
    ? runAutomationLoop(db, {
        intervalMs: AUTOMATIONS_INTERVAL_MS,
        onError: (error) =>
          console.error(`lojal-cloud: automations failed: ${(error as Error).message}`),
      })
    : null;

  let closing: Promise<void> | null = null;
  return {
    url: ownUrl,
    port,
    publicUrl,
    database: db,
    messaging,
    admin: {
      addStore: (chain, store) => addStore(db, { chain, store }, now()),
      listStores: () => listStores(db),
      addAdminToken: async (chain, label = 'admin') =>
        (await addAdminToken(db, { chain, label }, now())).token,
      addOwner: async (chain, email, name) => {
        const added = await addOwner(db, { chain, email, name }, now());
        return { account: added.account, link: linkUrl(publicUrl, 'invite', added.link.token) };
      },
      resetLink: async (email) =>
        linkUrl(publicUrl, 'reset', (await resetLinkFor(db, email, now())).link.token),
    },
    close() {
      closing ??= (async () => {
        // Held announcements are answered first (preClose); a connection still open after the
        // grace (a kept-alive one a proxy never closed) would keep close() waiting for its timeout.
        const force = setTimeout(() => app.server.closeAllConnections(), CLOSE_GRACE_MS);
        try {
          await automations?.stop();
          await sender?.stop();
          messaging?.close();
          await app.close();
        } finally {
          clearTimeout(force);
          await db.close();
        }
      })();
      return closing;
    },
  };
}
