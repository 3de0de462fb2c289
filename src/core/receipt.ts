/**
 * The till receipt as a list of print operations, laid out for a fixed number of
 * columns (48 on 80 mm paper, 42 on a TM-T88 in font A, 32 on 58 mm). Pure: the
 * printer driver (native/printer) turns the document into ESC/POS bytes, and the
 * screen can show the same lines.
 *
 * Guarantees of a built document (parseReceiptDocument checks them again when a
 * document comes back from storage): every text line fits the width at its size,
 * every `columns` row fits with at least one space between its sides, all text is
 * in the printer's character set (PC865 Nordic: æ ø å Æ Ø Å print as themselves,
 * the rest is replaced one character for one so the columns stay aligned), and
 * barcode and QR data are ASCII.
 */
import { z } from 'zod';
import type { Benefit, Evaluation } from './basket-types';
import type { PaymentMethod, SaleLine, VatRow } from './events';
import { isValidEan13 } from './ean13';
import { msg } from './i18n';
import type { Locale, Params, Shown, Text } from './i18n';
import type { MessageKey } from './messages';
import { formatMoney } from './money';
import { MEMBER_QR_PREFIX } from './scan';
import { isoDate, localDateOf, localTimeOf } from './time';

// ---- the document -------------------------------------------------------------

export const RECEIPT_WIDTHS = [32, 42, 48] as const;
export type ReceiptWidth = (typeof RECEIPT_WIDTHS)[number];
export type ReceiptAlign = 'left' | 'center' | 'right';

export type ReceiptOp =
  | { op: 'text'; text: string; align: ReceiptAlign; bold: boolean; size: 1 | 2 }
  | { op: 'line' }
  | { op: 'columns'; left: string; right: string; bold?: boolean }
  | { op: 'barcode'; kind: 'EAN13'; data: string }
  | { op: 'qr'; data: string }
  | { op: 'feed'; lines: number }
  | { op: 'cut' };

export interface ReceiptDocument {
  width: ReceiptWidth;
  ops: ReceiptOp[];
}

// ---- the character set ----------------------------------------------------------

/** Code page 865 (Nordic), bytes 0x80–0xFF in order; 0xFF is a no-break space. */
export const PC865_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø₧ƒáíóúñÑªº¿⌐¬½¼¡«¤░▒▓│┤╡╢╖╕╣║╗╝╜╛┐' +
  '└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

const HIGH_SET = new Set(PC865_HIGH);

/** One-for-one stand-ins for characters PC865 lacks (keeps column widths). */
const STAND_INS: Record<string, string> = {
  '–': '-',
  '—': '-',
  '‐': '-',
  '−': '-',
  '×': 'x',
  '‘': "'",
  '’': "'",
  '‚': "'",
  '“': '"',
  '”': '"',
  '„': '"',
  '…': '.',
  '€': 'E',
  '□': '░',
  '•': '·',
  '\u2009': ' ',
  '\u202f': ' ',
};

export function isReceiptChar(char: string): boolean {
  const c = char.charCodeAt(0);
  return char.length === 1 && ((c >= 0x20 && c <= 0x7e) || HIGH_SET.has(char));
}

/** Text as the printer can print it: exactly one output character per input character. */
export function toReceiptCharset(value: string): string {
  let out = '';
  for (const char of value.normalize('NFC')) {
    if (isReceiptChar(char)) out += char;
    else if (/\s/.test(char) || char.charCodeAt(0) < 0x20) out += ' ';
    else if (STAND_INS[char] !== undefined) out += STAND_INS[char];
    else {
      // Accented letters the code page lacks (ő, č, ł...) lose the accent, not the letter.
      const base = char.normalize('NFD').replace(/\p{M}/gu, '');
      out += base.length === 1 && isReceiptChar(base) ? base : '?';
    }
  }
  return out;
}

// ---- the input ----------------------------------------------------------------------

export interface ReceiptStore {
  name: string;
  addressLines: string[];
  /** Printed after "Org.nr.", e.g. "987 654 321 MVA". */
  orgNumber: string;
  phone?: string | null;
  /** The store's own closing words, printed above the thank-you. */
  footerLines?: string[];
}

/** A SaleRecord (src/service/commands.ts) fits this shape as it is. */
export interface ReceiptSale {
  receiptNo: string;
  at: number;
  paymentMethod: PaymentMethod;
  voided?: boolean;
  evaluation: Pick<Evaluation, 'lines' | 'benefits' | 'vat' | 'listOre' | 'totalOre' | 'effects'>;
}

