/**
 * An HTTP proxy on 127.0.0.1 between a till and the cloud that misbehaves on
 * request: it drops the answer after the cloud has committed, sends a request
 * twice, holds a request back and delivers it late (after newer ones),
 * reverses the order of events in bodies, delays, resets connections, or
 * refuses them altogether. Faults come from rules (the next matching requests)
 * or from a seeded random "chaos" setting, and every request is logged with
 * the faults it met, so a test can show the faults really happened.
 */
import { createServer, request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export type Fault =
  /** Forward, let the cloud answer (and commit), then cut the till's connection. */
  | { kind: 'drop_response' }
  /** Forward twice, one after the other; the till gets the second answer. */
  | { kind: 'duplicate' }
  /** Keep a copy to deliver later (`deliverHeld`), and cut the till's connection unanswered. */
  | { kind: 'hold' }
  /** Reverse `events` in the request body and in the answer. */
  | { kind: 'reverse_events' }
  | { kind: 'delay'; ms: number }
  /** Cut the till's connection before anything reaches the cloud. */
  | { kind: 'reset' }
  /** Run something (stop the cloud, say) before forwarding. */
  | { kind: 'before'; run: () => Promise<void> };

export type FaultKind = Fault['kind'];

export interface FaultRule {
  /** Path prefix, e.g. /v1/sync/push. Default: every request. */
  path?: string;
  /** Let this many matching requests through untouched first. */
  skip?: number;
  /** How many matching requests get the faults (default 1). */
  times?: number;
  faults: Fault[];
}

export interface ChaosSettings {
  /** A seeded PRNG, so a failing run can be replayed. */
  random: () => number;
  /** Each a probability per request. */
  dropResponse?: number;
  duplicate?: number;
  hold?: number;
  reverseEvents?: number;
  reset?: number;
  /** Probability and the most a delay lasts. */
  delay?: number;
  maxDelayMs?: number;
}

export interface LoggedRequest {
  method: string;
  path: string;
  faults: FaultKind[];
  /** The cloud's status as the proxy saw it; null when it never got an answer. */
  status: number | null;
  /** When the request arrived (ms since the epoch). */
  at: number;
}

interface Held {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer;
}

interface UpstreamAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'host',
  'upgrade',
  'proxy-connection',
]);

