/** What the transports need to know about the command map, and nothing more. */
import type { CommandInput, CommandName, CommandOutputs, Session } from '../contract/commands';
import type { TillService } from '../service/types';

export { isCommandName, OPEN_COMMANDS } from '../contract/commands';

/** Session used for the local integration API: the host POS or a script on this machine. */
export const SYSTEM_SESSION: Session = { role: 'system', staffId: null };

/**
 * Session of a caller who has not logged in: a role of its own with no rights,
 * so only the commands declared to need no session (log-in, its screen's
 * names, status) run for it, and the service refuses any other.
 */
export const ANONYMOUS_SESSION: Session = { role: 'anonymous', staffId: null };

/**
 * Run a command with input straight off the wire. The service validates every
 * input against the command's schema, so the transport only names the command.
 */
export function callWithRawInput(
  service: TillService,
  name: CommandName,
  input: unknown,
  session: Session,
): Promise<CommandOutputs[CommandName]> {
  return service.call(name, (input ?? {}) as CommandInput<CommandName>, session);
}
