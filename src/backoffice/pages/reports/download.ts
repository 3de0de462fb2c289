/** A report's table as a CSV file the browser saves (src/core/reports/csv.ts: Norwegian Excel opens it). */
import { toCsv } from '../../../core/reports/csv';
import type { ReportModel } from './models';

export function reportCsv(model: ReportModel): string {
  const rows = model.rows.map((row) => row.map((cell) => cell.csv));
  if (model.footer) rows.push(model.footer.map((cell) => cell.csv));
  return toCsv(model.header, rows);
}

export function saveFile(fileName: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has handed the file over.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
