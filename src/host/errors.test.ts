/**
 * Every refusal the till's host gives, the framework's own included, is
 * `{error: {code, message, field, text: {nb, en, sv}, said}}`, over real HTTP against the
 * real service; and text no party may store is refused before any command runs.
 */
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectTillErrorShape as expectShape, rawHttp } from '../../test/helpers/http-edge';
import { DATABASE_FILE } from '../service/till-service';
import { apiTokenPath } from './api-token';
import { startLiveHost } from './test-host';
import type { LiveHost } from './test-host';

let live: LiveHost;
let token: string;

beforeAll(async () => {
  live = await startLiveHost();
  token = readFileSync(apiTokenPath(live.dataDir), 'utf8').trim();
});
afterAll(() => live.stop());

/** Sends bytes as they are (no client normalising the URL or headers) and reads the answer. */
const raw = (bytes: string) => rawHttp(live.host.url, bytes);

function request(
  method: string,
  path: string,
  options: { token?: string; body?: string; type?: string; headers?: string } = {},
): string {
  const lines = [`${method} ${path} HTTP/1.1`, `Host: 127.0.0.1:${live.host.port}`];
  if (options.token) lines.push(`Authorization: Bearer ${options.token}`);
  if (options.body !== undefined) {
    lines.push(`Content-Type: ${options.type ?? 'application/json'}`);
    lines.push(`Content-Length: ${Buffer.byteLength(options.body)}`);
  }
  lines.push('Connection: close');
  return `${lines.join('\r\n')}\r\n${options.headers ?? ''}\r\n${options.body ?? ''}`;
}

/** The event log as a digest: what a refusal must leave as it was. */
function eventLog(): string {
  const db = new Database(join(live.dataDir, DATABASE_FILE), { readonly: true });
  try {
    const row = db
      .prepare('SELECT count(*) AS n, coalesce(max(rowid), 0) AS last FROM events')
      .get() as { n: number; last: number };
    return `${row.n}/${row.last}`;
  } finally {
    db.close();
  }
}

