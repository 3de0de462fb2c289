/** Input checks and schema messages (src/service/input-text.ts, src/core/schema-messages.ts, the contract's schemas). */
import { defineMessages } from './define';

export const inputMessages = defineMessages({});
