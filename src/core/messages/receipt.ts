/** The receipt's words (src/core/receipt.ts). */
import { defineMessages } from './define';

export const receiptMessages = defineMessages({});