describe('the framework’s own errors in the one shape', () => {
  it('an unknown route without a token: 404 not_found', async () => {
    expectShape(await raw(request('GET', '/api/v1/nothing-here')), 404, 'not_found');
    expectShape(await raw(request('GET', '/nothing/here')), 404, 'not_found');
  });

  it('an unknown route with the token: 404 not_found', async () => {
    expectShape(await raw(request('GET', '/api/v1/nothing-here', { token })), 404, 'not_found');
  });

  it('a path parameter over 100 characters: 414 path_too_long', async () => {
    const answer = await raw(request('GET', `/api/v1/members/${'m'.repeat(150)}`, { token }));
    expectShape(answer, 414, 'path_too_long');
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expectShape(
      await raw(request('POST', `/rpc/${'c'.repeat(101)}`, { body: '{}' })),
      414,
      'path_too_long',
    );
  });

  it('a bad %-encoding: 400 invalid_url', async () => {
    expectShape(
      await raw(request('GET', '/api/v1/members/%E0%A4%A', { token })),
      400,
      'invalid_url',
    );
  });

  it('a body that is not JSON: 400 invalid_json', async () => {
    expectShape(
      await raw(request('POST', '/api/v1/members', { token, body: '{"phone": ' })),
      400,
      'invalid_json',
    );
    expectShape(
      await raw(request('POST', '/rpc/status.get', { body: 'not json' })),
      400,
      'invalid_json',
    );
  });

  it('a body of another content type: 415 unsupported_media_type', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      expectShape(
        await raw(request('POST', '/api/v1/members', { token, body: 'phone=1', type })),
        415,
        'unsupported_media_type',
      );
    }
  });

  it('a body over the 5 MB limit: 413 body_too_large', async () => {
    const body = JSON.stringify({ phone: 'x'.repeat(5 * 1024 * 1024 + 10) });
    expectShape(
      await raw(request('POST', '/api/v1/members', { token, body })),
      413,
      'body_too_large',
    );
  });

  it("oversized headers, refused by Node's parser before Fastify: 431 headers_too_large", async () => {
    const answer = await raw(
      request('GET', '/api/v1/health', { headers: `X-Pad: ${'a'.repeat(20_000)}\r\n` }),
    );
    expectShape(answer, 431, 'headers_too_large');
  });

  it('oversized headers on a HEAD request: 431 without a body, so the client can read it', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: live.host.port,
          method: 'HEAD',
          path: '/api/v1/health',
          headers: { 'x-pad': 'a'.repeat(20_000) },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(431);
  });

  it('a known path with the wrong method: 405 method_not_allowed with allow', async () => {
    const members = await raw(request('PATCH', '/api/v1/members', { token, body: '{}' }));
    expectShape(members, 405, 'method_not_allowed');
    expect(members.headers.allow).toBe('POST');
    const rpc = await raw(request('GET', '/rpc/status.get'));
    expectShape(rpc, 405, 'method_not_allowed');
    expect(rpc.headers.allow).toBe('POST');
  });

  it('/ws over plain HTTP: 426 upgrade_required (the plugin alone answers an empty 404)', async () => {
    const answer = await raw(request('GET', '/ws'));
    expectShape(answer, 426, 'upgrade_required');
    expect(answer.headers.upgrade).toBe('websocket');
  });

  it('/ws as a WebSocket still authenticates and says ready', async () => {
    const login = await raw(request('POST', '/rpc/session.login', { body: '{"pin": "1111"}' }));
    const session = (login.body as { sessionToken: string }).sessionToken;
    // `ws` (under @fastify/websocket) ships no types; Node 20 has no global WebSocket.
    const WebSocket = createRequire(import.meta.url)('ws') as new (url: string) => {
      on(event: string, listener: (data: unknown) => void): void;
      send(data: string): void;
      close(): void;
    };
    const socket = new WebSocket(`ws://127.0.0.1:${live.host.port}/ws`);
    const first = await new Promise<string>((resolve, reject) => {
      socket.on('open', () => socket.send(JSON.stringify({ type: 'auth', token: session })));
      socket.on('message', (data) => resolve(String(data)));
      socket.on('error', reject);
    });
    socket.close();
    expect(JSON.parse(first)).toEqual({ type: 'ready' });
  });

  it('the UI when it is not built: 503 ui_not_built in the shape, saying how to build it', async () => {
    const answer = await raw(request('GET', '/'));
    expectShape(answer, 503, 'ui_not_built');
    expect((answer.body as { error: { text: { nb: string } } }).error.text.nb).toContain(
      'npm run build:ui',
    );
    expect((answer.body as { error: { text: { sv: string } } }).error.text.sv).toBe(
      'Kassaskärmen är inte byggd. Kör ”npm run build:ui” (npm start gör det åt dig).',
    );
  });

  it('a refusal by the service keeps the shape: 401 unauthorized, 404 unknown_command', async () => {
    expectShape(await raw(request('GET', '/api/v1/programme')), 401, 'unauthorized');
    const unknown = await raw(request('POST', '/rpc/no.such', { body: '{}' }));
    expectShape(unknown, 404, 'unknown_command');
    expect(unknown.body).toMatchObject({
      error: {
        message: 'There is no command called "no.such".',
        text: { sv: 'Det finns inget kommando som heter ”no.such”.' },
        said: { key: 'host.unknownCommand', params: { name: 'no.such' } },
      },
    });
  });
});

