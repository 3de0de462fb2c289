/** The service's answers and errors (src/service). */
import { defineMessages } from './define';

export const serviceMessages = defineMessages({});
