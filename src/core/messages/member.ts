/** Member views, coupons, tiers (src/core/member). */
import { defineMessages } from './define';

export const memberMessages = defineMessages({});
