/**
 * The back office's page, built by Vite (`npm run build:backoffice` →
 * dist-backoffice/), served at /bo/: its hashed assets for a year, and
 * index.html (never cached) for every other path under /bo/, so a bookmarked
 * link (/bo/butikker) opens the app at that page. /bo/rpc/* is the API
 * (POST only). Without a build the paths answer 503 saying how to build it.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { BO_RPC_PREFIX } from '../../src/contract/backoffice/define';
import { CloudError } from '../http/errors';

export const BO_PREFIX = '/bo/';

/** The page's own policy: its scripts and styles only, no frames, no form posts elsewhere. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function pageHeaders(reply: FastifyReply): FastifyReply {
  return (
    reply
      .header('content-security-policy', CONTENT_SECURITY_POLICY)
      .header('x-frame-options', 'DENY')
      // The page's address may hold a link's token (in its fragment, never sent); send no referrer at all.
      .header('referrer-policy', 'no-referrer')
      .header('cross-origin-opener-policy', 'same-origin')
  );
}

export function registerBackofficePage(app: FastifyInstance, dir: string | null): void {
  const root = dir ? resolve(dir) : null;
  const built = root !== null && existsSync(join(root, 'index.html'));

  app.get('/bo', async (_request, reply) => reply.redirect(BO_PREFIX, 308));
  if (built) void app.register(fastifyStatic, { root: root!, serve: false });

  app.get<{ Params: { '*': string } }>(`${BO_PREFIX}*`, async (request, reply) => {
    const path = request.params['*'] ?? '';
    if (`${BO_PREFIX}${path}`.startsWith(BO_RPC_PREFIX)) {
      throw new CloudError(405, 'method_not_allowed', `${BO_PREFIX}${path} takes POST only`, null, {
        allow: 'POST',
      });
    }
    if (!built) {
      throw new CloudError(
        503,
        'unavailable',
        'the back office is not built: run npm run build:backoffice, then start the cloud again',
      );
    }
    const last = path.split('/').at(-1) ?? '';
    if (!last.includes('.')) {
      // A page of the app (its router reads the path): the app itself.
      return pageHeaders(reply)
        .header('cache-control', 'no-cache')
        .sendFile('index.html', { cacheControl: false });
    }
    // Hashed by the build: a new build has new names, so these never change.
    const hashed = path.startsWith('assets/');
    reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    return reply.sendFile(path, { cacheControl: false });
  });
}
