/**
 * The own-origin check of the public pages' forms (member page, self-enrolment)
 * on a real Fastify: the Origin must be the page's own scheme and host, the
 * request's as Fastify sees it, or the deployment's public address; the same
 * host under another scheme is another origin.
 */
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromOwnOrigin } from './public-page';

describe('a form from our own origin', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = Fastify();
    app.post('/form', async (request) => ({
      own: fromOwnOrigin(request, (request.query as { public?: string }).public ?? ''),
    }));
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
  });

  const own = async (host: string, origin: string | undefined, publicUrl?: string) => {
    const answer = await app.inject({
      method: 'POST',
      url: '/form',
      query: publicUrl === undefined ? {} : { public: publicUrl },
      headers: { host, ...(origin === undefined ? {} : { origin }) },
    });
    return (answer.json() as { own: boolean }).own;
  };

  it('takes the request’s own scheme and host, and refuses the same host under another scheme', async () => {
    expect(await own('127.0.0.1:8080', 'http://127.0.0.1:8080')).toBe(true);
    expect(await own('127.0.0.1:8080', 'https://127.0.0.1:8080')).toBe(false);
    expect(await own('127.0.0.1:8080', 'http://127.0.0.1:8081')).toBe(false);
    expect(await own('127.0.0.1:8080', 'https://evil.example')).toBe(false);
    expect(await own('127.0.0.1:8080', 'null')).toBe(false);
    expect(await own('127.0.0.1:8080', 'not a url')).toBe(false);
    // No Origin (an older browser): taken, the form token still guards it.
    expect(await own('127.0.0.1:8080', undefined)).toBe(true);
  });

  it('behind a proxy at an https public address, takes only https at that host', async () => {
    const publicUrl = 'https://lojal.example.no';
    // Fastify sees http from the proxy; the browser's page was https.
    expect(await own('lojal.example.no', 'https://lojal.example.no', publicUrl)).toBe(true);
    expect(await own('lojal.example.no', 'http://lojal.example.no', publicUrl)).toBe(false);
    expect(await own('lojal.example.no', 'https://evil.example', publicUrl)).toBe(false);
    // The server's own loopback address still serves its own pages.
    expect(await own('127.0.0.1:8080', 'http://127.0.0.1:8080', publicUrl)).toBe(true);
    expect(await own('127.0.0.1:8080', 'http://lojal.example.no', publicUrl)).toBe(false);
  });
});
