/**
 * The fuzzer's parts, shared by the CI fuzz tests (test/fuzz/*.fuzz.test.ts)
 * and the long run (`npm run fuzz`, bench/fuzz.ts): the parties (the real till
 * host on a temp SQLite file, the real cloud on loopback on PGlite), their
 * routes enumerated from the route tables and the command map (so a new route or
 * command is fuzzed without being listed here), random and adversarial requests
 * over raw HTTP, and the checks every answer must pass:
 *
 * - no 5xx and an answer within the timeout;
 * - every 4xx is `{error: {code, message, field, text: {nb, en}}}`, exactly;
 * - a refusal changes nothing (the till's event log, the cloud's events and
 *   terminals, compared as digests before and after).
 */
import { readFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { memberEvents } from '../../src/core/member/test-events';
import { programmeTemplates } from '../../src/core/templates';
import { API_ROUTES } from '../../src/host/api-routes';
import { apiTokenPath } from '../../src/host/api-token';
import { API_DOCUMENT_PATH } from '../../src/host/openapi';
import { startLiveHost } from '../../src/host/test-host';
import { CommandInputs } from '../../src/service/commands';
import type { CommandOutputs, Session } from '../../src/service/commands';
import { DATABASE_FILE } from '../../src/service/till-service';
import { ROUTES } from '../../src/sync/protocol';
import type { PairResponse } from '../../src/sync/protocol';
import { startCloudServer } from '../../cloud/server';
import { freshPgliteDir } from '../../cloud/test/databases';
import { rmSync } from 'node:fs';

export interface RouteSpec {
  method: string;
  /** With `:name` for path parameters. */
  path: string;
}

export interface FuzzCase {
  method: string;
  route: RouteSpec;
  path: string;
  /** The credential's label (`none`, `bad`, `api`, `cashier` …). */
  credential: string;
  contentType: string | null;
  body: string | null;
  extraHeaders: Record<string, string>;
}

export interface Outcome {
  status: number;
  timedOut: boolean;
  body: string;
  ms: number;
}

export interface Party {
  name: 'till' | 'cloud';
  port: number;
  routes: RouteSpec[];
  credentials: string[];
  authorization(label: string): string | null;
  /** The credential a route is meant for (the API token, a manager session, a terminal). */
  primary(route: RouteSpec): string;
  /** Real ids for path parameters. */
  ids: string[];
  /** A body that the route would take (or nearly), to be mutated. */
  seed(route: RouteSpec): unknown;
  /** Query parameters the route reads, with plausible values. */
  query(route: RouteSpec): Record<string, string>;
  digest(): Promise<string>;
  /** Repairs what an accepted request took away (a session logged out, a token unpaired). */
  after(c: FuzzCase, outcome: Outcome): Promise<void>;
  close(): Promise<void>;
}

// ---- HTTP --------------------------------------------------------------------

const agent = new Agent({ keepAlive: true, maxSockets: 4 });

/** One request over raw HTTP (the path as is: no client normalising a bad %-encoding). */
export function send(party: Party, c: FuzzCase, timeoutMs: number): Promise<Outcome> {
  const headers: Record<string, string> = { host: `127.0.0.1:${party.port}`, ...c.extraHeaders };
  const authorization = party.authorization(c.credential);
  if (authorization) headers.authorization = authorization;
  if (c.contentType) headers['content-type'] = c.contentType;
  const body = c.body === null ? null : Buffer.from(c.body, 'utf8');
  if (body) headers['content-length'] = String(body.length);
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const done = (outcome: Omit<Outcome, 'ms'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...outcome, ms: performance.now() - started });
    };
    let req: ReturnType<typeof httpRequest>;
    try {
      req = httpRequest(
        { host: '127.0.0.1', port: party.port, method: c.method, path: c.path, headers, agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            done({
              status: res.statusCode ?? 0,
              timedOut: false,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          res.on('error', () => done({ status: res.statusCode ?? 0, timedOut: false, body: '' }));
        },
      );
    } catch (error) {
      // The client itself refused to send it (a path Node will not put on the wire).
      resolve({ status: -1, timedOut: false, body: String(error), ms: 0 });
      return;
    }
    const timer = setTimeout(() => {
      req.destroy();
      done({ status: 0, timedOut: true, body: '' });
    }, timeoutMs);
    req.on('error', (error) => done({ status: 0, timedOut: false, body: `(${error.message})` }));
    if (body) req.write(body);
    req.end();
  });
}

