/** Every failure leaves the host as a status code and `{error: {code, message, field, text}}`. */
import type { z } from 'zod';
import { text } from '../core/i18n';
import type { Text } from '../core/i18n';
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
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    // Fastify's own errors (bad JSON, body too large): safe to describe.
    const message = error instanceof Error ? error.message : 'bad request';
    const code = (error as { code?: unknown }).code;
    return failure(
      statusCode,
      typeof code === 'string' ? code.toLowerCase() : 'bad_request',
      text(`Kassetjenesten kunne ikke lese forespørselen (${message}).`, message),
    );
  }
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
