/** Every back-office command's handler, one per declaration (checked by the type). */
import { accountHandlers } from './accounts';
import { calculatorHandlers } from './calculator';
import { memberHandlers } from './members';
import { mergeHandlers } from './merge';
import { programmeHandlers } from './programme';
import { productHandlers } from './products';
import { conflictHandlers } from './conflicts';
import { sessionHandlers } from './session';
import { staffHandlers } from './staff';
import { storeHandlers } from './stores';
import { reportHandlers } from './reports';
import { segmentHandlers } from './segments';
import { campaignHandlers } from './campaigns';
import { importHandlers } from './imports';
import { automationHandlers } from './automations';
import { pageLinkHandlers } from '../../member-page/backoffice';
import type { BoHandlers } from './types';

export type { BoHandler, BoHandlers, ContextOf } from './types';

export const BO_HANDLERS: BoHandlers = {
  ...sessionHandlers,
  ...accountHandlers,
  ...storeHandlers,
  ...staffHandlers,
  ...memberHandlers,
  ...mergeHandlers,
  ...programmeHandlers,
  ...productHandlers,
  ...conflictHandlers,
  ...reportHandlers,
  ...calculatorHandlers,
  ...segmentHandlers,
  ...campaignHandlers,
  ...importHandlers,
  ...automationHandlers,
  ...pageLinkHandlers,
};