/** A MemberView (read after the sale) fits this shape as it is. */
export interface ReceiptMember {
  memberNumber: string;
  qrToken: string;
  erased: boolean;
  profile: { firstName: string | null };
  points: { balance: number; pending: number };
  tier: { name: Text; next: { name: Text; pointsNeeded: number } | null } | null;
  punchCards: ReadonlyArray<{
    cardId: string;
    name: Text;
    stamps: number;
    of: number;
    rewardsAvailable: ReadonlyArray<{ rewardId: string; reason: Shown }>;
  }>;
  coupons: ReadonlyArray<{ couponId: string; reason: Shown }>;
}

export interface ReceiptInput {
  store: ReceiptStore;
  sale: ReceiptSale;
  member: ReceiptMember | null;
  width: ReceiptWidth;
  /** A reprint: marked KOPI (COPY) at the top and the bottom. */
  copy: boolean;
  locale?: Locale;
  /** For the date and time printed; default Europe/Oslo. */
  timeZone?: string;
  /** What to print for the member's card: default the EAN-13 member number. */
  memberCode?: 'barcode' | 'qr' | 'both' | 'none';
  cashierName?: string | null;
  /**
   * The member's own page (https://…/m/<token>), printed as a QR with "Se
   * poengene dine" when the till is paired and had it at hand; none: no QR.
   */
  memberPageUrl?: string | null;
}

// ---- words ----------------------------------------------------------------------------

/** What the receipt says, rendered by the caller (src/i18n/render.ts; core renders nothing). */
export type Say = (shown: Shown) => string;

/** The receipt's words (src/core/messages/receipt.ts) in the reader's language. */
function wordsOf(say: Say, locale: Locale) {
  const w = (key: MessageKey, params?: Params) => say(msg(key, params));
  const format = figuresIn(locale);
  return {
    copy: w('receipt.copy'),
    voided: w('receipt.voided'),
    orgNr: w('receipt.orgNr'),
    phone: w('receipt.phone'),
    receipt: w('receipt.receipt'),
    cashier: w('receipt.cashier'),
    subtotal: w('receipt.subtotal'),
    total: w('receipt.total'),
    saved: w('receipt.saved'),
    paidWith: (method: PaymentMethod) => w('receipt.paidWith', { method }),
    vatTitle: w('receipt.vatTitle'),
    vatHead: [
      w('receipt.vatRate'),
      w('receipt.vatNet'),
      w('receipt.vatVat'),
      w('receipt.vatGross'),
    ],
    vatNet: w('receipt.vatNet'),
    vatVat: w('receipt.vatVat'),
    vatGross: w('receipt.vatGross'),
    club: w('receipt.club'),
    hello: (name: string) => w('receipt.hello', { name }),
    memberNo: w('receipt.memberNo'),
    memberPage: w('receipt.memberPage'),
    pointsEarned: w('receipt.pointsEarned'),
    pointsSpent: w('receipt.pointsSpent'),
    pointsBalance: w('receipt.pointsBalance'),
    pointsPending: w('receipt.pointsPending'),
    points: (n: number) => w('receipt.points', { count: n, shown: count(n, format) }),
    tier: w('receipt.tier'),
    toNext: (n: number, name: Text) =>
      w('receipt.toNext', { count: n, shown: count(n, format), name }),
    topTier: w('receipt.topTier'),
    stampsToday: (n: number) => w('receipt.stampsToday', { count: n }),
    couponsUsed: w('receipt.couponsUsed'),
    availableNow: w('receipt.availableNow'),
    thanks: w('receipt.thanks'),
  };
}
type Words = ReturnType<typeof wordsOf>;

/** Figures (money, counts, rates): Swedish writes them as bokmål does ("1 234,50 kr"). */
function figuresIn(locale: Locale): 'nb' | 'en' {
  return locale === 'en' ? 'en' : 'nb';
}

// Filled and empty stamps. An empty square (□) is not in PC865; the light shade is.
const STAMP_FULL = '■';
const STAMP_EMPTY = '░';

// ---- layout helpers ----------------------------------------------------------------

