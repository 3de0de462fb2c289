import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { memberEvents } from '../src/core/member/test-events';
import { ROUTES, normaliseStoreCode } from '../src/sync/protocol';
import { describeOnEachDatabase, expectError, request } from './test/cloud';

const T0 = Date.UTC(2026, 2, 2, 10, 0, 0);

describeOnEachDatabase('pairing and tokens', (cloud) => {
  it('pairs a terminal with the store whose code is typed, however it is typed', async () => {
    const store = await cloud().newStore();
    expect(store.storeCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    const typed = ` ${store.storeCode.toLowerCase().replace('-', ' ').replace(/0/g, 'o')} `;
    const till = await cloud().pair(typed, 'Kasse ved døra');
    expect(till.pairing).toMatchObject({
      chainId: store.chainId,
      chainName: store.chain,
      storeId: store.storeId,
      storeName: store.storeName,
    });
    expect(till.pairing.token).toMatch(/^lojal_t_[A-Za-z0-9_-]{43}$/);

    // A second till of the store gets its own terminal and token.
    const second = await cloud().pair(store.storeCode, 'Kasse 2');
    expect(second.pairing.storeId).toBe(till.pairing.storeId);
    expect(second.pairing.terminalId).not.toBe(till.pairing.terminalId);
    expect(second.token).not.toBe(till.token);

    const listed = await cloud().server.admin.listStores();
    expect(listed.find((s) => s.storeId === till.pairing.storeId)?.terminals).toBe(2);
  });

  it('answers 404 with a clear error for a code no store has', async () => {
    const store = await cloud().newStore();
    // Change one character to another of the alphabet: a real-looking code that is not issued.
    const normalised = normaliseStoreCode(store.storeCode);
    const wrong = (normalised[0] === '2' ? '3' : '2') + normalised.slice(1);
    const answer = await request(cloud().url, 'POST', ROUTES.pair, {
      body: { storeCode: wrong, terminalName: 'Kasse' },
    });
    const error = expectError(answer, 404, 'store_code_not_found');
    expect(error.field).toBe('storeCode');
    expect(error.message).toMatch(/no store has this code/);

    const nameless = await request(cloud().url, 'POST', ROUTES.pair, {
      body: { storeCode: store.storeCode, terminalName: '  ' },
    });
    expect(expectError(nameless, 400, 'invalid_request').field).toBe('terminalName');
  });

  it('keeps only a hash of each token', async () => {
    const till = await cloud().newTill();
    const rows = await cloud().server.database.query<{
      token_sha256: string;
      role: string;
      label: string;
    }>('SELECT token_sha256, role, label FROM credentials WHERE terminal_id = $1', [
      till.pairing.terminalId,
    ]);
    expect(rows).toEqual([
      {
        token_sha256: createHash('sha256').update(till.token).digest('hex'),
        role: 'terminal',
        label: 'Kasse 1',
      },
    ]);
    const dump = JSON.stringify(await cloud().server.database.query('SELECT * FROM credentials'));
    expect(dump).not.toContain(till.token);
    expect(dump).not.toContain(till.token.slice(8));
  });

  it('refuses requests without a token or with an unknown one, and admin tokens cannot push', async () => {
    const store = await cloud().newStore();
    const till = await cloud().pair(store.storeCode);
    const missing = await request(cloud().url, 'GET', ROUTES.pull);
    expectError(missing, 401, 'unauthorized');
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    expectError(
      await request(cloud().url, 'GET', ROUTES.pull, { token: till.token + 'x' }),
      401,
      'unauthorized',
    );
    expectError(
      await request(cloud().url, 'GET', ROUTES.conflicts, { token: 'lojal_t_guess' }),
      401,
      'unauthorized',
    );

    const adminToken = await cloud().server.admin.addAdminToken(store.chain, 'back office');
    expect(adminToken).toMatch(/^lojal_a_/);
    const event = memberEvents('member-admin-push').enrolled(T0, {}, till.origin);
    const answer = await request(cloud().url, 'POST', ROUTES.push, {
      token: adminToken,
      body: { events: [event] },
    });
    expectError(answer, 403, 'forbidden');
    // The admin reads the chain (pull) but wrote nothing.
    const pulled = await request(cloud().url, 'GET', ROUTES.pull, { token: adminToken });
    expect(pulled.status).toBe(200);
    expect(pulled.body).toEqual({ events: [], next: '0', more: false });
  });

  it('revoked tokens stop working', async () => {
    const till = await cloud().newTill();
    expect((await till.call('GET', ROUTES.pull)).status).toBe(200);
    await cloud().server.database.query(
      'UPDATE credentials SET revoked_at = $1 WHERE terminal_id = $2',
      [Date.now(), till.pairing.terminalId],
    );
    expectError(await till.call('GET', ROUTES.pull), 401, 'unauthorized');
  });
});
