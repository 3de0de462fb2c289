/** Scanner and printer (native/, src/service/devices). */
import { defineMessages } from './define';

export const devicesMessages = defineMessages({});
