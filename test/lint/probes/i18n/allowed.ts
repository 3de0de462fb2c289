// probe: src/i18n/lint-probe.ts
// expect: nothing
import { IntlMessageFormat } from 'intl-messageformat';
import { CATALOGUE } from '../core/messages';

export const format = IntlMessageFormat;
export const catalogue = CATALOGUE;