/**
 * What is wrong with a refusal's body, or null when it has exactly a documented
 * shape: the cloud's (`text` in nb and en) or the till's (`text` in nb, en and
 * sv, and `said`, the catalogue message it renders).
 */
export function errorShapeProblem(body: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return `not JSON: ${body.slice(0, 200)}`;
  }
  const top = parsed as Record<string, unknown> | null;
  if (!top || typeof top !== 'object' || Object.keys(top).join() !== 'error') {
    return `not {error}: ${body.slice(0, 200)}`;
  }
  const error = top.error as Record<string, unknown> | null;
  if (!error || typeof error !== 'object') return `error is not an object: ${body.slice(0, 200)}`;
  const keys = Object.keys(error).sort().join();
  const till = keys === 'code,field,message,said,text';
  if (keys !== 'code,field,message,text' && !till)
    return `error keys ${keys}: ${body.slice(0, 200)}`;
  const text = error.text as Record<string, unknown> | null;
  const said = error.said as Record<string, unknown> | null;
  const languages = till ? 'en,nb,sv' : 'en,nb';
  const ok =
    (!till || (!!said && typeof said === 'object' && typeof said.key === 'string')) &&
    (!till || (typeof text?.sv === 'string' && text.sv.length > 0)) &&
    typeof error.code === 'string' &&
    error.code.length > 0 &&
    typeof error.message === 'string' &&
    (error.field === null || typeof error.field === 'string') &&
    !!text &&
    typeof text === 'object' &&
    Object.keys(text).sort().join() === languages &&
    typeof text.nb === 'string' &&
    text.nb.length > 0 &&
    typeof text.en === 'string' &&
    text.en.length > 0;
  return ok ? null : `error fields of the wrong type: ${body.slice(0, 200)}`;
}

/**
 * A 503 that says, in the error shape, that another party is out of reach (the
 * till's cloud, the cloud's database busy): the right answer, to be retried, not
 * a fault. The fuzzer points the till at a closed port, so `sync.pair` and
 * `sync.now` give it; anything else in the 5xx range is a fault.
 */
export const UPSTREAM_CODES = new Set(['cloud_unavailable', 'unavailable']);

function isUpstreamUnavailable(outcome: Outcome): boolean {
  if (outcome.status !== 503 || errorShapeProblem(outcome.body) !== null) return false;
  const code = (JSON.parse(outcome.body) as { error: { code: string } }).error.code;
  return UPSTREAM_CODES.has(code);
}

export interface Violation {
  kind: 'server_error' | 'hang' | 'shape' | 'state_changed' | 'no_answer' | 'cloud_refused';
  request: string;
  detail: string;
}

function describeCase(c: FuzzCase): string {
  const body = c.body === null ? '' : ` body(${c.body.length}): ${c.body.slice(0, 300)}`;
  const extra = Object.keys(c.extraHeaders).length
    ? ` headers: ${Object.entries(c.extraHeaders)
        .map(([k, v]) => `${k}(${v.length})`)
        .join(',')}`
    : '';
  return `${c.method} ${c.path.slice(0, 300)} [${c.credential}; ${c.contentType ?? 'no type'}]${extra}${body}`;
}

/** In a seed, stands for a number new to each request (a phone, an idempotency key). */
export const UNIQUE = '@@N@@';
let unique = 0;

/** Sends one case and checks it; the violations found (none is the goal). */
export async function runCase(
  party: Party,
  drawn: FuzzCase,
  timeoutMs: number,
): Promise<Violation[]> {
  const c =
    drawn.body?.includes(UNIQUE) === true
      ? {
          ...drawn,
          body: drawn.body.replaceAll(UNIQUE, () => String(++unique % 1e6).padStart(6, '0')),
        }
      : drawn;
  const before = await party.digest();
  const outcome = await send(party, c, timeoutMs);
  const request = describeCase(c);
  const found: Violation[] = [];
  if (outcome.timedOut) {
    found.push({ kind: 'hang', request, detail: `no answer in ${timeoutMs} ms` });
  } else if (outcome.status === -1) {
    // Not sent: nothing to check.
  } else if (outcome.status === 0) {
    found.push({ kind: 'no_answer', request, detail: outcome.body || 'connection closed' });
  } else if (outcome.status >= 500 && !isUpstreamUnavailable(outcome)) {
    found.push({
      kind: 'server_error',
      request,
      detail: `${outcome.status}: ${outcome.body.slice(0, 300)}`,
    });
  } else if (outcome.status >= 400 || outcome.status === 503) {
    if (c.method !== 'HEAD') {
      const problem = errorShapeProblem(outcome.body);
      if (problem) found.push({ kind: 'shape', request, detail: `${outcome.status} ${problem}` });
    }
    const after = await party.digest();
    if (after !== before) {
      found.push({
        kind: 'state_changed',
        request,
        detail: `${outcome.status} ${outcome.body.slice(0, 200)}: ${before} → ${after}`,
      });
    }
  } else if (party.name === 'cloud' && c.route.path === ROUTES.push && outcome.status === 200) {
    // A push whose every event was refused stores nothing either.
    const answer = JSON.parse(outcome.body) as { acked: unknown[] };
    if (answer.acked.length === 0) {
      const after = await party.digest();
      if (after !== before) {
        found.push({
          kind: 'state_changed',
          request,
          detail: `every event refused, yet ${before} → ${after}`,
        });
      }
    }
  }
  if (outcome.status >= 200 || outcome.status === 0) await party.after(c, outcome);
  return found;
}

