/**
 * The UI's language: nb by default, en on a switch (remembered on this till).
 * `t(key, values)` for the UI's own words; `pick(text)` for the service's
 * bilingual texts (benefit reasons, card names).
 */
import { createContext, useCallback, useContext, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { Locale, Shown, Text } from '../../core/i18n';
import { render } from '../../i18n/render';
import { formatMoney } from '../../core/money';
import { en } from './en';
import { nb } from './nb';
import type { MessageKey } from './nb';

const MESSAGES: Record<Locale, Record<MessageKey, string>> = { nb, en, sv: nb };
const STORAGE_KEY = 'lojal.locale';

export type Values = Record<string, string | number>;

export function translate(locale: Locale, key: MessageKey, values?: Values): string {
  const template = MESSAGES[locale][key];
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** A UI message in both languages, for state that must follow a later switch of language. */
export function uiText(key: MessageKey, values?: Values): Text {
  return { nb: translate('nb', key, values), en: translate('en', key, values) };
}

export interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t(key: MessageKey, values?: Values): string;
  /** Anything the service or core says (a catalogue `Msg`) or a store wrote (`Text`), in this language. */
  pick(shown: Shown): string;
  money(ore: number): string;
  time(epochMs: number): string;
  date(epochMs: number): string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLocale(): Locale {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nb';
  } catch {
    return 'nb';
  }
}

export function I18nProvider({ children, currency }: { children: ReactNode; currency: string }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    document.documentElement.lang = next;
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // A till without storage simply starts in Norwegian next time.
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const tag = locale === 'nb' ? 'nb-NO' : 'en-GB';
    const timeFormat = new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit' });
    const dateFormat = new Intl.DateTimeFormat(tag, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    });
    return {
      locale,
      setLocale,
      t: (key, values) => translate(locale, key, values),
      pick: (shown) => render(shown, locale),
      money: (ore) => formatMoney(ore, locale === 'en' ? 'en' : 'nb', currency),
      time: (ms) => timeFormat.format(ms),
      date: (ms) => dateFormat.format(ms),
    };
  }, [locale, setLocale, currency]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
