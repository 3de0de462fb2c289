/**
 * The HTTP edge both servers share, the till's host and the cloud: which
 * failures Fastify and Node's parser produce and which code of the one error
 * shape each becomes, the 404/405 decision, and what no party may store found
 * in a request. Each server words the answers itself (its error type, its
 * Norwegian texts); this module only decides.
 */
import type { Socket } from 'node:net';
import { findJsonProblem } from '../core/limits';

/** The route patterns (`/v1/members/:id`) registered, by method, for the 405 answer. */
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

  /**
   * A request no route took: its path, and `allow`, the methods the path takes,
   * when it takes others (answer 405 with an `allow` header); null means 404.
   */
  miss(method: string, url: string): { path: string; allow: string[] | null } {
    const path = url.split('?')[0] ?? '';
    const allowed = this.methodsOf(path);
    return { path, allow: allowed.length > 0 && !allowed.includes(method) ? allowed : null };
  }
}

/** The codes Fastify's own request errors (parsing, routing) become. */
export type FrameworkCode =
  | 'body_too_large'
  | 'unsupported_media_type'
  | 'invalid_json'
  | 'invalid_url'
  | 'path_too_long'
  | 'bad_request';

export interface FrameworkRefusal {
  status: number;
  code: FrameworkCode;
  /** Fastify's (or JSON.parse's) own message. */
  detail: string;
  /** invalid_json only: Fastify refused the body as JSON (invalid or empty), not a later parse step. */
  notJson: boolean;
}

/** A Fastify request error (a 4xx with a statusCode) sorted into its code; null for anything else. */
export function frameworkRefusal(error: unknown): FrameworkRefusal | null {
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof statusCode !== 'number' || statusCode < 400 || statusCode >= 500) return null;
  const code = (error as { code?: unknown }).code;
  const detail = error instanceof Error ? error.message : 'bad request';
  const refusal = (status: number, what: FrameworkCode, notJson = false): FrameworkRefusal => ({
    status,
    code: what,
    detail,
    notJson,
  });
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return refusal(413, 'body_too_large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return refusal(415, 'unsupported_media_type');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return refusal(400, 'invalid_json', true);
    case 'FST_ERR_BAD_URL':
      return refusal(400, 'invalid_url');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return refusal(414, 'path_too_long');
    default:
      // A body JSON.parse refused (a 400) or the prototype-poisoning guard.
      if (error instanceof SyntaxError || statusCode === 400) return refusal(400, 'invalid_json');
      return refusal(statusCode, 'bad_request');
  }
}

/** True when `error` carries validation issues (a ZodError or its like). */
export function hasIssues<Issue = { path: ReadonlyArray<PropertyKey>; message: string }>(
  error: unknown,
): error is { issues: Issue[] } {
  return (
    typeof error === 'object' &&
    error !== null &&
    Array.isArray((error as { issues?: unknown }).issues)
  );
}

/** What no party may store, as the code it is refused under. */
export interface EdgeJsonProblem {
  code: 'invalid_text' | 'unsafe_number' | 'too_deep';
  /** `query.x`, `params.id` or the body's own path; null for the value itself. */
  field: string | null;
  /** The English description of the problem, naming where. */
  message: string;
}

const PROBLEM_CODE = {
  malformed_text: 'invalid_text',
  unsafe_number: 'unsafe_number',
  too_deep: 'too_deep',
} as const;

/** A field name safe to echo: a NUL or lone surrogate in a key shows as U+FFFD. */
function printable(path: string): string {
  return path
    .split('\u0000')
    .join('\ufffd')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/**
 * The first thing in a request no party may store (a NUL or lone surrogate in
 * a key or value, a number beyond 2^53, nesting too deep), in the body, then
 * the query, then the path; null when there is none. `skip` names body keys
 * checked elsewhere (the cloud checks a push's events one by one).
 */
export function findEdgeJsonProblem(
  parts: { body: unknown; query: unknown; params: unknown },
  skip: ReadonlySet<string> = new Set(),
): EdgeJsonProblem | null {
  const found = (prefix: string, value: unknown): EdgeJsonProblem | null => {
    const problem = findJsonProblem(value);
    if (!problem) return null;
    const field = [prefix, printable(problem.path)].filter((p) => p !== '').join('.') || null;
    return { code: PROBLEM_CODE[problem.code], field, message: problem.message };
  };
  const body = parts.body;
  if (body !== null && typeof body === 'object' && !Array.isArray(body) && skip.size > 0) {
    for (const [key, value] of Object.entries(body)) {
      if (skip.has(key)) continue;
      const problem = found('', { [key]: value });
      if (problem) return problem;
    }
  } else {
    const problem = found('', body);
    if (problem) return problem;
  }
  return found('query', parts.query) ?? found('params', parts.params);
}

/** The failures Node's HTTP parser meets before Fastify sees a request. */
export type ClientErrorCode = 'headers_too_large' | 'request_timeout' | 'bad_request';

const CLIENT_ERRORS: Readonly<Record<ClientErrorCode, [number, string]>> = {
  headers_too_large: [431, 'Request Header Fields Too Large'],
  request_timeout: [408, 'Request Timeout'],
  bad_request: [400, 'Bad Request'],
};

/**
 * Node's `clientError` handler for a server: oversized headers, a malformed
 * request line or a timeout answered with `body(code, status)` in the one error shape,
 * then the connection is closed.
 */
export function clientErrorHandler(
  body: (code: ClientErrorCode, status: number) => unknown,
): (error: Error & { code?: string }, socket: Socket) => void {
  return (error, socket) => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const code: ClientErrorCode =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? 'headers_too_large'
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? 'request_timeout'
          : 'bad_request';
    const [status, reason] = CLIENT_ERRORS[code];
    const json = JSON.stringify(body(code, status));
    // An answer to HEAD has no body (the client would read one as garbage after it).
    const packet = (error as { rawPacket?: unknown }).rawPacket;
    const head = Buffer.isBuffer(packet) && packet.subarray(0, 5).toString('latin1') === 'HEAD ';
    if (socket.writable) {
      socket.write(
        `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
          `Content-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${head ? '' : json}`,
      );
    }
    socket.destroy(error);
  };
}
