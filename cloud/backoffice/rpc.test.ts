/**
 * The back office's command route over real HTTP against the real cloud
 * (PGlite, and PostgreSQL when one answers): the session cookie, the Origin
 * and CSRF checks, the log-in throttle as a browser meets it, invitations,
 * links, resets, and what a store manager reaches.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { BO_COMMAND_NAMES, BO_COMMANDS } from '../../src/contract/backoffice';
import { render } from '../../src/i18n/render';
import { ROUTES } from '../../src/sync/protocol';
import {
  BoBrowser,
  describeBackoffice,
  errorOf,
  PASSWORD,
  staffLoggedIn,
  staffSaved,
  tokenOf,
} from '../test/backoffice';
import { request } from '../test/cloud';

/** The same token with its last character changed (always to another one). */
const oneCharOff = (token: string) => token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');

describeBackoffice('the back office’s commands', (cloud) => {
  it('logs in with a cookie only the server reads, and hands out the CSRF token', async () => {
    const { ownerEmail, stores } = await cloud().chainWithOwner(['Sentrum', 'Torget']);
    const browser = new BoBrowser(cloud().url);
    const answer = await browser.call('session.logIn', {
      email: ownerEmail.toUpperCase(),
      password: PASSWORD,
    });
    expect(answer.status).toBe(200);
    const setCookie = answer.headers.get('set-cookie')!;
    expect(setCookie).toMatch(
      /^lojal_bo=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=43200; HttpOnly; SameSite=Strict$/,
    );
    // Served over loopback http: a Secure cookie would never come back.
    expect(setCookie).not.toContain('Secure');
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const session = answer.body as {
      csrfToken: string;
      account: { role: string };
      stores: unknown[];
    };
    expect(session.account.role).toBe('owner');
    expect(session.stores).toHaveLength(2);
    expect(session.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The token is not the session id.
    expect(setCookie).not.toContain(session.csrfToken);
    browser.csrfToken = session.csrfToken;

    // session.get needs no token (it hands it out); every other command does.
    const got = await browser.call('session.get', {}, { csrf: null });
    expect(got.status).toBe(200);
    expect((got.body as { csrfToken: string }).csrfToken).toBe(session.csrfToken);
    expect(errorOf(await browser.call('stores.list', {}, { csrf: null })).code).toBe('csrf_failed');
    expect(
      (await browser.call('stores.list', {}, { csrf: oneCharOff(session.csrfToken) })).status,
    ).toBe(403);
    const other = new BoBrowser(cloud().url);
    const otherSession = await other.logIn(ownerEmail);
    expect(
      errorOf(await browser.call('stores.list', {}, { csrf: otherSession.csrfToken })).code,
    ).toBe('csrf_failed');
    const listed = await browser.ok('stores.list');
    expect(listed.map((s) => s.name).sort()).toEqual(['Sentrum', 'Torget']);
    expect(listed.map((s) => s.storeCode).sort()).toEqual(stores.map((s) => s.storeCode).sort());

    // Logging out ends the session at the server and clears the cookie.
    const cookie = browser.cookie;
    const out = await browser.call('session.logOut');
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(
      /^lojal_bo=; Path=\/; Max-Age=0; HttpOnly; SameSite=Strict$/,
    );
    browser.cookie = cookie;
    const after = await browser.call('session.get');
    expect(after.status).toBe(401);
    expect(errorOf(after).code).toBe('not_signed_in');
    // The other session lives on.
    expect((await other.call('session.get')).status).toBe(200);
  });

  it('takes commands only from its own page: the Origin, or Sec-Fetch-Site same-origin', async () => {
    const { ownerEmail, owner } = await cloud().chainWithOwner();
    const stranger = new BoBrowser(cloud().url);
    for (const origin of [null, 'https://evil.example', 'http://127.0.0.1:1']) {
      const answer = await stranger.call(
        'session.logIn',
        { email: ownerEmail, password: PASSWORD },
        { origin },
      );
      expect(answer.status, String(origin)).toBe(403);
      expect(errorOf(answer).code).toBe('csrf_failed');
      expect(answer.headers.get('set-cookie')).toBeNull();
    }
    // A browser that sends no Origin still says where the request came from.
    const sameSite = await stranger.call(
      'session.logIn',
      { email: ownerEmail, password: PASSWORD },
      { origin: null, headers: { 'sec-fetch-site': 'same-origin' } },
    );
    expect(sameSite.status).toBe(200);
    // A signed-in request from another page is refused too, cookie and token notwithstanding.
    const forged = await owner.call('stores.list', {}, { origin: 'https://evil.example' });
    expect(errorOf(forged).code).toBe('csrf_failed');
    // A form post (not JSON) never reaches a command.
    const form = await fetch(`${cloud().url}/bo/rpc/session.logIn`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: new URL(cloud().url).origin,
      },
      body: `email=${encodeURIComponent(ownerEmail)}&password=x`,
    });
    expect(form.status).toBe(415);
  });

  it('answers no session 401, an unknown command 404, a GET 405', async () => {
    const anonymous = new BoBrowser(cloud().url);
    for (const name of BO_COMMAND_NAMES.filter((n) => BO_COMMANDS[n].role !== 'none')) {
      const answer = await anonymous.call(name, {});
      expect(answer.status, name).toBe(401);
      expect(errorOf(answer).code).toBe('not_signed_in');
    }
    // A cookie of no live session is cleared.
    anonymous.cookie = `lojal_bo=${'x'.repeat(43)}`;
    const stale = await anonymous.call('session.get');
    expect(stale.status).toBe(401);
    expect(stale.headers.get('set-cookie')).toContain('Max-Age=0');
    const unknown = await anonymous.call('members.everything' as 'session.get', {});
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown).code).toBe('not_found');
    const get = await request(cloud().url, 'GET', '/bo/rpc/session.get');
    expect(get.status).toBe(405);
  });

  it('says a wrong password and an unknown address alike, then throttles both alike with the time to wait', async () => {
    const { ownerEmail } = await cloud().chainWithOwner();
    const unknownEmail = `${cloud().unique('ingen')}@bakeri.no`;
    const bodies: Record<string, unknown[]> = { known: [], unknown: [] };
    for (const [kind, email] of [
      ['known', ownerEmail],
      ['unknown', unknownEmail],
    ] as const) {
      const browser = new BoBrowser(cloud().url);
      for (let i = 0; i < 5; i++) {
        const answer = await browser.call('session.logIn', { email, password: 'feil passord' });
        expect(answer.status).toBe(401);
        bodies[kind]!.push(answer.body);
      }
      const throttled = await browser.call('session.logIn', { email, password: PASSWORD });
      expect(throttled.status).toBe(429);
      const retry = Number(throttled.headers.get('retry-after'));
      expect(retry).toBeGreaterThan(25);
      expect(retry).toBeLessThanOrEqual(30);
      const error = errorOf(throttled);
      expect(error).toMatchObject({ code: 'throttled', retryAfterSeconds: retry });
      expect(error.text.nb).toBe(`For mange forsøk. Prøv igjen om ${retry} sekunder.`);
      expect(error.text.en).toBe(`Too many tries. Try again in ${retry} seconds.`);
      bodies[kind]!.push({ ...error, retryAfterSeconds: 0, text: null, said: null });
    }
    expect(bodies.known).toEqual(bodies.unknown);
    expect(errorOf({ status: 401, headers: new Headers(), body: bodies.known![0] }).text.nb).toBe(
      'E-postadressen eller passordet er feil.',
    );
  });

  it('refuses a field in its own words, naming the field', async () => {
    const browser = new BoBrowser(cloud().url);
    const badEmail = await browser.call('session.logIn', {
      email: 'ikke en adresse',
      password: 'x',
    });
    expect(badEmail.status).toBe(400);
    expect(errorOf(badEmail)).toMatchObject({
      code: 'invalid_request',
      field: 'email',
      said: { key: 'backoffice.input.email' },
    });
    const short = await browser.call('account.acceptInvite', {
      token: `lojal_l_${'a'.repeat(43)}`,
      password: 'kort',
    });
    expect(errorOf(short)).toMatchObject({ code: 'invalid_request', field: 'password' });
    expect(errorOf(short).text.nb).toBe('Passordet må ha minst 12 tegn.');
    expect(errorOf(short).text.sv).toBe('Lösenordet måste ha minst 12 tecken.');
  });

  it('an owner invites a store manager, whose link sets a password once; the manager reaches their store only', async () => {
    const { owner, stores } = await cloud().chainWithOwner(['Sentrum', 'Torget']);
    const [sentrum, torget] = stores;
    const tillSentrum = await cloud().pair(sentrum!.storeCode, 'Kasse Sentrum');
    const tillTorget = await cloud().pair(torget!.storeCode, 'Kasse Torget');
    const email = `${cloud().unique('per')}@bakeri.no`;

    const needsStores = await owner.call('account.invite', {
      email,
      name: 'Per',
      role: 'store_manager',
    });
    expect(errorOf(needsStores)).toMatchObject({
      field: 'storeIds',
      said: { key: 'backoffice.input.storesNeeded' },
    });
    const invited = await owner.ok('account.invite', {
      email: email.toUpperCase(),
      name: 'Per Butikk',
      role: 'store_manager',
      storeIds: [sentrum!.storeId],
    });
    expect(invited.email).toBe(email);
    expect(new URL(invited.link).pathname).toBe('/bo/set-password');
    expect(cloud().delivered.at(-1)).toMatchObject({ purpose: 'invite', email, url: invited.link });

    const per = new BoBrowser(cloud().url);
    const token = tokenOf(invited.link);
    expect(await per.ok('link.inspect', { token })).toMatchObject({
      purpose: 'invite',
      email,
      name: 'Per Butikk',
    });
    // An invitation is not a reset link, and sets a password once.
    expect(errorOf(await per.call('password.reset', { token, password: PASSWORD })).code).toBe(
      'link_invalid',
    );
    expect(await per.ok('account.acceptInvite', { token, password: PASSWORD })).toEqual({ email });
    const again = await per.call('account.acceptInvite', { token, password: 'et annet passord' });
    expect(again.status).toBe(410);
    expect(errorOf(again).code).toBe('link_invalid');
    expect(errorOf(await per.call('link.inspect', { token })).code).toBe('link_invalid');

    const session = await per.logIn(email);
    expect(session.account.role).toBe('store_manager');
    expect(session.stores).toEqual([{ storeId: sentrum!.storeId, name: 'Sentrum' }]);
    const seen = await per.ok('stores.list');
    expect(seen.map((s) => s.storeId)).toEqual([sentrum!.storeId]);
    expect(seen[0]!.terminals.map((t) => t.terminalId)).toEqual([tillSentrum.pairing.terminalId]);

    // Another store's till: not found, and untouched.
    const refused = await per.call('terminals.revoke', {
      terminalId: tillTorget.pairing.terminalId,
    });
    expect(refused.status).toBe(404);
    expect(errorOf(refused).code).toBe('not_found');
    expect((await tillTorget.call('GET', ROUTES.conflicts)).status).toBe(200);
    // Inviting is the owners'.
    const byManager = await per.call('account.invite', {
      email: `${cloud().unique('x')}@bakeri.no`,
      name: 'X',
      role: 'store_manager',
      storeIds: [sentrum!.storeId],
    });
    expect(errorOf(byManager).code).toBe('forbidden');
    // An address with an account is taken.
    const taken = await owner.call('account.invite', { email, name: 'Per', role: 'owner' });
    expect(errorOf(taken)).toMatchObject({ code: 'email_taken', field: 'email' });

    // Their own store's till they may revoke: it is refused by the cloud from then on.
    const revoked = await per.ok('terminals.revoke', {
      terminalId: tillSentrum.pairing.terminalId,
    });
    expect(revoked.revokedTokens).toBe(1);
    expect((await tillSentrum.call('GET', ROUTES.conflicts)).status).toBe(401);
    const afterRevoke = await owner.ok('stores.list');
    const sentrumTills = afterRevoke.find((s) => s.storeId === sentrum!.storeId)!.terminals;
    expect(sentrumTills.map((t) => [t.name, t.active])).toEqual([['Kasse Sentrum', false]]);
  });

  it('lists staff per store from the tills’ staff events: newest save, where added, last log-in there', async () => {
    const { owner, stores } = await cloud().chainWithOwner(['Sentrum', 'Torget']);
    const [sentrum, torget] = stores;
    const a = await cloud().pair(sentrum!.storeCode);
    const b = await cloud().pair(torget!.storeCode);
    const T = Date.UTC(2026, 4, 4, 8);
    const anne = staffSaved(a, 'anne', { name: 'Anne', role: 'manager', at: T });
    const bo = staffSaved(b, 'bo', { name: 'Bo', author: 'anne', at: T + 1000 });
    const boRenamed = staffSaved(a, 'bo', { name: 'Bo Ek', author: 'anne', at: T + 2000 });
    // Pushed out of order: the fold goes by clock.
    expect((await a.push([anne])).rejected).toEqual([]);
    expect((await a.push([boRenamed])).rejected).toEqual([]);
    expect((await b.push([bo, staffLoggedIn(b, 'bo', T + 5000)])).rejected).toEqual([]);
    expect(
      (await a.push([staffLoggedIn(a, 'bo', T + 9000), staffLoggedIn(a, 'anne', T + 3000)]))
        .rejected,
    ).toEqual([]);

    const all = await owner.ok('staff.list');
    expect(all).toEqual([
      {
        staffId: 'anne',
        name: 'Anne',
        role: 'manager',
        active: true,
        addedAt: T,
        addedAtStoreId: sentrum!.storeId,
        stores: [{ storeId: sentrum!.storeId, lastLoginAt: T + 3000 }],
      },
      {
        staffId: 'bo',
        name: 'Bo Ek',
        role: 'cashier',
        active: true,
        addedAt: T + 1000,
        addedAtStoreId: torget!.storeId,
        stores: expect.arrayContaining([
          { storeId: torget!.storeId, lastLoginAt: T + 5000 },
          { storeId: sentrum!.storeId, lastLoginAt: T + 9000 },
        ]),
      },
    ]);
    const manager = await cloud().storeManager(owner, [torget!.storeId]);
    const theirs = await manager.browser.ok('staff.list');
    expect(theirs).toEqual([
      {
        staffId: 'bo',
        name: 'Bo Ek',
        role: 'cashier',
        active: true,
        addedAt: T + 1000,
        addedAtStoreId: torget!.storeId,
        stores: [{ storeId: torget!.storeId, lastLoginAt: T + 5000 }],
      },
    ]);
  });

  it('a reset asked for on the log-in page answers alike for any address, and delivers a link only to an account', async () => {
    const { ownerEmail } = await cloud().chainWithOwner();
    const signedIn = new BoBrowser(cloud().url);
    await signedIn.logIn(ownerEmail);
    const before = cloud().delivered.length;
    const anonymous = new BoBrowser(cloud().url);
    const known = await anonymous.call('password.requestReset', { email: ownerEmail });
    const unknown = await anonymous.call('password.requestReset', {
      email: `${cloud().unique('ingen')}@bakeri.no`,
    });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(known.body).toEqual(unknown.body);
    await expect.poll(() => cloud().delivered.length).toBe(before + 1);
    const message = cloud().delivered.at(-1)!;
    expect(message).toMatchObject({ purpose: 'reset', email: ownerEmail });
    // An invitation's command does not take a reset link.
    const token = tokenOf(message.url);
    expect(
      errorOf(
        await anonymous.call('account.acceptInvite', { token, password: 'nytt passord 2026' }),
      ).code,
    ).toBe('link_invalid');
    expect(await anonymous.ok('password.reset', { token, password: 'nytt passord 2026' })).toEqual({
      email: ownerEmail,
    });
    // Every session of the account ended; the new password works, the old one not.
    expect((await signedIn.call('session.get')).status).toBe(401);
    expect(
      (await anonymous.call('session.logIn', { email: ownerEmail, password: PASSWORD })).status,
    ).toBe(401);
    expect((await anonymous.logIn(ownerEmail, 'nytt passord 2026')).account.email).toBe(ownerEmail);
  });

  it('answers any JSON body sent to any command without a server error', async () => {
    const { owner, ownerEmail } = await cloud().chainWithOwner();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...BO_COMMAND_NAMES),
        fc.jsonValue({ maxDepth: 3 }),
        async (name, body) => {
          if ((await owner.call('session.get')).status !== 200) await owner.logIn(ownerEmail);
          const answer = await owner.call(name, body as Record<string, unknown>);
          expect(answer.status, `${name} ${JSON.stringify(body)}`).toBeLessThan(500);
          if (answer.status >= 400) expect(errorOf(answer).code).toMatch(/^[a-z_]+$/);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('says every refusal in the catalogue’s words, in each language', async () => {
    const browser = new BoBrowser(cloud().url);
    const answer = await browser.call('session.get');
    const error = errorOf(answer);
    expect(error.said).toEqual({ key: 'backoffice.error.not_signed_in' });
    expect(error.text).toEqual({
      nb: render({ key: 'backoffice.error.not_signed_in' }, 'nb'),
      en: render({ key: 'backoffice.error.not_signed_in' }, 'en'),
      sv: render({ key: 'backoffice.error.not_signed_in' }, 'sv'),
    });
  });
});

