/**
 * The local API's answers carry every generated text rendered: a catalogue
 * message (`{key, params}`, src/core/i18n.ts) in an output becomes
 * `{nb, en, sv, key, params}`, so a host POS shows the words in its language
 * without the catalogue, and a program can still tell messages apart by key.
 * Store-written names (`{nb, en, sv?}`) and everything else pass as they are.
 */
import { CATALOGUE } from '../core/messages';
import type { Msg } from '../core/i18n';
import { renderAll } from '../i18n/render';

function isCatalogueMessage(value: object): value is Msg {
  const { key, params, ...rest } = value as { key?: unknown; params?: unknown };
  return (
    typeof key === 'string' &&
    Object.prototype.hasOwnProperty.call(CATALOGUE, key) &&
    (params === undefined || (typeof params === 'object' && params !== null)) &&
    Object.keys(rest).length === 0
  );
}

export function withRenderedTexts(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withRenderedTexts);
  if (typeof value !== 'object' || value === null) return value;
  if (isCatalogueMessage(value)) {
    try {
      return { ...renderAll(value), ...value };
    } catch {
      // A stored message this version cannot render (a parameter its wording now needs, or of a
      // kind it does not know): the key and parameters still say it; one reason never fails an answer.
      return value;
    }
  }
  const out: Record<string, unknown> = {};
  for (const [name, inner] of Object.entries(value)) out[name] = withRenderedTexts(inner);
  return out;
}
