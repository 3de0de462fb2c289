/**
 * What the customer display shows, built from what the till holds: a pure
 * function of the basket, its evaluation and the attached member. It copies
 * only what the customer may see: product names, quantities and amounts, the
 * total, the savings, the member's first name, the stamps this sale adds and
 * the points it earns. Nothing else of the member (id, number, phone, surname,
 * balance, tier) is read into it.
 */
import type { Evaluation } from '../../core/basket-types';
import type { Locale, Shown, Text } from '../../core/i18n';
import type { PunchCardView } from '../../core/member-types';
import { render } from '../../i18n/render';
import { idleDisplay } from '../../contract/commands/display';
import type {
  DisplayCard,
  DisplayDiscount,
  DisplayLine,
  DisplayState,
} from '../../contract/commands/display';

/** A line of the till's basket, as useBasket holds it. */
export interface TillLine {
  lineId: string;
  sku: string;
  quantity: number;
}

/** A product as the till's catalogue knows it (the fallback while no evaluation covers a line). */
export interface ProductGlance {
  name: string;
  priceOre: number;
}

/** The member as far as the display may know them. */
export interface MemberForDisplay {
  firstName: string | null;
  /** Their punch cards, null while the till has not read them yet. */
  punchCards: readonly PunchCardView[] | null;
}

export interface DisplayInput {
  language: Locale;
  storeName: string;
  /** The member's page, where one who is not a member joins (none yet). */
  joinUrl?: string | null;
  lines: readonly TillLine[];
  catalogue: ReadonlyMap<string, ProductGlance>;
  evaluation: Evaluation | null;
  member: MemberForDisplay | null;
  /**
   * The sale is recorded: `evaluation` is the sale's, and the member's cards
   * are as they stand after it (the stamps it added are in them).
   */
  paid?: boolean;
}

/** Bounds of the display schema (src/contract/commands/display.ts): longer text is cut, never refused. */
const MAX = { name: 120, label: 200, firstName: 80, store: 120 } as const;

function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  // Never split a surrogate pair.
  return (/[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut) + '…';
}

function storeText(text: Text): Text {
  return {
    nb: clip(text.nb, MAX.name),
    en: clip(text.en, MAX.name),
    ...(text.sv === undefined ? {} : { sv: clip(text.sv, MAX.name) }),
  };
}

function sayIn(shown: Shown, locale: Locale): string {
  try {
    return render(shown, locale);
  } catch {
    const words = shown as Partial<Text>;
    return typeof words.nb === 'string' ? (locale === 'nb' ? words.nb : (words.en ?? '')) : '';
  }
}

/**
 * Whether the evaluation is of these very lines (the till re-evaluates on
 * every change; until the answer comes the last one is of the basket before).
 */
export function evaluationCovers(
  lines: readonly TillLine[],
  evaluation: Evaluation | null,
): evaluation is Evaluation {
  if (evaluation === null || evaluation.lines.length !== lines.length) return false;
  const evaluated = new Map(evaluation.lines.map((line) => [line.lineId, line.quantity]));
  return lines.every((line) => evaluated.get(line.lineId) === line.quantity);
}

function displayLines(input: DisplayInput): DisplayLine[] {
  const { evaluation } = input;
  if (input.paid && evaluation) {
    return evaluation.lines.map((line) => ({
      name: clip(line.name, MAX.name),
      quantity: line.quantity,
      amountOre: line.paidOre,
      listOre: line.listOre,
    }));
  }
  const evaluated = new Map((evaluation?.lines ?? []).map((line) => [line.lineId, line]));
  return input.lines.map((line) => {
    const priced = evaluated.get(line.lineId);
    if (priced && priced.quantity === line.quantity)
      return {
        name: clip(priced.name, MAX.name),
        quantity: line.quantity,
        amountOre: priced.paidOre,
        listOre: priced.listOre,
      };
    const product = input.catalogue.get(line.sku);
    const listOre = (product?.priceOre ?? priced?.unitPriceOre ?? 0) * line.quantity;
    return {
      name: clip(product?.name ?? priced?.name ?? line.sku, MAX.name),
      quantity: line.quantity,
      amountOre: listOre,
      listOre,
    };
  });
}

/** The benefits as the customer reads them, one row per wording (every line's member price in one). */
function displayDiscounts(evaluation: Evaluation, locale: Locale): DisplayDiscount[] {
  const rows = new Map<string, number>();
  for (const benefit of evaluation.benefits) {
    if (benefit.amountOre <= 0) continue;
    const label = clip(sayIn(benefit.reason, locale), MAX.label);
    rows.set(label, (rows.get(label) ?? 0) + benefit.amountOre);
  }
  return [...rows].slice(0, 50).map(([label, amountOre]) => ({ label, amountOre }));
}

/**
 * A punch card this sale stamps. Stamps carry over a full card (the view shows
 * the total modulo the card's size), so the count is taken from the total:
 * a sale that fills the card shows it full, its fresh stamps the ones it added.
 */
function displayCard(card: PunchCardView, added: number, after: boolean): DisplayCard {
  const needed = card.of;
  const total = card.completedCards * needed + card.stamps;
  const before = after ? Math.max(0, total - added) : total;
  const beforeOnCard = before % needed;
  const full = Math.floor((before + added) / needed) > Math.floor(before / needed);
  const filled = full ? needed : beforeOnCard + added;
  return { name: storeText(card.name), needed, filled, fresh: filled - beforeOnCard, full };
}

function displayCards(
  member: MemberForDisplay,
  evaluation: Evaluation | null,
  after: boolean,
): DisplayCard[] {
  const stamps = evaluation?.effects?.stamps ?? [];
  if (member.punchCards === null) return [];
  const cards = new Map(member.punchCards.map((card) => [card.cardId, card]));
  return stamps
    .filter((stamp) => stamp.count > 0 && (cards.get(stamp.cardId)?.of ?? 0) > 0)
    .slice(0, 20)
    .map((stamp) => displayCard(cards.get(stamp.cardId)!, stamp.count, after));
}

export function buildDisplayState(input: DisplayInput): DisplayState {
  const storeName = clip(input.storeName, MAX.store);
  const joinUrl = input.joinUrl ?? null;
  const paid = input.paid === true && input.evaluation !== null;
  if (!paid && input.lines.length === 0 && input.member === null)
    return idleDisplay(storeName, input.language, joinUrl);

  const lines = displayLines(input);
  const covered = paid || evaluationCovers(input.lines, input.evaluation);
  const evaluation = covered ? input.evaluation : null;
  const member = input.member;
  const firstName = member?.firstName?.trim() ? clip(member.firstName.trim(), MAX.firstName) : null;
  return {
    phase: paid ? 'paid' : 'sale',
    language: input.language,
    storeName,
    lines,
    discounts: evaluation ? displayDiscounts(evaluation, input.language) : [],
    savedOre: evaluation?.discountOre ?? 0,
    totalOre: evaluation?.totalOre ?? lines.reduce((sum, line) => sum + line.amountOre, 0),
    member: member
      ? {
          firstName,
          pointsEarned: evaluation?.effects?.pointsEarned ?? 0,
          cards: displayCards(member, evaluation, paid),
        }
      : null,
    joinUrl,
  };
}
