/**
 * The customer display's state from the real engine's evaluation of the demo
 * bakery: lines, total, savings, first name, stamps and points, and nothing
 * else of the member. Every state built passes the command's own schema.
 */
import { describe, expect, it } from 'vitest';
import { evaluateBasket } from '../../core/basket/evaluate';
import { at, member, punchCard, selections } from '../../core/basket/test-fixtures';
import type { BasketLineInput, Evaluation } from '../../core/basket-types';
import type { MemberView } from '../../core/member-types';
import { programmeTemplate } from '../../core/templates';
import { DisplayState } from '../../contract/commands/display';
import { buildDisplayState, evaluationCovers } from './display-state';
import type { DisplayInput, TillLine } from './display-state';

const bakery = programmeTemplate('bakeri')!;
const catalogue = new Map(bakery.catalogue.map((p) => [p.sku, p]));
const NOW = at('2026-03-10T08:15:00+01:00');

/** The bakery's cards as the member view gives them (named as the programme names them). */
function card(cardId: 'kaffe' | 'brod', stamps: number, rewardIds: string[] = []) {
  const named = bakery.programme.punchCards.find((c) => c.id === cardId)!;
  return { ...punchCard(cardId, stamps, named.stamps, rewardIds), name: named.name };
}

/** Ingrid as the member view holds her: all of her, as the till's memory has it. */
const INGRID: MemberView = member({
  memberId: 'member-ingrid-7f3a',
  memberNumber: '2900000012345',
  qrToken: 'qr-secret-ingrid',
  phoneE164: '+4748000001',
  profile: {
    firstName: 'Ingrid',
    lastName: 'Haugen',
    email: 'ingrid.haugen@example.no',
    birthDate: '1984-05-17',
    postalCode: '0150',
    gender: null,
  },
  points: { balance: 4321, pending: 0, valueOre: 216050, nextExpiry: null },
  punchCards: [card('kaffe', 7), card('brod', 2)],
});

function tillLine(sku: string, quantity = 1): TillLine {
  return { lineId: `${sku}-line`, sku, quantity };
}

function evaluate(lines: readonly TillLine[], who: MemberView | null): Evaluation {
  const input: BasketLineInput[] = lines.map((line) => {
    const product = catalogue.get(line.sku)!;
    return {
      lineId: line.lineId,
      sku: line.sku,
      name: product.name,
      category: product.category,
      quantity: line.quantity,
      unitPriceOre: product.priceOre,
      vatRate: product.vatRate,
      ...(product.memberPriceOre === undefined ? {} : { memberPriceOre: product.memberPriceOre }),
    };
  });
  return evaluateBasket({
    programme: bakery.programme,
    lines: input,
    member: who,
    verified: true,
    selections: selections(),
    now: NOW,
  });
}

function build(partial: Partial<DisplayInput> & Pick<DisplayInput, 'lines'>): DisplayState {
  const state = buildDisplayState({
    language: 'nb',
    storeName: 'Bakeriet',
    catalogue,
    evaluation: null,
    member: null,
    ...partial,
  });
  // Whatever it builds, the service takes.
  expect(DisplayState.parse(state)).toEqual(state);
  return state;
}

