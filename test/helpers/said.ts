/**
 * What core said, rendered for a test's assertion: core returns messages of the
 * catalogue (src/core/i18n.ts) and a test in src/core may not import the
 * renderer (src/i18n) itself, so it comes through here.
 */
import { isMsg } from '../../src/core/i18n';
import type { Shown } from '../../src/core/i18n';
import { render, renderAll } from '../../src/i18n/render';

export { render, renderAll };

/** Bokmål and English: what the tests asserted before Swedish came. */
export function nbEn(shown: Shown): { nb: string; en: string } {
  return { nb: render(shown, 'nb'), en: render(shown, 'en') };
}

/** `value` with every message in it rendered as `{ nb, en }`, for whole-object assertions. */
export function saidNbEn<T>(value: T): T {
  if (Array.isArray(value)) return value.map(saidNbEn) as T;
  if (typeof value !== 'object' || value === null) return value;
  if (isMsg(value)) return nbEn(value) as T;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, saidNbEn(inner)]),
  ) as T;
}
