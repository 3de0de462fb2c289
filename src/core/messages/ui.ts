/** The till's screens (src/ui). */
import { defineMessages } from './define';

export const uiMessages = defineMessages({});
