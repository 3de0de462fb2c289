/**
 * CSV as Norwegian Excel opens it by a double click: UTF-8 with a byte-order
 * mark (without it Excel reads æøå as Windows-1252), `;` between fields (the
 * comma is the decimal sign in nb-NO), CRLF line ends, and a field quoted
 * when it holds `;`, a quote, a line break or leading/trailing space. Kroner
 * are written with a decimal comma and no thousands separator, so Excel reads
 * them as numbers.
 */

export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';
export const CSV_LINE_END = '\r\n';

export type CsvCell = string | number | null;

/** A number as written here (decimal comma): never quoted. */
const NUMBER = /^-?\d+(,\d+)?$/;
const FORMULA = /^[=@]|^[+-](?![\d ]*$)/;

/** One field, quoted when it must be (a number is written as it is, with a decimal comma). */
export function csvField(value: CsvCell): string {
  if (value === null) return '';
  const written = typeof value === 'number' ? String(value).replace('.', ',') : value;
  if (NUMBER.test(written)) return written;
  // A text Excel would run as a formula (= or @, or + or - before more than digits: a phone
  // number's + is harmless) is kept text behind a quote mark.
  const safe = FORMULA.test(written) ? `'${written}` : written;
  if (safe !== written || /[;"\r\n]/.test(safe) || /^\s|\s$/.test(safe))
    return `"${safe.replace(/"/g, '""')}"`;
  return safe;
}

/** Øre as kroner with a decimal comma and two decimals: 123456 → "1234,56", -5 → "-0,05". */
export function csvKroner(ore: number): string {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/** A share 0..1 as a per cent with one decimal and a decimal comma: 0.4375 → "43,8". */
export function csvPercent(share: number | null): string {
  if (share === null) return '';
  return (Math.round(share * 1000) / 10).toFixed(1).replace('.', ',');
}

/**
 * The whole file: the byte-order mark, the header, the rows. Kroner columns
 * are passed already written by `csvKroner` (a string of digits and a comma,
 * which is not quoted).
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(CSV_SEPARATOR));
  return CSV_BOM + lines.join(CSV_LINE_END) + CSV_LINE_END;
}

/** A cell written as it is: a kroner amount from `csvKroner` that Excel reads as a number. */
export interface CsvNumber {
  kroner: string;
}

/**
 * A text field for a list of people (members, an import's refusals): always
 * quoted, so a member number or a name with `;` stays one field, and any
 * leading + - = @ kept text behind a quote mark, so a phone such as +4791234567
 * stays the text it is rather than a number Excel drops the plus of.
 */
export function csvTextField(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value).replace('.', ',');
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The whole file for a list of people: every text quoted (csvTextField), kroner as numbers. */
export function toTextCsv(
  header: readonly string[],
  rows: readonly (readonly (CsvCell | CsvNumber)[])[],
): string {
  const line = (row: readonly (CsvCell | CsvNumber)[]) =>
    row
      .map((cell) => (cell !== null && typeof cell === 'object' ? cell.kroner : csvTextField(cell)))
      .join(CSV_SEPARATOR);
  return CSV_BOM + [header, ...rows].map(line).join(CSV_LINE_END) + CSV_LINE_END;
}