/** Word-wrap to `width` columns; words longer than a line are cut. */
export function wrapText(value: string, width: number): string[] {
  if (width < 1) throw new RangeError('cannot wrap text into fewer than 1 column');
  const lines: string[] = [];
  let current = '';
  for (const word of value.split(' ').filter((w) => w !== '')) {
    let rest = word;
    while (rest.length > 0) {
      const room = current === '' ? width : width - current.length - 1;
      if (rest.length <= room) {
        current = current === '' ? rest : `${current} ${rest}`;
        rest = '';
      } else if (current !== '') {
        lines.push(current);
        current = '';
      } else {
        lines.push(rest.slice(0, width));
        rest = rest.slice(width);
      }
    }
  }
  if (current !== '' || lines.length === 0) lines.push(current);
  return lines;
}

class Layout {
  readonly ops: ReceiptOp[] = [];
  constructor(readonly width: ReceiptWidth) {}

  text(
    value: string,
    options: { align?: ReceiptAlign; bold?: boolean; size?: 1 | 2; indent?: number } = {},
  ): void {
    const size = options.size ?? 1;
    const indent = ' '.repeat(options.indent ?? 0);
    const room = Math.floor(this.width / size) - indent.length;
    for (const line of wrapText(toReceiptCharset(value), room)) {
      this.ops.push({
        op: 'text',
        text: indent + line,
        align: options.align ?? 'left',
        bold: options.bold ?? false,
        size,
      });
    }
  }

  /**
   * Left text and a right-hand figure on one row. Long text wraps at the full
   * width; the figure goes on its last line when there is room, else on a row
   * of its own, right-aligned.
   */
  columns(left: string, right: string, options: { bold?: boolean; indent?: number } = {}): void {
    const bold = options.bold ?? false;
    const r = toReceiptCharset(right).slice(0, this.width);
    const indent = ' '.repeat(options.indent ?? 0);
    const lines = wrapText(toReceiptCharset(left), this.width - indent.length).map(
      (l) => indent + l,
    );
    const last = lines.pop() ?? '';
    for (const line of lines)
      this.ops.push({ op: 'text', text: line, align: 'left', bold, size: 1 });
    if (last.trim() === '' || last.length + 1 + r.length <= this.width) {
      this.ops.push({ op: 'columns', left: last.trim() === '' ? '' : last, right: r, bold });
    } else {
      this.ops.push({ op: 'text', text: last, align: 'left', bold, size: 1 });
      this.ops.push({ op: 'columns', left: '', right: r, bold });
    }
  }

  /** A line laid out by the caller (a table row): kept as it is, spaces and all. */
  preformatted(value: string): void {
    const line = toReceiptCharset(value);
    if (line.length > this.width)
      throw new RangeError(`"${line}" is wider than ${this.width} columns`);
    this.ops.push({ op: 'text', text: line, align: 'left', bold: false, size: 1 });
  }

  line(): void {
    this.ops.push({ op: 'line' });
  }

  feed(lines: number): void {
    this.ops.push({ op: 'feed', lines });
  }
}

// ---- building ----------------------------------------------------------------------

/** "10.03.2026 12:00" in bokmål; English and Swedish read the ISO date. */
function dateTime(ms: number, timeZone: string, locale: Locale): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const d = localDateOf(ms, timeZone);
  const t = localTimeOf(ms, timeZone);
  const clock = `${two(t.hour)}:${two(t.minute)}`;
  return locale === 'nb'
    ? `${two(d.day)}.${two(d.month)}.${d.year} ${clock}`
    : `${isoDate(d)} ${clock}`;
}

/** A count with thousands grouped the way money is ("1 234" in nb, "1,234" in en). */
function count(n: number, locale: 'nb' | 'en'): string {
  const grouped = String(Math.abs(n)).replace(
    /\B(?=(\d{3})+(?!\d))/g,
    locale === 'nb' ? '\u00a0' : ',',
  );
  return n < 0 ? `-${grouped}` : grouped;
}

/** Money for a table cell: the figure without the currency (the heading names it). */
function amount(ore: number, locale: 'nb' | 'en'): string {
  return formatMoney(ore, locale).replace(/ kr$/, '').replace(/^NOK /, '');
}

function percent(rate: number, locale: 'nb' | 'en'): string {
  return locale === 'nb' ? `${rate} %` : `${rate}%`;
}

/**
 * @param say renders what the receipt says in the reader's language (the
 *   service passes `render(·, locale)` from src/i18n/render.ts)
 */
