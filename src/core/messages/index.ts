/**
 * The one message catalogue: every text the till generates, in bokmål, English
 * and Swedish, as ICU MessageFormat (plural and selectordinal rules included).
 * Each domain keeps its messages in its own file; this gathers them. A key is
 * `domain.name`; every entry has all three languages (the type requires it and
 * test/i18n/catalogue.test.ts checks each parses with the same arguments).
 *
 * Keys are stored in events (a sale's reasons), so a key is never renamed or
 * removed, only added: change its wording instead.
 */
import { commandsMessages } from './commands';
import { contractMessages } from './contract';
import { basketMessages } from './basket';
import { memberMessages } from './member';
import { programmeMessages } from './programme';
import { receiptMessages } from './receipt';
import { identifyMessages } from './identify';
import { inputMessages } from './input';
import { serviceMessages } from './service';
import { hostMessages } from './host';
import { devicesMessages } from './devices';
import { syncMessages } from './sync';
import { uiMessages } from './ui';
import { uiSetupMessages } from './ui-setup';
import { setupMessages } from './setup';
import { uiStaffMessages } from './ui-staff';
import { uiCounterMessages } from './ui-counter';
import { uiDisplayMessages } from './ui-display';
import { uiLayoutMessages } from './ui-layout';
import { backofficeMessages } from './backoffice';
import { backofficeProgrammeMessages } from './backoffice-programme';
import { backofficeMembersMessages } from './backoffice-members';
import { backofficeMergeMessages } from './backoffice-merge';
import { backofficeProductsMessages } from './backoffice-products';
import { backofficeConflictsMessages } from './backoffice-conflicts';
import { backofficeStoresMessages } from './backoffice-stores';
import { backofficeCalculatorMessages } from './backoffice-calculator';
import { backofficeReportsMessages } from './backoffice-reports';
import { backofficeSegmentsMessages } from './backoffice-segments';
import { backofficeCampaignsMessages } from './backoffice-campaigns';
import { backofficeAutomationsMessages } from './backoffice-automations';
import { backofficeImportMessages } from './backoffice-import';
import { dayReportMessages } from './day-report';
import { selfEnrolMessages } from './self-enrol';
import { memberPageMessages } from './member-page';
import type { Entry } from './define';

export type { Entry } from './define';
export { defineMessages } from './define';

// Each domain's file, added here once.
const parts = [
  contractMessages,
  commandsMessages,
  basketMessages,
  memberMessages,
  programmeMessages,
  receiptMessages,
  identifyMessages,
  inputMessages,
  serviceMessages,
  hostMessages,
  devicesMessages,
  syncMessages,
  uiMessages,
  uiStaffMessages,
  uiCounterMessages,
  uiDisplayMessages,
  uiLayoutMessages,
  uiSetupMessages,
  setupMessages,
  backofficeMessages,
  backofficeProgrammeMessages,
  backofficeMembersMessages,
  backofficeMergeMessages,
  backofficeProductsMessages,
  backofficeConflictsMessages,
  backofficeStoresMessages,
  backofficeCalculatorMessages,
  backofficeReportsMessages,
  backofficeSegmentsMessages,
  backofficeCampaignsMessages,
  backofficeAutomationsMessages,
  backofficeImportMessages,
  dayReportMessages,
  selfEnrolMessages,
  memberPageMessages,
] as const;

type Union<T extends readonly unknown[]> = T[number];
type KeysOf<T> = T extends Record<infer K, Entry> ? K : never;
export type MessageKey = KeysOf<Union<typeof parts>>;

/** Every key once: a key in two domain files is an error when this module loads. */
export const CATALOGUE: Readonly<Record<MessageKey, Entry>> = (() => {
  const all: Record<string, Entry> = {};
  for (const part of parts) {
    for (const [key, entry] of Object.entries(part as Record<string, Entry>)) {
      if (key in all) throw new Error(`the message "${key}" is defined twice in the catalogue`);
      all[key] = entry;
    }
  }
  return all as Record<MessageKey, Entry>;
})();
