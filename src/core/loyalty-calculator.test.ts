import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALCULATOR_LIMITS, loyaltyEffect, parseCalculatorForm } from './loyalty-calculator';
import type { CalculatorFigures, CalculatorForm } from './loyalty-calculator';

/** The seeds' example: 350 kr, 5 visits a year, 3 years; +100 kr, +1 visit, +6 months. */
const SEEDS_BASELINE: CalculatorFigures = {
  basketOre: 35_000,
  visitsHundredths: 500,
  monthsHundredths: 3_600,
};
const SEEDS_LEVERS: CalculatorFigures = {
  basketOre: 10_000,
  visitsHundredths: 100,
  monthsHundredths: 600,
};
const NO_LEVERS: CalculatorFigures = { basketOre: 0, visitsHundredths: 0, monthsHundredths: 0 };

const SEEDS_FORM: CalculatorForm = {
  basketKr: '350',
  visitsPerYear: '5',
  years: '3',
  moreKr: '100',
  moreVisits: '1',
  moreMonths: '6',
};

const baselines = fc.record({
  basketOre: fc.integer({ min: 1, max: CALCULATOR_LIMITS.maxBasketOre }),
  visitsHundredths: fc.integer({ min: 1, max: CALCULATOR_LIMITS.maxVisitsHundredths }),
  monthsHundredths: fc.integer({ min: 1, max: CALCULATOR_LIMITS.maxMonthsHundredths }),
});
const levers = fc.record({
  basketOre: fc.integer({ min: 0, max: CALCULATOR_LIMITS.maxBasketOre }),
  visitsHundredths: fc.integer({ min: 0, max: CALCULATOR_LIMITS.maxVisitsHundredths }),
  monthsHundredths: fc.integer({ min: 0, max: CALCULATOR_LIMITS.maxMonthsHundredths }),
});
const figures = ['basketOre', 'visitsHundredths', 'monthsHundredths'] as const;

/** a/b < c/d for fractions with positive denominators. */
function below(a: { numerator: bigint; denominator: bigint }, c: typeof a): boolean {
  return a.numerator * c.denominator < c.numerator * a.denominator;
}

