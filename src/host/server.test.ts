/**
 * The host against the real service: loopback only, tokens on every door but
 * health, nothing done for a refused caller, errors as `{error}` with status.
 */
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokenPath } from './api-token';
import { API_ROUTES } from './api-routes';
import { startLiveHost } from './test-host';
import type { LiveHost } from './test-host';
import { readFileSync } from 'node:fs';

let live: LiveHost;
let token: string;

beforeAll(async () => {
  live = await startLiveHost();
  token = readFileSync(apiTokenPath(live.dataDir), 'utf8').trim();
});
afterAll(() => live.stop());

function url(path: string): string {
  return `${live.host.url}${path}`;
}

async function send(
  method: string,
  path: string,
  options: { token?: string | null; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(url(path), {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
}

/** Connect a raw TCP socket; resolves whether anything accepted it. */
function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('binding', () => {
  it('listens on 127.0.0.1 and nowhere else', async () => {
    expect(live.host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await canConnect('127.0.0.1', live.host.port)).toBe(true);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((i) => i && !i.internal && i.family === 'IPv4')
      .map((i) => i!.address);
    for (const address of others) expect(await canConnect(address, live.host.port)).toBe(false);
    // The IPv6 loopback is another address: not bound either.
    expect(await canConnect('::1', live.host.port)).toBe(false);
  });

  it('refuses a Host header that is not its own (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: live.host.port,
          path: '/api/v1/health',
          headers: { host: 'evil.example:80' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });
});

describe('/api/v1', () => {
  it('answers health without a token', async () => {
    expect(await send('GET', '/api/v1/health')).toEqual({
      status: 200,
      body: { ok: true, api: 'v1', app: 'lojal' },
    });
  });

  it('refuses every other route without the right token, before doing anything', async () => {
    for (const route of API_ROUTES) {
      const path = `/api/v1${route.path.replace(':id', 'x')}`;
      for (const presented of [null, 'wrong', `${token}x`, token.slice(0, -1)]) {
        const answer = await send(route.method, path, {
          token: presented,
          ...(route.method === 'POST' || route.method === 'PUT' ? { body: {} } : {}),
        });
        expect(answer.status, `${route.method} ${path} with ${presented}`).toBe(401);
        expect(answer.body).toMatchObject({ error: { code: 'unauthorized' } });
      }
    }
    const phone = '+4791234560';
    const refused = await send('POST', '/api/v1/members', {
      token: 'wrong',
      body: { phone, acceptTerms: true },
    });
    expect(refused.status).toBe(401);
    const lookup = await send('GET', `/api/v1/members/lookup?q=${encodeURIComponent(phone)}`, {
      token,
    });
    expect(lookup).toEqual({ status: 200, body: { member: null, via: null } });
  });

  it('answers an unknown route with 404 and the error shape', async () => {
    const answer = await send('GET', '/api/v1/nothing-here', { token });
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ error: { code: 'not_found', field: null } });
  });

  it('passes the service’s errors through with their status and field', async () => {
    const answer = await send('POST', '/api/v1/members', {
      token,
      body: { phone: '98765432', acceptTerms: false },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { code: 'invalid_input', field: 'acceptTerms' } });
    const missing = await send('GET', '/api/v1/members/no-such-member', { token });
    expect(missing.status).toBe(404);
  });

  it('enrols, commits a sale once per Idempotency-Key, and refuses erasure without confirm', async () => {
    const enrolled = await send('POST', '/api/v1/members', {
      token,
      body: { phone: '+47 912 34 561', acceptTerms: true },
    });
    expect(enrolled.status).toBe(201);
    const memberId = (enrolled.body as { member: { memberId: string } }).member.memberId;
    const again = await send('POST', '/api/v1/members', {
      token,
      body: { phone: '91234561', acceptTerms: true },
    });
    expect(again.status).toBe(200);

    const sale = { lines: [{ sku: 'kanelbolle', quantity: 2 }], memberId, paymentMethod: 'cash' };
    const key = { 'idempotency-key': 'host-test-sale-0001' };
    const first = await send('POST', '/api/v1/sales', { token, body: sale, headers: key });
    expect(first.status).toBe(201);
    const second = await send('POST', '/api/v1/sales', { token, body: sale, headers: key });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({
      duplicate: true,
      saleId: (first.body as { saleId: string }).saleId,
    });
    const mismatch = await send('POST', '/api/v1/sales', {
      token,
      body: { ...sale, idempotencyKey: 'another-key-0002' },
      headers: key,
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body).toMatchObject({ error: { field: 'idempotencyKey' } });

    const unconfirmed = await send('DELETE', `/api/v1/members/${memberId}`, { token });
    expect(unconfirmed.status).toBe(400);
    const stillThere = await send('GET', `/api/v1/members/${memberId}`, { token });
    expect(stillThere.body).toMatchObject({ erased: false });
  });
});

describe('/rpc', () => {
  it('lets only log-in and status through without a session', async () => {
    expect((await send('POST', '/rpc/status.get', { body: {} })).status).toBe(200);
    const refused = await send('POST', '/rpc/catalogue.get', { body: {} });
    expect(refused.status).toBe(401);
    expect(refused.body).toMatchObject({ error: { code: 'unauthorized' } });
    // The API token is not a session token.
    expect((await send('POST', '/rpc/catalogue.get', { token, body: {} })).status).toBe(401);
  });

  it('runs commands for the logged-in role and refuses manager commands to a cashier', async () => {
    const wrongPin = await send('POST', '/rpc/session.login', { body: { pin: '0000' } });
    expect(wrongPin.status).toBeGreaterThanOrEqual(400);
    const login = await send('POST', '/rpc/session.login', { body: { pin: '1111' } });
    expect(login.status).toBe(200);
    const session = (login.body as { sessionToken: string; role: string }).sessionToken;
    expect((login.body as { role: string }).role).toBe('cashier');

    const catalogue = await send('POST', '/rpc/catalogue.get', { token: session, body: {} });
    expect(catalogue.status).toBe(200);
    expect(Array.isArray(catalogue.body)).toBe(true);

    const forbidden = await send('POST', '/rpc/staff.list', { token: session, body: {} });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toMatchObject({ error: { code: 'forbidden' } });

    await send('POST', '/rpc/session.logout', { token: session, body: {} });
    expect((await send('POST', '/rpc/catalogue.get', { token: session, body: {} })).status).toBe(
      401,
    );
  });

  it('answers an unknown command with 404', async () => {
    const answer = await send('POST', '/rpc/no.such', { body: {} });
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ error: { code: 'unknown_command' } });
  });
});