function forwardable(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function readBody(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/** The same JSON with its top-level `events` array reversed (anything else unchanged). */
function reverseEvents(body: Buffer): Buffer {
  if (body.length === 0) return body;
  try {
    const json = JSON.parse(body.toString('utf8')) as unknown;
    if (
      typeof json === 'object' &&
      json !== null &&
      Array.isArray((json as { events?: unknown }).events)
    ) {
      const events = [...(json as { events: unknown[] }).events].reverse();
      return Buffer.from(JSON.stringify({ ...json, events }), 'utf8');
    }
  } catch {
    // Not JSON: leave it.
  }
  return body;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class FaultyProxy {
  readonly log: LoggedRequest[] = [];
  private rules: Array<FaultRule & { seen: number; used: number }> = [];
  private chaosSettings: ChaosSettings | null = null;
  private held: Held[] = [];
  private readonly sockets = new Set<Socket>();
  private listening = true;

  private constructor(
    private readonly server: Server,
    readonly port: number,
    private upstream: URL,
  ) {
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  static async start(upstream: string): Promise<FaultyProxy> {
    let proxy: FaultyProxy | null = null;
    const server = createServer((req, res) => {
      void proxy!.handle(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (typeof address !== 'object' || address === null) throw new Error('proxy did not bind');
    proxy = new FaultyProxy(server, address.port, new URL(upstream));
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Point at another cloud (a restarted server on a new port). */
  setUpstream(url: string): void {
    this.upstream = new URL(url);
  }

  addRule(rule: FaultRule): void {
    this.rules.push({ ...rule, seen: 0, used: 0 });
  }

  clearRules(): void {
    this.rules = [];
  }

  /** Rules still waiting for a request to act on. */
  get pendingRules(): number {
    return this.rules.filter((r) => r.used < (r.times ?? 1)).length;
  }

  chaos(settings: ChaosSettings | null): void {
    this.chaosSettings = settings;
  }

  /** Stop accepting connections (the till gets ECONNREFUSED), or accept them again. */
  async refuse(on: boolean): Promise<void> {
    if (on && this.listening) {
      this.listening = false;
      await new Promise<void>((resolve) => {
        this.server.close(() => resolve());
        this.server.closeAllConnections();
      });
    } else if (!on && !this.listening) {
      await new Promise<void>((resolve) => this.server.listen(this.port, '127.0.0.1', resolve));
      this.listening = true;
    }
  }

  /** Requests held back so far. */
  get heldCount(): number {
    return this.held.length;
  }

  /** Delivers held requests now, newest first (so they arrive late and out of order). */
  async deliverHeld(): Promise<number[]> {
    const held = this.held.reverse();
    this.held = [];
    const statuses: number[] = [];
    for (const h of held) {
      try {
        statuses.push((await this.forward(h)).status);
      } catch {
        statuses.push(0);
      }
    }
    return statuses;
  }

  count(kind: FaultKind): number {
    return this.log.filter((r) => r.faults.includes(kind)).length;
  }

  async close(): Promise<void> {
    this.listening = false;
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
      for (const socket of this.sockets) socket.destroy();
    });
  }

  private faultsFor(method: string, path: string): Fault[] {
    const faults: Fault[] = [];
    for (const rule of this.rules) {
      if (rule.path !== undefined && !path.startsWith(rule.path)) continue;
      rule.seen += 1;
      if (rule.seen <= (rule.skip ?? 0) || rule.used >= (rule.times ?? 1)) continue;
      rule.used += 1;
      faults.push(...rule.faults);
    }
    const chaos = this.chaosSettings;
    if (chaos && faults.length === 0 && method !== 'OPTIONS') {
      const roll = (p: number | undefined) => p !== undefined && chaos.random() < p;
      if (roll(chaos.delay)) {
        faults.push({ kind: 'delay', ms: Math.floor(chaos.random() * (chaos.maxDelayMs ?? 20)) });
      }
      if (roll(chaos.reverseEvents)) faults.push({ kind: 'reverse_events' });
      if (roll(chaos.reset)) faults.push({ kind: 'reset' });
      else if (roll(chaos.hold)) faults.push({ kind: 'hold' });
      else if (roll(chaos.duplicate)) faults.push({ kind: 'duplicate' });
      else if (roll(chaos.dropResponse)) faults.push({ kind: 'drop_response' });
    }
    return faults;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const entry: LoggedRequest = {
      method,
      path: path.split('?')[0]!,
      faults: [],
      status: null,
      at: Date.now(),
    };
    this.log.push(entry);
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch {
      return;
    }
    const faults = this.faultsFor(method, path);
    entry.faults = faults.map((f) => f.kind);
    const has = (kind: FaultKind) => faults.some((f) => f.kind === kind);
    const cut = () => {
      req.socket.destroy();
    };

    if (has('reset')) return cut();
    if (has('reverse_events')) body = reverseEvents(body);
    const outgoing: Held = { method, path, headers: forwardable(req.headers), body };
    if (has('hold')) {
      this.held.push(outgoing);
      return cut();
    }
    for (const fault of faults) {
      if (fault.kind === 'delay') await sleep(fault.ms);
      if (fault.kind === 'before') await fault.run();
    }
    let answer: UpstreamAnswer;
    try {
      answer = await this.forward(outgoing);
      if (has('duplicate')) answer = await this.forward(outgoing);
    } catch {
      // The cloud is gone: answer as a gateway would.
      if (res.headersSent || req.socket.destroyed) return;
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error: {
            code: 'unavailable',
            message: 'the cloud did not answer the proxy',
            field: null,
          },
        }),
      );
      return;
    }
    entry.status = answer.status;
    if (has('drop_response')) return cut();
    const out = has('reverse_events') ? reverseEvents(answer.body) : answer.body;
    const headers = forwardable(answer.headers);
    headers['content-length'] = String(out.length);
    res.writeHead(answer.status, headers);
    res.end(out);
  }

  private forward(outgoing: Held): Promise<UpstreamAnswer> {
    return new Promise((resolve, reject) => {
      const upstream = this.upstream;
      const request = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: outgoing.method,
          path: outgoing.path,
          headers: { ...outgoing.headers, 'content-length': String(outgoing.body.length) },
        },
        (response) => {
          readBody(response).then(
            (body) =>
              resolve({ status: response.statusCode ?? 502, headers: response.headers, body }),
            reject,
          );
        },
      );
      request.on('error', reject);
      request.end(outgoing.body);
    });
  }
}
