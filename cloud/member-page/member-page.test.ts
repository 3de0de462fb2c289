/**
 * The member's page on a real cloud (PGlite and PostgreSQL) with a real till
 * paired to it: the till asks for the link as a member's card is scanned (not
 * for a phone number), the page shows the member's card, stamps, points, tier
 * and coupons, its consent forms write events a till pulls (withdrawn at once; granted with the terms
 * version and the source "member page"), its data export is the member's, a
 * link replaced or withdrawn opens nothing, {lenke} in an SMS is the link (a
 * batch whose links fail goes back to the queue), and the public routes are
 * limited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueMessages } from '../messaging/outbox';
import { sendDue } from '../messaging/sender';
import { ROUTES } from '../../src/sync/protocol';
import { FakeSveve } from '../../test/messaging/fake-sveve';
import { backends, startTestCloud } from '../../test/sync/support/cloud';
import type { TestCloud } from '../../test/sync/support/cloud';
import { scenario } from '../../test/sync/support/scenario';
import type { Scenario } from '../../test/sync/support/scenario';
import type { SyncTill, WorldClock } from '../../test/sync/support/till';
import { MEMBER_PAGE_SOURCE } from './consent';
import { ensureToken, memberPageSecret, revokeToken } from './tokens';

const MIN = 60_000;
/** Tomorrow 10:00 in Oslo: outside quiet hours whenever the test runs. */
function daytime(): number {
  const d = new Date();
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1, 9, 0);
}

function formTokenIn(html: string): string {
  return /name="form" value="([^"]+)"/.exec(html)![1]!;
}

async function post(url: string, fields: Record<string, string>, origin?: string) {
  return fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(origin ? { origin } : {}),
    },
    body: new URLSearchParams(fields).toString(),
  });
}

