/**
 * The VAT summary of a sale. Prices include VAT, so each rate's VAT is carved out
 * of what its lines finally cost: vat = round(gross × rate / (100 + rate)).
 * The rows' gross amounts are the lines' paid amounts, so they sum to the total.
 */
import type { SaleLine, VatRow } from '../events';

export function vatOfGross(grossOre: number, rate: number): number {
  const exact = (grossOre * rate) / (100 + rate);
  return Math.sign(exact) * Math.round(Math.abs(exact));
}

/** One row per rate present in the basket, highest rate first. */
export function vatSummary(lines: readonly SaleLine[]): VatRow[] {
  const grossByRate = new Map<number, number>();
  for (const line of lines) {
    grossByRate.set(line.vatRate, (grossByRate.get(line.vatRate) ?? 0) + line.paidOre);
  }
  return [...grossByRate.entries()]
    .sort(([a], [b]) => b - a)
    .map(([rate, grossOre]) => {
      const vatOre = vatOfGross(grossOre, rate);
      return { rate, grossOre, vatOre, netOre: grossOre - vatOre };
    });
}
