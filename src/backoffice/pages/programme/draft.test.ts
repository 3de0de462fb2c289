/**
 * The editor's draft helpers: paths, kroner typed as people type them, and
 * the core schema's problems filed by field in the catalogue's words.
 */
import { describe, expect, it } from 'vitest';
import { render } from '../../../i18n/render';
import { programmeTemplate } from '../../../core/templates';
import { getAt, judge, kronerOf, listOf, oreOf, setAt } from './draft';
import type { Draft } from './draft';

const bakery = programmeTemplate('bakeri')!.programme as unknown as Draft;

describe('the programme editor’s draft', () => {
  it('reads and replaces by path without touching the rest', () => {
    const next = setAt(bakery, 'points.earn.pointsPerStep', 3);
    expect(getAt(next, 'points.earn.pointsPerStep')).toBe(3);
    expect(getAt(bakery, 'points.earn.pointsPerStep')).toBe(1);
    expect(getAt(next, 'punchCards.1.id')).toBe('brod');
    const without = setAt(next, 'punchCards.1.capPerPurchase', undefined);
    expect(Object.keys(getAt(without, 'punchCards.1') as object)).not.toContain('capPerPurchase');
    expect(getAt(next, 'tiers')).toBe(getAt(bakery, 'tiers'));
  });

  it('takes kroner as typed and gives them back', () => {
    expect(oreOf('10')).toBe(1000);
    expect(oreOf('10,5')).toBe(1050);
    expect(oreOf(' 1 000,25 ')).toBe(100_025);
    expect(oreOf('0.07')).toBe(7);
    for (const wrong of ['ti', '10,555', '-5', '', '1,2,3']) expect(oreOf(wrong)).toBeNull();
    expect(kronerOf(1050)).toBe('10,50');
    expect(kronerOf(2000)).toBe('20');
    expect(kronerOf(Number.NaN)).toBe('');
    expect(listOf('Gavekort, , Tobakk ')).toEqual(['Gavekort', 'Tobakk']);
  });

  it('files each problem under its field, in the schema’s words or the editor’s', () => {
    expect(judge(bakery).problems.size).toBe(0);
    expect(judge(bakery).programme?.name).toBe('Bakeriet');

    let draft = setAt(bakery, 'points.earn.pointsPerStep', 0);
    draft = setAt(draft, 'cashback', { enabled: true, percent: 120, excludedCategories: [] });
    draft = setAt(draft, 'points.redeemValueOre', Number.NaN);
    draft = setAt(draft, 'punchCards.0.id', 'Kaffe kort');
    draft = setAt(draft, 'punchCards.1.id', 'kaffe');
    const { programme, problems } = judge(draft);
    expect(programme).toBeNull();
    const said = Object.fromEntries([...problems].map(([path, m]) => [path, render(m, 'nb')]));
    expect(said['points.earn.pointsPerStep']).toBe('Mer enn 0.');
    expect(said['cashback.percent']).toBe(render({ key: 'programme.percentAtMost100' }, 'nb'));
    expect(said['points.redeemValueOre']).toBe('Skriv et tall.');
    expect(said['punchCards.0.id']).toBe(render({ key: 'programme.idFormat' }, 'nb'));
    expect(
      render({ key: 'backoffice.ui.programme.error.tooSmall', params: { min: 2 } }, 'en'),
    ).toBe('At least 2.');
  });

  it('files terms past the bound under their field, saying the bound', () => {
    const draft = setAt(bakery, 'termsText', 'x'.repeat(20_001));
    const { programme, problems } = judge(draft);
    expect(programme).toBeNull();
    const said = problems.get('termsText');
    expect(said && render(said, 'nb')).toMatch(/^Medlemsvilkårene kan være høyst 20.?000 tegn\.$/);
    expect([...problems.keys()]).toEqual(['termsText']);
    const kept = judge(setAt(bakery, 'termsText', '1. Gratis.\n2. Poeng i to år.'));
    expect(kept.programme?.termsText).toBe('1. Gratis.\n2. Poeng i to år.');
  });

  it('says a rule across fields at the programme’s root', () => {
    const draft = setAt(bakery, 'punchCards.1.id', 'kaffe');
    const root = judge(draft).problems.get('');
    expect(root && render(root, 'nb')).toMatch(/kaffe/);
  });
});
