/**
 * The membership terms a programme holds (issue 17): optional and without a
 * default, so a programme saved before them parses to the same object; bounded
 * in length and well-formed, refused in the schema's own words otherwise.
 */
import { describe, expect, it } from 'vitest';
import { MAX_TERMS_TEXT, Programme } from './programme';
import type { ProgrammeInput } from './programme';
import { saidText } from './schema-messages';

const saved = { name: 'Bakeriet', termsVersion: '2026-01' } satisfies ProgrammeInput;

function refusal(input: ProgrammeInput) {
  const parsed = Programme.safeParse(input);
  expect(parsed.success).toBe(false);
  return parsed.error!.issues.map((i) => ({ path: i.path, said: saidText(i) }));
}

describe('the membership terms of a programme', () => {
  it('are absent from a programme saved before them, which parses to the same object', () => {
    const parsed = Programme.parse(saved);
    expect(Object.keys(parsed)).not.toContain('termsText');
    expect(Programme.parse(JSON.parse(JSON.stringify(parsed)))).toStrictEqual(parsed);
  });

  it('keep their text as written, line breaks and all, up to the bound', () => {
    const text = '1. Medlemskapet er gratis.\n\n2. Poeng varer i to år.';
    expect(Programme.parse({ ...saved, termsText: text }).termsText).toBe(text);
    const longest = 'æ'.repeat(MAX_TERMS_TEXT);
    expect(Programme.parse({ ...saved, termsText: longest }).termsText).toBe(longest);
  });

  it('are refused one character past the bound, saying the bound', () => {
    expect(refusal({ ...saved, termsText: 'x'.repeat(MAX_TERMS_TEXT + 1) })).toEqual([
      {
        path: ['termsText'],
        said: { key: 'programme.termsTooLong', params: { max: MAX_TERMS_TEXT } },
      },
    ]);
  });

  it('are refused when they hold text no database stores', () => {
    expect(refusal({ ...saved, termsText: 'Vilkår \ud800 her' })).toEqual([
      { path: ['termsText'], said: { key: 'programme.malformedText' } },
    ]);
  });
});
