/** Turning anything a command throws into a ServiceError the transports can show. */
import { z } from 'zod';
import { eventBytes, maxEventBytesFor } from '../core/events';
import { msg } from '../core/i18n';
import { findJsonProblem } from '../core/limits';
import type { JsonProblemCode } from '../core/limits';
import type { Msg } from '../core/i18n';
import { render } from '../i18n/render';
import { DatabaseTooNewError } from '../store';
import { ServiceError } from './service-error';
import { issuesText } from './input-text';

/** "lines.0.sku" for a zod path. */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string | null {
  return path.length === 0 ? null : path.map((p) => String(p)).join('.');
}

/**
 * The first issue as the field at fault. `message` keeps its API form
 * ("phone: …", zod's English); `said` says it to the cashier in any language.
 */
export function invalidInput(
  error: { issues: ReadonlyArray<z.core.$ZodIssue> },
  command?: string,
): ServiceError {
  const issue = error.issues[0];
  const said = issuesText(error.issues, command);
  if (!issue) return new ServiceError('invalid_input', said, null, 400);
  const field = fieldPath(issue.path);
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem(s))` : '';
  const message = field ? `${field}: ${issue.message}${more}` : `${issue.message}${more}`;
  return new ServiceError('invalid_input', said, field, 400, message);
}

export function toServiceError(error: unknown): ServiceError {
  if (error instanceof ServiceError) return error;
  if (error instanceof z.ZodError) return invalidInput(error);
  if (error instanceof DatabaseTooNewError) {
    return new ServiceError(
      'database_too_new',
      msg('service.databaseTooNew', { found: error.found, supported: error.supported }),
      null,
      500,
      error.message,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ServiceError(
    'internal',
    msg('service.internal', { detail: message }),
    null,
    500,
    message,
  );
}

/** A command that arrives while (or after) the till shuts down. */
export const SERVICE_CLOSED = msg('service.closed');

export const notFound = (code: string, said: Msg, field: string | null = null) =>
  new ServiceError(code, said, field, 404);

export const conflict = (code: string, said: Msg, field: string | null = null) =>
  new ServiceError(code, said, field, 409);

/** What each kind of event is called when it is too large (a sale, the catalogue, ...). */
const TOO_LARGE: Record<string, { said: Msg; field: string | null }> = {
  'sale.committed': {
    said: msg('service.saleTooLarge'),
    field: 'lines',
  },
  'catalogue.saved': {
    said: msg('service.catalogueTooLarge'),
    field: 'products',
  },
  'programme.saved': {
    said: msg('service.programmeTooLarge'),
    field: 'programme',
  },
};

/**
 * An event this till is about to write that the cloud would refuse for its
 * size (LIMITS.maxEventBytes, maxConfigEventBytes): the command is refused
 * instead, so nothing the till commits is unsendable.
 */
export function refuseIfTooLarge(event: { type: string }): void {
  const limit = maxEventBytesFor(event.type);
  const bytes = eventBytes(event);
  if (bytes <= limit) return;
  const kib = (n: number) => Math.ceil(n / 1024);
  const known = TOO_LARGE[event.type];
  const said = known?.said ?? msg('service.changeTooLarge');
  throw new ServiceError(
    'event_too_large',
    said,
    known?.field ?? null,
    400,
    `${render(said, 'en')} (${kib(bytes)} KiB; the cloud takes at most ${kib(limit)} KiB)`,
  );
}

/** What the cloud would refuse in an event besides its size: the same check as at its edge. */
const UNSENDABLE: Readonly<Record<JsonProblemCode, { code: string; said: Msg }>> = {
  malformed_text: {
    code: 'invalid_text',
    said: msg('service.changeMalformedText'),
  },
  unsafe_number: {
    code: 'unsafe_number',
    said: msg('service.changeUnsafeNumber'),
  },
  too_deep: {
    code: 'too_deep',
    said: msg('service.changeTooDeep'),
  },
};

/**
 * An event this till is about to write that the cloud would refuse, for its
 * size or for what its whole body holds (an input passes the edge's depth
 * check, and its event wraps it deeper): the command is refused instead.
 */
export function refuseIfUnsendable(event: { type: string }): void {
  refuseIfTooLarge(event);
  const problem = findJsonProblem(event);
  if (problem === null) return;
  const { code, said } = UNSENDABLE[problem.code];
  const field = problem.path.replace(/^payload\.?/, '') || null;
  throw new ServiceError(code, said, field, 400, `${render(said, 'en')} (${problem.message})`);
}
