/** The local integration API and /rpc refuse callers without the right token, and do nothing for them. */
import { HOST_URL, apiCall, expect, test, uniquePhone } from './fixtures';

test('a wrong or missing API token gets 401 and changes nothing', async ({ request }) => {
  const phone = uniquePhone();
  const enrol = { phone, acceptTerms: true };

  const wrong = await request.post(`${HOST_URL}/api/v1/members`, {
    headers: { authorization: 'Bearer not-the-token' },
    data: enrol,
  });
  expect(wrong.status()).toBe(401);
  expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe('unauthorized');

  const missing = await request.post(`${HOST_URL}/api/v1/members`, { data: enrol });
  expect(missing.status()).toBe(401);

  const lookup = await apiCall<{ member: unknown }>(request, 'GET', `/members/lookup?q=${phone}`);
  expect(lookup.status).toBe(200);
  expect(lookup.body.member).toBeNull();

  const health = await request.get(`${HOST_URL}/api/v1/health`);
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ ok: true });
});

test('/rpc needs a session token for everything but log-in and status', async ({ request }) => {
  const noSession = await request.post(`${HOST_URL}/rpc/member.lookup`, {
    data: { query: '41234567' },
  });
  expect(noSession.status()).toBe(401);
  const forged = await request.post(`${HOST_URL}/rpc/catalogue.get`, {
    headers: { authorization: 'Bearer forged' },
    data: {},
  });
  expect(forged.status()).toBe(401);
  const status = await request.post(`${HOST_URL}/rpc/status.get`, { data: {} });
  expect(status.status()).toBe(200);
});

test('the notification socket needs a live session token', async ({ page, request }) => {
  await page.goto('/');
  const socketUrl = `${HOST_URL.replace('http', 'ws')}/ws`;

  const forgedClose = await page.evaluate(async (url) => {
    const socket = new WebSocket(url);
    await new Promise((resolve) => (socket.onopen = resolve));
    socket.send(JSON.stringify({ type: 'auth', token: 'forged' }));
    return new Promise<number>((resolve) => (socket.onclose = (event) => resolve(event.code)));
  }, socketUrl);
  expect(forgedClose).toBe(4401);

  // With a real session the socket is ready and carries the service's notifications.
  await page.evaluate(async (url) => {
    const login = await fetch('/rpc/session.login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pin: '1111' }),
    });
    const { sessionToken } = (await login.json()) as { sessionToken: string };
    const received: unknown[] = [];
    Object.assign(window, { received });
    const socket = new WebSocket(url);
    socket.onmessage = (event) => received.push(JSON.parse(String(event.data)));
    await new Promise((resolve) => (socket.onopen = resolve));
    socket.send(JSON.stringify({ type: 'auth', token: sessionToken }));
  }, socketUrl);
  await page.waitForFunction(() =>
    (window as unknown as { received: Array<{ type: string }> }).received.some(
      (m) => m.type === 'ready',
    ),
  );
  await apiCall(request, 'POST', '/members', { phone: uniquePhone(), acceptTerms: true });
  await page.waitForFunction(() =>
    (window as unknown as { received: Array<{ type: string; what?: string }> }).received.some(
      (m) => m.type === 'data' && m.what === 'members',
    ),
  );
});
