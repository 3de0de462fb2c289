/**
 * The back office's refusals: every failed command answers a status and
 * `{error: {code, message, field, said, text}}`, the cloud's one error shape
 * (`said` the catalogue message `backoffice.error.<code>` or the field's own,
 * `text` it rendered in nb, en and sv, `message` its English for logs).
 * Refusals made before a command runs (a body that is not JSON, a NUL) come
 * in the same shape with the cloud's codes (src/contract/sync.ts ERROR_CODES).
 */
import { msg } from '../../core/i18n';
import type { Msg } from '../../core/i18n';
import type { MessageKey } from '../../core/messages';

export const BO_ERROR_STATUS = {
  /** An input field is not valid (`field` names it). */
  invalid_request: 400,
  /** No live session: log in (again). */
  not_signed_in: 401,
  /** The e-mail address and password do not match an account (never says which). */
  login_failed: 401,
  /** The request did not come from the back office's own page (Origin, CSRF token). */
  csrf_failed: 403,
  /** The account's role may not do this. */
  forbidden: 403,
  /** The right password of a disabled account. */
  account_disabled: 403,
  /** No such command, or nothing by that id the account may reach. */
  not_found: 404,
  /** An account has this e-mail address already. */
  email_taken: 409,
  /** The one-time link is unknown, used, expired, or of another kind. */
  link_invalid: 410,
  /** Too many tries: wait `retryAfterSeconds` (also the `retry-after` header). */
  throttled: 429,
  unavailable: 503,
  internal: 500,
} as const;

export type BoErrorCode = keyof typeof BO_ERROR_STATUS;

export interface BoErrorBody {
  error: {
    code: string;
    message: string;
    field: string | null;
    /** The catalogue message to show (the back office renders it in its language). */
    said?: Msg;
    text: { nb: string; en: string; sv?: string };
    retryAfterSeconds?: number;
  };
}

/** The catalogue's words for a refusal (`backoffice.error.<code>`). */
export function boErrorSaid(code: BoErrorCode, retryAfterSeconds?: number): Msg {
  const key = `backoffice.error.${code}` as MessageKey;
  if (code !== 'throttled') return msg(key);
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds ?? 1));
  return msg(key, { seconds, minutes: seconds < 60 ? 0 : Math.ceil(seconds / 60) });
}
