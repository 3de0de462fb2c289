/**
 * The UI's language: bokmål by default, English or Swedish on the switch
 * (remembered on this till). Every word is rendered from the one message
 * catalogue (src/core/messages, the UI's own in ui.ts) by src/i18n/render:
 * `t(key, values)` for the UI's own words, `say(shown)` for what the service
 * and core say (a `Msg`) or a store wrote (a tier's or a card's `Text`).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { LOCALES, msg } from '../../core/i18n';
import type { Locale, Msg, Params, Shown, Text } from '../../core/i18n';
import type { MessageKey } from '../../core/messages';
import { formatMoney } from '../../core/money';
import { render } from '../../i18n/render';

/** A key of the UI's own messages, without the catalogue's `ui.` domain. */
export type UiKey = MessageKey extends infer K
  ? K extends `ui.${infer Rest}`
    ? Rest
    : never
  : never;

/** Values for a UI message: strings and numbers, or anything a message parameter may be. */
export type Values = Params;

const STORAGE_KEY = 'lojal.locale';
/** The language tag each locale formats times and dates with. */
const INTL_TAG: Record<Locale, string> = { nb: 'nb-NO', en: 'en-GB', sv: 'sv-SE' };

/** A UI message, for state that must follow a later switch of language. */
export function uiText(key: UiKey, values?: Values): Msg {
  return msg(`ui.${key}` as MessageKey, values);
}

/** A UI message in one language (outside React: the camera scanner's labels). */
export function translate(locale: Locale, key: UiKey, values?: Values): string {
  return render(uiText(key, values), locale);
}

/**
 * What the service said, even when this build's catalogue lacks the message
 * (a newer till's reason, synced; a service newer than a cached page): its
 * words when it carries them, else its key. A screen never goes blank for it.
 */
function sayOrFallBack(shown: Shown, locale: Locale): string {
  try {
    return render(shown, locale);
  } catch (error) {
    console.error(error);
    const words = shown as Partial<Text> & Partial<Msg>;
    if (typeof words.nb === 'string' && typeof words.en === 'string')
      return render({ nb: words.nb, en: words.en, ...(words.sv ? { sv: words.sv } : {}) }, locale);
    return typeof words.key === 'string' ? words.key : '';
  }
}

export interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t(key: UiKey, values?: Values): string;
  /** Anything the service or core says (a catalogue `Msg`) or a store wrote (`Text`), in this language. */
  say(shown: Shown): string;
  money(ore: number): string;
  time(epochMs: number): string;
  date(epochMs: number): string;
}

const I18nContext = createContext<I18n | null>(null);

function isLocale(value: unknown): value is Locale {
  return (LOCALES as readonly unknown[]).includes(value);
}

function initialLocale(): Locale {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(saved) ? saved : 'nb';
  } catch {
    return 'nb';
  }
}

export function I18nProvider({ children, currency }: { children: ReactNode; currency: string }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);

  // The page says its language (screen readers, hyphenation), from the first render on.
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // A till without storage simply starts in Norwegian next time.
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const tag = INTL_TAG[locale];
    const timeFormat = new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit' });
    const dateFormat = new Intl.DateTimeFormat(tag, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    });
    const say = (shown: Shown) => sayOrFallBack(shown, locale);
    return {
      locale,
      setLocale,
      t: (key, values) => translate(locale, key, values),
      say,
      // Swedish writes kronor as bokmål does ("39,00 kr"); the currency is the store's.
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
