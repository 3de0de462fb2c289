/**
 * Every failure leaves the host as a status code and `{error: {code, message, field, text}}`,
 * the framework's own included: unknown routes, wrong methods, bad URLs, bodies
 * that are not JSON or too large, oversized headers, text no party may store.
 */
import type { Socket } from 'node:net';
import type { z } from 'zod';
import { text } from '../core/i18n';
import type { Text } from '../core/i18n';
import { findJsonProblem } from '../core/limits';
import type { JsonProblem } from '../core/limits';
import { ServiceError } from '../service/commands';
import type { ErrorBody } from '../service/commands';
import { invalidInput } from '../service/errors';

export interface HttpFailure {
  status: number;
  body: { error: ErrorBody };
}

/** A refusal of the host's own (token, route, host name): `message` is the English text. */
export function failure(
  status: number,
  code: string,
  said: Text,
  field: string | null = null,
): HttpFailure {
  return { status, body: { error: { code, message: said.en, field, text: said } } };
}

function isZodLike(error: unknown): error is { issues: z.core.$ZodIssue[] } {
  return (
    typeof error === 'object' &&
    error !== null &&
    Array.isArray((error as { issues?: unknown }).issues)
  );
}

/**
 * Translate whatever a command threw. ServiceErrors carry their own status;
 * validation errors that escaped the service become 400 with the field; anything
 * else is a 500 whose details stay in the server log, not in the answer.
 */
export function toHttpFailure(error: unknown): HttpFailure {
  if (error instanceof ServiceError)
    return { status: error.status, body: { error: error.toBody() } };
  if (isZodLike(error)) return { status: 400, body: { error: invalidInput(error).toBody() } };
  const framework = frameworkFailure(error);
  if (framework) return framework;
  console.error(
    'lojal: command failed unexpectedly:',
    error instanceof Error ? error.stack : error,
  );
  return failure(
    500,
    'internal',
    text(
      'Noe gikk galt i kassetjenesten. Prøv igjen; hjelper ikke det, se loggen.',
      'Something went wrong in the till service; see its log.',
    ),
  );
}

/** Fastify's own request errors (parsing, routing) as the host's codes; null for anything else. */
function frameworkFailure(error: unknown): HttpFailure | null {
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof statusCode !== 'number' || statusCode < 400 || statusCode >= 500) return null;
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : 'bad request';
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return failure(
        413,
        'body_too_large',
        text(
          'Forespørselen er for stor for kassen (over 5 MB). Send mindre om gangen.',
          'The request body is larger than the till takes (5 MB). Send less at a time.',
        ),
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return failure(
        415,
        'unsupported_media_type',
        text(
          'Send innholdet som JSON (Content-Type: application/json).',
          'Send the body as JSON (Content-Type: application/json).',
        ),
      );
    case 'FST_ERR_BAD_URL':
      return failure(
        400,
        'invalid_url',
        text(
          'Adressen har ugyldig %-koding. Kod adressen med encodeURIComponent.',
          'The URL holds a bad %-encoding. Encode it with encodeURIComponent.',
        ),
      );
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return failure(
        414,
        'path_too_long',
        text(
          'En del av adressen er for lang (høyst 100 tegn). Sjekk id-en som sendes.',
          'A part of the URL path is too long (at most 100 characters). Check the id sent.',
        ),
      );
    default:
      // JSON.parse's refusals, an empty JSON body, the prototype-poisoning guard.
      if (
        code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
        code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
        error instanceof SyntaxError ||
        statusCode === 400
      ) {
        return failure(
          400,
          'invalid_json',
          text(
            `Innholdet er ikke gyldig JSON (${message}). Send et JSON-objekt.`,
            `The body is not valid JSON (${message}). Send a JSON object.`,
          ),
        );
      }
      return failure(
        statusCode,
        'bad_request',
        text(
          `Kassetjenesten kunne ikke lese forespørselen (${message}).`,
          `The till service could not read the request (${message}).`,
        ),
      );
  }
}