// ---- generators ----------------------------------------------------------------

/** Stands for a number JSON.stringify cannot write; replaced in the text afterwards. */
const RAW = '\u0001raw:';
const RAW_NUMBERS = ['1e400', '-1e400', '123456789012345678901234567890', '-0', '9007199254740993'];

const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    'Ann\ud800e',
    '\udc00',
    '\ud83d\ude00',
    '../../etc/passwd',
    '%00',
    "'; DROP TABLE events;--",
    '<script>alert(1)</script>',
    '9'.repeat(30),
    '+4791234567',
    '41234567',
    '2900000000017',
    '-1',
    'NaN',
    'true',
    '__proto__',
    '1111',
    '9999',
  ),
  fc.constantFrom(100, 101, 1000, 1001, 70_000).map((n) => 'x'.repeat(n)),
);

const hostileNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(
    0,
    -1,
    1,
    0.5,
    999,
    1000,
    500,
    501,
    2 ** 31,
    2 ** 53 - 1,
    2 ** 53,
    -(2 ** 53),
    1e21,
    1e300,
  ),
  fc.constantFrom(...RAW_NUMBERS).map((n) => `${RAW}${n}`),
);

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  { weight: 3, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(31, 33, 200).map(nested) },
  {
    weight: 1,
    arbitrary: fc.array(hostileString, { maxLength: 3 }).map((a) => [...a, ...a]),
  },
  {
    weight: 1,
    arbitrary: fc
      .dictionary(hostileString, fc.oneof(hostileString, hostileNumber), { maxKeys: 3 })
      .map((d) => ({ ...d })),
  },
);

/** Every path to a value inside `value` (the value itself included). */
function pathsOf(
  value: unknown,
  at: Array<string | number> = [],
  out: Array<Array<string | number>> = [],
) {
  out.push(at);
  if (out.length > 400) return out;
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...at, i], out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...at, k], out);
  }
  return out;
}

function replaced(value: unknown, path: Array<string | number>, by: unknown): unknown {
  if (path.length === 0) return by;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[head as number] = replaced(copy[head as number], rest, by);
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  copy[head as string] = replaced(copy[head as string], rest, by);
  return copy;
}

function withKey(value: unknown, path: Array<string | number>, key: string, by: unknown): unknown {
  const target = path.reduce<unknown>(
    (v, p) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined),
    value,
  );
  if (target === null || typeof target !== 'object' || Array.isArray(target)) {
    return { ...(typeof value === 'object' && value !== null ? value : {}), [key]: by };
  }
  return replaced(value, path, { ...(target as Record<string, unknown>), [key]: by });
}

function toJson(value: unknown): string {
  const text = JSON.stringify(value) ?? 'null';
  return text.replace(/"\\u0001raw:([^"]*)"/g, '$1');
}

const RAW_BODIES = [
  '',
  '{',
  '{"a":',
  'null',
  '[]',
  '"text"',
  '12',
  '{"__proto__": {"polluted": true}}',
  '{"constructor": {"prototype": {"polluted": true}}}',
  '{"a": 1, "a": 2}',
  '{"a": "\\ud800"}',
  '{"\\u0000": 1}',
  '\u0000',
  '{"a": 1}garbage',
  '['.repeat(5000) + ']'.repeat(5000),
  '{"a":'.repeat(3000) + '1' + '}'.repeat(3000),
];

