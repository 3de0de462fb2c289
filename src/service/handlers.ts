/** Every command's handler, gathered from the per-domain files. */
import { configurationHandlers } from './commands/configuration';
import { deviceHandlers } from './commands/devices';
import { memberPrivacyHandlers } from './commands/member-privacy';
import { memberRewardHandlers } from './commands/member-rewards';
import { memberHandlers } from './commands/members';
import { productHandlers } from './commands/products';
import { saleHandlers } from './commands/sales';
import { sessionHandlers } from './commands/session';
import { statusHandlers } from './commands/status';
import { syncHandlers } from './sync-commands';
import type { HandlerMap } from './handler-types';

/** Typed as the full map: leaving a command out (or mistyping one) does not compile. */
export const handlers: HandlerMap = {
  ...sessionHandlers,
  ...memberHandlers,
  ...memberRewardHandlers,
  ...memberPrivacyHandlers,
  ...saleHandlers,
  ...configurationHandlers,
  ...productHandlers,
  ...statusHandlers,
  ...deviceHandlers,
  ...syncHandlers,
};