const JSON_PROBLEM_TEXT: Readonly<Record<JsonProblem['code'], [string, Text]>> = {
  malformed_text: [
    'invalid_text',
    text(
      'Teksten inneholder tegn som ikke kan lagres (NUL eller en ugyldig Unicode-surrogat). Fjern tegnet og prøv igjen.',
      'The text holds characters that cannot be stored (a NUL or a lone surrogate). Remove them and try again.',
    ),
  ],
  unsafe_number: [
    'unsafe_number',
    text(
      'Tallet er for stort til å lagres nøyaktig. Bruk et mindre tall.',
      'The number is too large to be kept exactly. Use a smaller one.',
    ),
  ],
  too_deep: [
    'too_deep',
    text(
      'Innholdet er nøstet for dypt. Send en enklere struktur.',
      'The body is nested too deeply. Send a flatter structure.',
    ),
  ],
};

/** A field name safe to echo: a NUL or lone surrogate in a key shows as U+FFFD. */
function printable(path: string): string {
  return path
    .split('\u0000')
    .join('\ufffd')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/**
 * The first thing in a request that no party may store (a NUL or lone surrogate
 * in a key or value, a number beyond 2^53, nesting too deep), as a 400 naming
 * the field; null when there is none. Checked before any command runs.
 */
export function jsonProblemFailure(parts: {
  body: unknown;
  query: unknown;
  params: unknown;
}): HttpFailure | null {
  for (const [prefix, value] of [
    ['', parts.body],
    ['query', parts.query],
    ['params', parts.params],
  ] as const) {
    const problem = findJsonProblem(value);
    if (!problem) continue;
    const field = [prefix, printable(problem.path)].filter((p) => p !== '').join('.') || null;
    const [code, said] = JSON_PROBLEM_TEXT[problem.code];
    const where = field ? text(` (${field})`, ` (${field})`) : text('', '');
    const refused = failure(
      400,
      code,
      text(`${said.nb}${where.nb}`, `${said.en}${where.en}`),
      field,
    );
    refused.body.error.message = problem.message;
    return refused;
  }
  return null;
}

/** 405 for a path that exists under other methods, else 404. */
export function routeNotFound(method: string, path: string, allowed: string[]): HttpFailure {
  if (allowed.length > 0 && !allowed.includes(method)) {
    return failure(
      405,
      'method_not_allowed',
      text(
        `${path} tar ikke imot ${method}; bruk ${allowed.join(', ')}.`,
        `${path} does not take ${method}; use ${allowed.join(', ')}.`,
      ),
    );
  }
  return failure(
    404,
    'not_found',
    text(`Det finnes ingen rute ${method} ${path}.`, `No route ${method} ${path}.`),
  );
}

/** The route patterns (`/api/v1/members/:id`) registered, by method, for the 405 answer. */
export class RouteTable {
  private readonly routes: Array<{ method: string; pattern: RegExp }> = [];

  add(methods: string | string[], url: string): void {
    // A wildcard (the UI's static files) takes every path: it says nothing about methods.
    if (url.includes('*')) return;
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
  const [status, reason, refused] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? ([
          431,
          'Request Header Fields Too Large',
          failure(
            431,
            'headers_too_large',
            text(
              'Forespørselens hoder er for store. Send kortere hoder (høyst 16 kB).',
              'The request headers are too large. Send shorter headers (16 kB at most).',
            ),
          ),
        ] as const)
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? ([
            408,
            'Request Timeout',
            failure(
              408,
              'request_timeout',
              text(
                'Forespørselen kom ikke fram i tide. Prøv igjen.',
                'The request did not arrive in time. Try again.',
              ),
            ),
          ] as const)
        : ([
            400,
            'Bad Request',
            failure(
              400,
              'bad_request',
              text('Forespørselen er ikke gyldig HTTP.', 'The request is not valid HTTP.'),
            ),
          ] as const);
  const body = JSON.stringify(refused.body);
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
