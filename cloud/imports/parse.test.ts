/**
 * Another system's CSV read into rows (no database): encodings, separators,
 * line ends, broken rows reported by row while the rest is read.
 */
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { parseImport } from './parse';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('reading an import file', () => {
  it('UTF-8 with a byte-order mark, ; and CRLF', () => {
    const parsed = parseImport(
      utf8('\uFEFFTelefon;Fornavn\r\n98765432;Åse\r\n"41234567";"Bjørn; jr."\r\n'),
    );
    expect(parsed.encoding).toBe('utf-8-bom');
    expect(parsed.delimiter).toBe(';');
    expect(parsed.header).toEqual(['Telefon', 'Fornavn']);
    expect(parsed.records).toEqual([
      { row: 2, cells: ['98765432', 'Åse'] },
      { row: 3, cells: ['41234567', 'Bjørn; jr.'] },
    ]);
  });

  it('Windows-1252 with æøå as the bytes E6 F8 E5, and , between fields', () => {
    const bytes = iconv.encode('phone,first name\n98765432,Kåre Ærø\n', 'win1252');
    expect([...bytes].filter((b) => b === 0xe6 || b === 0xf8 || b === 0xe5).length).toBe(2);
    const parsed = parseImport(bytes);
    expect(parsed.encoding).toBe('windows-1252');
    expect(parsed.delimiter).toBe(',');
    expect(parsed.records[0]!.cells).toEqual(['98765432', 'Kåre Ærø']);
    const plain = parseImport(Uint8Array.from([0x6e, 0x61, 0x76, 0x6e, 0x0a, 0xe6, 0xf8, 0xe5]));
    expect(plain.records[0]!.cells).toEqual(['æøå']);
  });

  it('a quoted field over two lines counts from the line it starts on', () => {
    const parsed = parseImport(utf8('a;b\n1;"to\nlinjer"\n3;4\n'));
    expect(parsed.records.map((r) => r.row)).toEqual([2, 4]);
  });

  it('an unclosed quote and a bad closing quote are reported by row, the rest still read', () => {
    const parsed = parseImport(
      utf8(
        'tlf;navn\r\n98765432;Ola\r\n"93456789"x;Lise\r\n92345678;Per\r\n"41234567;Kari\r\n94567890;Nils\r\n',
      ),
    );
    expect(parsed.broken).toEqual([
      { row: 3, kind: 'badQuote' },
      { row: 5, kind: 'unclosedQuote' },
    ]);
    expect(parsed.records).toEqual([
      { row: 2, cells: ['98765432', 'Ola'] },
      { row: 4, cells: ['92345678', 'Per'] },
      { row: 6, cells: ['94567890', 'Nils'] },
    ]);
  });

  it('too many columns are kept for the plan to refuse; blank lines are no rows', () => {
    const parsed = parseImport(utf8('a;b\n1;2;3\n\n4;5\n'));
    expect(parsed.records).toEqual([
      { row: 2, cells: ['1', '2', '3'] },
      { row: 4, cells: ['4', '5'] },
    ]);
  });
});