describe('the customer display state', () => {
  it('is idle with the store name when there is no customer', () => {
    expect(build({ lines: [] })).toEqual({
      phase: 'idle',
      language: 'nb',
      storeName: 'Bakeriet',
      lines: [],
      discounts: [],
      savedOre: 0,
      totalOre: 0,
      member: null,
      joinUrl: null,
    });
  });

  it('shows the lines and the total the engine gave, without a member', () => {
    const lines = [tillLine('kaffe-stor', 2), tillLine('kanelbolle')];
    const evaluation = evaluate(lines, null);
    const state = build({ lines, evaluation });
    expect(state.phase).toBe('sale');
    expect(state.lines).toEqual([
      { name: 'Kaffe, stor', quantity: 2, amountOre: 9000, listOre: 9000 },
      { name: 'Kanelbolle', quantity: 1, amountOre: 3900, listOre: 3900 },
    ]);
    expect(state.totalOre).toBe(evaluation.totalOre);
    expect(state.totalOre).toBe(12900);
    expect(state.member).toBeNull();
    expect(state.savedOre).toBe(0);
  });

  it('gives the member by first name, the stamps filling in, the points and the savings', () => {
    const lines = [tillLine('kaffe-stor', 2), tillLine('kanelbolle')];
    const evaluation = evaluate(lines, INGRID);
    const state = build({
      lines,
      evaluation,
      member: { firstName: 'Ingrid', punchCards: INGRID.punchCards },
    });
    expect(state.member).toEqual({
      firstName: 'Ingrid',
      pointsEarned: evaluation.effects!.pointsEarned,
      // 7 of 9 before, two coffees: 9 of 9, the card full, the two new ones fresh.
      cards: [{ name: { nb: 'Kaffe', en: 'Coffee' }, needed: 9, filled: 9, fresh: 2, full: true }],
    });
    expect(state.member!.pointsEarned).toBeGreaterThan(0);
    // The member price of the bun (and the tier, were she in one) shown as savings.
    expect(state.savedOre).toBe(evaluation.discountOre);
    expect(state.savedOre).toBeGreaterThan(0);
    expect(state.discounts.reduce((sum, d) => sum + d.amountOre, 0)).toBe(evaluation.discountOre);
    expect(state.discounts[0]!.label).toContain('Medlemspris');
    expect(state.lines[1]).toMatchObject({ name: 'Kanelbolle', listOre: 3900 });
    expect(state.lines[1]!.amountOre).toBeLessThan(3900);
  });

  it('counts stamps that do not fill the card as fresh ones on it', () => {
    const lines = [tillLine('kaffe-liten')];
    const state = build({
      lines,
      evaluation: evaluate(lines, INGRID),
      member: { firstName: 'Ingrid', punchCards: INGRID.punchCards },
    });
    expect(state.member!.cards).toEqual([
      { name: { nb: 'Kaffe', en: 'Coffee' }, needed: 9, filled: 8, fresh: 1, full: false },
    ]);
  });

  it('after the sale, reads the stamps it added back out of the member as they stand', () => {
    const lines = [tillLine('kaffe-liten')];
    const evaluation = evaluate(lines, INGRID);
    // After the sale the card shows 8 of 9: 7 before, 1 from this sale.
    const after = [card('kaffe', 8), card('brod', 2)];
    const state = build({
      lines,
      evaluation,
      member: { firstName: 'Ingrid', punchCards: after },
      paid: true,
    });
    expect(state.phase).toBe('paid');
    expect(state.member!.cards).toEqual([
      { name: { nb: 'Kaffe', en: 'Coffee' }, needed: 9, filled: 8, fresh: 1, full: false },
    ]);
    // A sale that filled the card: the view wrapped to 0 of 9 and one full card more.
    const wrapped = card('kaffe', 0, ['K-kaffe-1']);
    const full = build({
      lines: [tillLine('kaffe-stor', 2)],
      evaluation: evaluate([tillLine('kaffe-stor', 2)], INGRID),
      member: { firstName: 'Ingrid', punchCards: [wrapped] },
      paid: true,
    });
    expect(full.member!.cards).toEqual([
      { name: { nb: 'Kaffe', en: 'Coffee' }, needed: 9, filled: 9, fresh: 2, full: true },
    ]);
    expect(full.totalOre).toBe(9000);
  });

  it('carries nothing of the member but the first name', () => {
    const lines = [tillLine('kaffe-stor', 2), tillLine('kanelbolle')];
    const state = build({
      lines,
      evaluation: evaluate(lines, INGRID),
      member: { firstName: 'Ingrid', punchCards: INGRID.punchCards },
    });
    const text = JSON.stringify(state);
    for (const secret of [
      'Haugen',
      '48000001',
      '+4748000001',
      '2900000012345',
      'member-ingrid-7f3a',
      'qr-secret-ingrid',
      'ingrid.haugen@example.no',
      '1984-05-17',
      '0150',
      '4321',
    ])
      expect(text, secret).not.toContain(secret);
    expect(text).toContain('Ingrid');
    expect(Object.keys(state.member!).sort()).toEqual(['cards', 'firstName', 'pointsEarned']);
    // The schema refuses a field beyond those, so nobody can add one on the way.
    const withPhone = { ...state, member: { ...state.member!, phone: '+4748000001' } };
    expect(DisplayState.safeParse(withPhone).success).toBe(false);
    expect(DisplayState.safeParse({ ...state, memberId: 'member-ingrid-7f3a' }).success).toBe(
      false,
    );
  });

  it('welcomes a member without a basket, and one who gave no name without one', () => {
    const evaluation = evaluate([], INGRID);
    expect(
      build({ lines: [], evaluation, member: { firstName: 'Ingrid', punchCards: null } }),
    ).toMatchObject({ phase: 'sale', lines: [], totalOre: 0, member: { firstName: 'Ingrid' } });
    expect(
      build({ lines: [], evaluation, member: { firstName: '  ', punchCards: null } }).member,
    ).toEqual({ firstName: null, pointsEarned: 0, cards: [] });
  });

  it('waits for the evaluation of these lines, and shows catalogue prices where it has none', () => {
    const before = [tillLine('kaffe-stor')];
    const now = [tillLine('kaffe-stor'), tillLine('kanelbolle', 3)];
    const stale = evaluate(before, null);
    expect(evaluationCovers(now, stale)).toBe(false);
    expect(evaluationCovers(before, stale)).toBe(true);
    expect(evaluationCovers([tillLine('kaffe-stor', 2)], stale)).toBe(false);
    const state = build({ lines: now, evaluation: stale });
    expect(state.lines).toEqual([
      { name: 'Kaffe, stor', quantity: 1, amountOre: 4500, listOre: 4500 },
      { name: 'Kanelbolle', quantity: 3, amountOre: 11700, listOre: 11700 },
    ]);
    expect(state.totalOre).toBe(16200);
  });

  it('follows the till’s language and cuts text to the schema’s bounds', () => {
    const lines = [tillLine('kanelbolle')];
    const state = build({
      lines,
      evaluation: evaluate(lines, INGRID),
      member: { firstName: 'I'.repeat(200), punchCards: null },
      language: 'en',
      storeName: 'B'.repeat(500),
    });
    expect(state.language).toBe('en');
    expect(state.discounts[0]!.label).toContain('Member price');
    expect(state.storeName).toHaveLength(120);
    expect(state.member!.firstName).toHaveLength(80);
  });

  it('puts the join link in when there is one, and none by default', () => {
    expect(build({ lines: [] }).joinUrl).toBeNull();
    expect(build({ lines: [], joinUrl: 'https://bakeriet.example/bli-medlem' }).joinUrl).toBe(
      'https://bakeriet.example/bli-medlem',
    );
  });
});
