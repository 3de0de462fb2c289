/**
 * A back-office command's refusal and its answer in the cloud's one error
 * shape, with the catalogue's message (`said`) and its text in nb, en and sv.
 */
import type { FastifyReply } from 'fastify';
import type { Msg } from '../../src/core/i18n';
import { englishOf, saidText } from '../../src/core/schema-messages';
import { BO_ERROR_STATUS, boErrorSaid } from '../../src/contract/backoffice/errors';
import type { BoErrorBody, BoErrorCode } from '../../src/contract/backoffice/errors';
import { renderAll } from '../../src/i18n/render';

export class BoError extends Error {
  constructor(
    readonly code: BoErrorCode,
    message: string,
    readonly field: string | null = null,
    /** The words to show; by default the code's own (`backoffice.error.<code>`). */
    readonly said: Msg | null = null,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'BoError';
  }

  get status(): number {
    return BO_ERROR_STATUS[this.code];
  }
}

/** Not there, or not this account's to reach: one answer, which names no id (it tells nothing). */
export const notFound = (what: string) =>
  new BoError('not_found', `${what} is not found, or this account does not reach it`);

interface IssueLike {
  path: ReadonlyArray<PropertyKey>;
  message: string;
  params?: unknown;
}

/** A schema's refusal: the first field at fault, in the schema's own words when it has them. */
export function invalidInput(issues: readonly IssueLike[]): BoError {
  const first = issues[0];
  const field = first ? first.path.map(String).join('.') || null : null;
  const said = first ? saidText(first) : null;
  return new BoError(
    'invalid_request',
    said ? englishOf(said) : (first?.message ?? 'invalid input'),
    field,
    said,
  );
}

export function errorBodyOf(error: BoError): BoErrorBody {
  const said = error.said ?? boErrorSaid(error.code, error.retryAfterSeconds ?? undefined);
  return {
    error: {
      code: error.code,
      message: error.message,
      field: error.field,
      said,
      text: renderAll(said),
      ...(error.retryAfterSeconds !== null ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
    },
  };
}

export function sendBoError(reply: FastifyReply, error: BoError): FastifyReply {
  if (error.retryAfterSeconds !== null)
    reply.header('retry-after', String(error.retryAfterSeconds));
  return reply.code(error.status).send(errorBodyOf(error));
}
