/**
 * What the till says, without saying it yet. Core, the service, sync and the
 * device drivers return a `Msg` (a key in the one message catalogue,
 * src/core/messages, and its parameters); the UI, the receipt and the API's
 * `text` render it at the edge (src/i18n/render.ts) in the reader's language.
 * Text a store wrote itself (a tier's or a coupon's name) is `Text`: one string
 * per language, Swedish optional (the bokmål is shown where it is missing).
 */
import type { MessageKey } from './messages';

export type Locale = 'nb' | 'en' | 'sv';
/** Bokmål first: the default, and what a missing translation of store-written text falls back to. */
export const LOCALES: readonly Locale[] = ['nb', 'en', 'sv'];

/** Store-written text in each language (names in the programme and the catalogue). */
export interface Text {
  nb: string;
  en: string;
  sv?: string;
}

/** A message from the catalogue with its parameters. */
export interface Msg {
  key: MessageKey;
  params?: Params;
}

/** Anything the screen or the receipt shows in the reader's language. */
export type Shown = Msg | Text;

/** Parameters are rendered in the reader's language too (amounts, days, names, nested messages). */
export type Param =
  | string
  | number
  | Text
  | Msg
  | { money: number }
  | { percent: number }
  | { day: number; timeZone: string }
  | { lower: Text | string };
export type Params = Readonly<Record<string, Param>>;

export function msg(key: MessageKey, params?: Params): Msg {
  return params ? { key, params } : { key };
}

/** Store-written text (names); `text(nb, en)` gives both the same bokmål-first fallback. */
export function text(nb: string, en: string, sv?: string): Text {
  return sv === undefined ? { nb, en } : { nb, en, sv };
}

export function isMsg(value: unknown): value is Msg {
  return typeof value === 'object' && value !== null && typeof (value as Msg).key === 'string';
}

/** An amount in øre, formatted for the reader ("1 234,50 kr"). */
export const money = (ore: number): Param => ({ money: ore });
/** A percentage as given ("12,5 %" in bokmål). */
export const percent = (value: number): Param => ({ percent: value });
/** A calendar day in the store's time zone ("30.03.2026"). */
export const day = (at: number, timeZone: string): Param => ({ day: at, timeZone });
/** A name in lower case in the reader's language ("10. kaffe gratis"). */
export const lower = (of: Text | string): Param => ({ lower: of });
