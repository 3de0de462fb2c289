/**
 * The loyalty calculator (issue 16, point 5; the seeds' "Diller-effekten"):
 * revenue per customer is kroner per visit × visits a year × years as a
 * customer, and three levers raise each factor. With 350 kr, 5 visits and
 * 3 years, +100 kr, +1 visit and +6 months give 450 · 6 · 3.5 / (350 · 5 · 3)
 * = 1.8: +80 %.
 *
 * Figures are integers in fine units so the arithmetic is exact: money in øre,
 * visits a year in hundredths (2,5 visits = 250), time as a customer in
 * hundredths of a month (the baseline is typed in years, the lever in months;
 * 3 years = 3600, 6 months = 600). The products are taken as BigInt: the
 * largest allowed (2 · 10^8 øre × 2 · 10^5 × 2.4 · 10^5) pass 2^53.
 */
import { msg } from './i18n';
import type { Msg } from './i18n';

/** One set of the three figures: a baseline, or the levers added to it. */
export interface CalculatorFigures {
  /** Kroner per visit, in øre. */
  basketOre: number;
  /** Visits a year, in hundredths of a visit. */
  visitsHundredths: number;
  /** Time as a customer, in hundredths of a month. */
  monthsHundredths: number;
}

export type CalculatorFigure = keyof CalculatorFigures;

/** The typed form's six fields: the baseline's three and the levers' three. */
export type CalculatorField =
  'basketKr' | 'visitsPerYear' | 'years' | 'moreKr' | 'moreVisits' | 'moreMonths';

/**
 * The bounds: beyond them a figure is a typing slip, not a shop (a basket of a
 * million kroner, three visits a day every day, a customer for a century).
 * Each lever may be as large as the largest baseline.
 */
export const CALCULATOR_LIMITS = {
  /** 1 000 000 kr. */
  maxBasketOre: 100_000_000,
  /** 1 000 visits a year. */
  maxVisitsHundredths: 100_000,
  /** 100 years (1 200 months). */
  maxMonthsHundredths: 120_000,
} as const;

const MAX: Record<CalculatorFigure, number> = {
  basketOre: CALCULATOR_LIMITS.maxBasketOre,
  visitsHundredths: CALCULATOR_LIMITS.maxVisitsHundredths,
  monthsHundredths: CALCULATOR_LIMITS.maxMonthsHundredths,
};

/** Which field of the form each figure is typed in. */
const BASELINE_FIELD: Record<CalculatorFigure, CalculatorField> = {
  basketOre: 'basketKr',
  visitsHundredths: 'visitsPerYear',
  monthsHundredths: 'years',
};
const LEVER_FIELD: Record<CalculatorFigure, CalculatorField> = {
  basketOre: 'moreKr',
  visitsHundredths: 'moreVisits',
  monthsHundredths: 'moreMonths',
};

/** The unit a field is typed in, as the "at most" message names it. */
type Unit = 'kr' | 'visits' | 'years' | 'months';
const UNIT: Record<CalculatorField, Unit> = {
  basketKr: 'kr',
  moreKr: 'kr',
  visitsPerYear: 'visits',
  moreVisits: 'visits',
  years: 'years',
  moreMonths: 'months',
};

/** The largest figure a field takes, in the unit it is typed in. */
function typedMax(field: CalculatorField): number {
  switch (UNIT[field]) {
    case 'kr':
      return CALCULATOR_LIMITS.maxBasketOre / 100;
    case 'visits':
      return CALCULATOR_LIMITS.maxVisitsHundredths / 100;
    case 'years':
      return CALCULATOR_LIMITS.maxMonthsHundredths / 1200;
    case 'months':
      return CALCULATOR_LIMITS.maxMonthsHundredths / 100;
  }
}

export type CalculatorIssues = Partial<Record<CalculatorField, Msg>>;

/**
 * What is wrong with the figures, by the field it would be typed in: a baseline
 * figure must be above 0 (the change is reckoned from it), a lever 0 or more,
 * each a whole number of its unit and within the bounds. Empty when all is well.
 */
export function calculatorIssues(
  baseline: CalculatorFigures,
  levers: CalculatorFigures,
): CalculatorIssues {
  const issues: CalculatorIssues = {};
  for (const figure of Object.keys(MAX) as CalculatorFigure[]) {
    const base = baseline[figure];
    const lever = levers[figure];
    const baseField = BASELINE_FIELD[figure];
    const leverField = LEVER_FIELD[figure];
    if (!Number.isSafeInteger(base)) issues[baseField] = msg('backoffice.calculator.notANumber');
    else if (base < 0) issues[baseField] = msg('backoffice.calculator.negative');
    else if (base === 0) issues[baseField] = msg('backoffice.calculator.baselineZero');
    else if (base > MAX[figure]) issues[baseField] = tooLarge(baseField);
    if (!Number.isSafeInteger(lever)) issues[leverField] = msg('backoffice.calculator.notANumber');
    else if (lever < 0) issues[leverField] = msg('backoffice.calculator.negative');
    else if (lever > MAX[figure]) issues[leverField] = tooLarge(leverField);
  }
  return issues;
}

