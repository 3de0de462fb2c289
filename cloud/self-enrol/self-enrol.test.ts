/**
 * Self-enrolment against the real cloud on loopback (each database target): a
 * paired till asks for a join request, the customer's phone posts the form,
 * the member is written on behalf of the till's store and the till reads the
 * outcome; a phone already a member is found, not enrolled twice; the code is
 * single-use, expires, refuses forged and oversized posts, and is rate-limited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testProgramme } from '../../src/core/member/test-programme';
import {
  JOIN_ROUTES,
  JoinStartResponse,
  JoinStatusResponse,
  ROUTES,
} from '../../src/sync/protocol';
import { startCloudServer } from '../server';
import { JOIN_TTL_MS } from './join-requests';
import type { RunningCloudServer } from '../server';
import { describeOnEachDatabase, expectBody, expectError, request, TestCloud } from '../test/cloud';
import type { Till } from '../test/cloud';

const statusPath = (id: string) => JOIN_ROUTES.request.replace(':id', id);

async function startJoin(till: Till, basketId = 'basket-1') {
  return expectBody(
    await till.call('POST', JOIN_ROUTES.requests, { basketId }),
    201,
    JoinStartResponse,
  );
}

async function status(till: Till, id: string) {
  return expectBody(await till.call('GET', statusPath(id)), 200, JoinStatusResponse);
}

interface Page {
  status: number;
  html: string;
  headers: Headers;
}

async function openForm(url: string, lang?: string): Promise<Page> {
  const response = await fetch(lang ? `${url}?lang=${lang}` : url);
  return { status: response.status, html: await response.text(), headers: response.headers };
}

function formToken(html: string): string {
  const found = /name="form" value="([^"]+)"/.exec(html);
  if (!found) throw new Error(`no form token in ${html.slice(0, 200)}`);
  return found[1]!;
}

async function send(
  url: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Page> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: response.status, html: await response.text(), headers: response.headers };
}

/** Opens the form and sends it with these fields (and the form's own token). */
async function fillIn(url: string, fields: Record<string, string>): Promise<Page> {
  const form = await openForm(url);
  expect(form.status).toBe(200);
  return send(url, { form: formToken(form.html), ...fields });
}

