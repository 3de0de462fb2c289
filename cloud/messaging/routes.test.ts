/**
 * The public messaging routes are rate-limited per address, on a real cloud
 * (PGlite and PostgreSQL): guessing the callback key (delivery reports,
 * inbound STOPP) or an unsubscribe token is answered 429 with Retry-After
 * after a few tries, while the provider's own calls with the right key keep
 * being taken.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, startTestCloud } from '../../test/sync/support/cloud';
import type { TestCloud } from '../../test/sync/support/cloud';
import { enqueueMessages, outboxMessages } from './outbox';
import { callbackKey, unsubscribeToken } from './sender';

const SECRET = 'routes-test-secret';

for (const backend of await backends()) {
  const title = `messaging routes rate-limited (${backend.name}${backend.unavailable ? `: skipped, ${backend.unavailable}` : ''})`;
  describe.skipIf(backend.unavailable !== null)(title, () => {
    let cloud: TestCloud;
    beforeAll(async () => {
      cloud = await startTestCloud(
        backend.name,
        {},
        {
          messaging: {
            sms: {
              provider: 'sveve',
              baseUrl: 'http://127.0.0.1:9',
              user: 'butikk',
              password: 'hemmelig',
              from: 'Garnbua',
            },
            secret: SECRET,
          },
        },
      );
    }, 120_000);
    afterAll(async () => {
      await cloud?.dispose();
    });

    const statuses = async (path: string, times: number, method = 'GET') => {
      const out: { status: number; retryAfter: string | null }[] = [];
      for (let i = 0; i < times; i++) {
        const response = await fetch(`${cloud.server.url}${path}`, { method });
        await response.body?.cancel();
        out.push({ status: response.status, retryAfter: response.headers.get('retry-after') });
      }
      return out;
    };

    it('guessing the callback key: 404 a few times, then 429; the right key still passes', async () => {
      const guesses = await statuses('/messaging/sms/report/not-the-key?ref=x&status=true', 30);
      expect(guesses[0]!.status).toBe(404);
      const limited = guesses.filter((g) => g.status === 429);
      expect(limited.length).toBeGreaterThan(0);
      expect(Number(limited[0]!.retryAfter)).toBeGreaterThanOrEqual(1);
      const inbound = await statuses('/messaging/sms/inbound/not-the-key?number=1&msg=STOPP', 3);
      expect(inbound.map((g) => g.status)).toEqual([429, 429, 429]);
      const key = callbackKey({ secret: SECRET });
      const right = await statuses(`/messaging/sms/report/${key}?ref=x&status=true`, 5);
      expect(right.map((g) => g.status)).toEqual([200, 200, 200, 200, 200]);
    });

    it('unsubscribe tokens: a page for a person, 429 for a scanner of tokens', async () => {
      const tries = await statuses('/u/0190-not-a-token.abc', 40);
      expect(tries[0]!.status).toBe(404);
      expect(tries.some((t) => t.status === 429)).toBe(true);
      const posts = await statuses('/u/0190-not-a-token.abc', 2, 'POST');
      expect(posts.map((p) => p.status)).toEqual([429, 429]);
      // The 429 page in the reader's language, from the catalogue.
      const english = await fetch(`${cloud.server.url}/u/0190-not-a-token.abc?lang=en`);
      expect(english.status).toBe(429);
      expect(await english.text()).toContain('Too many tries. Try again in a little while.');
      const norwegian = await fetch(`${cloud.server.url}/u/0190-not-a-token.abc`);
      expect(await norwegian.text()).toContain('For mange forsøk. Prøv igjen om litt.');
    });

    it('many people behind one address (CGNAT) opening their own links are not throttled', async () => {
      const db = cloud.server.database;
      await db.query(`INSERT INTO chains (id, name, created_at) VALUES ('c-cgnat', 'Kjede', 0)`);
      await enqueueMessages(db, 'c-cgnat', [
        { memberId: 'm-1', channel: 'sms', purpose: 'test', body: 'Hei', notBefore: 0 },
      ]);
      const [message] = await outboxMessages(db, 'c-cgnat');
      const token = unsubscribeToken({ secret: SECRET }, message!.id);
      // Guesses from the address used up its bucket (the test before); a real link still opens.
      const opened = await statuses(`/u/${token}`, 30);
      expect(opened.map((o) => o.status)).toEqual(opened.map(() => 200));
      expect((await statuses('/u/0190-not-a-token.abc', 1))[0]!.status).toBe(429);
    });
  });
}