/** A body: the route's seed, mutated or not, or something else entirely. */
function bodyArbitrary(party: Party, route: RouteSpec): fc.Arbitrary<string | null> {
  const seed = party.seed(route);
  const paths = pathsOf(seed);
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant(toJson(seed)) },
    {
      weight: 6,
      arbitrary: fc
        .tuple(fc.nat(), hostileValue)
        .map(([i, v]) => toJson(replaced(seed, paths[i % paths.length]!, v))),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.nat(), hostileString, hostileValue)
        .map(([i, k, v]) => toJson(withKey(seed, paths[i % paths.length]!, k, v))),
    },
    { weight: 1, arbitrary: hostileValue.map(toJson) },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.nat(), fc.constantFrom(2 * 1024 * 1024, 6 * 1024 * 1024, 9 * 1024 * 1024))
        .map(([i, n]) => toJson(replaced(seed, paths[i % paths.length]!, 'L'.repeat(n)))),
    },
    { weight: 1, arbitrary: fc.constant(null) },
  );
}

/** %-encodes any string; a lone surrogate goes on the wire as its (invalid) UTF-8 bytes. */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return encodeURIComponent(
      value.replace(
        /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
        '\ufffd',
      ),
    ).replace(/%EF%BF%BD/g, '%ED%A0%80');
  }
}

const PARAM_VALUES = [
  '%E0%A4%A',
  '%',
  '%zz',
  '%00',
  '%ED%A0%80',
  '%C0%80',
  '..',
  '.',
  'x'.repeat(101),
  'x'.repeat(300),
  encode('Ann\u0000e'),
  encode('ÆØÅ 😀'),
];

function paramArbitrary(party: Party): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...party.ids, 'no-such-id') },
    { weight: 2, arbitrary: fc.constantFrom(...PARAM_VALUES) },
    { weight: 2, arbitrary: fc.string({ maxLength: 120 }).map(encode) },
  );
}

const QUERY_VALUES = ['%00', '%ED%A0%80', '%', '%E0%A4%A', 'x'.repeat(2000), '-1', '1e400', ''];

function queryArbitrary(party: Party, route: RouteSpec): fc.Arbitrary<string> {
  const plausible = party.query(route);
  const known = Object.keys(plausible);
  const pair = fc.tuple(
    fc.oneof(fc.constantFrom(...known, 'limit', 'x'), fc.string({ maxLength: 10 })),
    fc.oneof(
      fc.constantFrom(...Object.values(plausible), ...QUERY_VALUES),
      fc.string({ maxLength: 40 }).map(encode),
      hostileString.map((s) => encode(s.slice(0, 200))),
    ),
  );
  return fc.oneof(
    {
      weight: 2,
      arbitrary: fc.constant(known.map((k) => `${encode(k)}=${encode(plausible[k]!)}`).join('&')),
    },
    {
      weight: 3,
      arbitrary: fc
        .array(pair, { maxLength: 4 })
        .map((pairs) => pairs.map(([k, v]) => `${encode(k)}=${v}`).join('&')),
    },
    { weight: 1, arbitrary: fc.constant('') },
  );
}

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'];
const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  'application/json; charset=latin1',
];

/** One request to a route of the party: random method, path, credential, body, query, headers. */
export function caseArbitrary(party: Party): fc.Arbitrary<FuzzCase> {
  return fc.constantFrom(...party.routes).chain((route) => {
    const params = (route.path.match(/:[A-Za-z]+/g) ?? []).length;
    return fc
      .record({
        method: fc.oneof(
          { weight: 8, arbitrary: fc.constant(route.method) },
          { weight: 1, arbitrary: fc.constantFrom(...METHODS) },
        ),
        params: fc.array(paramArbitrary(party), { minLength: params, maxLength: params }),
        suffix: fc.oneof(
          { weight: 12, arbitrary: fc.constant('') },
          {
            weight: 1,
            arbitrary: fc.constantFrom('/', '//x', '/x', '/%E0%A4%A', `/${'y'.repeat(150)}`),
          },
        ),
        query: queryArbitrary(party, route),
        credential: fc.oneof(
          { weight: 12, arbitrary: fc.constant(party.primary(route)) },
          { weight: 2, arbitrary: fc.constantFrom(...party.credentials) },
        ),
        contentType: fc.oneof(
          { weight: 8, arbitrary: fc.constant<string | null>('application/json') },
          { weight: 2, arbitrary: fc.constantFrom<string | null>(null, ...CONTENT_TYPES) },
        ),
        body: bodyArbitrary(party, route),
        extra: fc.oneof(
          { weight: 20, arbitrary: fc.constant<Record<string, string>>({}) },
          {
            weight: 1,
            arbitrary: fc.constantFrom<Record<string, string>>(
              { 'x-pad': 'a'.repeat(20_000) },
              { 'idempotency-key': 'k'.repeat(300) },
              { 'idempotency-key': 'fuzz-idempotency-1' },
              { 'content-encoding': 'gzip' },
              { 'transfer-encoding': 'chunked' },
            ),
          },
        ),
      })
      .map(({ method, params, suffix, query, credential, contentType, body, extra }) => {
        let i = 0;
        const filled = route.path.replace(/:[A-Za-z]+/g, () => params[i++] ?? 'x');
        const withBody = method !== 'GET' && method !== 'HEAD';
        return {
          method,
          route,
          path: `${filled}${suffix}${query ? `?${query}` : ''}`,
          credential,
          contentType: withBody && body !== null ? contentType : null,
          body: withBody ? body : null,
          extraHeaders: extra,
        };
      });
  });
}

