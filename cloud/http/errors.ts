/**
 * Every failure leaves the cloud as a status and `{error: {code, message, field, text}}`
 * (see protocol.ts), the framework's own included: unknown routes, wrong methods,
 * bad URLs, bodies that are not JSON or too large, oversized headers.
 */
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { text } from '../../src/core/i18n';
import type { Text } from '../../src/core/i18n';
import { findJsonProblem } from '../../src/core/limits';
import type { JsonProblem } from '../../src/core/limits';
import type { ErrorCode, ErrorResponse } from '../../src/sync/protocol';
import { DatabaseBusyError } from '../db/database';

export class CloudError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly field: string | null = null,
    readonly headers: Record<string, string> = {},
    /** The Norwegian (and English) text; by default the code's own (CODE_TEXT_NB) and `message`. */
    readonly said: Text | null = null,
  ) {
    super(message);
    this.name = 'CloudError';
  }
}

/** What a shop's manager or the till's sync screen shows for each code, in Norwegian. */
const CODE_TEXT_NB: Readonly<Record<ErrorCode, string>> = {
  invalid_request: 'Skyen kunne ikke bruke forespørselen. Oppdater Lojal på kassen.',
  unauthorized:
    'Kassen er ikke koblet til skyen (ukjent eller tilbakekalt nøkkel). Koble kassen til på nytt.',
  forbidden: 'Denne nøkkelen har ikke lov til dette.',
  not_found: 'Skyen har ingen slik adresse. Sjekk skyadressen og oppdater Lojal.',
  store_code_not_found:
    'Ingen butikk har denne koden. Sjekk koden med kjeden (den ser ut som 7K4M-Q2XP).',
  slots_exhausted: 'Kjeden har ikke flere kassenumre ledig. Kontakt kjeden.',
  member_not_found: 'Ingen medlem i kjeden har dette mobilnummeret eller medlemsnummeret.',
  invalid_phone: 'Mobilnummeret er ikke gyldig.',
  batch_too_large: 'For mange hendelser i én sending. Kassen deler dem opp og prøver igjen.',
  body_too_large: 'Forespørselen er for stor for skyen. Send mindre om gangen.',
  unsupported_media_type: 'Skyen tar bare imot JSON (Content-Type: application/json).',
  rate_limited: 'For mange forespørsler. Vent litt og prøv igjen.',
  unavailable: 'Skyen er opptatt akkurat nå. Prøv igjen om litt.',
  internal: 'Noe gikk galt i skyen. Prøv igjen; hjelper ikke det, kontakt driften.',
  invalid_json: 'Innholdet er ikke gyldig JSON. Oppdater Lojal på kassen.',
  invalid_text:
    'Teksten inneholder tegn som ikke kan lagres (NUL eller ugyldig Unicode). Rett teksten.',
  unsafe_number: 'Et tall er for stort eller ikke et helt tall som kan lagres nøyaktig.',
  too_deep: 'Innholdet er nøstet for dypt.',
  invalid_url: 'Adressen har ugyldig %-koding.',
  path_too_long: 'En del av adressen er for lang.',
  method_not_allowed: 'Adressen finnes, men ikke med denne metoden.',
  headers_too_large: 'Forespørselens hoder er for store.',
  bad_request: 'Forespørselen kunne ikke leses.',
  request_timeout: 'Forespørselen kom ikke fram i tide. Prøv igjen.',
};

interface IssueLike {
  path: ReadonlyArray<PropertyKey>;
  message: string;
}

export function isZodLike(error: unknown): error is { issues: IssueLike[] } {
  return (
    typeof error === 'object' &&
    error !== null &&
    Array.isArray((error as { issues?: unknown }).issues)
  );
}

/** A validation failure as a 400 naming the first field at fault, under `prefix` when given. */
export function invalidRequest(error: { issues: IssueLike[] }, prefix = ''): CloudError {
  const first = error.issues[0];
  const path = [prefix, ...(first?.path.map(String) ?? [])].filter((p) => p !== '').join('.');
  const message = first?.message ?? 'invalid request';
  return new CloudError(
    400,
    'invalid_request',
    message,
    path || null,
    {},
    {
      nb: path
        ? `Feltet «${path}» er ikke gyldig (${message}). Oppdater Lojal på kassen.`
        : CODE_TEXT_NB.invalid_request,
      en: message,
    },
  );
}

export function errorBody(
  code: ErrorCode,
  message: string,
  field: string | null = null,
  said: Text | null = null,
): ErrorResponse {
  return { error: { code, message, field, text: said ?? text(CODE_TEXT_NB[code], message) } };
}

