/**
 * Test harness for the back office: a real cloud per database target (scrypt
 * at a lower cost, links delivered into a list the test reads), a browser-like
 * client that keeps the session cookie and sends the Origin and CSRF token a
 * page of the back office would, and tills that push staff events.
 */
import { afterAll, beforeAll } from 'vitest';
import { BO_RPC_PREFIX, CSRF_HEADER } from '../../src/contract/backoffice';
import type { BoCommandName, BoInput, BoOutputs } from '../../src/contract/backoffice';
import { PairResponse, ROUTES } from '../../src/sync/protocol';
import type { AccountLinkMessage } from '../backoffice/context';
import type { CloudServerOptions, RunningCloudServer } from '../server';
import { startCloudServer } from '../server';
import { expectBody, request, Till } from './cloud';
import { DATABASE_TARGETS, describeOn } from './databases';
import type { DatabaseTarget } from './databases';
import { staffLoggedInEvent, staffSavedEvent } from './staff-events';

/** A lower scrypt cost for the many passwords tests set (the default's own test: cloud/accounts). */
export const TEST_PASSWORD_COST = { N: 2 ** 12, r: 8, p: 1 };
export const PASSWORD = 'kanelsnurr og kaffe';

export interface BoAnswer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface CallOptions {
  /** The Origin header; the server's own by default, null for none. */
  origin?: string | null;
  /** The CSRF token; the session's by default, null for none. */
  csrf?: string | null;
  headers?: Record<string, string>;
}

/** What a back-office page does: keeps its cookie and CSRF token, sends its Origin. */
export class BoBrowser {
  cookie: string | null = null;
  csrfToken: string | null = null;

  constructor(readonly url: string) {}

  async call<N extends BoCommandName>(
    name: N,
    input: BoInput<N> | Record<string, unknown> = {},
    options: CallOptions = {},
  ): Promise<BoAnswer> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const origin = options.origin === undefined ? new URL(this.url).origin : options.origin;
    if (origin !== null) headers.origin = origin;
    const csrf = options.csrf === undefined ? this.csrfToken : options.csrf;
    if (csrf !== null) headers[CSRF_HEADER] = csrf;
    if (this.cookie) headers.cookie = this.cookie;
    const response = await fetch(`${this.url}${BO_RPC_PREFIX}${name}`, {
      method: 'POST',
      headers: { ...headers, ...options.headers },
      body: JSON.stringify(input),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';')[0]!;
      this.cookie = /=$/.test(pair) || /Max-Age=0/.test(setCookie) ? null : pair;
    }
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? JSON.parse(text) : null,
    };
  }

  /** The output of a command that must succeed. */
  async ok<N extends BoCommandName>(name: N, input: BoInput<N> | Record<string, unknown> = {}) {
    const answer = await this.call(name, input);
    if (answer.status !== 200)
      throw new Error(`${name}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body as BoOutputs[N];
  }

  async logIn(email: string, password = PASSWORD): Promise<BoOutputs['session.logIn']> {
    const session = await this.ok('session.logIn', { email, password });
    this.csrfToken = session.csrfToken;
    return session;
  }
}

export function errorOf(answer: BoAnswer): {
  code: string;
  field: string | null;
  said?: { key: string; params?: Record<string, unknown> };
  text: { nb: string; en: string; sv?: string };
  retryAfterSeconds?: number;
} {
  return (answer.body as { error: ReturnType<typeof errorOf> }).error;
}

export const tokenOf = (link: string) =>
  new URLSearchParams(new URL(link).hash.slice(1)).get('token')!;

export class BoCloud {
  private counter = 0;

  constructor(
    readonly server: RunningCloudServer,
    readonly target: string,
    /** The links delivered (resets asked for, invitations), newest last. */
    readonly delivered: AccountLinkMessage[],
  ) {}

  get url(): string {
    return this.server.url;
  }

  unique(what: string): string {
    this.counter += 1;
    return `${what}-${this.counter}-${Math.random().toString(36).slice(2, 8)}`;
  }

  /** A chain with its owner (password set) and stores. */
  async chainWithOwner(storeNames: string[] = ['Sentrum']) {
    const chain = this.unique('Kjede');
    const stores = [];
    for (const name of storeNames) stores.push(await this.server.admin.addStore(chain, name));
    const email = `${this.unique('eier')}@bakeri.no`;
    const owner = await this.server.admin.addOwner(chain, email, 'Kari Eier');
    const browser = new BoBrowser(this.url);
    await browser.ok('account.acceptInvite', { token: tokenOf(owner.link), password: PASSWORD });
    await browser.logIn(email);
    return { chain, chainId: owner.account.chainId, stores, owner: browser, ownerEmail: email };
  }

  async pair(storeCode: string, terminalName = 'Kasse 1'): Promise<Till> {
    const answer = await request(this.url, 'POST', ROUTES.pair, {
      body: { storeCode, terminalName },
    });
    return new Till(this.url, expectBody(answer, 200, PairResponse));
  }

  /** An invited store manager of these stores, logged in. */
  async storeManager(owner: BoBrowser, storeIds: string[], name = 'Per Butikk') {
    const email = `${this.unique('sjef')}@bakeri.no`;
    const invited = await owner.ok('account.invite', {
      email,
      name,
      role: 'store_manager',
      storeIds,
    });
    const browser = new BoBrowser(this.url);
    await browser.ok('account.acceptInvite', { token: tokenOf(invited.link), password: PASSWORD });
    await browser.logIn(email);
    return { browser, email, accountId: invited.accountId };
  }
}

/** A `staff.saved` from this till. */
export const staffSaved = (
  till: Till,
  employeeId: string,
  options?: Parameters<typeof staffSavedEvent>[2],
) => staffSavedEvent(till.origin, employeeId, options);

/** A `staff.logged_in` at this till. */
export const staffLoggedIn = (till: Till, staffId: string, at: number) =>
  staffLoggedInEvent(till.origin, staffId, at);

/** `body` once per database target, each with its own back-office cloud. */
export function describeBackoffice(
  title: string,
  body: (cloud: () => BoCloud) => void,
  options: Omit<CloudServerOptions, 'port' | 'host'> = {},
  targets: readonly DatabaseTarget[] = DATABASE_TARGETS,
): void {
  for (const target of targets) {
    describeOn(target, title, () => {
      let cloud: BoCloud | null = null;
      let drop: (() => Promise<void>) | null = null;
      beforeAll(async () => {
        const database = await target.create();
        drop = database.drop;
        const delivered: AccountLinkMessage[] = [];
        const server = await startCloudServer({
          port: 0,
          host: '127.0.0.1',
          backofficeDir: null,
          ...database.location,
          accounts: { passwordCost: TEST_PASSWORD_COST },
          deliverAccountLink: (message) => void delivered.push(message),
          ...options,
        });
        cloud = new BoCloud(server, target.label, delivered);
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
}
