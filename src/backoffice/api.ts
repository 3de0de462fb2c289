/**
 * The back office's one door to the cloud: POST /bo/rpc/<name> with JSON, the
 * session cookie (the browser sends it; no script can read it) and the
 * session's CSRF token. Input is checked by the command's own schema before it
 * leaves (the field's message in the reader's language, at once), and checked
 * again by the cloud.
 */
import { BO_COMMANDS, BO_RPC_PREFIX, CSRF_HEADER } from '../contract/backoffice';
import type { BoCommandName, BoErrorBody, BoInput, BoOutputs } from '../contract/backoffice';
import { msg } from '../core/i18n';
import type { Shown } from '../core/i18n';
import { saidText } from '../core/schema-messages';

export class BoCallError extends Error {
  constructor(
    readonly status: number,
    /** The cloud's code, or `unreachable` when no answer came. */
    readonly code: string,
    /** What to show: the catalogue's message or the cloud's text. */
    readonly said: Shown,
    readonly field: string | null = null,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(`${code} (${status})`);
    this.name = 'BoCallError';
  }
}

let csrfToken: string | null = null;
const signedOutListeners = new Set<() => void>();

/** The session's token, sent with every command (the cloud hands it out with the session). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the cloud says the session is gone (logged out elsewhere, expired). */
export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

function refusedHere(name: BoCommandName, input: unknown): BoCallError | null {
  const parsed = BO_COMMANDS[name].input.safeParse(input);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.map(String).join('.') || null;
  return new BoCallError(
    400,
    'invalid_request',
    saidText(issue) ?? msg('backoffice.error.invalid_request'),
    field,
  );
}

export async function call<N extends BoCommandName>(
  name: N,
  input: BoInput<N>,
): Promise<BoOutputs[N]> {
  const refused = refusedHere(name, input);
  if (refused) throw refused;
  let response: Response;
  try {
    response = await fetch(`${BO_RPC_PREFIX}${name}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'content-type': 'application/json',
        ...(csrfToken ? { [CSRF_HEADER]: csrfToken } : {}),
      },
      body: JSON.stringify(input),
    });
  } catch {
    throw new BoCallError(0, 'unreachable', msg('backoffice.ui.error.unreachable'));
  }
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (response.ok) return body as BoOutputs[N];
  const error = (body as Partial<BoErrorBody> | null)?.error;
  if (error?.code === 'not_signed_in' && name !== 'session.get')
    for (const listener of signedOutListeners) listener();
  throw new BoCallError(
    response.status,
    error?.code ?? 'unknown',
    error?.said ?? error?.text ?? msg('backoffice.ui.error.answered', { status: response.status }),
    error?.field ?? null,
    error?.retryAfterSeconds ?? null,
  );
}

/** What to show for a failure of any kind. */
export function failureText(error: unknown): Shown {
  if (error instanceof BoCallError) return error.said;
  return msg('backoffice.ui.error.unexpected');
}