describeBackoffice(
  'the back office behind https',
  (cloud) => {
    it('sets a Secure __Host- cookie and takes requests from the public origin', async () => {
      const owner = await cloud().server.admin.addOwner(
        cloud().unique('Kjede'),
        'eier@https.no',
        'Eier',
      );
      expect(owner.link.startsWith('https://lojal.example.no/bo/set-password#')).toBe(true);
      const page = new BoBrowser(cloud().url);
      const origin = 'https://lojal.example.no';
      expect(
        (
          await page.call(
            'account.acceptInvite',
            { token: tokenOf(owner.link), password: PASSWORD },
            { origin },
          )
        ).status,
      ).toBe(200);
      const login = await page.call(
        'session.logIn',
        { email: 'eier@https.no', password: PASSWORD },
        { origin },
      );
      expect(login.status).toBe(200);
      expect(login.headers.get('set-cookie')).toMatch(
        /^__Host-lojal_bo=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=43200; HttpOnly; SameSite=Strict; Secure$/,
      );
      page.csrfToken = (login.body as { csrfToken: string }).csrfToken;
      expect((await page.call('session.get', {}, { origin })).status).toBe(200);
      // The plain cookie name is not read behind https.
      page.cookie = page.cookie!.replace('__Host-lojal_bo', 'lojal_bo');
      expect((await page.call('session.get', {}, { origin })).status).toBe(401);
    });
  },
  { publicUrl: 'https://lojal.example.no' },
);
