/** Turning anything a command throws into a ServiceError the transports can show. */
import { z } from 'zod';
import { DatabaseTooNewError } from '../store';
import { ServiceError } from './commands';

/** "lines.0.sku" for a zod path. */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string | null {
  return path.length === 0 ? null : path.map((p) => String(p)).join('.');
}

export function invalidInput(error: z.ZodError): ServiceError {
  const issue = error.issues[0];
  if (!issue) return new ServiceError('invalid_input', 'the input is not valid', null, 400);
  const field = fieldPath(issue.path);
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more problem(s))` : '';
  const message = field ? `${field}: ${issue.message}${more}` : `${issue.message}${more}`;
  return new ServiceError('invalid_input', message, field, 400);
}

export function toServiceError(error: unknown): ServiceError {
  if (error instanceof ServiceError) return error;
  if (error instanceof z.ZodError) return invalidInput(error);
  if (error instanceof DatabaseTooNewError) {
    return new ServiceError('database_too_new', error.message, null, 500);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ServiceError('internal', message, null, 500);
}

export const notFound = (code: string, message: string, field: string | null = null) =>
  new ServiceError(code, message, field, 404);

export const conflict = (code: string, message: string, field: string | null = null) =>
  new ServiceError(code, message, field, 409);
