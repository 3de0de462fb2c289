/**
 * A segment's members (and an import's lists) as CSV for Norwegian Excel:
 * the one writer of src/core/reports/csv.ts, every text field quoted.
 */
import { csvKroner, toTextCsv } from '../../src/core/reports/csv';
import type { CsvNumber } from '../../src/core/reports/csv';

/** Øre as kroner with a decimal comma: 123456 → 1234,56 (unquoted: a number to Excel). */
export function kronerCell(ore: number): CsvNumber {
  return { kroner: csvKroner(ore) };
}

export const toCsv = toTextCsv;