/** Every route with a few fixed hostile variants: each route is reached whatever the random draw. */
export function everyRouteCases(party: Party): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const route of party.routes) {
    const seed = party.seed(route);
    const seedPaths = pathsOf(seed);
    const leaf = seedPaths[seedPaths.length - 1]!;
    const bodies = [
      toJson(seed),
      toJson(replaced(seed, leaf, 'Ann\ud800e')),
      toJson(replaced(seed, leaf, 'L'.repeat(2 * 1024 * 1024))),
      toJson(replaced(seed, leaf, `${RAW}1e400`)),
      toJson(replaced(seed, leaf, nested(40))),
      '{',
    ];
    const filled = route.path.replace(/:[A-Za-z]+/g, () => party.ids[0] ?? 'x');
    const long = route.path.replace(/:[A-Za-z]+/g, () => 'x'.repeat(101));
    const query = Object.entries(party.query(route))
      .map(([k, v]) => `${encode(k)}=${encode(v)}`)
      .join('&');
    const at = query ? `${filled}?${query}` : filled;
    const withBody = route.method !== 'GET';
    for (const credential of party.credentials) {
      cases.push({
        method: route.method,
        route,
        path: at,
        credential,
        contentType: withBody ? 'application/json' : null,
        body: withBody ? bodies[0]! : null,
        extraHeaders: {},
      });
    }
    for (const body of withBody ? bodies.slice(1) : []) {
      cases.push({
        method: route.method,
        route,
        path: at,
        credential: party.primary(route),
        contentType: 'application/json',
        body,
        extraHeaders: {},
      });
    }
    if (long !== route.path) {
      cases.push({
        method: route.method,
        route,
        path: long,
        credential: party.primary(route),
        contentType: null,
        body: null,
        extraHeaders: {},
      });
    }
  }
  return cases;
}

/**
 * The till's configuration at its extremes: each number of the programme and
 * the catalogue set in turn to values at and beyond the limits, and each one
 * the till takes is then used by a big sale, a basket and a member's view
 * before the configuration is put back. A programme or price the till accepts
 * must never make a later sale fail (a programme reaches every till of the chain).
 */
export function extremeCases(
  party: Party,
  extremes: readonly number[] = [2 ** 53 - 1, 1_000_000_000, 10_000_000_000, 0, -1, 0.5],
): FuzzCase[] {
  if (party.name !== 'till') return [];
  const cases: FuzzCase[] = [];
  const json = (method: string, path: string, body: unknown): FuzzCase => ({
    method,
    route: { method, path },
    path,
    credential: 'api',
    contentType: body === undefined ? null : 'application/json',
    body: body === undefined ? null : toJson(body),
    extraHeaders: {},
  });
  const memberId = party.ids[0] ?? 'x';
  const catalogue = party.seed({ method: 'PUT', path: '/api/v1/products' });
  const skus = (Array.isArray(catalogue) ? (catalogue as Array<{ sku?: unknown }>) : [])
    .map((p) => p.sku)
    .filter((sku): sku is string => typeof sku === 'string')
    .slice(0, 10);
  if (skus.length === 0) skus.push('kanelbolle');
  for (const path of ['/api/v1/programme', '/api/v1/products']) {
    const seed = party.seed({ method: 'PUT', path });
    const numbers = pathsOf(seed).filter((at) => {
      const value = at.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], seed);
      return typeof value === 'number';
    });
    for (const at of numbers) {
      for (const extreme of extremes) {
        cases.push(
          json('PUT', path, replaced(seed, at, extreme)),
          // The most a line may hold, without a member; then one unit to the member (every
          // sale here goes to that one member, and spend coupons are issued per step crossed:
          // a member's view grows with the amount sold to them; reported, not this run's question).
          json('POST', '/api/v1/sales', {
            lines: [{ sku: skus[0]!, quantity: 999 }],
            paymentMethod: 'card',
            idempotencyKey: `fuzz-extreme-${UNIQUE}`,
          }),
          json('POST', '/api/v1/sales', {
            lines: [{ sku: skus[0]!, quantity: 1 }],
            memberId,
            paymentMethod: 'card',
            idempotencyKey: `fuzz-extreme-${UNIQUE}`,
          }),
          json('POST', '/api/v1/baskets/evaluate', {
            lines: skus.map((sku) => ({ sku, quantity: 999 })),
          }),
          json('POST', '/api/v1/baskets/evaluate', {
            lines: skus.map((sku) => ({ sku, quantity: 1 })),
            memberId,
          }),
          json('GET', `/api/v1/members/${memberId}`, undefined),
          json('PUT', path, seed),
        );
      }
    }
  }
  return cases;
}