describe('text and numbers no party may store, refused at the edge', () => {
  it('enrolling "Ann\\ud800e" (a lone surrogate) via POST /api/v1/members: 400 invalid_text, nothing written', async () => {
    const before = eventLog();
    // The JSON escape as a host POS would send it: JSON.stringify keeps a lone surrogate escaped.
    const body = JSON.stringify({
      phone: '+47 412 34 999',
      acceptTerms: true,
      profile: { firstName: 'Ann\ud800e' },
    });
    expect(body).toContain('\\ud800');
    const answer = await raw(request('POST', '/api/v1/members', { token, body }));
    expectShape(answer, 400, 'invalid_text', 'profile.firstName');
    expect(eventLog()).toBe(before);
    const lookup = await raw(request('GET', '/api/v1/members/lookup?q=41234999', { token }));
    expect(lookup.body).toEqual({ member: null, via: null });
  });

  it('a NUL in a key, a number beyond 2^53 and nesting too deep: 400 before any command runs', async () => {
    const before = eventLog();
    expectShape(
      await raw(
        request('POST', '/api/v1/members', {
          token,
          body: '{"phone": "+4741234998", "acceptTerms": true, "note\\u0000": 1}',
        }),
      ),
      400,
      'invalid_text',
      'note\ufffd',
    );
    expectShape(
      await raw(
        request('POST', '/api/v1/sales', {
          token,
          body: '{"lines": [{"sku": "kanelbolle", "quantity": 1e400}], "paymentMethod": "cash", "idempotencyKey": "edge-0001"}',
        }),
      ),
      400,
      'unsafe_number',
      'lines.0.quantity',
    );
    expectShape(
      await raw(
        request('POST', '/rpc/session.login', {
          body: `{"pin": ${'['.repeat(60)}${']'.repeat(60)}}`,
        }),
      ),
      400,
      'too_deep',
      'pin.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0',
    );
    expectShape(
      await raw(request('GET', '/api/v1/members/lookup?q=4123%00', { token })),
      400,
      'invalid_text',
      'query.q',
    );
    expect(eventLog()).toBe(before);
  });
});

describe('the till refuses at its input what the cloud would refuse', () => {
  const sale = (extra: Record<string, unknown>, line: Record<string, unknown> = {}) =>
    JSON.stringify({
      lines: [{ sku: 'kanelbolle', quantity: 1, ...line }],
      paymentMethod: 'cash',
      idempotencyKey: `limits-${Math.random().toString(36).slice(2, 12)}`,
      ...extra,
    });

  it('POST /api/v1/sales with a 2 MB lineId: 400 naming lines.0.lineId, nothing committed', async () => {
    const before = eventLog();
    const answer = await raw(
      request('POST', '/api/v1/sales', {
        token,
        body: sale({}, { lineId: 'L'.repeat(2 * 1024 * 1024) }),
      }),
    );
    expectShape(answer, 400, 'invalid_input', 'lines.0.lineId');
    const said = (answer.body as { error: { text: { nb: string } } }).error.text.nb;
    expect(said).toContain('Linje');
    expect(said).toContain('100 tegn');
    expect(eventLog()).toBe(before);
  });

  it('figures beyond the limits every party holds: quantity, lines, points, coupon ids', async () => {
    const before = eventLog();
    const cases: Array<[string, string]> = [
      [sale({}, { quantity: 1000 }), 'lines.0.quantity'],
      [
        JSON.stringify({
          lines: Array.from({ length: 501 }, () => ({ sku: 'kanelbolle', quantity: 1 })),
          paymentMethod: 'cash',
          idempotencyKey: 'limits-many-lines',
        }),
        'lines',
      ],
      [sale({ selections: { pointsToRedeem: 2_000_000_000 } }), 'selections.pointsToRedeem'],
      [sale({ selections: { couponIds: ['c'.repeat(101)] } }), 'selections.couponIds.0'],
      [sale({ idempotencyKey: 'k'.repeat(101) }), 'idempotencyKey'],
    ];
    for (const [body, field] of cases) {
      expectShape(
        await raw(request('POST', '/api/v1/sales', { token, body })),
        400,
        'invalid_input',
        field,
      );
    }
    expect(eventLog()).toBe(before);
  });

  it('a NUL through the service itself (the desktop shell skips HTTP) is refused by the schema', async () => {
    const before = eventLog();
    await expect(
      live.service.call(
        'member.enrol',
        { phone: '+47 412 34 997', acceptTerms: true, profile: { firstName: 'Ann\u0000e' } },
        { role: 'system', staffId: null },
      ),
    ).rejects.toMatchObject({ code: 'invalid_input', field: 'profile.firstName' });
    expect(eventLog()).toBe(before);
  });
});
