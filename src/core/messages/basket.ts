/** Basket benefits, rejections, earnings, returns (src/core/basket). */
import { defineMessages } from './define';

export const basketMessages = defineMessages({});
