/** Programme and catalogue validation (src/core/programme.ts, catalogue.ts, templates). */
import { defineMessages } from './define';

export const programmeMessages = defineMessages({});
