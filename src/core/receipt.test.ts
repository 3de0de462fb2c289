import { describe, expect, it } from 'vitest';
import {
  buildReceipt,
  parseReceiptDocument,
  receiptLines,
  toReceiptCharset,
  wrapText,
  RECEIPT_WIDTHS,
} from './receipt';
import type { ReceiptDocument, ReceiptInput, ReceiptMember, ReceiptOp } from './receipt';
import { evaluateBasket } from './basket/evaluate';
import {
  at,
  coupon,
  evaluateInput,
  line,
  member,
  programme,
  punchCard,
  selections,
  tierOf,
} from './basket/test-fixtures';
import { formatMoney } from './money';
import { memberNumberFor } from './ean13';
import { render } from '../../test/helpers/said';

/** The receipt as the service builds it: its words rendered in the receipt's language. */
const build = (receipt: ReceiptInput) =>
  buildReceipt(receipt, (shown) => render(shown, receipt.locale ?? 'nb'));

// A real evaluation from the engine: member price, tier discount, a coupon, points, a stamp.
const prog = programme({
  points: { earn: { mode: 'per_amount', orePerStep: 1000, pointsPerStep: 1 } },
  tiers: {
    qualification: { kind: 'calendar_year' },
    levels: [
      {
        id: 'solv',
        name: { nb: 'Sølv', en: 'Silver' },
        threshold: 0,
        benefit: { kind: 'percent_every_purchase', percent: 10 },
      },
      {
        id: 'gull',
        name: { nb: 'Gull', en: 'Gold' },
        threshold: 1000,
        benefit: { kind: 'percent_every_purchase', percent: 15 },
      },
    ],
  },
  punchCards: [
    {
      id: 'kaffe',
      name: { nb: 'Kaffekort', en: 'Coffee card' },
      qualifying: { categories: ['Kaffe'] },
      stamps: 10,
      reward: { kind: 'free_item' },
    },
  ],
});
const solv = prog.tiers!.levels[0]!;
const memberNumber = memberNumberFor('29', 1);
const before = member({
  memberNumber,
  qrToken: 'Qm9sbGVy_ok-1',
  profile: { ...member().profile, firstName: 'Åse' },
  tier: tierOf(solv),
  punchCards: [{ ...punchCard('kaffe', 4, 10), name: { nb: 'Kaffekort', en: 'Coffee card' } }],
  coupons: [
    coupon('W-m1', {
      name: { nb: 'Velkomstkupong', en: 'Welcome coupon' },
      benefit: { kind: 'amount', amountOre: 5000 },
    }),
  ],
});
const evaluation = evaluateBasket(
  evaluateInput({
    programme: prog,
    member: before,
    lines: [
      line('kanelbolle', 3900, {
        name: 'Kanelbolle',
        quantity: 2,
        memberPriceOre: 3500,
        vatRate: 15,
        category: 'Bakst',
      }),
      line('grovbrod', 5900, { name: 'Grovbrød Ærlig Øko', vatRate: 15, category: 'Brød' }),
      line('latte', 4900, { name: 'Caffè latte', vatRate: 25, category: 'Kaffe' }),
      line('smorbrod', 8900, {
        name: 'Smørbrød med rømme, sjøkreps og dill fra Åsgårdstrand',
        vatRate: 15,
        category: 'Mat',
      }),
    ],
    selections: selections({ couponIds: ['W-m1'] }),
  }),
);

// The member as the till reads it after the sale.
const after: ReceiptMember = {
  ...before,
  points: { balance: 1234, pending: 12 },
  tier: tierOf(solv, {
    next: { levelId: 'gull', name: { nb: 'Gull', en: 'Gold' }, pointsNeeded: 230 },
  }),
  punchCards: [{ ...punchCard('kaffe', 5, 10), name: { nb: 'Kaffekort', en: 'Coffee card' } }],
  coupons: [
    {
      ...coupon('B-m1-2026', {
        name: { nb: 'Bursdagskupong', en: 'Birthday coupon' },
        benefit: { kind: 'amount', amountOre: 10000 },
      }),
      // The receipt prints whatever the view says; here, the coupon's name.
      reason: { nb: 'Bursdagskupong', en: 'Birthday coupon' },
    },
  ],
};

function input(overrides: Partial<ReceiptInput> = {}): ReceiptInput {
  return {
    store: {
      name: 'Bakeri Nord',
      addressLines: ['Storgata 1', '9008 Tromsø'],
      orgNumber: '987 654 321 MVA',
      phone: '77 00 00 00',
    },
    sale: {
      receiptNo: '1-0042',
      at: at('2026-03-10T12:05:00+01:00'),
      paymentMethod: 'card',
      evaluation,
    },
    member: after,
    width: 48,
    copy: false,
    ...overrides,
  };
}

