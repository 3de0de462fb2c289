/**
 * A fake Sveve for tests and the benchmark: a real HTTP server on loopback
 * speaking the shape of Sveve's SMS API (POST /SMS/SendMessage, JSON in and
 * out, `ref` echoed in delivery reports sent back to a callback by GET with
 * number, status, id, ref, errorCode). It does NOT drop a repeated ref (Sveve
 * does not promise to), so a resend shows up as two texts to one phone.
 *
 * Faults on demand: a ref's first attempt refused with an error in the answer
 * (`refuseFirstAttempt`), a report sent BEFORE the send's answer (out of
 * order), late (`reportDelayMs`), twice (`duplicateReports`), a failed
 * delivery for numbers ending in `failDeliveryTo`.
 */
import { createServer, request as httpRequest } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeSveveOptions {
  user?: string;
  password?: string;
  refuseFirstAttempt?: (ref: string) => boolean;
  /** Report before answering the send (out of order) for these refs. */
  reportFirst?: (ref: string) => boolean;
  reportDelayMs?: number;
  duplicateReports?: boolean;
  failDeliveryTo?: (to: string) => boolean;
}

export interface ReceivedSms {
  ref: string;
  to: string;
  msg: string;
  from: string;
  id: number;
}

function bodyOf(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (data += chunk));
    request.on('end', () => resolve(data));
    request.on('error', reject);
  });
}

export class FakeSveve {
  readonly received: ReceivedSms[] = [];
  readonly attempts = new Map<string, number>();
  reportUrl: string | null = null;
  private nextId = 1000;
  private pending = new Set<Promise<void>>();
  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly options: FakeSveveOptions,
  ) {}

  static async start(options: FakeSveveOptions = {}): Promise<FakeSveve> {
    let fake: FakeSveve | null = null;
    const server = createServer((req, res) => void fake!.handle(req, res));
    server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    fake = new FakeSveve(server, `http://127.0.0.1:${port}`, options);
    return fake;
  }

  /** Texts each phone (digits) got. */
  countsByPhone(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const sms of this.received) counts.set(sms.to, (counts.get(sms.to) ?? 0) + 1);
    return counts;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const answer = (json: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(json));
    };
    if (req.method !== 'POST' || req.url !== '/SMS/SendMessage') {
      res.writeHead(404).end();
      return;
    }
    const p = JSON.parse(await bodyOf(req)) as Record<string, string>;
    if (
      p.user !== (this.options.user ?? 'butikk') ||
      p.passwd !== (this.options.password ?? 'hemmelig')
    )
      return answer({
        response: { msgOkCount: 0, stdSMSCount: 0, fatalError: 'Feil brukernavn/passord' },
      });
    if (!p.to || !p.msg || !p.ref || p.ref.length > 36 || (p.from ?? '').length > 11)
      return answer({
        response: { msgOkCount: 0, stdSMSCount: 0, fatalError: 'Ugyldig forespørsel' },
      });
    const attempt = (this.attempts.get(p.ref) ?? 0) + 1;
    this.attempts.set(p.ref, attempt);
    if (attempt === 1 && this.options.refuseFirstAttempt?.(p.ref))
      return answer({
        response: {
          msgOkCount: 0,
          stdSMSCount: 0,
          errors: [{ number: p.to, message: 'Midlertidig feil, prøv igjen' }],
        },
      });
    const id = this.nextId++;
    this.received.push({ ref: p.ref, to: p.to, msg: p.msg, from: p.from ?? '', id });
    const to = p.to;
    const delivered = !this.options.failDeliveryTo?.(to);
    const report = () => this.report(to, id, p.ref!, delivered);
    if (this.options.reportFirst?.(p.ref)) await report();
    else this.later(report, this.options.reportDelayMs ?? 0);
    if (this.options.duplicateReports) this.later(report, (this.options.reportDelayMs ?? 0) + 20);
    answer({ response: { msgOkCount: 1, stdSMSCount: 1, ids: [id] } });
  }

  private later(work: () => Promise<void>, ms: number): void {
    const done = new Promise<void>((resolve) => setTimeout(resolve, ms)).then(work);
    this.pending.add(done);
    void done.finally(() => this.pending.delete(done));
  }

  private async report(number: string, id: number, ref: string, ok: boolean): Promise<void> {
    if (!this.reportUrl) return;
    const url = new URL(this.reportUrl);
    url.search = new URLSearchParams({
      number,
      status: String(ok),
      id: String(id),
      ref,
      errorCode: ok ? '' : '3',
      errorDesc: ok ? '' : 'Ugyldig nummer',
    }).toString();
    const response = await fetch(url);
    await response.body?.cancel();
  }

  /** A reply from a phone forwarded to the inbound callback (as Sveve forwards replies). */
  async inbound(url: string, number: string, msg: string): Promise<number> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ number, msg }).toString(),
    });
    await response.body?.cancel();
    return response.status;
  }

  /** Waits until every report scheduled so far has been sent. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * Between the cloud and the provider: forwards each request, and for the
 * chosen ones lets the provider answer but cuts the connection instead of
 * passing the answer on (the request reached the provider; the answer is lost).
 */
export class AnswerLosingProxy {
  lost = 0;
  private count = 0;
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(
    target: string,
    loseAnswer: (n: number, answer: string) => boolean,
  ): Promise<AnswerLosingProxy> {
    const to = new URL(target);
    let proxy: AnswerLosingProxy | null = null;
    const server = createServer((req, res) => {
      const n = ++proxy!.count;
      const upstream = httpRequest(
        {
          host: to.hostname,
          port: to.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (c: Buffer) => chunks.push(c));
          answer.on('end', () => {
            if (loseAnswer(n, Buffer.concat(chunks).toString('utf8'))) {
              proxy!.lost++;
              req.socket.destroy();
              return;
            }
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            res.end(Buffer.concat(chunks));
          });
        },
      );
      upstream.on('error', () => req.socket.destroy());
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    proxy = new AnswerLosingProxy(server, `http://127.0.0.1:${port}`);
    return proxy;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
