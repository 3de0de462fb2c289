/**
 * A segment's members as CSV for Norwegian Excel (opened by a double click):
 * UTF-8 with a byte-order mark (without it Excel reads æøå as Windows-1252),
 * `;` between fields (the comma is nb-NO's decimal sign), CRLF line ends, and
 * every text field quoted, so a member number or a phone stays the text it is
 * and a name with `;` or `"` stays one field. Kroner are written unquoted with
 * a decimal comma, so Excel reads them as numbers.
 */
export const CSV_BOM = '\uFEFF';

export type CsvCell = string | number | null;

/** A text quoted (a leading = + - @ kept as text behind a ' so Excel runs no formula); a number as it is. */
function field(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value).replace('.', ',');
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** Øre as kroner with a decimal comma: 123456 → 1234,56 (unquoted: a number to Excel). */
export function kronerCell(ore: number): { kroner: string } {
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  return { kroner: `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}` };
}

export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (CsvCell | { kroner: string })[])[],
): string {
  const line = (row: readonly (CsvCell | { kroner: string })[]) =>
    row
      .map((cell) => (cell !== null && typeof cell === 'object' ? cell.kroner : field(cell)))
      .join(';');
  return CSV_BOM + [header, ...rows].map(line).join('\r\n') + '\r\n';
}
