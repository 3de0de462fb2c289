/**
 * Every refusal the cloud gives is `{error: {code, message, field, text: {nb, en}}}`,
 * the framework's own included (unknown routes, wrong methods, bad URLs, bodies
 * that are not JSON or too large, oversized headers), and what no party may
 * store is refused at the edge, naming the field, before any route runs.
 */
import { expect, it } from 'vitest';
import { ROUTES } from '../src/sync/protocol';
import { expectErrorShape as expectShape, rawHttp as raw } from '../test/helpers/http-edge';
import { describeOnEachDatabase, request } from './test/cloud';
import type { TestCloud } from './test/cloud';

const BODY_LIMIT = 50_000;

const get = (path: string, headers = '') =>
  `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers}Connection: close\r\n\r\n`;

async function eventCount(cloud: TestCloud): Promise<number> {
  const rows = await cloud.server.database.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM events',
  );
  return Number(rows[0]?.n ?? 0);
}

describeOnEachDatabase(
  'errors in one shape',
  (cloud) => {
    it('an unknown route without a token: 404 not_found', async () => {
      expectShape(await request(cloud().url, 'GET', '/v1/nothing-here'), 404, 'not_found');
    });

    it('an unknown route with a valid token: 404 not_found', async () => {
      const till = await cloud().newTill();
      expectShape(await till.call('POST', '/v1/sync/nothing', {}), 404, 'not_found');
    });

    it('a path segment over 100 characters: 404 not_found in the shape', async () => {
      expectShape(await request(cloud().url, 'GET', `/v1/${'x'.repeat(300)}`), 404, 'not_found');
    });

    it('a bad %-encoding in the path: 400 invalid_url', async () => {
      expectShape(await raw(cloud().url, get('/v1/%E0%A4%A')), 400, 'invalid_url');
    });

    it('a body that is not JSON: 400 invalid_json', async () => {
      const till = await cloud().newTill();
      expectShape(
        await request(cloud().url, 'POST', ROUTES.push, {
          token: till.token,
          rawBody: '{"events": [',
        }),
        400,
        'invalid_json',
      );
    });

    it('a body of another content type: 415 unsupported_media_type', async () => {
      const response = await fetch(cloud().url + ROUTES.pair, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: 'storeCode=1',
      });
      expectShape(
        { status: response.status, body: await response.json() },
        415,
        'unsupported_media_type',
      );
    });

    it('a body over the limit: 413 body_too_large', async () => {
      const till = await cloud().newTill();
      expectShape(
        await request(cloud().url, 'POST', ROUTES.push, {
          token: till.token,
          rawBody: JSON.stringify({ events: ['x'.repeat(BODY_LIMIT)] }),
        }),
        413,
        'body_too_large',
      );
    });

    it("oversized headers, refused by Node's parser before Fastify: 431 headers_too_large", async () => {
      const answer = await raw(cloud().url, get(ROUTES.health, `X-Pad: ${'a'.repeat(20_000)}\r\n`));
      expectShape(answer, 431, 'headers_too_large');
    });

    it('a known path with the wrong method: 405 method_not_allowed with allow', async () => {
      const response = await fetch(cloud().url + ROUTES.push, { method: 'GET' });
      expect(response.headers.get('allow')).toBe('POST');
      expectShape(
        { status: response.status, body: await response.json() },
        405,
        'method_not_allowed',
      );
      expectShape(
        await request(cloud().url, 'DELETE', ROUTES.programme),
        405,
        'method_not_allowed',
      );
    });

    it('a refusal by a route keeps the shape: 401 unauthorized has text', async () => {
      expectShape(await request(cloud().url, 'GET', ROUTES.pull), 401, 'unauthorized');
    });

    it('a NUL in a pairing name is refused at the edge as invalid_text, naming the field', async () => {
      const store = await cloud().newStore();
      const answer = await request(cloud().url, 'POST', ROUTES.pair, {
        body: { storeCode: store.storeCode, terminalName: 'Kasse\u00001' },
      });
      expectShape(answer, 400, 'invalid_text', 'terminalName');
      // Not paired: the same name, well-formed, pairs as the first terminal.
      const paired = await cloud().pair(store.storeCode, 'Kasse 1');
      expect(paired.pairing.terminalId).toBeTruthy();
    });

    it('a lone surrogate (JSON escape \\ud800) in a key or value is refused as invalid_text', async () => {
      const admin = await cloud().server.admin.addAdminToken((await cloud().newStore()).chain);
      for (const rawBody of [
        '{"programme": {"name": "Ann\\ud800e"}}',
        '{"programme": {"n\\udc00": 1}}',
      ]) {
        const answer = await request(cloud().url, 'PUT', ROUTES.programme, {
          token: admin,
          rawBody,
        });
        expect(answer.status).toBe(400);
        expect((answer.body as { error: { code: string } }).error.code).toBe('invalid_text');
      }
    });

    it('numbers beyond 2^53 and nesting too deep are refused before the route runs', async () => {
      const chain = (await cloud().newStore()).chain;
      const admin = await cloud().server.admin.addAdminToken(chain);
      const before = await eventCount(cloud());
      const big = await request(cloud().url, 'PUT', ROUTES.programme, {
        token: admin,
        rawBody: '{"programme": {"points": {"earnRate": 1e300}}}',
      });
      expectShape(big, 400, 'unsafe_number', 'programme.points.earnRate');
      let deep: unknown = 1;
      for (let i = 0; i < 100; i++) deep = [deep];
      const nested = await request(cloud().url, 'PUT', ROUTES.programme, {
        token: admin,
        body: { programme: deep },
      });
      expect(nested.status).toBe(400);
      expect((nested.body as { error: { code: string } }).error.code).toBe('too_deep');
      expect(await eventCount(cloud())).toBe(before);
    });

    it('a NUL in a query string is refused as invalid_text naming the query field', async () => {
      const till = await cloud().newTill();
      expectShape(
        await till.call('GET', `${ROUTES.memberLookup}?memberNumber=12%00`),
        400,
        'invalid_text',
        'query.memberNumber',
      );
    });
  },
  { limits: { bodyLimitBytes: BODY_LIMIT } },
);
