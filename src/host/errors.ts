/** Every failure leaves the host as a status code and `{error: {code, message, field}}`. */
import { ServiceError } from '../service/commands';
import type { ErrorBody } from '../service/commands';

export interface HttpFailure {
  status: number;
  body: { error: ErrorBody };
}

export function failure(
  status: number,
  code: string,
  message: string,
  field: string | null = null,
): HttpFailure {
  return { status, body: { error: { code, message, field } } };
}

interface IssueLike {
  path: ReadonlyArray<PropertyKey>;
  message: string;
}

function isZodLike(error: unknown): error is { issues: IssueLike[] } {
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
  if (isZodLike(error)) {
    const first = error.issues[0];
    const field = first && first.path.length > 0 ? first.path.map(String).join('.') : null;
    return failure(400, 'invalid_input', first?.message ?? 'invalid input', field);
  }
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    // Fastify's own errors (bad JSON, body too large): safe to describe.
    const message = error instanceof Error ? error.message : 'bad request';
    const code = (error as { code?: unknown }).code;
    return failure(
      statusCode,
      typeof code === 'string' ? code.toLowerCase() : 'bad_request',
      message,
    );
  }
  console.error(
    'lojal: command failed unexpectedly:',
    error instanceof Error ? error.stack : error,
  );
  return failure(500, 'internal', 'Something went wrong in the till service; see its log.');
}
