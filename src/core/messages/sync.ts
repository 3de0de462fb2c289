/** Sync with the cloud: status, problems, conflicts, refusals (src/sync, the sync screen). */
import { defineMessages } from './define';

export const syncMessages = defineMessages({});
