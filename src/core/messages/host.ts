/** The local API's own refusals (src/host). */
import { defineMessages } from './define';

export const hostMessages = defineMessages({});
