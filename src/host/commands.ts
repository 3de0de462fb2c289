/** What the transports need to know about the command map, and nothing more. */
import { CommandInputs } from '../contract/commands';
import type { CommandInput, CommandName, CommandOutputs, Session } from '../contract/commands';
import type { TillService } from '../service/types';

export function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(CommandInputs, name);
}

/** Session used for the local integration API: the host POS or a script on this machine. */
export const SYSTEM_SESSION: Session = { role: 'system', staffId: null };

/**
 * Session passed to the commands that need none (log-in, status). The host lets
 * nothing else through without a token, so the role here grants nothing more.
 */
export const ANONYMOUS_SESSION: Session = { role: 'cashier', staffId: null };

/** Commands a caller may run before logging in. */
export const OPEN_COMMANDS: ReadonlySet<CommandName> = new Set<CommandName>([
  'session.login',
  // The log-in screen's name buttons (ids and names only).
  'staff.names',
  'status.get',
]);

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