function tooLarge(field: CalculatorField): Msg {
  return msg('backoffice.calculator.tooLarge', { max: typedMax(field), unit: UNIT[field] });
}

/** An exact fraction: `numerator / denominator`, the denominator above 0. */
export interface Fraction {
  numerator: bigint;
  denominator: bigint;
}

export interface CalculatorResult {
  baseline: CalculatorFigures;
  levers: CalculatorFigures;
  /** Revenue per customer over their time as a customer today, in whole øre (rounded). */
  beforeOre: number;
  /** The same with the levers, in whole øre (rounded). */
  afterOre: number;
  /** afterOre − beforeOre: the figures on screen add up. */
  changeOre: number;
  /** after / before − 1, exactly. */
  change: Fraction;
  /** The change in per cent, to one decimal (half up): 80, 12.3. */
  changePercent: number;
  /**
   * What each lever brings, in øre, summing to changeOre. The levers work
   * together (more visits of a bigger basket), and what they bring together
   * is shared between them evenly over every order of pulling them (the
   * Shapley value), so no lever's share depends on which is named first.
   */
  contributionsOre: CalculatorFigures;
}

// basketOre × (visits/100) × (months/100/12) øre: the product over 120 000.
const SCALE = 120_000n;

function product(f: CalculatorFigures): bigint {
  return BigInt(f.basketOre) * BigInt(f.visitsHundredths) * BigInt(f.monthsHundredths);
}

/** n / d rounded half up (n ≥ 0, d > 0). */
function roundedDivision(n: bigint, d: bigint): bigint {
  return (2n * n + d) / (2n * d);
}

/**
 * The revenue effect of the levers on the baseline. Figures outside the
 * bounds are a caller's mistake here (the form says what is wrong with
 * `parseCalculatorForm` first): a RangeError naming them.
 */
export function loyaltyEffect(
  baseline: CalculatorFigures,
  levers: CalculatorFigures,
): CalculatorResult {
  const issues = Object.keys(calculatorIssues(baseline, levers));
  if (issues.length > 0)
    throw new RangeError(`the calculator's figures are out of bounds: ${issues.join(', ')}`);
  const after: CalculatorFigures = {
    basketOre: baseline.basketOre + levers.basketOre,
    visitsHundredths: baseline.visitsHundredths + levers.visitsHundredths,
    monthsHundredths: baseline.monthsHundredths + levers.monthsHundredths,
  };
  const p0 = product(baseline);
  const p1 = product(after);
  const beforeOre = Number(roundedDivision(p0, SCALE));
  const afterOre = Number(roundedDivision(p1, SCALE));
  const changeOre = afterOre - beforeOre;
  return {
    baseline,
    levers,
    beforeOre,
    afterOre,
    changeOre,
    change: { numerator: p1 - p0, denominator: p0 },
    changePercent: Number(roundedDivision((p1 - p0) * 1000n, p0)) / 10,
    contributionsOre: shares(baseline, levers, changeOre),
  };
}

/**
 * Each lever's Shapley share of the change, in whole øre summing to `total`.
 * For f = b·v·m and lever Δb: of the six orders of pulling the three levers,
 * Δb comes first in two (adding Δb·v·m), second after the visits or after the
 * months in one each, last in two: Δb·(2vm + (v+Δv)m + v(m+Δm) + 2(v+Δv)(m+Δm))/6.
 */
function shares(base: CalculatorFigures, levers: CalculatorFigures, total: number) {
  const b = BigInt(base.basketOre);
  const v = BigInt(base.visitsHundredths);
  const m = BigInt(base.monthsHundredths);
  const db = BigInt(levers.basketOre);
  const dv = BigInt(levers.visitsHundredths);
  const dm = BigInt(levers.monthsHundredths);
  const share = (d: bigint, x: bigint, dx: bigint, y: bigint, dy: bigint) =>
    d * (2n * x * y + (x + dx) * y + x * (y + dy) + 2n * (x + dx) * (y + dy));
  // Each in units of 1/(6 · SCALE) øre.
  const exact = [share(db, v, dv, m, dm), share(dv, b, db, m, dm), share(dm, b, db, v, dv)];
  const [basketOre, visitsHundredths, monthsHundredths] = toWholeOre(exact, 6n * SCALE, total);
  return {
    basketOre: basketOre!,
    visitsHundredths: visitsHundredths!,
    monthsHundredths: monthsHundredths!,
  };
}