export function buildReceipt(input: ReceiptInput, say: Say): ReceiptDocument {
  if (!RECEIPT_WIDTHS.includes(input.width)) {
    throw new RangeError(
      `receipt width must be one of ${RECEIPT_WIDTHS.join(', ')}, got ${input.width}`,
    );
  }
  const locale = input.locale ?? 'nb';
  const words = wordsOf(say, locale);
  const format = figuresIn(locale);
  const money = (ore: number) => formatMoney(ore, format);
  const layout = new Layout(input.width);
  const { store, sale } = input;
  const evaluation = sale.evaluation;

  // Header
  const nameFitsLarge = toReceiptCharset(store.name).length * 2 <= input.width;
  layout.text(store.name, { align: 'center', bold: true, size: nameFitsLarge ? 2 : 1 });
  for (const address of store.addressLines) layout.text(address, { align: 'center' });
  layout.text(`${words.orgNr} ${store.orgNumber}`, { align: 'center' });
  if (store.phone) layout.text(`${words.phone} ${store.phone}`, { align: 'center' });
  markers(layout, input, words);
  layout.line();
  layout.columns(
    `${words.receipt} ${sale.receiptNo}`,
    dateTime(sale.at, input.timeZone ?? 'Europe/Oslo', locale),
  );
  if (input.cashierName) layout.text(`${words.cashier}: ${input.cashierName}`);
  layout.line();

  // Lines, with the discounts that belong to one line right under it
  const benefitById = new Map(evaluation.benefits.map((b) => [b.id, b]));
  const linesOfBenefit = new Map<string, number>();
  for (const l of evaluation.lines) {
    for (const d of l.discounts)
      linesOfBenefit.set(d.benefitId, (linesOfBenefit.get(d.benefitId) ?? 0) + 1);
  }
  const onOneLine = (id: string) => linesOfBenefit.get(id) === 1;
  for (const l of evaluation.lines) {
    saleLine(layout, l, money);
    for (const d of l.discounts) {
      const benefit = benefitById.get(d.benefitId);
      if (!onOneLine(d.benefitId) || d.amountOre === 0) continue;
      layout.columns(benefit ? say(benefit.reason) : d.benefitId, money(-d.amountOre), {
        indent: 2,
      });
    }
  }
  layout.line();

  // Discounts spread over several lines (basket coupons, points...), once each
  const spread = evaluation.benefits.filter((b) => !onOneLine(b.id) && b.amountOre !== 0);
  const discountOre = evaluation.listOre - evaluation.totalOre;
  if (discountOre !== 0) layout.columns(words.subtotal, money(evaluation.listOre));
  for (const b of spread) layout.columns(say(b.reason), money(-b.amountOre));
  layout.columns(words.total, money(evaluation.totalOre), { bold: true });
  if (discountOre > 0) layout.columns(words.saved, money(discountOre));
  layout.columns(words.paidWith(sale.paymentMethod), money(evaluation.totalOre));
  layout.line();

  vatSection(layout, evaluation.vat, format, words);

  if (input.member && !input.member.erased) {
    layout.line();
    memberSection(layout, input, input.member, sale.evaluation.benefits, say, words);
  }

  layout.line();
  for (const footer of store.footerLines ?? []) layout.text(footer, { align: 'center' });
  layout.text(words.thanks, { align: 'center' });
  markers(layout, input, words);
  layout.feed(4);
  layout.ops.push({ op: 'cut' });
  return { width: input.width, ops: layout.ops };
}

function markers(layout: Layout, input: ReceiptInput, words: Words): void {
  if (input.copy) layout.text(`*** ${words.copy} ***`, { align: 'center', bold: true, size: 2 });
  if (input.sale.voided)
    layout.text(`*** ${words.voided} ***`, { align: 'center', bold: true, size: 2 });
}

function saleLine(layout: Layout, l: SaleLine, money: (ore: number) => string): void {
  if (l.quantity === 1) {
    layout.columns(l.name, money(l.listOre));
    return;
  }
  layout.text(l.name);
  layout.columns(`${l.quantity} x ${money(l.unitPriceOre)}`, money(l.listOre), { indent: 2 });
}

