/**
 * The customer display's channel. The till publishes with `display.show` (a
 * logged-in cashier's command); the service pushes it as a `display`
 * notification; a `DisplayHub` keeps the latest and hands it to every display
 * window: `GET /ws/display` in browser mode (the `/display/` page), IPC in the
 * desktop shell (electron/main.ts).
 *
 * Why `/ws/display` asks for no token: it is a read-only channel that carries
 * only the display state, which is exactly what the screen turned to the
 * shop shows anyone at the counter (product names and amounts, the total and
 * savings, a member's first name, their stamps and the points this sale
 * earns; never an id, number, phone, surname or balance: see
 * src/contract/commands/display.ts, whose strict schema refuses any other
 * field). So a process on this machine that connects learns nothing the
 * customer does not already see, and a display in a kiosk browser needs no
 * secret to be set up. What it must not become is a door for other sites: the
 * host answers only its own loopback names (DNS rebinding), and a browser
 * always sends `Origin` on a WebSocket, so a page of another site open on the
 * till is refused here. It takes nothing in (a message closes it) and holds at
 * most MAX_DISPLAY_SOCKETS at once.
 */
import type { FastifyInstance } from 'fastify';
import { idleDisplay } from '../contract/commands/display';
import type { DisplayState } from '../contract/commands/display';
import { msg } from '../core/i18n';
import { ANONYMOUS_SESSION } from './commands';
import { failure } from './errors';
import type { TillService } from '../service/types';

/** A till that stops publishing (closed, crashed, logged out) leaves no customer on screen longer than this. */
export const DISPLAY_STALE_MS = 120_000;
export const MAX_DISPLAY_SOCKETS = 8;
/** Close codes: a policy refusal (another site, a message sent) and "try again later" (too many). */
export const CLOSE_POLICY = 1008;
export const CLOSE_TRY_LATER = 1013;

type DisplayListener = (state: DisplayState) => void;

/**
 * The latest display state and who listens for it. A customer state (in a
 * sale, or paid) that is not published again within `staleAfterMs` falls
 * back to the idle screen: the till republishes its state every little
 * while, so only a till that is gone stops doing so.
 */
export class DisplayHub {
  private state: DisplayState;
  private readonly listeners = new Set<DisplayListener>();
  private staleTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    storeName = '',
    private readonly staleAfterMs = DISPLAY_STALE_MS,
  ) {
    this.state = idleDisplay(storeName);
  }

  current(): DisplayState {
    return this.state;
  }

  /** Before the till has said anything: the store's name on the idle screen. */
  nameStore(storeName: string): void {
    if (this.state.phase === 'idle' && this.state.storeName === '')
      this.set({ ...this.state, storeName });
  }

  show(state: DisplayState): void {
    this.set(state);
    if (this.staleTimer) clearTimeout(this.staleTimer);
    this.staleTimer = null;
    if (state.phase !== 'idle') {
      this.staleTimer = setTimeout(() => {
        this.staleTimer = null;
        this.set(idleDisplay(state.storeName, state.language, state.joinUrl));
      }, this.staleAfterMs);
    }
  }

  subscribe(listener: DisplayListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get subscribers(): number {
    return this.listeners.size;
  }

  close(): void {
    if (this.staleTimer) clearTimeout(this.staleTimer);
    this.staleTimer = null;
    this.listeners.clear();
  }

  private set(state: DisplayState): void {
    this.state = state;
    for (const listener of this.listeners) {
      try {
        listener(state);
      } catch {
        // A display that cannot take it (a closing socket) must not stop the others.
      }
    }
  }
}

/**
 * A hub fed by the service's `display` notifications, starting idle with the
 * store's name. `stop()` unsubscribes and clears its timer.
 */
export function serviceDisplayHub(service: TillService): { hub: DisplayHub; stop(): void } {
  const hub = new DisplayHub();
  void service
    .call('status.get', {}, ANONYMOUS_SESSION)
    .then((status) => hub.nameStore(status.storeName))
    .catch(() => undefined);
  const unsubscribe = service.subscribe((notification) => {
    if (notification.type === 'display') hub.show(notification.state);
  });
  return {
    hub,
    stop: () => {
      unsubscribe();
      hub.close();
    },
  };
}

/** The part of a `ws` socket used here (the package ships no types of its own). */
interface DisplaySocket {
  send(data: string): void;
  close(code: number, reason: string): void;
  on(event: 'message', listener: () => void): void;
  on(event: 'close', listener: () => void): void;
}

/**
 * Only this host's own pages (the Host header is already held to our loopback
 * names and port, see server.ts), or a client that is no browser (no Origin).
 */
function isOwnOrigin(origin: string | undefined, host: string | undefined): boolean {
  return origin === undefined || (host !== undefined && origin === `http://${host}`);
}

/** A plain HTTP request to /ws/display: refused in the one error shape. */
const UPGRADE_REQUIRED = failure(426, 'upgrade_required', msg('host.upgradeRequired'));

export function registerDisplaySocket(app: FastifyInstance, service: TillService): void {
  const { hub, stop } = serviceDisplayHub(service);
  app.addHook('onClose', async () => stop());

  // The page is /display/ (dist/display/index.html); /display alone leads there.
  app.get('/display', (_request, reply) => reply.redirect('/display/'));

  app.route({
    method: 'GET',
    url: '/ws/display',
    handler: (_request, reply) =>
      reply
        .code(UPGRADE_REQUIRED.status)
        .header('upgrade', 'websocket')
        .send(UPGRADE_REQUIRED.body),
    wsHandler: (raw, request) => {
      const socket = raw as unknown as DisplaySocket;
      if (!isOwnOrigin(request.headers.origin, request.headers.host)) {
        socket.close(CLOSE_POLICY, 'origin');
        return;
      }
      if (hub.subscribers >= MAX_DISPLAY_SOCKETS) {
        socket.close(CLOSE_TRY_LATER, 'busy');
        return;
      }
      const send = (state: DisplayState) => socket.send(JSON.stringify({ type: 'display', state }));
      const unsubscribe = hub.subscribe(send);
      send(hub.current());
      // Read-only: a display says nothing.
      socket.on('message', () => socket.close(CLOSE_POLICY, 'read-only'));
      socket.on('close', unsubscribe);
    },
  });
}
