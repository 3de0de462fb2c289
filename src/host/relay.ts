/**
 * One command from a UI transport (HTTP /rpc or Electron IPC) to the service:
 * check the name, find the session behind the token, run it, and turn any
 * failure into `{status, error}`. Both transports share this, so they cannot
 * drift apart.
 */
import { msg } from '../core/i18n';
import type { Msg } from '../core/i18n';
import type { ErrorBody } from '../contract/commands';
import { openedSession } from '../contract/commands';
import type { TillService } from '../service/types';
import { ANONYMOUS_SESSION, OPEN_COMMANDS, callWithRawInput, isCommandName } from './commands';
import { failure, jsonProblemFailure, toHttpFailure } from './errors';

/** The code of a call whose session token is missing, unknown or expired. */
export const SESSION_UNKNOWN = 'unauthorized';

export type RelayResult =
  { ok: true; value: unknown } | { ok: false; status: number; error: ErrorBody };

function refused(status: number, code: string, said: Msg): RelayResult {
  const { body } = failure(status, code, said);
  return { ok: false, status, error: body.error };
}

export async function relayCommand(
  service: TillService,
  name: string,
  input: unknown,
  sessionToken: string | null,
): Promise<RelayResult> {
  if (!isCommandName(name))
    return refused(404, 'unknown_command', msg('host.unknownCommand', { name }));
  // The desktop shell's IPC skips the HTTP edge: what no party may store is refused here too.
  const malformed = jsonProblemFailure({ body: input, query: undefined, params: undefined });
  if (malformed) return { ok: false, status: malformed.status, error: malformed.body.error };
  const session = sessionToken ? service.sessionFromToken(sessionToken) : null;
  if (!session && !OPEN_COMMANDS.has(name)) {
    return refused(401, SESSION_UNKNOWN, msg('host.sessionEnded'));
  }
  try {
    return {
      ok: true,
      value: await callWithRawInput(service, name, input, session ?? ANONYMOUS_SESSION),
    };
  } catch (error) {
    const { status, body } = toHttpFailure(error);
    return { ok: false, status, error: body.error };
  }
}

/**
 * A UI window that keeps its own session (the desktop shell: the token never
 * needs to reach the renderer). Log-in sets it, log-out or a 401 clears it.
 */
export class SessionRelay {
  private token: string | null = null;

  constructor(private readonly service: TillService) {}

  get loggedIn(): boolean {
    return this.token !== null && this.service.sessionFromToken(this.token) !== null;
  }

  async call(name: string, input: unknown): Promise<RelayResult> {
    const result = await relayCommand(this.service, name, input, this.token);
    const opened = result.ok ? openedSession(name, result.value) : null;
    if (opened !== null) {
      this.token = opened;
    } else if (name === 'session.logout' || (!result.ok && result.error.code === SESSION_UNKNOWN)) {
      this.token = null;
    }
    return result;
  }
}
