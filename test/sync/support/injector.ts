/**
 * An HTTP proxy on 127.0.0.1 between a till and the real cloud that slips
 * events into pull pages, as JSON text exactly as given: what an older cloud,
 * a bug or an attacker in the middle could send, including text no database
 * would store (a lone surrogate), which no real cloud can be made to hold.
 * Everything else passes through untouched.
 */
import { createServer, request as httpRequest } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

function readBody(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

export class PullInjector {
  /** JSON texts to put at the front of the next pull page that answers 200. */
  private queued: string[] = [];
  /** Pull pages that carried injected events. */
  injectedPages = 0;
  /** Requests to these paths are answered with this status, not forwarded. */
  private failing = new Map<string, number>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private upstream: URL,
  ) {}

  static async start(upstream: string): Promise<PullInjector> {
    let injector: PullInjector | null = null;
    const server = createServer((req, res) => {
      void injector!.handle(req, res).catch(() => res.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (typeof address !== 'object' || address === null) throw new Error('injector did not bind');
    injector = new PullInjector(server, `http://127.0.0.1:${address.port}`, new URL(upstream));
    return injector;
  }

  /** Put these events (JSON texts) in front of the events of the next pull page. */
  inject(...jsonTexts: string[]): void {
    this.queued.push(...jsonTexts);
  }

  /** Answer requests to `path` with `status` (a JSON error body), or forward them again (null). */
  failPath(path: string, status: number | null): void {
    if (status === null) this.failing.delete(path);
    else this.failing.set(path, status);
  }

  setUpstream(url: string): void {
    this.upstream = new URL(url);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const failing = this.failing.get((req.url ?? '').split('?')[0]!);
    if (failing !== undefined) {
      const text = JSON.stringify({
        error: { code: 'unavailable', message: 'failing on purpose', field: null },
      });
      res.writeHead(failing, { 'content-type': 'application/json' });
      res.end(text);
      return;
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined || ['host', 'connection', 'content-length'].includes(name)) continue;
      headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const answer = await new Promise<{
      status: number;
      headers: Record<string, string>;
      body: Buffer;
    }>((resolve, reject) => {
      const out = httpRequest(
        {
          host: this.upstream.hostname,
          port: this.upstream.port,
          method: req.method,
          path: req.url,
          headers: { ...headers, 'content-length': String(body.length) },
        },
        (response) => {
          void readBody(response).then((buffer) => {
            const kept: Record<string, string> = {};
            for (const [name, value] of Object.entries(response.headers)) {
              if (value === undefined) continue;
              if (['connection', 'transfer-encoding', 'content-length'].includes(name)) continue;
              kept[name] = Array.isArray(value) ? value.join(', ') : value;
            }
            resolve({ status: response.statusCode ?? 502, headers: kept, body: buffer });
          }, reject);
        },
      );
      out.on('error', reject);
      out.end(body);
    });
    let sent = answer.body;
    if (
      req.method === 'GET' &&
      req.url?.startsWith('/v1/sync/pull') &&
      answer.status === 200 &&
      this.queued.length > 0
    ) {
      const page = JSON.parse(answer.body.toString('utf8')) as {
        events: unknown[];
        next: string;
        more: boolean;
      };
      const events = [...this.queued.splice(0), ...page.events.map((e) => JSON.stringify(e))];
      sent = Buffer.from(
        `{"events":[${events.join(',')}],"next":${JSON.stringify(page.next)},"more":${page.more}}`,
        'utf8',
      );
      this.injectedPages += 1;
    }
    res.writeHead(answer.status, { ...answer.headers, 'content-length': String(sent.length) });
    res.end(sent);
  }
}
