/** Every failure leaves the cloud as a status and `{error: {code, message, field}}` (see protocol.ts). */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode, ErrorResponse } from '../../src/sync/protocol';
import { DatabaseBusyError } from '../db/database';

export class CloudError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly field: string | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'CloudError';
  }
}

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
  return new CloudError(400, 'invalid_request', first?.message ?? 'invalid request', path || null);
}

function body(code: ErrorCode, message: string, field: string | null = null): ErrorResponse {
  return { error: { code, message, field } };
}

function isFastifyError(error: unknown): error is FastifyError {
  return (
    error instanceof Error && typeof (error as { statusCode?: unknown }).statusCode === 'number'
  );
}

export function errorHandler(bodyLimitBytes: number) {
  return (error: unknown, _request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof CloudError) {
      return reply
        .code(error.status)
        .headers(error.headers)
        .send(body(error.code, error.message, error.field));
    }
    if (error instanceof DatabaseBusyError) {
      // Nothing was stored: the client sends the same request again after the wait.
      return reply
        .code(503)
        .header('retry-after', String(error.retryAfterSeconds))
        .send(body('unavailable', `${error.message}; try again in ${error.retryAfterSeconds} s`));
    }
    if (isZodLike(error)) {
      const failure = invalidRequest(error);
      return reply.code(400).send(body(failure.code, failure.message, failure.field));
    }
    if (isFastifyError(error) && error.statusCode !== undefined && error.statusCode < 500) {
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        return reply
          .code(413)
          .send(
            body(
              'body_too_large',
              `the request body is larger than this server's limit of ${bodyLimitBytes} bytes; send fewer events per push`,
            ),
          );
      }
      if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
        return reply
          .code(415)
          .send(body('unsupported_media_type', 'send the body as application/json'));
      }
      // Fastify's own request errors (bad JSON, empty body) describe only the request.
      return reply.code(400).send(body('invalid_request', error.message));
    }
    // Details stay in the server's log; the stack names code, never tokens or payloads.
    console.error('lojal-cloud: request failed:', error instanceof Error ? error.stack : error);
    return reply
      .code(500)
      .send(body('internal', 'something went wrong in the cloud server; see its log'));
  };
}
