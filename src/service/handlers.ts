/** Every command's handler, gathered from the per-domain files. */
import { configurationHandlers } from './commands/configuration';
import { deviceHandlers } from './commands/devices';
import { displayHandlers } from './commands/display';
import { memberPrivacyHandlers } from './commands/member-privacy';
import { memberRewardHandlers } from './commands/member-rewards';
import { memberHandlers } from './commands/members';
import { memberJoinHandlers } from './commands/member-join';
import { productHandlers } from './commands/products';
import { reportHandlers } from './commands/reports';
import { saleHandlers } from './commands/sales';
import { sessionHandlers } from './commands/session';
import { setupHandlers } from './commands/setup';
import { statusHandlers } from './commands/status';
import { syncHandlers } from './sync-commands';
import { COMMAND_NAMES, isCommandName } from './commands';
import type { HandlerMap } from './handler-types';

/**
 * One handler per declared command, gathered from the domain files. Typed as the
 * full map: leaving a command out (or mistyping one) does not compile; a name
 * handled twice stops the till at start-up instead of one replacing the other.
 */
export function gatherHandlers(...domains: readonly object[]): HandlerMap {
  const all: Record<string, unknown> = {};
  for (const domain of domains) {
    for (const [name, handler] of Object.entries(domain)) {
      if (Object.prototype.hasOwnProperty.call(all, name))
        throw new Error(`the command "${name}" has two handlers`);
      all[name] = handler;
    }
  }
  const missing = COMMAND_NAMES.filter((name) => !(name in all));
  const unknown = Object.keys(all).filter((name) => !isCommandName(name));
  if (missing.length > 0 || unknown.length > 0)
    throw new Error(
      `handlers and declarations differ: no handler for ${missing.join(', ') || 'none'}; ` +
        `no declaration for ${unknown.join(', ') || 'none'}`,
    );
  return all as HandlerMap;
}

// Each domain's handlers, typed against the declarations: the spread below is checked as the full map.
const typed: HandlerMap = {
  ...sessionHandlers,
  ...memberHandlers,
  ...memberJoinHandlers,
  ...memberRewardHandlers,
  ...memberPrivacyHandlers,
  ...saleHandlers,
  ...configurationHandlers,
  ...productHandlers,
  ...statusHandlers,
  ...deviceHandlers,
  ...displayHandlers,
  ...syncHandlers,
  ...setupHandlers,
  ...reportHandlers,
};
void typed;

export const handlers: HandlerMap = gatherHandlers(
  sessionHandlers,
  memberHandlers,
  memberJoinHandlers,
  memberRewardHandlers,
  memberPrivacyHandlers,
  saleHandlers,
  configurationHandlers,
  productHandlers,
  statusHandlers,
  deviceHandlers,
  displayHandlers,
  syncHandlers,
  setupHandlers,
  reportHandlers,
);
