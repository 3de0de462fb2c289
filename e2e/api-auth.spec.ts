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
