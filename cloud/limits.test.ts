import { expect, it } from 'vitest';
import { HOUR, memberEvents } from '../src/core/member/test-events';
import { MAX_EVENTS_PER_PUSH, PushResponse, ROUTES } from '../src/sync/protocol';
import { describeOnEachDatabase, expectBody, expectError, request } from './test/cloud';

const T0 = Date.UTC(2026, 6, 1, 12, 0, 0);
const BODY_LIMIT = 20_000;
const PULL_CAP = 3;
const REQUESTS_PER_TOKEN = 5;

describeOnEachDatabase(
  'limits',
  (cloud) => {
    it('refuses a body over the limit with 413 naming the limit', async () => {
      const till = await cloud().newTill();
      const answer = await request(cloud().url, 'POST', ROUTES.push, {
        token: till.token,
        rawBody: JSON.stringify({ events: [{ padding: 'x'.repeat(BODY_LIMIT) }] }),
      });
      const error = expectError(answer, 413, 'body_too_large');
      expect(error.message).toContain(String(BODY_LIMIT));
    });

    it(`takes at most ${MAX_EVENTS_PER_PUSH} events per push and refuses more with batch_too_large`, async () => {
      const till = await cloud().newTill();
      const full = expectBody(
        await till.call('POST', ROUTES.push, {
          events: Array.from({ length: MAX_EVENTS_PER_PUSH }, () => 0),
        }),
        200,
        PushResponse,
      );
      expect(full.rejected).toHaveLength(MAX_EVENTS_PER_PUSH);
      const over = await till.call('POST', ROUTES.push, {
        events: Array.from({ length: MAX_EVENTS_PER_PUSH + 1 }, () => 0),
      });
      const error = expectError(over, 400, 'batch_too_large');
      expect(error.message).toContain(`at most ${MAX_EVENTS_PER_PUSH}`);
      expect(error.field).toBe('events');
    });

    it('caps a pull asking for more than the server gives, and says there is more', async () => {
      const till = await cloud().newTill();
      const m = memberEvents('member-cap');
      const events = [
        m.enrolled(T0, {}, till.origin),
        ...[1, 2, 3, 4].map((h) => m.sale(T0 + h * HOUR, till.origin)),
      ];
      await till.push(events);
      const first = await till.pull(undefined, 1000);
      expect(first.events.map((e) => e.id)).toEqual(events.slice(0, PULL_CAP).map((e) => e.id));
      expect(first.more).toBe(true);
      const rest = await till.pull(first.next, 1000);
      expect(rest.events.map((e) => e.id)).toEqual(events.slice(PULL_CAP).map((e) => e.id));
      expect(rest.more).toBe(false);
      expectError(await till.call('GET', `${ROUTES.pull}?limit=0`), 400, 'invalid_request');
      expectError(await till.call('GET', `${ROUTES.pull}?after=-1`), 400, 'invalid_request');
    });

    it('limits each terminal to its own bucket of requests: 429 with retry-after', async () => {
      const store = await cloud().newStore();
      const busy = await cloud().pair(store.storeCode, 'Kasse 1');
      const calm = await cloud().pair(store.storeCode, 'Kasse 2');
      for (let i = 0; i < REQUESTS_PER_TOKEN; i++)
        expect((await busy.call('GET', ROUTES.pull)).status).toBe(200);
      const refused = await busy.call('GET', ROUTES.pull);
      expectError(refused, 429, 'rate_limited');
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(Number.isInteger(retryAfter) && retryAfter >= 1).toBe(true);
      // A refused push stores nothing.
      const event = memberEvents('member-limited').enrolled(T0, {}, busy.origin);
      expectError(await busy.call('POST', ROUTES.push, { events: [event] }), 429, 'rate_limited');
      expect((await calm.pull()).events).toEqual([]);
      // Another terminal of the same store is not held back.
      expect((await calm.call('GET', ROUTES.conflicts)).status).toBe(200);
    });
  },
  {
    limits: {
      bodyLimitBytes: BODY_LIMIT,
      maxPullLimit: PULL_CAP,
      perToken: { capacity: REQUESTS_PER_TOKEN, refillPerSecond: 0.01 },
    },
  },
);

describeOnEachDatabase(
  'limits on requests without a valid token',
  (cloud) => {
    it('limits pairing attempts and bad tokens per address', async () => {
      const store = await cloud().newStore();
      await cloud().pair(store.storeCode);
      expectError(
        await request(cloud().url, 'POST', ROUTES.pair, {
          body: { storeCode: '2222-2222', terminalName: 'x' },
        }),
        404,
        'store_code_not_found',
      );
      expectError(
        await request(cloud().url, 'GET', ROUTES.pull, { token: 'lojal_t_guess' }),
        401,
        'unauthorized',
      );
      const refused = await request(cloud().url, 'POST', ROUTES.pair, {
        body: { storeCode: store.storeCode, terminalName: 'Kasse 9' },
      });
      expectError(refused, 429, 'rate_limited');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    });
  },
  { limits: { perAddress: { capacity: 3, refillPerSecond: 0.01 } } },
);
