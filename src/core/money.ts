/** Money is integer øre everywhere. These helpers keep it that way. */

export type Ore = number;

/** Percentages are carried as basis points (1 % = 100 bp) so 12.5 % stays exact. */
export type BasisPoints = number;

export function percentToBasisPoints(percent: number): BasisPoints {
  return Math.round(percent * 100);
}

export function assertOre(value: number, what: string): Ore {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${what} must be a whole number of øre, got ${value}`);
  }
  return value;
}

/** Share of an amount at a rate, rounded half away from zero to whole øre. */
export function shareOf(amount: Ore, rate: BasisPoints): Ore {
  const exact = (amount * rate) / 10_000;
  return Math.sign(exact) * Math.round(Math.abs(exact));
}

/**
 * Split `total` over `weights` in proportion, by largest remainder, so the parts
 * are whole øre and sum exactly to `total`. Ties go to the earlier index, which
 * keeps the split deterministic. Weights must be non-negative; all-zero weights
 * put everything on the first entry.
 */
export function allocateLargestRemainder(total: Ore, weights: readonly number[]): Ore[] {
  if (weights.length === 0) {
    if (total !== 0) throw new RangeError('cannot allocate a non-zero amount over no weights');
    return [];
  }
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const sign = total < 0 ? -1 : 1;
  const abs = Math.abs(total);
  const parts = weights.map((w) => Math.floor((abs * w) / sum));
  let left = abs - parts.reduce((a, b) => a + b, 0);
  const order = weights
    .map((w, i) => ({ i, rem: (abs * w) % sum }))
    .sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length) {
    const entry = order[k]!;
    if (weights[entry.i]! > 0) {
      parts[entry.i]! += 1;
      left -= 1;
    }
  }
  return parts.map((p) => p * sign);
}

/** Format øre as "1 234,50 kr" (nb) or "NOK 1,234.50" (en) for screens and receipts. */
export function formatMoney(amount: Ore, locale: 'nb' | 'en' = 'nb', currency = 'NOK'): string {
  const negative = amount < 0;
  const abs = Math.abs(amount);
  const kroner = Math.floor(abs / 100);
  const ore = String(abs % 100).padStart(2, '0');
  const group = locale === 'nb' ? '\u00a0' : ',';
  const decimal = locale === 'nb' ? ',' : '.';
  const grouped = String(kroner).replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const body = `${grouped}${decimal}${ore}`;
  const signed = negative ? `-${body}` : body;
  if (locale === 'nb') return currency === 'NOK' ? `${signed} kr` : `${signed} ${currency}`;
  return `${currency} ${signed}`;
}
