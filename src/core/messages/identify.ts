/** Phone numbers, member numbers, scans (src/core/phone.ts, ean13.ts, scan.ts). */
import { defineMessages } from './define';

export const identifyMessages = defineMessages({});