describe('the loyalty calculator', () => {
  it('gives the seeds’ +80 % exactly: 450 · 6 · 3.5 / (350 · 5 · 3) = 1.8', () => {
    const result = loyaltyEffect(SEEDS_BASELINE, SEEDS_LEVERS);
    expect(result.beforeOre).toBe(525_000); // 5 250 kr
    expect(result.afterOre).toBe(945_000); // 9 450 kr
    expect(result.changeOre).toBe(420_000);
    expect(result.changePercent).toBe(80);
    // Exactly four fifths, not a float that rounds to it.
    expect(result.change.numerator * 5n).toBe(result.change.denominator * 4n);
    const shares = result.contributionsOre;
    expect(shares.basketOre + shares.visitsHundredths + shares.monthsHundredths).toBe(420_000);
    // By hand: Δb(2vm + (v+Δv)m + v(m+Δm) + 2(v+Δv)(m+Δm))/6 = 100 · (30 + 18 + 17.5 + 42)/6 kr.
    expect(shares.basketOre).toBe(179_167);
  });

  it('reads the seeds’ example as typed in the form', () => {
    expect(parseCalculatorForm(SEEDS_FORM)).toEqual({
      ok: true,
      baseline: SEEDS_BASELINE,
      levers: SEEDS_LEVERS,
    });
    const typed = parseCalculatorForm({
      ...SEEDS_FORM,
      basketKr: ' 1 299,50 kr',
      visitsPerYear: '2.5',
      years: '2,25',
      moreMonths: '0,5',
    });
    expect(typed).toEqual({
      ok: true,
      baseline: { basketOre: 129_950, visitsHundredths: 250, monthsHundredths: 2_700 },
      levers: { ...SEEDS_LEVERS, monthsHundredths: 50 },
    });
  });

  it('all levers at zero give 0 %', () => {
    fc.assert(
      fc.property(baselines, (baseline) => {
        const result = loyaltyEffect(baseline, NO_LEVERS);
        expect(result.changePercent).toBe(0);
        expect(result.change.numerator).toBe(0n);
        expect(result.changeOre).toBe(0);
        expect(result.afterOre).toBe(result.beforeOre);
        expect(result.contributionsOre).toEqual(NO_LEVERS);
      }),
    );
  });

  it('the effect grows with each lever (strictly, exactly; the rounded per cent never falls)', () => {
    fc.assert(
      fc.property(
        baselines,
        levers,
        fc.constantFrom(...figures),
        fc.integer({ min: 1, max: 1_000 }),
        (baseline, lever, figure, step) => {
          const more = { ...lever, [figure]: lever[figure] + step };
          fc.pre(more[figure] <= LIMIT[figure]);
          const low = loyaltyEffect(baseline, lever);
          const high = loyaltyEffect(baseline, more);
          expect(below(low.change, high.change)).toBe(true);
          expect(high.changePercent).toBeGreaterThanOrEqual(low.changePercent);
          expect(high.afterOre).toBeGreaterThanOrEqual(low.afterOre);
        },
      ),
    );
  });

  it('says the per cent to one decimal, the nearest to the exact change (+12 months: +105.7 %)', () => {
    const year = loyaltyEffect(SEEDS_BASELINE, { ...SEEDS_LEVERS, monthsHundredths: 1_200 });
    expect(year.changePercent).toBe(105.7); // 450 · 6 · 4 / 5 250 = 2.0571…
    fc.assert(
      fc.property(baselines, levers, (baseline, lever) => {
        const { change, changePercent } = loyaltyEffect(baseline, lever);
        fc.pre(changePercent < 1e9); // tenths still exact as a float
        const tenths = BigInt(Math.round(changePercent * 10));
        const off = tenths * change.denominator - change.numerator * 1000n;
        // Within half a tenth of the exact per cent.
        expect(2n * (off < 0n ? -off : off) <= change.denominator).toBe(true);
      }),
    );
  });

  it('the levers’ shares are whole øre, never negative, zero for a lever at zero, and add up to the increase', () => {
    fc.assert(
      fc.property(baselines, levers, (baseline, lever) => {
        const result = loyaltyEffect(baseline, lever);
        const shares = result.contributionsOre;
        expect(shares.basketOre + shares.visitsHundredths + shares.monthsHundredths).toBe(
          result.changeOre,
        );
        expect(result.afterOre - result.beforeOre).toBe(result.changeOre);
        for (const figure of figures) {
          expect(Number.isSafeInteger(shares[figure])).toBe(true);
          expect(shares[figure]).toBeGreaterThanOrEqual(0);
          if (lever[figure] === 0) expect(shares[figure]).toBe(0);
        }
      }),
    );
  });

  it('equals the formula, reckoned in exact fractions another way', () => {
    fc.assert(
      fc.property(baselines, levers, (b, l) => {
        const result = loyaltyEffect(b, l);
        // after/before as the ratio of each factor's growth, multiplied.
        const num =
          BigInt(b.basketOre + l.basketOre) *
          BigInt(b.visitsHundredths + l.visitsHundredths) *
          BigInt(b.monthsHundredths + l.monthsHundredths);
        const den = BigInt(b.basketOre) * BigInt(b.visitsHundredths) * BigInt(b.monthsHundredths);
        expect(result.change.numerator * den).toBe((num - den) * result.change.denominator);
        // Revenue: øre × visits × months / (100 · 100 · 12), to the nearest øre.
        expect(Math.abs(result.beforeOre * 120_000 - Number(den))).toBeLessThanOrEqual(60_000);
      }),
    );
  });

  it('the largest figures stay exact: no float overflow, the per cent as BigInt reckons it', () => {
    const max: CalculatorFigures = {
      basketOre: CALCULATOR_LIMITS.maxBasketOre,
      visitsHundredths: CALCULATOR_LIMITS.maxVisitsHundredths,
      monthsHundredths: CALCULATOR_LIMITS.maxMonthsHundredths,
    };
    const smallest: CalculatorFigures = { basketOre: 1, visitsHundredths: 1, monthsHundredths: 1 };
    const result = loyaltyEffect(smallest, max);
    expect(result.beforeOre).toBe(0); // 1 øre × 0.01 visit × 0.01 month
    // (10^8 + 1)(10^5 + 1)(1.2·10^5 + 1) / (1.2·10^5) øre, rounded: past 2^53 before the division.
    expect(result.afterOre).toBe(10_000_183_434_169);
    expect(Number.isSafeInteger(result.afterOre)).toBe(true);
    expect(result.change).toEqual({ numerator: 1_200_022_012_100_220_000n, denominator: 1n });
  });
});

