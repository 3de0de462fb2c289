/**
 * A kept-alive connection the cloud (or a proxy, a NAT box) closed while it sat
 * idle fails the next request sent on it before any answer. Push and pull are
 * safe to send again (the cloud stores each event id once), so the till sends
 * them again at once (a few times: the till may hold more than one idle
 * connection) instead of reporting the cloud
 * unreachable and waiting out a backoff.
 */
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { cloudApi, CloudUnavailable } from './cloud-api';

/**
 * A raw HTTP/1.1 server that answers with keep-alive. `dropIdle()` makes every
 * connection open so far stale: a request arriving on one is cut without a word,
 * as when a server dropped an idle connection just as the till sent on it.
 */
async function droppingServer(answer: string): Promise<{
  url: string;
  requests: Array<'answered' | 'cut'>;
  dropIdle(): void;
  close(): Promise<void>;
}> {
  const requests: Array<'answered' | 'cut'> = [];
  const sockets = new Set<Socket>();
  const stale = new WeakSet<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let buffer = '';
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = buffer.slice(0, end);
      const length = Number(/content-length: *(\d+)/i.exec(head)?.[1] ?? 0);
      if (buffer.length < end + 4 + length) return;
      buffer = buffer.slice(end + 4 + length);
      if (stale.has(socket)) {
        requests.push('cut');
        socket.destroy();
        return;
      }
      requests.push('answered');
      socket.write(
        `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nconnection: keep-alive\r\n` +
          `keep-alive: timeout=60\r\ncontent-length: ${Buffer.byteLength(answer)}\r\n\r\n${answer}`,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    dropIdle: () => sockets.forEach((socket) => stale.add(socket)),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describe('a connection closed while idle', () => {
  let close: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await close?.();
    close = null;
  });

  it('sends a push again at once on a fresh connection', async () => {
    const server = await droppingServer(JSON.stringify({ acked: [], rejected: [] }));
    close = server.close;
    const api = cloudApi({ baseUrl: server.url, token: () => 'token', timeoutMs: 5_000 });
    for (let i = 0; i < 3; i++) await api.push('terminal-1', []);
    server.dropIdle();
    await expect(api.push('terminal-1', [])).resolves.toEqual({ acked: [], rejected: [] });
    // It met a dropped connection, and went out again until it was answered.
    expect(server.requests.slice(3)).toContain('cut');
    expect(server.requests.at(-1)).toBe('answered');
  });

  it('never sends a pairing twice', async () => {
    const server = await droppingServer('{}');
    close = server.close;
    const api = cloudApi({ baseUrl: server.url, token: () => null, timeoutMs: 5_000 });
    for (let i = 0; i < 3; i++) await api.push('terminal-1', []).catch(() => null);
    server.dropIdle();
    const failure = await api.pair('CODE', 'Kasse 1').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CloudUnavailable);
    expect(server.requests.slice(3)).toEqual(['cut']);
  });

  it('gives up after a few tries: a cloud that keeps dropping is unreachable', async () => {
    // Every connection is dropped at its first request.
    const requests: string[] = [];
    const sockets = new Set<Socket>();
    const server = createServer((socket) => {
      sockets.add(socket);
      socket.on('data', () => {
        requests.push('push');
        socket.destroy();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    close = () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      });
    const { port } = server.address() as { port: number };
    const api = cloudApi({
      baseUrl: `http://127.0.0.1:${port}`,
      token: () => 'token',
      timeoutMs: 5_000,
    });
    const failure = await api.push('terminal-1', []).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CloudUnavailable);
    expect(requests).toEqual(['push', 'push', 'push']);
  });
});
