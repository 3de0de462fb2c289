/**
 * `GET /ws`: pushes the service's notifications to a logged-in UI. Browsers
 * cannot put headers on a WebSocket, so the first message authenticates:
 * `{"type":"auth","token":"<session token>"}`. Until then nothing is sent.
 * The customer display's state goes only to display windows, on their own
 * read-only channel (`/ws/display`, ./display-socket.ts, registered here too).
 */
import type { FastifyInstance } from 'fastify';
import { msg } from '../core/i18n';
import { registerDisplaySocket } from './display-socket';
import { failure } from './errors';
import type { TillService } from '../service/types';

/** The part of a `ws` socket used here (the package ships no types of its own). */
interface NotificationSocket {
  send(data: string): void;
  close(code: number, reason: string): void;
  on(event: 'message', listener: (data: unknown) => void): void;
  on(event: 'close', listener: () => void): void;
}

const AUTH_TIMEOUT_MS = 5_000;
/** Close codes in the application range, mirroring HTTP 401. */
export const CLOSE_UNAUTHORIZED = 4401;

function parseAuth(data: unknown): string | null {
  try {
    const message: unknown = JSON.parse(String(data));
    if (typeof message !== 'object' || message === null) return null;
    const { type, token } = message as { type?: unknown; token?: unknown };
    return type === 'auth' && typeof token === 'string' ? token : null;
  } catch {
    return null;
  }
}

/** A plain HTTP request to /ws: refused in the one error shape (the plugin's own answer is an empty 404). */
const UPGRADE_REQUIRED = failure(426, 'upgrade_required', msg('host.upgradeRequired'));

export function registerNotificationSocket(app: FastifyInstance, service: TillService): void {
  registerDisplaySocket(app, service);
  app.route({
    method: 'GET',
    url: '/ws',
    handler: (_request, reply) =>
      reply
        .code(UPGRADE_REQUIRED.status)
        .header('upgrade', 'websocket')
        .send(UPGRADE_REQUIRED.body),
    wsHandler: (raw) => {
      const socket = raw as unknown as NotificationSocket;
      let unsubscribe: (() => void) | null = null;
      const refuse = () => socket.close(CLOSE_UNAUTHORIZED, 'unauthorized');
      const authTimer = setTimeout(refuse, AUTH_TIMEOUT_MS);

      socket.on('message', (data) => {
        if (unsubscribe) return; // the UI only ever sends the auth message
        clearTimeout(authTimer);
        const token = parseAuth(data);
        if (!token || !service.sessionFromToken(token)) return refuse();
        unsubscribe = service.subscribe((notification) => {
          // The till's own windows already show what its display shows.
          if (notification.type === 'display') return;
          // A session that ended (log-out, expiry) stops receiving at once.
          if (!service.sessionFromToken(token)) return refuse();
          socket.send(JSON.stringify(notification));
        });
        socket.send(JSON.stringify({ type: 'ready' }));
      });
      socket.on('close', () => {
        clearTimeout(authTimer);
        unsubscribe?.();
      });
    },
  });
}
