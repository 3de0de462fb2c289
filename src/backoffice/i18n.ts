/**
 * The back office's words: the one message catalogue's `backoffice.ui.*`
 * (src/core/messages/backoffice.ts), said as `t('x.y')`, in the language of
 * the till's own provider (src/ui/i18n: bokmål by default, English and
 * Swedish on the switch, remembered in this browser), which the till's
 * components the back office borrows read too.
 */
import { useMemo } from 'react';
import { msg } from '../core/i18n';
import type { Params } from '../core/i18n';
import type { MessageKey } from '../core/messages';
import { render } from '../i18n/render';
import { useI18n } from '../ui/i18n';
import type { I18n } from '../ui/i18n';

/** A key of the back office's own words, without `backoffice.ui.`. */
export type BoKey = MessageKey extends infer K
  ? K extends `backoffice.ui.${infer Rest}`
    ? Rest
    : never
  : never;

export interface BoI18n extends Omit<I18n, 't'> {
  t(key: BoKey, values?: Params): string;
  /** A date and time, e.g. "4. mai 2026, 09:30". */
  dateTime(epochMs: number): string;
}

export function useBo(): BoI18n {
  const i18n = useI18n();
  return useMemo(() => {
    const { t: _tillWords, ...rest } = i18n;
    return {
      ...rest,
      t: (key: BoKey, values?: Params) =>
        render(msg(`backoffice.ui.${key}` as MessageKey, values), i18n.locale),
      dateTime: (ms: number) => `${i18n.date(ms)} ${i18n.time(ms)}`,
    };
  }, [i18n]);
}
