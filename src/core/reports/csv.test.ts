/** The CSV Norwegian Excel opens: BOM, `;`, CRLF, quoting where needed, kroner with a decimal comma. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, csvKroner, csvPercent, toCsv } from './csv';

/** A reader of what toCsv writes (RFC 4180 with `;`), to hold the writer to a round trip. */
function readCsv(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 1; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('csv', () => {
  it('writes kroner with a decimal comma and no thousands separator', () => {
    expect(csvKroner(123_456)).toBe('1234,56');
    expect(csvKroner(-5)).toBe('-0,05');
    expect(csvKroner(0)).toBe('0,00');
    expect(csvPercent(0.4375)).toBe('43,8');
    expect(csvPercent(null)).toBe('');
  });

  it('quotes a field only when it must, and keeps a formula text', () => {
    expect(csvField('Åse Øvrebø')).toBe('Åse Øvrebø');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('sa "hei"')).toBe('"sa ""hei"""');
    expect(csvField('to\nlinjer')).toBe('"to\nlinjer"');
    expect(csvField('1234,56')).toBe('1234,56');
    expect(csvField(-12)).toBe('-12');
    expect(csvField('+4793000003')).toBe('+4793000003');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('-2+cmd|x')).toBe('"\'-2+cmd|x"');
    expect(csvField(null)).toBe('');
  });

  it('a file: BOM, header, CRLF after every line, and reads back as written', () => {
    const text = toCsv(['Navn', 'Beløp'], [['Kåre', '10,50']]);
    expect(text).toBe('\uFEFFNavn;Beløp\r\nKåre;10,50\r\n');
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 4 }), {
          minLength: 1,
          maxLength: 5,
        }),
        (rows) => {
          const width = rows[0]!.length;
          const even = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
          const [header, ...body] = even;
          const back = readCsv(toCsv(header!, body));
          // A would-be formula comes back behind its quote mark, everything else as it was.
          const kept = (v: string) => (/^[=@]|^[+-](?![\d ]*$)/.test(v) ? `'${v}` : v);
          expect(back).toEqual(even.map((r) => r.map(kept)));
        },
      ),
    );
  });
});
