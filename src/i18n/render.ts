/**
 * Renders what the till says (src/core/i18n.ts) in one language, at the edge:
 * the UI, the receipt, the API's `text`. ICU MessageFormat by FormatJS's
 * intl-messageformat: the standard syntax translators know, CLDR plural and
 * ordinal rules through the platform's Intl, no framework around it (i18next
 * would bring its own loading and context machinery, which a static catalogue
 * compiled into the till does not need).
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { isMsg, LOCALES } from '../core/i18n';
import type { Locale, Msg, Param, Shown, Text } from '../core/i18n';
import { CATALOGUE } from '../core/messages';
import type { MessageKey } from '../core/messages';
import { formatMoney } from '../core/money';
import { localDateOf } from '../core/time';

/** What an API client is given: the message in every language. */
export type Rendered = Record<Locale, string>;

const INTL_LOCALE: Record<Locale, string> = { nb: 'nb-NO', en: 'en-GB', sv: 'sv-SE' };

const compiled = new Map<string, IntlMessageFormat>();

function formatFor(key: MessageKey, locale: Locale): IntlMessageFormat {
  const id = `${locale}\u0000${key}`;
  let format = compiled.get(id);
  if (!format) {
    const entry = CATALOGUE[key];
    if (!entry) throw new Error(`no message "${key}" in the catalogue`);
    format = new IntlMessageFormat(entry[locale], INTL_LOCALE[locale], undefined, {
      ignoreTag: true,
    });
    compiled.set(id, format);
  }
  return format;
}

function pickText(value: Text, locale: Locale): string {
  return (locale === 'sv' ? value.sv : undefined) ?? (locale === 'en' ? value.en : value.nb);
}

function isText(value: object): value is Text {
  return typeof (value as Text).nb === 'string' && typeof (value as Text).en === 'string';
}

function moneyIn(ore: number, locale: Locale): string {
  // Swedish writes kronor as bokmål does ("1 234,50 kr"); the currency is the store's (NOK).
  return formatMoney(ore, locale === 'en' ? 'en' : 'nb');
}

function percentIn(value: number, locale: Locale): string {
  return locale === 'en' ? `${value}%` : `${String(value).replace('.', ',')} %`;
}

function dayIn(at: number, timeZone: string, locale: Locale): string {
  const d = localDateOf(at, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  if (locale === 'nb') return `${two(d.day)}.${two(d.month)}.${d.year}`;
  // Swedish and English both read the ISO date as a date.
  return `${d.year}-${two(d.month)}-${two(d.day)}`;
}

function paramIn(value: Param, locale: Locale): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value !== 'object' || value === null)
    throw new Error('a message parameter of unknown kind');
  if (isMsg(value)) return render(value, locale);
  if ('money' in value) return moneyIn(value.money, locale);
  if ('percent' in value) return percentIn(value.percent, locale);
  if ('day' in value) return dayIn(value.day, value.timeZone, locale);
  if ('lower' in value) {
    const of = typeof value.lower === 'string' ? value.lower : pickText(value.lower, locale);
    return of.toLocaleLowerCase(INTL_LOCALE[locale]);
  }
  if (isText(value)) return pickText(value, locale);
  throw new Error('a message parameter of unknown kind');
}

/** One message, or store-written text, in one language. */
export function render(shown: Shown, locale: Locale): string {
  if (!isMsg(shown)) return pickText(shown, locale);
  const { key, params } = shown as Msg;
  const values: Record<string, string | number> = {};
  if (params)
    for (const [name, value] of Object.entries(params)) values[name] = paramIn(value, locale);
  return String(formatFor(key, locale).format(values));
}

/** In every language: the API's `text`, and what an event stores beside the key. */
export function renderAll(shown: Shown): Rendered {
  const out = {} as Rendered;
  for (const locale of LOCALES) out[locale] = render(shown, locale);
  return out;
}