for (const backend of await backends()) {
  const title = `the member's page (${backend.name}${backend.unavailable ? `: skipped, ${backend.unavailable}` : ''})`;
  describe.skipIf(backend.unavailable !== null)(title, () => {
    let cloud: TestCloud;
    let sveve: FakeSveve;
    let s: Scenario;
    let till: SyncTill;
    // The page shows the member at the cloud's own clock: the test's world runs at it.
    const world: WorldClock = { now: Date.now() - 10 * MIN };
    let memberId = '';
    let memberNumber = '';
    let link = '';
    // The till's sync client (src/sync/client.ts) as the receipt reads it.
    const sync = () =>
      till.service.sync as unknown as { memberPageLink(memberId: string): string | null };

    beforeAll(async () => {
      sveve = await FakeSveve.start({});
      cloud = await startTestCloud(
        backend.name,
        {},
        {
          messaging: {
            sms: {
              provider: 'sveve',
              baseUrl: sveve.url,
              user: 'butikk',
              password: 'hemmelig',
              from: 'Bakeriet',
            },
            secret: 'member-page-test',
          },
        },
      );
      s = await scenario(cloud, world, [{ name: 'A' }]);
      till = s.till('A');
      const kari = await till.call('member.enrol', {
        phone: '98765432',
        acceptTerms: true,
        consents: { sms: true, email: false },
        profile: { firstName: 'Kari', email: 'kari@example.no' },
      });
      memberId = kari.member.memberId;
      memberNumber = kari.member.memberNumber;
      world.now += MIN;
      await till.call('sale.commit', {
        lines: [
          { sku: 'kaffe-liten', quantity: 1 },
          { sku: 'grovbrod', quantity: 1 },
        ],
        memberId,
        idempotencyKey: 'page-sale-1',
        paymentMethod: 'card',
      });
      await till.sync();
    }, 120_000);

    afterAll(async () => {
      s?.tills.forEach((t) => t.close());
      await cloud?.dispose();
      await sveve?.close();
    });

    it('the till gets the link in the background as the member’s card is scanned, the same each time', async () => {
      expect(sync().memberPageLink(memberId)).toBeNull();
      // Her details opened, or her phone number typed (anyone may know it): nothing is fetched.
      await till.call('member.get', { memberId });
      await till.call('member.lookup', { query: '98765432' });
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(sync().memberPageLink(memberId)).toBeNull();
      expect(
        await cloud.server.database.query('SELECT 1 FROM member_page_tokens WHERE member_id = $1', [
          memberId,
        ]),
      ).toEqual([]);
      // Her card scanned: she is at the counter.
      await till.call('member.lookup', { query: memberNumber });
      // The command answered without waiting; the question to the cloud finishes on its own.
      await expect.poll(() => sync().memberPageLink(memberId), { timeout: 10_000 }).not.toBeNull();
      link = sync().memberPageLink(memberId)!;
      expect(link).toMatch(new RegExp(`^${cloud.server.publicUrl}/m/[A-Za-z0-9_-]{43}$`));
      // Asked again (another till, a message): the same link.
      const [row] = await cloud.server.database.query<{ n: unknown }>(
        'SELECT count(*) AS n FROM member_page_tokens WHERE member_id = $1',
        [memberId],
      );
      expect(Number(row!.n)).toBe(1);
      const secret = await memberPageSecret(cloud.server.database);
      const again = await ensureToken(
        cloud.server.database,
        secret,
        s.chain.chainId,
        memberId,
        world.now,
      );
      expect(link.endsWith(`/m/${again}`)).toBe(true);
      // Only the token's hash is stored.
      const stored = await cloud.server.database.query<Record<string, unknown>>(
        'SELECT * FROM member_page_tokens WHERE member_id = $1',
        [memberId],
      );
      expect(JSON.stringify(stored)).not.toContain(again);
      // A member the cloud does not have (yet): no link, and nothing made.
      const none = await fetch(`${cloud.server.url}${ROUTES.memberPageLink}?memberId=nobody`, {
        headers: { authorization: 'Bearer wrong' },
      });
      expect(none.status).toBe(401);
    });

    it('shows the card, stamps, points, tier and coupons, in bokmål by default', async () => {
      const page = await fetch(link);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.headers.get('cache-control')).toBe('no-store');
      const html = await page.text();
      expect(html).toContain('Hei Kari');
      expect(html).toContain('Kjedebakeriet');
      expect(html).toContain(memberNumber);
      expect(html).toContain('data-testid="card-qr"');
      expect(html).toContain('data-testid="card-barcode"');
      expect(html).toMatch(/1 av 9 klipp/); // one coffee on the coffee card
      expect(html).toMatch(/\d+ poeng å bruke/);
      expect(html).toContain('Velkomstkupong');
      expect(html).toContain('Bonusstige');
      const member = await till.call('member.get', { memberId });
      expect(html).toContain(`${member.points.balance} poeng å bruke`);
      // English and Swedish from the same catalogue.
      expect(await (await fetch(`${link}?lang=en`)).text()).toContain('Welcome coupon');
      expect(await (await fetch(`${link}?lang=sv`)).text()).toContain('Dina kuponger');
    });

    it('withdraws SMS at once and grants e-mail with the terms and the source; a till pulls both', async () => {
      const html = await (await fetch(link)).text();
      const form = formTokenIn(html);
      const off = await post(`${link}/consent`, { form, channel: 'sms', granted: 'false' });
      expect(off.status).toBe(303);
      expect(off.headers.get('location')).toContain('done=saved');
      const on = await post(`${link}/consent`, { form, channel: 'email', granted: 'true' });
      expect(on.status).toBe(303);
      await till.sync();
      const member = await till.call('member.get', { memberId });
      expect(member.consents).toEqual({ sms: false, email: true });
      const events = await cloud.server.database.query<{ payload: Record<string, unknown> }>(
        `SELECT payload FROM events WHERE chain_id = $1 AND member_id = $2
           AND type = 'member.consent_changed' ORDER BY hlc`,
        [s.chain.chainId, memberId],
      );
      expect(events.map((e) => [e.payload.channel, e.payload.granted])).toEqual([
        ['sms', false],
        ['email', true],
      ]);
      expect(events[0]!.payload).toMatchObject({ staffId: null, source: MEMBER_PAGE_SOURCE });
      expect(events[1]!.payload).toMatchObject({
        termsVersion: expect.any(String),
        staffId: null,
        source: MEMBER_PAGE_SOURCE,
      });
      const shown = await (await fetch(link)).text();
      expect(shown).toContain('data-testid="consent-sms" data-granted="false"');
      expect(shown).toContain('data-testid="consent-email" data-granted="true"');
    });

    it('refuses a form without its token or from another site, writing nothing', async () => {
      const before = await cloud.server.database.query('SELECT id FROM events');
      const form = formTokenIn(await (await fetch(link)).text());
      const forged = await post(`${link}/consent`, {
        form: 'x'.repeat(43),
        channel: 'sms',
        granted: 'true',
      });
      expect(forged.headers.get('location')).toContain('done=bad_form');
      const foreign = await post(
        `${link}/consent`,
        { form, channel: 'sms', granted: 'true' },
        'https://evil.example',
      );
      expect(foreign.headers.get('location')).toContain('done=bad_form');
      // A sandboxed frame or a no-referrer page sends Origin: null: not the page's own.
      const opaque = await post(
        `${link}/consent`,
        { form, channel: 'sms', granted: 'true' },
        'null',
      );
      expect(opaque.headers.get('location')).toContain('done=bad_form');
      const page = await fetch(link);
      expect(page.headers.get('referrer-policy')).toBe('same-origin');
      expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(page.headers.get('x-frame-options')).toBe('DENY');
      const badChannel = await post(`${link}/consent`, { form, channel: 'post', granted: 'true' });
      expect(badChannel.headers.get('location')).toContain('done=bad_form');
      const big = await post(`${link}/consent`, {
        form,
        channel: 'sms',
        granted: 'true',
        x: 'y'.repeat(10_000),
      });
      expect(big.status).toBe(413);
      expect(await cloud.server.database.query('SELECT id FROM events')).toHaveLength(
        before.length,
      );
    });

    it('exports the member’s own data as a download', async () => {
      const answer = await fetch(`${link}/data.json`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-disposition')).toContain('attachment');
      const data = (await answer.json()) as {
        memberId: string;
        data: { memberNumber: string; phone: string; consentHistory: unknown[]; events: unknown[] };
      };
      expect(data.memberId).toBe(memberId);
      expect(data.data.memberNumber).toBe(memberNumber);
      expect(data.data.phone).toBe('+4798765432');
      expect(data.data.consentHistory.length).toBeGreaterThanOrEqual(3);
      expect(data.data.events.length).toBeGreaterThanOrEqual(3);
    });

    it('puts the link in an SMS for {lenke}', async () => {
      // Kari said no to SMS above: say yes again on the page, then text her.
      const form = formTokenIn(await (await fetch(link)).text());
      await post(`${link}/consent`, { form, channel: 'sms', granted: 'true' });
      await cloud.server.database.transaction((tx) =>
        enqueueMessages(
          tx,
          s.chain.chainId,
          [
            {
              memberId,
              channel: 'sms',
              purpose: 'campaign:lenke',
              body: 'Se poengene dine: {lenke}',
            },
          ],
          world.now,
        ),
      );
      const report = await sendDue(cloud.server.database, cloud.server.messaging!, daytime());
      expect(
        report,
        JSON.stringify(
          await cloud.server.database.query(
            'SELECT state, skip_reason, provider_status, body FROM outbox',
          ),
        ),
      ).toMatchObject({ sent: 1, skipped: 0 });
      expect(sveve.received).toHaveLength(1);
      expect(sveve.received[0]!.msg).toContain(`Se poengene dine: ${link}`);
    });

    it('a batch whose links cannot be made goes back to the queue, and is sent the next round', async () => {
      const db = cloud.server.database;
      await db.transaction((tx) =>
        enqueueMessages(
          tx,
          s.chain.chainId,
          [{ memberId, channel: 'sms', purpose: 'campaign:igjen', body: 'Igjen: {lenke}' }],
          world.now,
        ),
      );
      const outbox = () =>
        db.query<{ state: string; attempts: unknown }>(
          "SELECT state, attempts FROM outbox WHERE purpose = 'campaign:igjen'",
        );
      // The links' table out of reach for a moment: making the link fails after the claim.
      await db.query('ALTER TABLE member_page_tokens RENAME TO member_page_tokens_away');
      try {
        await expect(sendDue(db, cloud.server.messaging!, daytime())).rejects.toThrow();
      } finally {
        await db.query('ALTER TABLE member_page_tokens_away RENAME TO member_page_tokens');
      }
      expect((await outbox()).map((r) => [r.state, Number(r.attempts)])).toEqual([['queued', 0]]);
      const report = await sendDue(db, cloud.server.messaging!, daytime());
      expect(report).toMatchObject({ sent: 1 });
      expect((await outbox()).map((r) => r.state)).toEqual(['sent']);
      expect(sveve.received.at(-1)!.msg).toContain(`Igjen: ${link}`);
    });

    it('a replaced or withdrawn link opens nothing', async () => {
      const db = cloud.server.database;
      await till.call('member.lookup', { query: memberNumber });
      await expect.poll(() => sync().memberPageLink(memberId), { timeout: 10_000 }).toBe(link);
      expect(await revokeToken(db, s.chain.chainId, memberId, world.now)).toBe(true);
      // The till's receipts stop printing the withdrawn link within five minutes.
      world.now += 5 * MIN;
      expect(sync().memberPageLink(memberId)).toBeNull();
      for (const url of [link, `${link}/data.json`]) {
        const answer = await fetch(url);
        expect(answer.status).toBe(404);
        expect(await answer.text()).toContain('Lenken er ikke lenger gyldig');
      }
      const posted = await post(`${link}/consent`, { form: 'x', channel: 'sms', granted: 'false' });
      expect(posted.status).toBe(404);
      // A new one works, and differs.
      const token = await ensureToken(
        db,
        await memberPageSecret(db),
        s.chain.chainId,
        memberId,
        world.now,
      );
      expect(link.endsWith(token)).toBe(false);
      expect((await fetch(`${cloud.server.publicUrl}/m/${token}`)).status).toBe(200);
      // A made-up token looks the same as a withdrawn one.
      const made = await fetch(`${cloud.server.publicUrl}/m/${'A'.repeat(43)}`);
      expect(made.status).toBe(404);
      expect(await made.text()).toContain('Lenken er ikke lenger gyldig');
    });
  });
}

describe('the member page’s rate limit (PGlite)', () => {
  let cloud: TestCloud;
  beforeAll(async () => {
    cloud = await startTestCloud('pglite');
  }, 60_000);
  afterAll(async () => cloud?.dispose());

  it('slows a guesser: after the burst, 429 with retry-after', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++)
      statuses.push((await fetch(`${cloud.server.url}/m/${String(i).padStart(43, 'x')}`)).status);
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const busy = await fetch(`${cloud.server.url}/m/${'y'.repeat(43)}`);
    expect(busy.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await busy.text()).toContain('For mange forsøk');
  });
});