function vatSection(
  layout: Layout,
  vat: readonly VatRow[],
  locale: 'nb' | 'en',
  words: Words,
): void {
  const widths =
    layout.width === 32 ? [5, 9, 9, 9] : layout.width === 42 ? [9, 11, 11, 11] : [12, 12, 12, 12];
  const row = (cells: string[]): string | null => {
    let out = '';
    for (const [i, cell] of cells.entries()) {
      const w = widths[i]!;
      // Each figure keeps one space before it so neighbours never run together.
      if (cell.length > (i === 0 ? w : w - 1)) return null;
      out += i === 0 ? cell.padEnd(w) : cell.padStart(w);
    }
    return out;
  };
  layout.text(words.vatTitle);
  const rows = vat.map((v) =>
    row([
      percent(v.rate, locale),
      amount(v.netOre, locale),
      amount(v.vatOre, locale),
      amount(v.grossOre, locale),
    ]),
  );
  const header = row([...words.vatHead]);
  if (header !== null && rows.every((r) => r !== null)) {
    layout.preformatted(header);
    for (const r of rows) layout.preformatted(r!);
    return;
  }
  // Figures too wide for a table on this paper: one block per rate.
  for (const v of vat) {
    layout.text(`${words.vatHead[0]} ${percent(v.rate, locale)}`);
    layout.columns(words.vatNet, amount(v.netOre, locale), { indent: 2 });
    layout.columns(words.vatVat, amount(v.vatOre, locale), { indent: 2 });
    layout.columns(words.vatGross, amount(v.grossOre, locale), { indent: 2 });
  }
}

function memberSection(
  layout: Layout,
  input: ReceiptInput,
  member: ReceiptMember,
  benefits: readonly Benefit[],
  say: Say,
  words: Words,
): void {
  const effects = input.sale.evaluation.effects;

  layout.text(words.club, { align: 'center', bold: true });
  if (member.profile.firstName) layout.text(words.hello(member.profile.firstName));
  layout.columns(words.memberNo, member.memberNumber);
  if (effects && effects.pointsEarned > 0)
    layout.columns(words.pointsEarned, `+${effects.pointsEarned}`);
  for (const r of effects?.pointsReasons ?? [])
    layout.columns(say(r.reason), `+${r.points}`, { indent: 2 });
  if (effects && effects.pointsRedeemed > 0)
    layout.columns(words.pointsSpent, `-${effects.pointsRedeemed}`);
  layout.columns(words.pointsBalance, words.points(member.points.balance), { bold: true });
  if (member.points.pending > 0)
    layout.columns(words.pointsPending, words.points(member.points.pending));

  if (member.tier) {
    layout.columns(words.tier, say(member.tier.name));
    const next = member.tier.next;
    layout.text(next ? words.toNext(next.pointsNeeded, next.name) : words.topTier, {
      indent: 2,
    });
  }

  const stampedNow = new Map((effects?.stamps ?? []).map((s) => [s.cardId, s.count]));
  for (const card of member.punchCards) {
    const added = stampedNow.get(card.cardId) ?? 0;
    if (card.stamps === 0 && added === 0 && card.rewardsAvailable.length === 0) continue;
    punchCard(layout, card, added, say, words);
  }

  const used = benefits.filter((b) => b.kind === 'coupon' || b.kind === 'punch_reward');
  if (used.length > 0) {
    layout.text(words.couponsUsed);
    for (const b of used) layout.text(say(b.reason), { indent: 2 });
  }
  const ready = [
    ...member.punchCards.flatMap((c) => c.rewardsAvailable.map((r) => r.reason)),
    ...member.coupons.map((c) => c.reason),
  ];
  if (ready.length > 0) {
    layout.text(words.availableNow, { bold: true });
    for (const reason of ready) layout.text(say(reason), { indent: 2 });
  }

  const code = input.memberCode ?? 'barcode';
  if ((code === 'barcode' || code === 'both') && isValidEan13(member.memberNumber)) {
    layout.feed(1);
    layout.ops.push({ op: 'barcode', kind: 'EAN13', data: member.memberNumber });
  }
  if ((code === 'qr' || code === 'both') && /^[A-Za-z0-9_-]+$/.test(member.qrToken)) {
    layout.feed(1);
    layout.ops.push({ op: 'qr', data: MEMBER_QR_PREFIX + member.qrToken });
  }
  const page = input.memberPageUrl;
  if (page && /^https?:\/\/[\x21-\x7e]{1,600}$/.test(page)) {
    layout.feed(1);
    layout.ops.push({ op: 'qr', data: page });
    layout.text(words.memberPage, { align: 'center', bold: true });
  }
}

