/**
 * Browser mode: one Fastify server on 127.0.0.1 serving the built UI, the UI's
 * `/rpc` transport, the `/ws` notification push and the `/api/v1` integration
 * API. It holds no logic of its own; every request ends in `TillService.call`.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import { msg } from '../core/i18n';
import { RouteTable } from '../http-edge/edge';
import type { TillService } from '../service/types';
import { apiTokenPath, ensureApiToken } from './api-token';
import { registerApiRoutes } from './api-routes';
import {
  clientErrorHandler,
  failure,
  jsonProblemFailure,
  routeNotFound,
  toHttpFailure,
} from './errors';
import { registerNotificationSocket } from './notification-socket';
import { registerApiDocument } from './openapi';
import { registerRpcRoutes } from './rpc-routes';

/** Only loopback: the till's API is for this machine, never the shop's network. */
export const HOST_ADDRESS = '127.0.0.1';
export const DEFAULT_PORT = 4780;

export interface HostOptions {
  service: TillService;
  /** Holds the `api-token` file (created on first start). */
  dataDir: string;
  /** 0 = any free port. */
  port: number;
  /** The built UI (`dist/`); null or missing = API only. */
  uiDir: string | null;
}

export interface RunningHost {
  url: string;
  port: number;
  apiTokenPath: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/**
 * A page on another site can point its own host name at 127.0.0.1 (DNS
 * rebinding) and then talk to us as "same origin". Refusing any Host header but
 * our own loopback names closes that door, e.g. to PIN guessing via /rpc.
 */
function isLoopbackHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  return hostHeader === `${HOST_ADDRESS}:${port}` || hostHeader === `localhost:${port}`;
}

function registerUi(app: FastifyInstance, uiDir: string | null): void {
  const root = uiDir ? resolve(uiDir) : null;
  if (root && existsSync(join(root, 'index.html'))) {
    void app.register(fastifyStatic, { root, prefix: '/', index: 'index.html' });
    return;
  }
  app.get('/', async (_request, reply) => {
    const refused = failure(503, 'ui_not_built', msg('host.uiNotBuilt'));
    return reply.code(refused.status).send(refused.body);
  });
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const apiToken = ensureApiToken(options.dataDir);
  // No request logging: URLs and headers may carry member data and tokens.
  const app = Fastify({
    logger: false,
    bodyLimit: 5 * 1024 * 1024,
    // Fastify's own refusals (a bad %-encoding, a path parameter over 100
    // characters, oversized headers) answer in the one error shape too.
    frameworkErrors: (error: unknown, _request: FastifyRequest, reply: FastifyReply) => {
      const failed = toHttpFailure(error);
      return reply.headers(SECURITY_HEADERS).code(failed.status).send(failed.body);
    },
    clientErrorHandler,
  });
  let boundPort = options.port;
  // JSON only: a text/plain body is 415, not a string a command would half-read.
  app.removeContentTypeParser('text/plain');
  const routeTable = new RouteTable();
  app.addHook('onRoute', (route) => {
    // A wildcard (the UI's static files) takes every path: it says nothing about methods.
    if (!route.url.includes('*')) routeTable.add(route.method, route.url);
  });

  app.addHook('onRequest', async (request, reply) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) reply.header(name, value);
    if (!isLoopbackHost(request.headers.host, boundPort)) {
      const refused = failure(421, 'wrong_host', msg('host.wrongHost'));
      return reply.code(refused.status).send(refused.body);
    }
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/rpc/') || request.url.startsWith('/api/')) {
      reply.header('cache-control', 'no-store');
    }
    return payload;
  });
  app.setErrorHandler((error, _request, reply) => {
    const failed = toHttpFailure(error);
    return reply.code(failed.status).send(failed.body);
  });
  app.setNotFoundHandler((request, reply) => {
    const { path, allow } = routeTable.miss(request.method, request.url);
    const failed = routeNotFound(request.method, path, allow);
    if (allow) reply.header('allow', allow.join(', '));
    return reply.code(failed.status).send(failed.body);
  });
  // What no party may store (a NUL, a lone surrogate, an unsafe number) is refused before any command runs.
  app.addHook('preValidation', async (request, reply) => {
    const refused = jsonProblemFailure(request);
    if (refused) return reply.code(refused.status).send(refused.body);
  });

  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
  registerNotificationSocket(app, options.service);
  registerRpcRoutes(app, options.service);
  registerApiRoutes(app, options.service, apiToken);
  registerApiDocument(app);
  registerUi(app, options.uiDir);

  await app.listen({ host: HOST_ADDRESS, port: options.port });
  const address = app.server.address();
  boundPort = typeof address === 'object' && address ? address.port : options.port;

  return {
    url: `http://${HOST_ADDRESS}:${boundPort}`,
    port: boundPort,
    apiTokenPath: apiTokenPath(options.dataDir),
    close: () => app.close(),
  };
}