describeOnEachDatabase('self-enrolment', (cloud) => {
  it('enrols the customer on behalf of the till’s store, once, and the till reads who joined', async () => {
    const store = await cloud().newStore();
    const till = await cloud().pair(store.storeCode, 'Kasse 1');
    const other = await cloud().pair(store.storeCode, 'Kasse 2');
    const join = await startJoin(till, 'basket-42');
    expect(join.url).toMatch(new RegExp(`^${cloud().url}/j/[a-z2-9]{15}$`));
    expect((await status(till, join.requestId)).state).toBe('open');
    // Another till of the same store cannot read it.
    expectError(await other.call('GET', statusPath(join.requestId)), 404, 'not_found');

    const form = await openForm(join.url);
    expect(form.status).toBe(200);
    expect(form.html).toContain('lang="nb"');
    expect(form.html).toContain('Mobilnummer');
    expect(form.html).toContain('Jeg godtar medlemsvilkårene');
    expect(form.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(form.headers.get('referrer-policy')).toBe('same-origin');

    const done = await send(join.url, {
      form: formToken(form.html),
      phone: '912 34 567',
      firstName: 'Åse',
      terms: 'yes',
      sms: 'yes',
    });
    expect(done.status).toBe(201);
    expect(done.html).toContain('Velkommen som medlem!');

    const outcome = await status(till, join.requestId);
    expect(outcome).toMatchObject({ state: 'used', basketId: 'basket-42' });
    expect(outcome.member).toMatchObject({ created: true });
    expect(done.html).toContain(outcome.member!.memberNumber);

    // Every till of the chain pulls the member: enrolled at this store by the cloud, SMS consent
    // given by the customer themself.
    const events = (await other.pullAll()).filter((e) => e.memberId === outcome.member!.memberId);
    expect(events.map((e) => e.type)).toEqual(['member.enrolled', 'member.consent_changed']);
    const [enrolled, consent] = events;
    expect(enrolled).toMatchObject({ storeId: store.storeId, terminalId: 'cloud' });
    expect(enrolled!.payload).toMatchObject({
      phoneE164: '+4791234567',
      profile: { firstName: 'Åse' },
      staffId: null,
      source: 'self-enrolment',
      joinRequestId: join.requestId,
    });
    expect(consent!.payload).toMatchObject({
      channel: 'sms',
      granted: true,
      source: 'self-enrolment',
    });
    const found = await till.lookupMembers({ phone: '91234567' });
    expect(found.map((m) => m.memberId)).toEqual([outcome.member!.memberId]);

    // The code is used: the page and a second post say so, and nobody is enrolled twice.
    const again = await openForm(join.url);
    expect(again.status).toBe(410);
    expect(again.html).toContain('allerede brukt');
    const twice = await send(join.url, {
      form: formToken(form.html),
      phone: '91234568',
      terms: 'yes',
    });
    expect(twice.status).toBe(410);
    expect(await till.lookupMembers({ phone: '91234568' }).catch(() => [])).toEqual([]);
  });

  it('finds a phone that is a member already, changes nothing of theirs, and says so', async () => {
    const till = await cloud().newTill();
    const first = await startJoin(till);
    await fillIn(first.url, { phone: '+47 41 00 00 01', terms: 'yes' });
    const member = (await status(till, first.requestId)).member!;

    const second = await startJoin(till);
    const page = await fillIn(second.url, {
      phone: '41000001',
      terms: 'yes',
      sms: 'yes',
      emailAddress: 'someone@example.no',
      email: 'yes',
    });
    expect(page.status).toBe(200);
    expect(page.html).toContain('Du er allerede medlem');
    expect((await status(till, second.requestId)).member).toEqual({ ...member, created: false });
    const events = (await till.pullAll()).filter((e) => e.memberId === member.memberId);
    // No second enrolment and no consent the phone number alone would have given.
    expect(events.map((e) => e.type)).toEqual(['member.enrolled']);
  });

  it('takes an e-mail address as the till does, and e-mail consent only with one', async () => {
    const till = await cloud().newTill();
    const join = await startJoin(till);
    const form = await openForm(join.url);
    expect(form.html).toContain('E-post (valgfritt)');
    expect(form.html).toMatch(/<input type="email" name="emailAddress"[^>]*autocomplete="email"/);
    const token = formToken(form.html);
    const fields = { form: token, phone: '41000010', terms: 'yes' };

    const without = await send(join.url, { ...fields, email: 'yes' });
    expect(without.status).toBe(400);
    expect(without.html).toContain(
      'id="emailAddress-error" role="alert">Skriv e-postadressen din for å få tilbud på e-post.<',
    );
    expect(without.html).toContain('aria-describedby="emailAddress-error"');
    const wrong = await send(join.url, { ...fields, emailAddress: 'aase@', email: 'yes' });
    expect(wrong.status).toBe(400);
    expect(wrong.html).toContain('E-postadressen er ikke gyldig.');
    expect(wrong.html).toContain('value="aase@"');
    expect((await status(till, join.requestId)).state).toBe('open');

    const done = await send(join.url, {
      ...fields,
      emailAddress: ' aase@example.no ',
      email: 'yes',
    });
    expect(done.status).toBe(201);
    const member = (await status(till, join.requestId)).member!;
    const events = (await till.pullAll()).filter((e) => e.memberId === member.memberId);
    expect(events.map((e) => e.type)).toEqual(['member.enrolled', 'member.consent_changed']);
    expect(events[0]!.payload).toMatchObject({
      profile: { email: 'aase@example.no' },
      consents: { sms: false, email: false },
    });
    expect(events[1]!.payload).toMatchObject({ channel: 'email', granted: true });

    // An address alone is kept, and is no consent.
    const next = await startJoin(till);
    await fillIn(next.url, { phone: '41000011', terms: 'yes', emailAddress: 'bo@example.no' });
    const quiet = (await status(till, next.requestId)).member!;
    const quietEvents = (await till.pullAll()).filter((e) => e.memberId === quiet.memberId);
    expect(quietEvents.map((e) => e.type)).toEqual(['member.enrolled']);
    expect(quietEvents[0]!.payload).toMatchObject({ profile: { email: 'bo@example.no' } });
  });

  it('says what is wrong at the field, in the language asked, and keeps what was typed', async () => {
    const till = await cloud().newTill();
    const join = await startJoin(till);
    const form = await openForm(join.url, 'en');
    expect(form.html).toContain('lang="en"');
    const bad = await send(`${join.url}?lang=en`, {
      form: formToken(form.html),
      phone: '12',
      firstName: 'Kari',
    });
    expect(bad.status).toBe(400);
    expect(bad.html).toMatch(/id="phone-error" role="alert">[^<]+</);
    expect(bad.html).toContain('aria-invalid="true" aria-describedby="phone-error"');
    expect(bad.html).toContain('You must accept the membership terms');
    expect(bad.html).toContain('value="Kari"');
    expect((await status(till, join.requestId)).state).toBe('open');

    const swedish = await openForm(join.url, 'sv');
    expect(swedish.html).toContain('Jag godkänner medlemsvillkoren');
  });

  it('offers the programme’s membership terms to read beside the box, escaped, line breaks kept', async () => {
    const store = await cloud().newStore();
    const till = await cloud().pair(store.storeCode);
    // A programme without terms: the box alone, as before.
    const plain = await openForm((await startJoin(till)).url);
    expect(plain.html).toContain('Jeg godtar medlemsvilkårene');
    expect(plain.html).not.toContain('<details');

    const termsText = '1. Medlemskapet er gratis.\n2. <script>alert("x")</script> & \'sitat\'';
    const saved = await request(cloud().url, 'PUT', ROUTES.programme, {
      token: await cloud().server.admin.addAdminToken(store.chain),
      body: { programme: testProgramme({ termsText }), staffId: 'eier' },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const form = await openForm((await startJoin(till)).url);
    expect(form.html).toContain(
      '<details class="terms"><summary>Les medlemsvilkårene</summary>' +
        '<div class="terms-text" data-terms>1. Medlemskapet er gratis.\n' +
        '2. &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;sitat&#39;</div></details>',
    );
    expect(form.html).not.toContain('<script>');
    // Just before the box that accepts them.
    expect(form.html).toMatch(
      /<\/details><label class="check"><input type="checkbox" name="terms"/,
    );
    const english = await openForm(`${(await startJoin(till)).url}`, 'en');
    expect(english.html).toContain('<summary>Read the membership terms</summary>');
  });

  it('refuses a post without the form’s own token or from another site', async () => {
    const till = await cloud().newTill();
    const join = await startJoin(till);
    const fields = { phone: '41000002', terms: 'yes' };
    expect((await send(join.url, { ...fields, form: 'forged' })).status).toBe(403);
    const token = formToken((await openForm(join.url)).html);
    const elsewhere = await send(
      join.url,
      { ...fields, form: token },
      { origin: 'https://evil.example' },
    );
    expect(elsewhere.status).toBe(403);
    expect((await status(till, join.requestId)).state).toBe('open');
    expect((await send(join.url, { ...fields, form: token })).status).toBe(201);
  });

  it('takes at most 4 KB of form, and refuses an unknown code and an admin token', async () => {
    const till = await cloud().newTill();
    const join = await startJoin(till);
    const token = formToken((await openForm(join.url)).html);
    const big = await send(join.url, {
      form: token,
      phone: '41000003',
      firstName: 'x'.repeat(8000),
    });
    expect(big.status).toBe(413);
    expect((await openForm(`${cloud().url}/j/abcdefghjkmnpqr`)).status).toBe(404);
    expect((await openForm(`${cloud().url}/j/<script>`)).status).toBe(404);
    const anonymous = await fetch(cloud().url + JOIN_ROUTES.requests, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ basketId: 'b' }),
    });
    expect(anonymous.status).toBe(401);
  });
});

describe('self-enrolment codes expire and the public pages are rate-limited', () => {
  let server: RunningCloudServer;
  let dataDir: string;
  /** The join codes' clock runs ahead of the real one by this much (moved, never slept). */
  let ahead = 0;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'lojal-self-enrol-'));
    server = await startCloudServer({
      port: 0,
      dataDir,
      selfEnrol: { now: () => Date.now() + ahead },
    });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses an expired code, and the till reads it as expired', async () => {
    const cloud = new TestCloud(server, 'pglite');
    const till = await cloud.newTill();
    const join = await startJoin(till);
    const token = formToken((await openForm(join.url)).html);
    expect((await status(till, join.requestId)).state).toBe('open');
    ahead = JOIN_TTL_MS;
    const late = await send(join.url, { form: token, phone: '41000004', terms: 'yes' });
    expect(late.status).toBe(410);
    expect(late.html).toContain('Koden er utløpt');
    expect((await status(till, join.requestId)).state).toBe('expired');
  });

  it('answers 429 to an address that keeps asking', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++)
      statuses.push((await openForm(`${server.url}/j/abcdefghjkmnpqr`)).status);
    expect(statuses.slice(0, 25).every((s) => s === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
