/**
 * Another system's CSV file read into rows: its encoding and separator
 * detected (src/core/imports/detect.ts), decoded (iconv-lite for
 * Windows-1252), and parsed by csv-parse (the csv project). A row the parser
 * cannot read (a quote never closed, text after a closing quote) is reported
 * by its row and the parse goes on from the next line, so one broken row
 * never hides the rest of the file.
 *
 * Rows are numbered as a spreadsheet shows the file: the header is row 1, and
 * a record whose quoted field spans lines counts from the line it starts on.
 */
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { detectDelimiter, detectEncoding } from '../../src/core/imports/detect';
import type { ImportDelimiter, ImportEncoding } from '../../src/core/imports/detect';
import type { BrokenRecord, ImportRecord } from '../../src/core/imports/plan';

export interface ParsedImport {
  encoding: ImportEncoding;
  delimiter: ImportDelimiter;
  header: string[];
  records: ImportRecord[];
  broken: BrokenRecord[];
}

/** Past this many unreadable rows the file is not another system's export: stop there. */
const MAX_BROKEN = 1000;

export function decodeImport(bytes: Uint8Array): { encoding: ImportEncoding; text: string } {
  const encoding = detectEncoding(bytes);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (encoding === 'windows-1252') return { encoding, text: iconv.decode(buffer, 'win1252') };
  const text = buffer.toString('utf8');
  return { encoding, text: encoding === 'utf-8-bom' ? text.slice(1) : text };
}

const newlinesIn = (cells: readonly string[]) => {
  let n = 0;
  for (const c of cells) for (let i = c.indexOf('\n'); i !== -1; i = c.indexOf('\n', i + 1)) n++;
  return n;
};

/** The offset of the start of line `line` (1-based) in `text`. */
function offsetOfLine(text: string, line: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) return text.length;
    offset = next + 1;
  }
  return offset;
}

export function parseImport(bytes: Uint8Array): ParsedImport {
  const { encoding, text } = decodeImport(bytes);
  const delimiter = detectDelimiter(text);
  const rows: Array<{ row: number; cells: string[] }> = [];
  const broken: BrokenRecord[] = [];
  let rest = text;
  /** The file's line number of `rest`'s first line. */
  let firstLine = 1;
  for (;;) {
    let line = firstLine;
    try {
      parse(rest, {
        delimiter,
        relax_column_count: true,
        on_record: (record: string[]) => {
          rows.push({ row: line, cells: record });
          line += 1 + newlinesIn(record);
          return null;
        },
      });
      break;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== 'CSV_QUOTE_NOT_CLOSED' && code !== 'CSV_INVALID_CLOSING_QUOTE') throw error;
      // The record that failed starts on `line`: reported, and read on from the line after it.
      broken.push({
        row: line,
        kind: code === 'CSV_QUOTE_NOT_CLOSED' ? 'unclosedQuote' : 'badQuote',
      });
      if (broken.length >= MAX_BROKEN) break;
      rest = rest.slice(offsetOfLine(rest, line - firstLine + 2));
      firstLine = line + 1;
      if (rest === '') break;
    }
  }
  // A line with nothing on it is no row (csv-parse gives it one empty field).
  const kept = rows.filter((r) => !(r.cells.length === 1 && r.cells[0]!.trim() === ''));
  const [head, ...records] = kept;
  const header = (head?.cells ?? []).map((h) => h.trim());
  return {
    encoding,
    delimiter,
    header,
    records,
    broken,
  };
}
