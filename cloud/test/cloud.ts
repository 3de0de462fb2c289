/**
 * Test harness: a real cloud server on 127.0.0.1 per database target, and tills
 * that talk to it over HTTP with `fetch`, checking every answer against the
 * protocol's schemas (so the tests also hold the server to the wire contract).
 */
import { afterAll, beforeAll } from 'vitest';
import type { z } from 'zod';
import type { EnvelopeOptions } from '../../src/core/member/test-events';
import {
  ConflictsResponse,
  ErrorResponse,
  MemberLookupResponse,
  PairResponse,
  PullPage,
  PullResponse,
  PushResponse,
  ROUTES,
} from '../../src/sync/protocol';
import type { CloudLimits, RunningCloudServer } from '../server';
import { startCloudServer } from '../server';
import { DATABASE_TARGETS, describeOn } from './databases';
import type { DatabaseTarget } from './databases';

export interface HttpAnswer {
  status: number;
  headers: Headers;
  body: unknown;
}

export async function request(
  url: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string } = {},
): Promise<HttpAnswer> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.rawBody !== undefined || options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = options.rawBody ?? JSON.stringify(options.body);
  }
  const response = await fetch(url + path, { method, headers, body });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as unknown) : null,
  };
}

/** The answer's body checked against `schema`, or a failure naming the status and body. */
export function expectBody<S extends z.ZodType>(
  answer: HttpAnswer,
  status: number,
  schema: S,
): z.infer<S> {
  if (answer.status !== status) {
    throw new Error(
      `expected HTTP ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`,
    );
  }
  return schema.parse(answer.body);
}

/** The error body of a failed request, checked to have the status and code. */
export function expectError(
  answer: HttpAnswer,
  status: number,
  code: string,
): ErrorResponse['error'] {
  const { error } = expectBody(answer, status, ErrorResponse);
  if (error.code !== code)
    throw new Error(`expected error ${code}, got ${error.code}: ${error.message}`);
  return error;
}

export class Till {
  constructor(
    readonly url: string,
    readonly pairing: PairResponse,
  ) {}

  get token(): string {
    return this.pairing.token;
  }

  /** Envelope options that make events this till may push. */
  get origin(): Required<Pick<EnvelopeOptions, 'chainId' | 'storeId' | 'terminalId'>> {
    return {
      chainId: this.pairing.chainId,
      storeId: this.pairing.storeId,
      terminalId: this.pairing.terminalId,
    };
  }

  call(method: string, path: string, body?: unknown): Promise<HttpAnswer> {
    return request(this.url, method, path, { token: this.token, body });
  }

  async push(events: readonly unknown[]): Promise<PushResponse> {
    return expectBody(await this.call('POST', ROUTES.push, { events }), 200, PushResponse);
  }

  async pull(after?: string, limit?: number): Promise<PullResponse> {
    const query = new URLSearchParams();
    if (after !== undefined) query.set('after', after);
    if (limit !== undefined) query.set('limit', String(limit));
    return expectBody(await this.call('GET', `${ROUTES.pull}?${query}`), 200, PullResponse);
  }

  /** Every event of the chain, page by page. */
  async pullAll(pageSize?: number): Promise<PullResponse['events']> {
    const events: PullResponse['events'] = [];
    let after: string | undefined;
    for (;;) {
      const page = await this.pull(after, pageSize);
      events.push(...page.events);
      after = page.next;
      if (!page.more) return events;
    }
  }

  /** Every event of the chain as sent, unparsed (events of types this version does not know too). */
  async pullRaw(): Promise<unknown[]> {
    const events: unknown[] = [];
    let after = '0';
    for (;;) {
      const answer = await this.call('GET', `${ROUTES.pull}?after=${after}`);
      const page = expectBody(answer, 200, PullPage);
      events.push(...page.events);
      after = page.next;
      if (!page.more) return events;
    }
  }

  async lookup(query: Record<string, string>): Promise<HttpAnswer> {
    return this.call('GET', `${ROUTES.memberLookup}?${new URLSearchParams(query)}`);
  }

  async lookupMembers(query: Record<string, string>): Promise<MemberLookupResponse['members']> {
    return expectBody(await this.lookup(query), 200, MemberLookupResponse).members;
  }

  async conflicts(): Promise<ConflictsResponse['conflicts']> {
    return expectBody(await this.call('GET', ROUTES.conflicts), 200, ConflictsResponse).conflicts;
  }
}

export interface NewStore {
  chain: string;
  chainId: string;
  storeName: string;
  storeId: string;
  storeCode: string;
}

export class TestCloud {
  private stores = 0;

  constructor(
    readonly server: RunningCloudServer,
    readonly target: string,
  ) {}

  get url(): string {
    return this.server.url;
  }

  /** A store in a chain of its own (unless `chain` is given), so tests sharing a server do not meet. */
  async newStore(chain?: string): Promise<NewStore> {
    this.stores += 1;
    const chainName = chain ?? `Kjede ${this.stores} ${Math.random().toString(36).slice(2, 8)}`;
    const added = await this.server.admin.addStore(chainName, `Butikk ${this.stores}`);
    return {
      chain: chainName,
      chainId: added.chainId,
      storeName: added.storeName,
      storeId: added.storeId,
      storeCode: added.storeCode,
    };
  }

  /** Pairs a till; with the `token` of a paired till, pairs that terminal again. */
  async pair(storeCode: string, terminalName = 'Kasse 1', token?: string): Promise<Till> {
    const answer = await request(this.url, 'POST', ROUTES.pair, {
      token,
      body: { storeCode, terminalName },
    });
    return new Till(this.url, expectBody(answer, 200, PairResponse));
  }

  /** A till paired with a new store of a new chain. */
  async newTill(): Promise<Till> {
    return this.pair((await this.newStore()).storeCode);
  }
}

export interface SuiteOptions {
  limits?: Partial<CloudLimits>;
}

/**
 * Defines `body` once per database target, each with its own server started
 * before the suite and closed (and its database dropped) after. A target that
 * cannot run is reported as skipped with the reason in the suite's name.
 */
export function describeOnEachDatabase(
  title: string,
  body: (cloud: () => TestCloud) => void,
  options: SuiteOptions = {},
): void {
  for (const target of DATABASE_TARGETS) defineOn(target, title, body, options);
}

function defineOn(
  target: DatabaseTarget,
  title: string,
  body: (cloud: () => TestCloud) => void,
  options: SuiteOptions,
): void {
  describeOn(target, title, () => {
    let cloud: TestCloud | null = null;
    let drop: (() => Promise<void>) | null = null;
    beforeAll(async () => {
      const database = await target.create();
      drop = database.drop;
      const server = await startCloudServer({
        port: 0,
        host: '127.0.0.1',
        ...database.location,
        limits: options.limits,
      });
      cloud = new TestCloud(server, target.label);
    });
    afterAll(async () => {
      await cloud?.server.close();
      await drop?.();
    });
    body(() => {
      if (!cloud) throw new Error('the cloud server did not start');
      return cloud;
    });
  });
}