// ---- the till ----------------------------------------------------------------

const PIN = { cashier: '1111', manager: '9999' } as const;

async function json(port: number, method: string, path: string, body: unknown, auth?: string) {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(auth ? { authorization: `Bearer ${auth}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export interface TillParty extends Party {
  /** Push and pull now (when paired), and the sync status after. */
  sync(): Promise<{ report: CommandOutputs['sync.now']; status: CommandOutputs['sync.status'] }>;
}

const MANAGER: Session = { role: 'manager', staffId: 'demo-morten' };

/**
 * The real till host (demo data) on a temp data folder, with its API token and
 * two sessions; paired with a cloud when `pairWith` is given.
 */
export async function startTill(
  pairWith: { url: string; storeCode: string } | null = null,
): Promise<TillParty> {
  const live = await startLiveHost();
  if (pairWith) {
    // The chain's cloud holds no programme or catalogue yet: the demo's are saved again once paired.
    const programme = await live.service.call('programme.get', {}, MANAGER);
    const products = await live.service.call('catalogue.get', {}, MANAGER);
    await live.service.call(
      'sync.pair',
      { cloudUrl: pairWith.url, storeCode: pairWith.storeCode, terminalName: 'Fuzz' },
      MANAGER,
    );
    await live.service.call('programme.save', { programme }, MANAGER);
    await live.service.call('catalogue.save', { products }, MANAGER);
  }
  const port = live.host.port;
  const apiToken = readFileSync(apiTokenPath(live.dataDir), 'utf8').trim();
  const sessions: Record<string, string | null> = { cashier: null, manager: null };
  const login = async (role: 'cashier' | 'manager') => {
    const answer = await json(port, 'POST', '/rpc/session.login', { pin: PIN[role] });
    sessions[role] = answer.status === 200 ? (answer.body.sessionToken as string) : null;
  };
  await login('cashier');
  await login('manager');

  const enrolled = await json(
    port,
    'POST',
    '/api/v1/members',
    { phone: '+47 412 00 001', acceptTerms: true, profile: { firstName: 'Fuzz' } },
    apiToken,
  );
  const member = enrolled.body.member as { memberId: string; memberNumber: string };
  const sold = await json(
    port,
    'POST',
    '/api/v1/sales',
    {
      lines: [{ sku: 'kanelbolle', quantity: 2, lineId: 'fuzz-line-1' }],
      memberId: member.memberId,
      paymentMethod: 'card',
      idempotencyKey: 'fuzz-seed-sale-1',
    },
    apiToken,
  );
  const sale = sold.body as { saleId: string; evaluation: { lines: Array<{ lineId: string }> } };
  const programme = (await json(port, 'GET', '/api/v1/programme', undefined, apiToken)).body;
  const catalogue = (await json(port, 'GET', '/api/v1/products', undefined, apiToken)).body;

  const basket = {
    lines: [{ sku: 'kanelbolle', quantity: 1, lineId: 'line-1' }],
    memberId: member.memberId,
    selections: { couponIds: [], rewardIds: [], pointsToRedeem: 0, cashbackToRedeemOre: 0 },
  };
  const seeds: Record<string, unknown> = {
    'session.login': { pin: PIN.cashier },
    'staff.save': { name: 'Fuzz', role: 'cashier', pin: `7${UNIQUE}` },
    'member.enrol': {
      phone: `+47 41${UNIQUE}`,
      acceptTerms: true,
      consents: { sms: true, email: false },
      profile: { firstName: 'Ann', lastName: 'Fuzz', email: 'a@example.no', postalCode: '0150' },
      memberPin: '2468',
    },
    'member.lookup': { query: '41200001' },
    'member.search': { name: 'Fuzz', limit: 5 },
    'member.update': { memberId: member.memberId, profile: { firstName: 'Fuzzy' } },
    'member.consent': { memberId: member.memberId, channel: 'sms', granted: false },
    'member.history': { memberId: member.memberId, limit: 5 },
    'member.setPin': { memberId: member.memberId, memberPin: '1357' },
    'member.verifyPin': { memberId: member.memberId, memberPin: '1357' },
    'member.buyCoupon': { memberId: member.memberId, offerId: 'offer-1' },
    'member.awardAction': { memberId: member.memberId, actionId: 'action-1' },
    'member.erase': { memberId: 'no-such-member', confirm: true },
    'basket.evaluate': basket,
    'sale.commit': { ...basket, paymentMethod: 'cash', idempotencyKey: `fuzz-sale-${UNIQUE}` },
    'sale.void': { saleId: sale.saleId, reason: 'fuzz' },
    'sale.return': {
      saleId: sale.saleId,
      lines: [{ lineId: sale.evaluation?.lines?.[0]?.lineId ?? 'fuzz-line-1', quantity: 1 }],
    },
    'sale.recent': { limit: 5 },
    'programme.save': { programme },
    'catalogue.save': { products: catalogue },
    'product.search': { query: 'bolle', limit: 5 },
    'product.byBarcode': { barcode: '7038010000010' },
    'scan.classify': { code: member.memberNumber },
    'print.list': { status: 'all', limit: 5 },
    'receiptHeader.save': { storeName: 'Fuzz', addressLines: ['Gate 1'], footerLines: [] },
    // Port 9 on loopback: refused at once, never a real cloud.
    'sync.pair': { cloudUrl: 'http://127.0.0.1:9', storeCode: '7K4M-Q2XP', terminalName: 'Fuzz' },
    'sync.unpair': { force: false },
  };
  const apiSeed: Record<string, unknown> = {
    '/api/v1/programme': programme,
    '/api/v1/products': catalogue,
    '/api/v1/sales/:id/void': { reason: 'fuzz' },
    '/api/v1/sales/:id/return': { lines: (seeds['sale.return'] as { lines: unknown }).lines },
  };

  const routes: RouteSpec[] = [
    { method: 'GET', path: '/api/v1/health' },
    { method: 'GET', path: API_DOCUMENT_PATH },
    ...API_ROUTES.map((r) => ({ method: r.method, path: `/api/v1${r.path}` })),
    ...Object.keys(CommandInputs).map((name) => ({ method: 'POST', path: `/rpc/${name}` })),
  ];
  const commandOf = new Map<string, string>(
    API_ROUTES.map((r) => [`${r.method} /api/v1${r.path}`, r.command]),
  );
  const db = new Database(join(live.dataDir, DATABASE_FILE), { readonly: true });
  const digestQuery = db.prepare(
    'SELECT count(*) AS n, coalesce(max(rowid), 0) AS last FROM events',
  );

  return {
    name: 'till',
    port,
    routes,
    credentials: ['none', 'bad', 'api', 'cashier', 'manager'],
    authorization(label) {
      if (label === 'api') return `Bearer ${apiToken}`;
      if (label === 'bad') return 'Bearer not-a-token';
      if (label === 'cashier' || label === 'manager') {
        const token = sessions[label];
        return token ? `Bearer ${token}` : null;
      }
      return null;
    },
    primary: (route) => (route.path.startsWith('/rpc/') ? 'manager' : 'api'),
    ids: [member.memberId, sale.saleId, member.memberNumber],
    seed(route) {
      if (route.path.startsWith('/rpc/')) return seeds[route.path.slice(5)] ?? {};
      if (route.path in apiSeed) return apiSeed[route.path];
      const command = commandOf.get(`${route.method} ${route.path}`);
      return (command && seeds[command]) ?? {};
    },
    query(route): Record<string, string> {
      if (route.path === '/api/v1/members/lookup') return { q: '41200001' };
      if (route.method === 'DELETE') return { confirm: 'false' };
      return {};
    },
    async digest() {
      const row = digestQuery.get() as { n: number; last: number };
      return `events ${row.n}/${row.last}`;
    },
    async after(c) {
      for (const role of ['cashier', 'manager'] as const) {
        const token = sessions[role];
        if (c.credential === role && (!token || !live.service.sessionFromToken(token))) {
          await login(role);
        }
      }
    },
    async sync() {
      const report = await live.service.call('sync.now', {}, MANAGER);
      return { report, status: await live.service.call('sync.status', {}, MANAGER) };
    },
    async close() {
      db.close();
      await live.stop();
    },
  };
}

// ---- the cloud ----------------------------------------------------------------

/** The real cloud on loopback (PGlite), a chain with a paired terminal and an admin, and another chain. */
export async function startCloud(): Promise<Party> {
  const dataDir = await freshPgliteDir();
  const server = await startCloudServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    // The fuzzer is one client sending thousands of requests: the rate limits are tested elsewhere.
    limits: {
      perToken: { capacity: 1_000_000, refillPerSecond: 1_000_000 },
      perAddress: { capacity: 1_000_000, refillPerSecond: 1_000_000 },
    },
  });
  const port = server.port;
  const store = await server.admin.addStore('Fuzz-kjeden', 'Fuzz-butikken');
  const other = await server.admin.addStore('Andre kjeden', 'Andre butikken');
  const pair = async (storeCode: string, name: string): Promise<PairResponse> =>
    (await json(port, 'POST', ROUTES.pair, { storeCode, terminalName: name })).body as never;
  const tokens: Record<string, string> = {
    terminal: (await pair(store.storeCode, 'Fuzz 1')).token,
    admin: await server.admin.addAdminToken('Fuzz-kjeden'),
    other_chain: (await pair(other.storeCode, 'Andre 1')).token,
  };
  let terminal = (await pair(store.storeCode, 'Fuzz 2')) as PairResponse;
  tokens.terminal = terminal.token;
  const revoked = await pair(store.storeCode, 'Fuzz 3');
  await json(port, 'POST', ROUTES.unpair, {}, revoked.token);
  tokens.revoked = revoked.token;

  const T0 = Date.now() - 60_000;
  const m = memberEvents('01900000-0000-7000-8000-00000000f001');
  const origin = () => ({
    chainId: terminal.chainId,
    storeId: terminal.storeId,
    terminalId: terminal.terminalId,
  });
  await json(
    port,
    'POST',
    ROUTES.push,
    { events: [m.enrolled(T0, {}, origin())] },
    tokens.terminal,
  );
  const programme = programmeTemplates[0]!.programme;

  const routes: RouteSpec[] = [];
  for (const path of Object.values(ROUTES)) {
    // The 405 answer's `allow` header names the methods a path takes.
    const probe = await fetch(`http://127.0.0.1:${port}${path}`, { method: 'PATCH' });
    await probe.arrayBuffer();
    const allow = probe.headers.get('allow');
    for (const method of allow ? allow.split(/,\s*/) : ['GET']) {
      if (method !== 'HEAD') routes.push({ method, path });
    }
  }

  return {
    name: 'cloud',
    port,
    routes,
    credentials: ['none', 'bad', 'terminal', 'admin', 'other_chain', 'revoked'],
    authorization(label) {
      if (label === 'bad') return 'Bearer lojal_t_guess';
      const token = tokens[label];
      return token ? `Bearer ${token}` : null;
    },
    primary: (route) => (route.path === ROUTES.programme ? 'admin' : 'terminal'),
    ids: [terminal.terminalId, store.storeId],
    seed(route) {
      switch (route.path) {
        case ROUTES.pair:
          return { storeCode: store.storeCode, terminalName: 'Fuzz X' };
        case ROUTES.push:
          return {
            events: [
              m.sale(Date.now() - 1000, origin()),
              m.enrolled(Date.now() - 500, {}, origin()),
            ],
          };
        case ROUTES.programme:
          return { programme, staffId: null };
        default:
          return {};
      }
    },
    query(route): Record<string, string> {
      if (route.path === ROUTES.pull) return { limit: '10' };
      if (route.path === ROUTES.memberLookup) return { phone: '91234567', country: 'NO' };
      return {};
    },
    async digest() {
      const rows = await server.database.query<{ events: number; terminals: number }>(
        'SELECT (SELECT count(*)::int FROM events) AS events, (SELECT count(*)::int FROM terminals) AS terminals',
      );
      return `events ${rows[0]?.events} terminals ${rows[0]?.terminals}`;
    },
    async after(c, outcome) {
      // The fuzzer unpaired its own terminal: pair again so the rest of the run has one.
      if (c.route.path === ROUTES.unpair && c.credential === 'terminal' && outcome.status === 200) {
        terminal = await pair(store.storeCode, 'Fuzz again');
        tokens.terminal = terminal.token;
      }
    },
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
