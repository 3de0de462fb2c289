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

/**
 * Each argument the message uses, with its kind: `select` (one of named
 * cases), a date or time, or a value (a plain argument, a number or a plural's
 * count: one language may pluralise a count another only prints).
 */
function argumentsOf(elements: MessageFormatElement[], into = new Map<string, string>()) {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    const kind = KIND[element.type] ?? 'other';
    const normal = ['text', 'number', 'plural'].includes(kind) ? 'value' : kind;
    if (into.get(element.value) !== 'select') into.set(element.value, normal);
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

  it('renders a plural by each language’s own rule', () => {
    const one = renderAll(msg('basket.stampsAdded', { added: 1, card: 'Kaffe', after: 3, of: 10 }));
    const two = renderAll(msg('basket.stampsAdded', { added: 2, card: 'Kaffe', after: 4, of: 10 }));
    expect(one).toEqual({
      nb: '+1 stempel på Kaffe (3/10)',
      en: '+1 stamp on Kaffe (3/10)',
      sv: '+1 stämpel på Kaffe (3/10)',
    });
    expect(two).toEqual({
      nb: '+2 stempler på Kaffe (4/10)',
      en: '+2 stamps on Kaffe (4/10)',
      sv: '+2 stämplar på Kaffe (4/10)',
    });
    expect(render({ nb: 'Gull', en: 'Gold' }, 'sv')).toBe('Gull');
    expect(render({ nb: 'Gull', en: 'Gold', sv: 'Guld' }, 'sv')).toBe('Guld');
  });
});

describe('the catalogue holds only what is said', () => {
  it('has no key that no source file names (literally, or by a typed template prefix)', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const root = path.resolve(__dirname, '../..');
    const sources: string[] = [];
    for (const folder of ['src', 'native', 'electron', 'cloud']) {
      const files = readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' });
      for (const file of files)
        if (/\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !file.includes('messages/'))
          sources.push(readFileSync(path.join(root, folder, file), 'utf8'));
    }
    const text = sources.join('\n');
    const prefixes = [...text.matchAll(/`([a-z][a-zA-Z0-9]*(?:\.[a-zA-Z0-9_]+)*\.)\$\{/g)].map(
      (m) => m[1]!,
    );
    const unused = keys.filter(
      (key) =>
        !text.includes(`'${key}'`) &&
        !text.includes(`"${key}"`) &&
        !prefixes.some((prefix) => key.startsWith(prefix)),
    );
    expect(unused).toEqual([]);
  });
});