function punchCard(
  layout: Layout,
  card: ReceiptMember['punchCards'][number],
  added: number,
  say: Say,
  words: Words,
): void {
  const count = `${card.stamps}/${card.of}`;
  const today = added > 0 ? ` (${words.stampsToday(added)})` : '';
  const bar = `[${STAMP_FULL.repeat(card.stamps)}${STAMP_EMPTY.repeat(Math.max(0, card.of - card.stamps))}]`;
  layout.text(say(card.name));
  const withBar = `${bar} ${count}${today}`;
  if (card.stamps <= card.of && withBar.length + 2 <= layout.width) {
    layout.text(withBar, { indent: 2 });
  } else {
    layout.text(`${count}${today}`, { indent: 2 });
  }
}

// ---- reading a stored document back ------------------------------------------------

const Op = z.discriminatedUnion('op', [
  z.object({
    op: z.literal('text'),
    text: z.string(),
    align: z.enum(['left', 'center', 'right']),
    bold: z.boolean(),
    size: z.union([z.literal(1), z.literal(2)]),
  }),
  z.object({ op: z.literal('line') }),
  z.object({
    op: z.literal('columns'),
    left: z.string(),
    right: z.string(),
    bold: z.boolean().optional(),
  }),
  z.object({ op: z.literal('barcode'), kind: z.literal('EAN13'), data: z.string() }),
  z.object({ op: z.literal('qr'), data: z.string() }),
  z.object({ op: z.literal('feed'), lines: z.number().int().min(0).max(20) }),
  z.object({ op: z.literal('cut') }),
]);
const Document = z.object({
  width: z.union([z.literal(32), z.literal(42), z.literal(48)]),
  ops: z.array(Op),
});

/** Check a document from outside (the print queue's JSON): throws naming the op at fault. */
export function parseReceiptDocument(raw: unknown): ReceiptDocument {
  const doc = Document.parse(raw);
  doc.ops.forEach((op, i) => {
    const problem = opProblem(op, doc.width);
    if (problem) throw new RangeError(`receipt op ${i} (${op.op}): ${problem}`);
  });
  return doc;
}

function opProblem(op: ReceiptOp, width: number): string | null {
  const badChar = (s: string) => [...s].find((c) => !isReceiptChar(c));
  switch (op.op) {
    case 'text': {
      if (badChar(op.text) !== undefined)
        return `character ${JSON.stringify(badChar(op.text))} is not printable`;
      return op.text.length * op.size > width
        ? `"${op.text}" is wider than ${width} columns`
        : null;
    }
    case 'columns': {
      const bad = badChar(op.left + op.right);
      if (bad !== undefined) return `character ${JSON.stringify(bad)} is not printable`;
      const gap = op.left === '' ? 0 : 1;
      return op.left.length + gap + op.right.length > width
        ? `"${op.left}" and "${op.right}" do not fit in ${width} columns`
        : null;
    }
    case 'barcode':
      return isValidEan13(op.data) ? null : `"${op.data}" is not a valid EAN-13`;
    case 'qr':
      return /^[\x20-\x7e]{1,700}$/.test(op.data) ? null : 'QR data must be 1–700 ASCII characters';
    default:
      return null;
  }
}

/** The document as plain lines of exactly what goes on paper (for screens and tests). */
export function receiptLines(doc: ReceiptDocument): string[] {
  const out: string[] = [];
  for (const op of doc.ops) {
    switch (op.op) {
      case 'text': {
        // Double-size characters take two columns each: pad by what they cover.
        const pad = doc.width - op.text.length * op.size;
        const left = op.align === 'center' ? Math.floor(pad / 2) : op.align === 'right' ? pad : 0;
        out.push(' '.repeat(left) + op.text);
        break;
      }
      case 'columns':
        out.push(op.left + ' '.repeat(doc.width - op.left.length - op.right.length) + op.right);
        break;
      case 'line':
        out.push('-'.repeat(doc.width));
        break;
      case 'barcode':
        out.push(`[EAN-13 ${op.data}]`);
        break;
      case 'qr':
        out.push(`[QR ${op.data}]`);
        break;
      case 'feed':
        for (let i = 0; i < op.lines; i++) out.push('');
        break;
      case 'cut':
        break;
    }
  }
  return out;
}
