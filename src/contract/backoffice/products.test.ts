/** Reading a CSV file of products and kroner as people type them (the contract's pure part). */
import { describe, expect, it } from 'vitest';
import { IMPORT_MAX_ROWS, parseKroner, parseProductsCsv, readCsv } from './products';

describe('kroner as people type them', () => {
  it.each([
    ['29,90', 2990],
    ['29.90', 2990],
    ['29', 2900],
    ['29,9', 2990],
    ['1 299,00', 129900],
    ['kr 49', 4900],
    ['49,-', 4900],
    ['0', 0],
  ])('%s is %i øre', (typed, ore) => expect(parseKroner(typed)).toBe(ore));

  it.each(['', 'tretti', '1.299,00', '29,999', '-5', '2e3', '12 kr 50'])(
    '%s is not an amount',
    (typed) => expect(parseKroner(typed)).toBeNull(),
  );
});

describe('reading CSV', () => {
  it('takes quoted fields with separators, quotes and line breaks, CRLF or LF, and numbers records by their first line', () => {
    const { separator, records } = readCsv(
      '\uFEFFa;b;c\r\n"x;1";"he said ""hi""";"two\nlines"\n\nlast;;\n',
    );
    expect(separator).toBe(';');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x;1', 'he said "hi"', 'two\nlines'] },
      { line: 5, fields: ['last', '', ''] },
    ]);
  });

  it('takes commas when the header has them and no semicolons', () => {
    expect(readCsv('sku,name\nx,"a, b"').records[1]!.fields).toEqual(['x', 'a, b']);
  });
});

describe('a products file', () => {
  const header = 'varenummer;navn;kategori;pris;mva';

  it('names each wrong field by the column the file calls it, and reads yes and no', () => {
    const parsed = parseProductsCsv(
      `Varenummer;Navn;Kategori;Pris;MVA;Hurtigtast\n;;Bakst;12,5;7;kanskje\nok;Bolle;Bakst;12,50;15 %;Ja\n`,
    );
    expect(parsed.rows[0]!.product).toBeNull();
    expect(parsed.rows[0]!.problems.map((p) => [p.column, p.said.key])).toEqual([
      ['Hurtigtast', 'backoffice.products.yesNo'],
      ['Varenummer', 'backoffice.products.skuNeeded'],
      ['Navn', 'backoffice.products.nameNeeded'],
      ['MVA', 'backoffice.products.vatRate'],
    ]);
    expect(parsed.rows[1]!.product).toEqual({
      sku: 'ok',
      barcodes: [],
      name: 'Bolle',
      category: 'Bakst',
      priceOre: 1250,
      memberPriceOre: null,
      vatRate: 15,
      quickKey: true,
    });
  });

  it('refuses as a whole a file with too many lines, no lines, or a column twice', () => {
    const many = `${header}\n${'a;B;C;1;15\n'.repeat(IMPORT_MAX_ROWS + 1)}`;
    expect(parseProductsCsv(many).fileProblems).toEqual([
      {
        key: 'backoffice.products.tooManyRows',
        params: { max: IMPORT_MAX_ROWS, rows: IMPORT_MAX_ROWS + 1 },
      },
    ]);
    expect(parseProductsCsv(`${header}\n`).fileProblems[0]!.key).toBe('backoffice.products.noRows');
    expect(parseProductsCsv('').fileProblems[0]!.key).toBe('backoffice.products.fileEmpty');
    expect(parseProductsCsv(`${header};pris\n`).fileProblems[0]).toEqual({
      key: 'backoffice.products.columnTwice',
      params: { column: 'pris' },
    });
  });
});