const LIMIT: CalculatorFigures = {
  basketOre: CALCULATOR_LIMITS.maxBasketOre,
  visitsHundredths: CALCULATOR_LIMITS.maxVisitsHundredths,
  monthsHundredths: CALCULATOR_LIMITS.maxMonthsHundredths,
};

describe('what the calculator refuses, and says why beside the field', () => {
  it('a negative, empty or garbled figure', () => {
    const parsed = parseCalculatorForm({
      basketKr: '-350',
      visitsPerYear: '',
      years: 'tre',
      moreKr: '−100',
      moreVisits: '1,555',
      moreMonths: '6',
    });
    expect(parsed).toEqual({
      ok: false,
      issues: {
        basketKr: { key: 'backoffice.calculator.negative' },
        visitsPerYear: { key: 'backoffice.calculator.empty' },
        years: { key: 'backoffice.calculator.notANumber' },
        moreKr: { key: 'backoffice.calculator.negative' },
        moreVisits: { key: 'backoffice.calculator.notANumber' },
      },
    });
  });

  it('a baseline of 0 (the increase is reckoned from it); a lever of 0 is fine', () => {
    const parsed = parseCalculatorForm({ ...SEEDS_FORM, visitsPerYear: '0', moreKr: '0' });
    expect(parsed).toEqual({
      ok: false,
      issues: { visitsPerYear: { key: 'backoffice.calculator.baselineZero' } },
    });
  });

  it('absurd figures, said in the unit typed', () => {
    const parsed = parseCalculatorForm({
      basketKr: '1 000 000,01',
      visitsPerYear: '1001',
      years: '100,01',
      moreKr: '999999999999',
      moreVisits: '1000',
      moreMonths: '1200,5',
    });
    expect(parsed).toEqual({
      ok: false,
      issues: {
        basketKr: { key: 'backoffice.calculator.tooLarge', params: { max: 1_000_000, unit: 'kr' } },
        visitsPerYear: {
          key: 'backoffice.calculator.tooLarge',
          params: { max: 1_000, unit: 'visits' },
        },
        years: { key: 'backoffice.calculator.tooLarge', params: { max: 100, unit: 'years' } },
        moreKr: { key: 'backoffice.calculator.tooLarge', params: { max: 1_000_000, unit: 'kr' } },
        moreMonths: {
          key: 'backoffice.calculator.tooLarge',
          params: { max: 1_200, unit: 'months' },
        },
      },
    });
    // The bounds themselves are taken.
    expect(
      parseCalculatorForm({
        basketKr: '1 000 000',
        visitsPerYear: '1000',
        years: '100',
        moreKr: '1000000',
        moreVisits: '1000',
        moreMonths: '1200',
      }).ok,
    ).toBe(true);
  });

  it('figures given directly out of bounds: a RangeError naming them', () => {
    expect(() => loyaltyEffect({ ...SEEDS_BASELINE, basketOre: -1 }, SEEDS_LEVERS)).toThrow(
      /basketKr/,
    );
    expect(() => loyaltyEffect(SEEDS_BASELINE, { ...SEEDS_LEVERS, visitsHundredths: 0.5 })).toThrow(
      /moreVisits/,
    );
    expect(() =>
      loyaltyEffect({ ...SEEDS_BASELINE, monthsHundredths: Number.MAX_SAFE_INTEGER }, NO_LEVERS),
    ).toThrow(RangeError);
    expect(() => loyaltyEffect({ ...SEEDS_BASELINE, basketOre: 0 }, NO_LEVERS)).toThrow(RangeError);
  });

  it('whatever is typed, the form either says what is wrong or reckons within the bounds', () => {
    const typed = fc.oneof(
      fc.string({ maxLength: 16 }),
      fc.stringMatching(/^-?\d{0,13}([.,]\d{0,3})?( ?kr)?$/),
    );
    fc.assert(
      fc.property(
        fc.record({
          basketKr: typed,
          visitsPerYear: typed,
          years: typed,
          moreKr: typed,
          moreVisits: typed,
          moreMonths: typed,
        }),
        (form) => {
          const parsed = parseCalculatorForm(form);
          if (!parsed.ok) {
            expect(Object.keys(parsed.issues).length).toBeGreaterThan(0);
            return;
          }
          const result = loyaltyEffect(parsed.baseline, parsed.levers);
          expect(result.changePercent).toBeGreaterThanOrEqual(0);
          expect(Number.isSafeInteger(result.afterOre)).toBe(true);
        },
      ),
    );
  });
});