/** A field name safe to echo: a NUL or lone surrogate in a key shows as U+FFFD. */
function printable(path: string): string {
  return path
    .split('\u0000')
    .join('\ufffd')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** The refusal of a JSON value no party may store (a NUL, a lone surrogate, an unsafe number, deep nesting). */
export function jsonProblemError(problem: JsonProblem, prefix: string): CloudError {
  const field = [prefix, printable(problem.path)].filter((p) => p !== '').join('.') || null;
  const code: ErrorCode =
    problem.code === 'malformed_text'
      ? 'invalid_text'
      : problem.code === 'unsafe_number'
        ? 'unsafe_number'
        : 'too_deep';
  const where = field ? ` (${field})` : '';
  return new CloudError(
    400,
    code,
    problem.message,
    field,
    {},
    {
      nb: `${CODE_TEXT_NB[code]}${where}`,
      en: problem.message,
    },
  );
}

/**
 * Refuses before any route runs what no party may store, anywhere in the body,
 * query or path. `skip` names body keys checked elsewhere: a push's events are
 * checked one by one (a bad one is refused alone, the rest of the batch lands).
 */
export function checkJsonAtEdge(request: FastifyRequest, skip: ReadonlySet<string>): void {
  const body = request.body;
  if (body !== null && typeof body === 'object' && !Array.isArray(body) && skip.size > 0) {
    for (const [key, value] of Object.entries(body)) {
      if (skip.has(key)) continue;
      const problem = findJsonProblem({ [key]: value });
      if (problem) throw jsonProblemError(problem, '');
    }
  } else if (body !== undefined) {
    const problem = findJsonProblem(body);
    if (problem) throw jsonProblemError(problem, '');
  }
  for (const [part, value] of [
    ['query', request.query],
    ['params', request.params],
  ] as const) {
    const problem = findJsonProblem(value);
    if (problem) throw jsonProblemError(problem, part);
  }
}

function isFastifyError(error: unknown): error is FastifyError {
  return (
    error instanceof Error && typeof (error as { statusCode?: unknown }).statusCode === 'number'
  );
}

/** Fastify's own request errors (parsing, routing) as the cloud's codes. */
function frameworkFailure(error: FastifyError, bodyLimitBytes: number): CloudError {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new CloudError(
        413,
        'body_too_large',
        `the request body is larger than this server's limit of ${bodyLimitBytes} bytes; send fewer events per push`,
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new CloudError(415, 'unsupported_media_type', 'send the body as application/json');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new CloudError(400, 'invalid_json', `the body is not JSON: ${error.message}`);
    case 'FST_ERR_BAD_URL':
      return new CloudError(400, 'invalid_url', 'the URL holds a bad %-encoding');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new CloudError(414, 'path_too_long', 'a part of the URL path is too long');
    default:
      // A body JSON.parse refused (with a statusCode of 400) or the prototype-poisoning guard.
      if (error instanceof SyntaxError || error.statusCode === 400) {
        return new CloudError(400, 'invalid_json', `the body is not usable JSON: ${error.message}`);
      }
      return new CloudError(400, 'bad_request', error.message);
  }
}

function send(reply: FastifyReply, error: CloudError): FastifyReply {
  return reply
    .code(error.status)
    .headers(error.headers)
    .send(errorBody(error.code, error.message, error.field, error.said));
}

export function errorHandler(bodyLimitBytes: number) {
  return (error: unknown, _request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof CloudError) return send(reply, error);
    if (error instanceof DatabaseBusyError) {
      // Nothing was stored: the client sends the same request again after the wait.
      return send(
        reply,
        new CloudError(
          503,
          'unavailable',
          `${error.message}; try again in ${error.retryAfterSeconds} s`,
          null,
          { 'retry-after': String(error.retryAfterSeconds) },
        ),
      );
    }
    if (isZodLike(error)) return send(reply, invalidRequest(error));
    if (isFastifyError(error) && error.statusCode !== undefined && error.statusCode < 500) {
      return send(reply, frameworkFailure(error, bodyLimitBytes));
    }
    // Details stay in the server's log; the stack names code, never tokens or payloads.
    console.error('lojal-cloud: request failed:', error instanceof Error ? error.stack : error);
    return send(
      reply,
      new CloudError(500, 'internal', 'something went wrong in the cloud server; see its log'),
    );
  };
}

/**
 * Answers for a path no route takes: 405 with `allow` when the path exists
 * under other methods, else 404. `methodsOf` says which methods take a path.
 */
export function notFoundHandler(methodsOf: (path: string) => string[]) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '';
    const allowed = methodsOf(path);
    if (allowed.length > 0 && !allowed.includes(request.method)) {
      return send(
        reply,
        new CloudError(
          405,
          'method_not_allowed',
          `${request.method} is not allowed on ${path}; use ${allowed.join(', ')}`,
          null,
          { allow: allowed.join(', ') },
        ),
      );
    }
    return send(reply, new CloudError(404, 'not_found', `no route ${request.method} ${path}`));
  };
}

/** The route patterns (`/v1/x/:id`) registered so far, by method, for the 405 answer. */
export class RouteTable {
  private readonly routes: Array<{ method: string; pattern: RegExp }> = [];

  add(methods: string | string[], url: string): void {
    const pattern = new RegExp(
      `^${url
        .split('/')
        .map((part) =>
          part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
        )
        .join('/')}/?$`,
    );
    for (const method of Array.isArray(methods) ? methods : [methods]) {
      this.routes.push({ method, pattern });
    }
  }

  methodsOf = (path: string): string[] => [
    ...new Set(this.routes.filter((r) => r.pattern.test(path)).map((r) => r.method)),
  ];
}

/**
 * Errors Node's HTTP parser meets before Fastify sees a request (oversized
 * headers, a malformed request line, a timeout): answered in the same shape,
 * then the connection is closed.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, failure] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? ([
          431,
          'Request Header Fields Too Large',
          new CloudError(431, 'headers_too_large', 'the request headers are too large'),
        ] as const)
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? ([
            408,
            'Request Timeout',
            new CloudError(408, 'request_timeout', 'the request did not arrive in time'),
          ] as const)
        : ([
            400,
            'Bad Request',
            new CloudError(400, 'bad_request', 'the request is not valid HTTP'),
          ] as const);
  const body = JSON.stringify(
    errorBody(failure.code, failure.message, failure.field, failure.said),
  );
  // An answer to HEAD has no body (the client would read one as garbage after it).
  const packet = (error as { rawPacket?: unknown }).rawPacket;
  const head = Buffer.isBuffer(packet) && packet.subarray(0, 5).toString('latin1') === 'HEAD ';
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${head ? '' : body}`,
    );
  }
  socket.destroy(error);
}