function texts(doc: ReceiptDocument): string {
  return receiptLines(doc).join('\n');
}

function ofKind<K extends ReceiptOp['op']>(doc: ReceiptDocument, op: K) {
  return doc.ops.filter((o): o is Extract<ReceiptOp, { op: K }> => o.op === op);
}

describe('the engine sale the receipt is built from', () => {
  it('has a member price on one line, basket-wide discounts, points and a stamp', () => {
    expect(evaluation.benefits.map((b) => b.kind).sort()).toEqual(
      ['coupon', 'member_price', 'tier_discount'].sort(),
    );
    expect(evaluation.effects!.pointsEarned).toBeGreaterThan(0);
    expect(evaluation.effects!.stamps).toEqual([{ cardId: 'kaffe', count: 1 }]);
  });
});

describe('buildReceipt layout', () => {
  it.each(RECEIPT_WIDTHS.flatMap((w) => [true, false].map((copy) => [w, copy] as const)))(
    'fits every line in %i columns (copy: %s), in every language, and survives storage',
    (width, copy) => {
      for (const locale of ['nb', 'en', 'sv'] as const) {
        const doc = build(input({ width, copy, locale, memberCode: 'both' }));
        expect(doc.width).toBe(width);
        for (const l of receiptLines(doc)) expect(l.length).toBeLessThanOrEqual(width);
        for (const t of ofKind(doc, 'text'))
          expect(t.text.length * t.size).toBeLessThanOrEqual(width);
        for (const c of ofKind(doc, 'columns')) {
          expect(c.left.length + c.right.length + (c.left ? 1 : 0)).toBeLessThanOrEqual(width);
        }
        expect(parseReceiptDocument(JSON.parse(JSON.stringify(doc)))).toEqual(doc);
      }
    },
  );

  it('prints the total, the payment and a VAT row per rate that add up to the total', () => {
    const doc = build(input());
    const total = formatMoney(evaluation.totalOre, 'nb');
    expect(ofKind(doc, 'columns')).toContainEqual({
      op: 'columns',
      left: 'TOTALT',
      right: total,
      bold: true,
    });
    expect(ofKind(doc, 'columns')).toContainEqual({
      op: 'columns',
      left: 'Betalt med bankkort',
      right: total,
      bold: false,
    });
    const all = texts(doc);
    expect(all).toContain('Merverdiavgift (kr)');
    expect(receiptLines(doc)).toContain(
      'Sats'.padEnd(12) + 'Grunnlag'.padStart(12) + 'MVA'.padStart(12) + 'Sum'.padStart(12),
    );
    for (const v of evaluation.vat) {
      const row = receiptLines(doc).find((l) => l.startsWith(`${v.rate} %`));
      const figures = [v.netOre, v.vatOre, v.grossOre].map((o) =>
        formatMoney(o, 'nb').replace(' kr', ''),
      );
      // A table: each figure right-aligned in its own 12-column cell.
      expect(row).toBe(`${v.rate} %`.padEnd(12) + figures.map((f) => f.padStart(12)).join(''));
    }
    expect(evaluation.vat.reduce((s, v) => s + v.grossOre, 0)).toBe(evaluation.totalOre);
    expect(all).toContain(`Du sparte`);
  });

  it('keeps Nordic letters as they are', () => {
    const all = texts(build(input()));
    for (const word of [
      'Tromsø',
      'Grovbrød Ærlig Øko',
      'Smørbrød',
      'Åsgårdstrand',
      'Hei, Åse!',
      'Sølv',
    ]) {
      expect(all).toContain(word);
    }
  });

  it('shows a one-line discount under its line with the reason, and spread ones once below', () => {
    const lines = receiptLines(build(input()));
    const bun = lines.findIndex((l) => l.startsWith('Kanelbolle'));
    expect(lines[bun + 1]).toMatch(/^ {2}2 x 39,00 kr +78,00 kr$/);
    expect(lines.slice(bun + 2, bun + 4).join(' ')).toContain('Medlemspris Kanelbolle');
    expect(lines.slice(bun + 2, bun + 5).some((l) => l.endsWith('-8,00 kr'))).toBe(true);
    const subtotal = lines.findIndex((l) => l.startsWith('Sum varer'));
    const totalAt = lines.findIndex((l) => l.startsWith('TOTALT'));
    const between = lines.slice(subtotal + 1, totalAt).join('\n');
    expect(between).toContain('Velkomstkupong');
    expect(between).toContain('Sølv: 10 % medlemsrabatt');
  });

  it('has the member section: name, number, points, tier progress, stamps, coupons', () => {
    const all = texts(build(input()));
    const points = evaluation.effects!.pointsEarned;
    expect(all).toContain('KUNDEKLUBB');
    expect(all).toMatch(new RegExp(`Medlemsnr\\. +${memberNumber}`));
    expect(all).toMatch(new RegExp(`Poeng opptjent nå +\\+${points}`));
    expect(all).toMatch(/Poengsaldo +1\u00a0234 poeng/);
    expect(all).toMatch(/Poeng som venter +12 poeng/);
    expect(all).toMatch(/Nivå +Sølv/);
    expect(all).toContain('230 poeng til Gull');
    expect(all).toContain('Kaffekort\n  [■■■■■░░░░░] 5/10 (+1 i dag)');
    expect(all).toMatch(/Brukt i dag:\n {2}Velkomstkupong/);
    expect(all).toMatch(/Klart til neste besøk:\n {2}Bursdagskupong/);
  });

  it('prints the member number as EAN-13 by default, and the QR on request', () => {
    const plain = build(input());
    expect(ofKind(plain, 'barcode')).toEqual([
      { op: 'barcode', kind: 'EAN13', data: memberNumber },
    ]);
    expect(ofKind(plain, 'qr')).toEqual([]);
    const both = build(input({ memberCode: 'both' }));
    expect(ofKind(both, 'qr')).toEqual([{ op: 'qr', data: 'LJM-Qm9sbGVy_ok-1' }]);
    expect(ofKind(build(input({ memberCode: 'none' })), 'barcode')).toEqual([]);
  });

  it('prints the member page link as a QR with "Se poengene dine" when the till has it', () => {
    const url = 'https://lojal.example.no/m/pdBtAIzcilwKrkyQQKAb1GCjuQ7x5tkrl0wcY2UVhMU';
    const withLink = build(input({ memberPageUrl: url }));
    expect(ofKind(withLink, 'qr')).toEqual([{ op: 'qr', data: url }]);
    const at = withLink.ops.findIndex((op) => op.op === 'qr');
    expect(withLink.ops[at + 1]).toMatchObject({
      op: 'text',
      text: 'Se poengene dine',
      align: 'center',
    });
    expect(parseReceiptDocument(withLink)).toEqual(withLink);
    // Not at hand (offline, unpaired), or no member: no QR and no words.
    expect(ofKind(build(input({ memberPageUrl: null })), 'qr')).toEqual([]);
    expect(texts(build(input({ memberPageUrl: url, member: null })))).not.toContain(
      'Se poengene dine',
    );
    expect(ofKind(build(input({ memberPageUrl: 'javascript:alert(1)' })), 'qr')).toEqual([]);
  });

  it('marks a reprint KOPI at the top and the bottom, and only a reprint', () => {
    const copy = build(input({ copy: true }));
    const marks = ofKind(copy, 'text').filter((t) => t.text === '*** KOPI ***');
    expect(marks).toHaveLength(2);
    expect(marks[0]).toMatchObject({ bold: true, size: 2, align: 'center' });
    expect(copy.ops.indexOf(marks[0]!)).toBeLessThan(copy.ops.findIndex((o) => o.op === 'line'));
    expect(texts(build(input()))).not.toContain('KOPI');
    expect(texts(build(input({ copy: true, locale: 'en' })))).toContain('*** COPY ***');
  });

  it('ends with a feed and a cut', () => {
    const ops = build(input()).ops;
    expect(ops.at(-1)).toEqual({ op: 'cut' });
    expect(ops.at(-2)).toMatchObject({ op: 'feed' });
  });

  it('speaks English when asked', () => {
    const all = texts(build(input({ locale: 'en' })));
    expect(all).toContain(`TOTAL`);
    expect(all).toContain(formatMoney(evaluation.totalOre, 'en'));
    expect(all).toContain('Paid by card');
    expect(all).toContain('Member price Kanelbolle');
    expect(all).toContain('230 points to Gold');
    expect(all).toContain('2026-03-10 12:05');
  });

  it('speaks Swedish when asked, the sale reasons too', () => {
    const all = texts(build(input({ locale: 'sv', copy: true })));
    expect(all).toContain('*** KOPIA ***');
    expect(all).toContain('Kvitto 1-0042');
    expect(all).toContain('Betalt med kort');
    expect(all).toContain('Medlemspris Kanelbolle');
    expect(all).toContain('Moms (kr)');
    expect(all).toContain('KUNDKLUBB');
    expect(all).toContain('230 poäng till Gull');
    expect(all).toContain('Tack för ditt köp!');
    expect(all).toContain('2026-03-10 12:05');
    expect(all).toContain(formatMoney(evaluation.totalOre, 'nb'));
  });

  it('prints the time in the store zone', () => {
    expect(texts(build(input()))).toContain('10.03.2026 12:05');
    expect(texts(build(input({ timeZone: 'UTC' })))).toContain('10.03.2026 11:05');
  });

  it('leaves the member section out for an anonymous sale and for an erased member', () => {
    const anonymous = evaluateBasket(evaluateInput({ lines: [line('kaffe', 4500)], member: null }));
    const doc = build(input({ member: null, sale: { ...input().sale, evaluation: anonymous } }));
    expect(texts(doc)).not.toContain('KUNDEKLUBB');
    expect(ofKind(doc, 'barcode')).toEqual([]);
    const erased = build(input({ member: { ...after, erased: true } }));
    expect(texts(erased)).not.toContain('Åse');
    expect(texts(erased)).not.toContain(memberNumber);
  });

  it('falls back from the VAT table to one block per rate when figures are too wide', () => {
    const big = {
      ...evaluation,
      vat: [{ rate: 25, grossOre: 123_456_789, vatOre: 24_691_358, netOre: 98_765_431 }],
    };
    const doc = build(input({ width: 32, sale: { ...input().sale, evaluation: big } }));
    const lines = receiptLines(doc);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(32);
    const block = lines.findIndex((l) => l === 'Sats 25 %');
    expect(block).toBeGreaterThan(0);
    expect(lines[block + 1]).toMatch(/^ {2}Grunnlag +987\u00a0654,31$/);
    expect(lines[block + 3]).toMatch(/^ {2}Sum +1\u00a0234\u00a0567,89$/);
  });

  it('uses the large font for a short store name and wraps a long one in normal size', () => {
    const short = ofKind(build(input({ width: 32 })), 'text')[0]!;
    expect(short).toMatchObject({ text: 'Bakeri Nord', size: 2, bold: true, align: 'center' });
    const long = build(
      input({
        width: 32,
        store: { ...input().store, name: 'Bakeriet på hjørnet av Kongens gate og Torget' },
      }),
    );
    const head = ofKind(long, 'text').slice(0, 2);
    expect(head.every((t) => t.size === 1 && t.text.length <= 32)).toBe(true);
    expect(head.map((t) => t.text).join(' ')).toContain('Bakeriet på hjørnet');
  });
});

