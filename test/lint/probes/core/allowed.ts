// probe: src/core/member/lint-probe.ts
// expect: nothing
import { z } from 'zod';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Text } from '../i18n';
import { text } from '../i18n';

export const id = z.string();
export const phone = parsePhoneNumberFromString;
export const epoch = new Date(0);
export const day = Date.UTC(2026, 0, 1);
export const copy = structuredClone({ a: 1 });
export const hello: Text = text('Hei', 'Hello');
export const later = () => import('./fold');
