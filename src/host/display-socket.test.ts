/**
 * The customer display's channel against the real service and host: a
 * cashier's `display.show` reaches /ws/display (the latest on connect, each
 * change after), only this host's own pages may listen, it takes nothing in,
 * the till's own /ws does not carry it, and a till that goes quiet leaves the
 * idle screen behind.
 */
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { idleDisplay } from '../contract/commands/display';
import type { DisplayState } from '../contract/commands/display';
import { DisplayHub } from './display-socket';
import { startLiveHost } from './test-host';
import type { LiveHost } from './test-host';

interface Socket {
  on(event: 'open' | 'error', listener: (arg?: unknown) => void): void;
  on(event: 'message', listener: (data: unknown) => void): void;
  on(event: 'close', listener: (code: number) => void): void;
  send(data: string): void;
  close(): void;
}
// `ws` (under @fastify/websocket) ships no types; Node 20 has no global WebSocket.
const WebSocket = createRequire(import.meta.url)('ws') as new (
  url: string,
  options?: { headers?: Record<string, string> },
) => Socket;

let live: LiveHost;
let cashierToken: string;

beforeAll(async () => {
  live = await startLiveHost();
  const login = await fetch(`${live.host.url}/rpc/session.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ pin: '1111' }),
  });
  cashierToken = ((await login.json()) as { sessionToken: string }).sessionToken;
});
afterAll(() => live.stop());

const SALE: DisplayState = {
  phase: 'sale',
  language: 'nb',
  storeName: 'Bakeriet',
  lines: [{ name: 'Kaffe, stor', quantity: 2, amountOre: 9000, listOre: 9000 }],
  discounts: [],
  savedOre: 0,
  totalOre: 9000,
  member: {
    firstName: 'Ingrid',
    pointsEarned: 9,
    cards: [{ name: { nb: 'Kaffe', en: 'Coffee' }, needed: 9, filled: 9, fresh: 2, full: true }],
  },
  joinUrl: null,
};

function show(state: unknown, token: string | null = cashierToken) {
  return fetch(`${live.host.url}/rpc/display.show`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(state),
  });
}

/** A display socket and everything it hears, in order. */
function listen(headers: Record<string, string> = {}) {
  const socket = new WebSocket(`ws://127.0.0.1:${live.host.port}/ws/display`, { headers });
  const heard: unknown[] = [];
  const waiters: Array<() => void> = [];
  socket.on('message', (data) => {
    heard.push(JSON.parse(String(data)));
    waiters.splice(0).forEach((wake) => wake());
  });
  const closed = new Promise<number>((resolve) => socket.on('close', resolve));
  const opened = new Promise<void>((resolve, reject) => {
    socket.on('open', () => resolve());
    socket.on('error', reject);
  });
  /** Resolves once `count` messages have come. */
  const next = async (count: number) => {
    while (heard.length < count) await new Promise<void>((wake) => waiters.push(wake));
    return heard[count - 1];
  };
  return { socket, heard, closed, opened, next };
}

describe('/ws/display', () => {
  it('gives the latest state on connect and every change after, as a cashier publishes it', async () => {
    const display = listen();
    // Nothing published yet: the idle screen with the store's name.
    expect(await display.next(1)).toEqual({ type: 'display', state: idleDisplay('Bakeriet') });
    expect((await show(SALE)).status).toBe(200);
    expect(await display.next(2)).toEqual({ type: 'display', state: SALE });
    display.socket.close();

    // A display that connects later gets the latest at once.
    const late = listen();
    expect(await late.next(1)).toEqual({ type: 'display', state: SALE });
    late.socket.close();
  });

  it('is refused to a page of another site (its Origin), and closes on any message', async () => {
    const foreign = listen({ origin: 'https://evil.example' });
    expect(await foreign.closed).toBe(1008);
    expect(foreign.heard).toEqual([]);

    const own = listen({ origin: live.host.url });
    await own.next(1);
    own.socket.send('{"type":"display.show"}');
    expect(await own.closed).toBe(1008);
  });

  it('takes the state only from a logged-in till, and only the customer-visible fields', async () => {
    expect((await show(SALE, null)).status).toBe(401);
    const withPhone = { ...SALE, member: { ...SALE.member!, phone: '+4748000001' } };
    const refused = await show(withPhone);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      'invalid_input',
    );
    expect((await show({ ...SALE, memberNumber: '2900000012345' })).status).toBe(400);
  });

  it('is not carried on the till’s own /ws', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${live.host.port}/ws`);
    const heard: Array<{ type: string }> = [];
    const ready = new Promise<void>((resolve, reject) => {
      socket.on('open', () => socket.send(JSON.stringify({ type: 'auth', token: cashierToken })));
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as { type: string };
        heard.push(message);
        if (message.type === 'ready') resolve();
      });
      socket.on('error', reject);
    });
    await ready;
    expect((await show({ ...SALE, totalOre: 4500 })).status).toBe(200);
    // Something the till's /ws does carry, after it: when it has come, the display had its chance.
    live.service.notify({ type: 'data', what: 'sales' });
    await vi.waitFor(() => expect(heard.map((m) => m.type)).toContain('data'));
    socket.close();
    expect(heard.map((m) => m.type)).toEqual(['ready', 'data']);
  });

  it('answers a plain GET with 426, and /display leads to the page', async () => {
    const plain = await fetch(`${live.host.url}/ws/display`);
    expect(plain.status).toBe(426);
    const page = await fetch(`${live.host.url}/display`, { redirect: 'manual' });
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/display/');
  });
});

describe('the display hub', () => {
  it('falls back to the idle screen when a till stops publishing', () => {
    vi.useFakeTimers();
    try {
      const hub = new DisplayHub('', 1_000);
      const seen: DisplayState[] = [];
      hub.subscribe((state) => seen.push(state));
      hub.show(SALE);
      vi.advanceTimersByTime(900);
      hub.show({ ...SALE, totalOre: 4500 }); // the heartbeat, or a change: the clock starts again
      vi.advanceTimersByTime(900);
      expect(hub.current().phase).toBe('sale');
      vi.advanceTimersByTime(200);
      expect(hub.current()).toEqual(idleDisplay('Bakeriet', 'nb', null));
      expect(seen.map((s) => s.phase)).toEqual(['sale', 'sale', 'idle']);
      // An idle state has nothing to fall back from.
      vi.advanceTimersByTime(5_000);
      expect(seen).toHaveLength(3);
      hub.close();
    } finally {
      vi.useRealTimers();
    }
  });

  it('names the store on the idle screen until the till says more, and one failing listener stops no other', () => {
    const hub = new DisplayHub();
    hub.nameStore('Bakeriet');
    expect(hub.current().storeName).toBe('Bakeriet');
    const seen: string[] = [];
    hub.subscribe(() => {
      throw new Error('a closing socket');
    });
    hub.subscribe((state) => seen.push(state.phase));
    hub.show(SALE);
    hub.nameStore('Another');
    expect(hub.current()).toEqual(SALE);
    expect(seen).toEqual(['sale']);
    hub.close();
  });
});