/**
 * Exact non-negative amounts (`parts[i] / unit` øre) in whole øre summing to
 * `total`: each rounded down, then the øre left over (or too many: the total
 * is itself rounded, so it may be one below the sum of the floors) go to (or
 * come from) the parts with the largest (smallest) remainders, earlier first.
 */
function toWholeOre(parts: bigint[], unit: bigint, total: number): number[] {
  const whole = parts.map((p) => Number(p / unit));
  const order = parts
    .map((p, i) => ({ i, remainder: p % unit }))
    .sort((a, z) => (a.remainder === z.remainder ? a.i - z.i : a.remainder > z.remainder ? -1 : 1));
  let left = total - whole.reduce((a, z) => a + z, 0);
  // Rounding moves the total by less than one øre per part: more is a bug, not a remainder.
  if (Math.abs(left) > parts.length)
    throw new Error(`the shares are ${left} øre away from their total`);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left -= 1) whole[order[k]!.i]! += 1;
  for (let k = order.length - 1; left < 0; k = (k - 1 + order.length) % order.length) {
    const i = order[k]!.i;
    if (whole[i]! > 0) {
      whole[i]! -= 1;
      left += 1;
    }
  }
  return whole;
}

// ---- the typed form ----------------------------------------------------------

export type CalculatorForm = Record<CalculatorField, string>;

export type ParsedCalculatorForm =
  | { ok: true; baseline: CalculatorFigures; levers: CalculatorFigures }
  | { ok: false; issues: CalculatorIssues };

/**
 * A number as people type it, in hundredths: "350", "2,5", "2.5", "1 299,50";
 * thousands grouped by spaces only ("1.299" is 1,299 with a decimal point).
 * Kroner may carry "kr" before or after. At most two decimals.
 */
type Typed =
  { ok: true; hundredths: number } | { ok: false; reason: 'empty' | 'negative' | 'notANumber' };

const TYPED_NUMBER = /^(\d{1,12})(?:[.,](\d{1,2}))?$/;

function typedHundredths(typed: string, kroner: boolean): Typed {
  let compact = typed.replace(/[\s\u00a0\u202f]/g, '');
  if (kroner) compact = compact.replace(/^kr\.?/i, '').replace(/(kr|,-|\.-)$/i, '');
  if (compact === '') return { ok: false, reason: 'empty' };
  if (/^[-\u2212]/.test(compact)) {
    // A minus before a number says what is wrong better than "not a number".
    return TYPED_NUMBER.test(compact.slice(1))
      ? { ok: false, reason: 'negative' }
      : { ok: false, reason: 'notANumber' };
  }
  const match = TYPED_NUMBER.exec(compact);
  if (!match) return { ok: false, reason: 'notANumber' };
  const hundredths = Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
  return Number.isSafeInteger(hundredths)
    ? { ok: true, hundredths }
    : { ok: false, reason: 'notANumber' };
}

const TYPED_REASON: Record<'empty' | 'negative' | 'notANumber', Msg> = {
  empty: msg('backoffice.calculator.empty'),
  negative: msg('backoffice.calculator.negative'),
  notANumber: msg('backoffice.calculator.notANumber'),
};

/**
 * The form as typed (kroner per visit, visits a year, years as a customer;
 * kroner, visits and months more) into figures, or what is wrong, beside each
 * field. Years are whole hundredths of a year (2,25 years), months hundredths
 * of a month, so both are exact in hundredths of a month.
 */
export function parseCalculatorForm(form: CalculatorForm): ParsedCalculatorForm {
  const issues: CalculatorIssues = {};
  const read = (field: CalculatorField): number => {
    const typed = typedHundredths(form[field], UNIT[field] === 'kr');
    if (typed.ok) {
      // Beyond the bound already as typed: said in the field's own unit.
      if (typed.hundredths > typedMax(field) * 100) issues[field] = tooLarge(field);
      return UNIT[field] === 'years' ? typed.hundredths * 12 : typed.hundredths;
    }
    issues[field] = TYPED_REASON[typed.reason];
    return 0;
  };
  const baseline: CalculatorFigures = {
    basketOre: read('basketKr'),
    visitsHundredths: read('visitsPerYear'),
    monthsHundredths: read('years'),
  };
  const levers: CalculatorFigures = {
    basketOre: read('moreKr'),
    visitsHundredths: read('moreVisits'),
    monthsHundredths: read('moreMonths'),
  };
  // The figures' own rules (a baseline above 0) for the fields typed as numbers.
  const checked = calculatorIssues(baseline, levers);
  for (const [field, reason] of Object.entries(checked) as [CalculatorField, Msg][])
    issues[field] ??= reason;
  return Object.keys(issues).length > 0 ? { ok: false, issues } : { ok: true, baseline, levers };
}
