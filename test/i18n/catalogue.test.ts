/**
 * The one message catalogue: every key in every language, each an ICU message
 * that parses, with the same arguments (and the same kind of each) in all three,
 * and a plural wherever a count is said.
 */
import { parse, TYPE } from '@formatjs/icu-messageformat-parser';
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { LOCALES, msg } from '../../src/core/i18n';
import { CATALOGUE } from '../../src/core/messages';
import type { MessageKey } from '../../src/core/messages';
import { render, renderAll } from '../../src/i18n/render';

const KIND: Record<number, string> = {
  [TYPE.argument]: 'text',
  [TYPE.number]: 'number',
  [TYPE.date]: 'date',
  [TYPE.time]: 'time',
  [TYPE.select]: 'select',
  [TYPE.plural]: 'plural',
  [TYPE.pound]: 'pound',
  [TYPE.tag]: 'tag',
};

/** Each argument the message uses, with its kind (a plural's count is a number either way). */
function argumentsOf(elements: MessageFormatElement[], into = new Map<string, string>()) {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    const kind = KIND[element.type] ?? 'other';
    into.set(element.value, kind === 'plural' ? 'number' : kind);
    if (element.type === TYPE.select || element.type === TYPE.plural)
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    if (element.type === TYPE.tag) argumentsOf(element.children, into);
  }
  return into;
}

const keys = Object.keys(CATALOGUE) as MessageKey[];

describe('the message catalogue', () => {
  it('has messages, each under a domain', () => {
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(key, key).toMatch(/^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9_]+)+$/);
  });

  it.each(keys)('%s: is in every language, parses, and its arguments agree', (key) => {
    const entry = CATALOGUE[key];
    const args = Object.fromEntries(
      LOCALES.map((locale) => {
        const source = entry[locale];
        expect(typeof source, `${key} in ${locale}`).toBe('string');
        expect(source.trim(), `${key} in ${locale}`).not.toBe('');
        return [locale, argumentsOf(parse(source, { ignoreTag: true }))];
      }),
    ) as Record<(typeof LOCALES)[number], Map<string, string>>;
    // Swedish says what the bokmål says, with no argument neither of the others knows;
    // English (the API's and the logs' text) may name more, e.g. the command refused.
    for (const name of args.nb.keys())
      expect(args.sv.has(name), `${key}: sv leaves out {${name}}`).toBe(true);
    for (const name of args.sv.keys())
      expect(args.nb.has(name) || args.en.has(name), `${key}: sv invents {${name}}`).toBe(true);
    for (const name of args.nb.keys())
      if (args.en.has(name))
        expect(args.en.get(name), `${key}: {${name}} is of another kind in en`).toBe(
          args.nb.get(name),
        );
    for (const [name, kind] of args.sv)
      expect(kind, `${key}: {${name}} is of another kind in sv`).toBe(
        args.nb.get(name) ?? args.en.get(name),
      );
  });

  it('renders a plural by each language own rule', () => {
    // Uses a message every build has; the domain files add their own plurals.
    const all = renderAll(msg('common.unexpected'));
    expect(Object.keys(all).sort()).toEqual(['en', 'nb', 'sv']);
    expect(all.sv).not.toBe(all.nb);
    expect(render({ nb: 'Gull', en: 'Gold' }, 'sv')).toBe('Gull');
    expect(render({ nb: 'Gull', en: 'Gold', sv: 'Guld' }, 'sv')).toBe('Guld');
  });
});