describe('toReceiptCharset', () => {
  it('keeps æ ø å Æ Ø Å and what PC865 has, one character for one otherwise', () => {
    expect(toReceiptCharset('æ ø å Æ Ø Å ä ö ü é ■ ░ ½')).toBe('æ ø å Æ Ø Å ä ö ü é ■ ░ ½');
    const mixed = 'Kaffe – 2× “latte” ő č € □ 😀';
    const printed = toReceiptCharset(mixed);
    expect(printed).toBe('Kaffe - 2x "latte" o c E ░ ?');
  });

  it('composes decomposed letters first (macOS file names, some keyboards)', () => {
    expect(toReceiptCharset('Sma\u030ag A\u030asa Cafe\u0301')).toBe('Småg Åsa Café');
  });

  it('never lets printer commands through in text', () => {
    expect(toReceiptCharset('Brød\u001b@\u001dV\u0000')).toBe('Brød @ V ');
  });
});

describe('wrapText', () => {
  it('wraps on spaces and cuts words longer than a line', () => {
    expect(wrapText('Grovbrød med solsikkekjerner', 12)).toEqual([
      'Grovbrød med',
      'solsikkekjer',
      'ner',
    ]);
    expect(wrapText('', 10)).toEqual(['']);
    expect(wrapText('a  b', 10)).toEqual(['a b']);
  });
});

describe('parseReceiptDocument', () => {
  it('refuses what would not print right, naming the op', () => {
    const doc = (ops: unknown[]) => ({ width: 32, ops });
    expect(() =>
      parseReceiptDocument(
        doc([{ op: 'text', text: 'x'.repeat(17), align: 'left', bold: false, size: 2 }]),
      ),
    ).toThrow(/op 0 \(text\).*wider than 32/);
    expect(() =>
      parseReceiptDocument(doc([{ op: 'line' }, { op: 'columns', left: 'Brød™', right: '1' }])),
    ).toThrow(/op 1 \(columns\).*"™" is not printable/);
    expect(() =>
      parseReceiptDocument(doc([{ op: 'barcode', kind: 'EAN13', data: '2900000000019' }])),
    ).toThrow(/not a valid EAN-13/);
    expect(() => parseReceiptDocument(doc([{ op: 'qr', data: 'LJM-ø' }]))).toThrow(/ASCII/);
    expect(() => parseReceiptDocument({ width: 40, ops: [] })).toThrow();
  });
});
