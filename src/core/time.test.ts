import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { localDateOf, startOfLocalDay, parseIsoDate, addDays, addMonths, birthdayIn } from './time';

/** The reference: Intl asked directly, no cache. */
function intlDate(ms: number, timeZone: string) {
  const f = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const [y, m, d] = f.format(ms).split('-').map(Number);
  return { year: y, month: m, day: d };
}

describe('store-local calendar dates', () => {
  it.each(['Europe/Oslo', 'America/St_Johns', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'UTC'])(
    'agree with Intl at any instant in %s, across DST changes',
    (zone) => {
      fc.assert(
        fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }), (ms) => {
          expect(localDateOf(ms, zone)).toEqual(intlDate(ms, zone));
        }),
        { numRuns: 2000 },
      );
    },
  );

  it('knows the minutes around the Oslo summer-time change', () => {
    // 2026-03-29 01:00 UTC: clocks go from 02:00 to 03:00 local.
    const change = Date.UTC(2026, 2, 29, 1, 0, 0);
    expect(localDateOf(change - 1, 'Europe/Oslo')).toEqual({ year: 2026, month: 3, day: 29 });
    expect(startOfLocalDay({ year: 2026, month: 3, day: 29 }, 'Europe/Oslo')).toBe(
      Date.UTC(2026, 2, 28, 23, 0, 0),
    );
    expect(startOfLocalDay({ year: 2026, month: 3, day: 30 }, 'Europe/Oslo')).toBe(
      Date.UTC(2026, 2, 29, 22, 0, 0),
    );
  });

  it('starts every local day at local midnight', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2050, 0, 1) }), (ms) => {
        const day = localDateOf(ms, 'Europe/Oslo');
        const start = startOfLocalDay(day, 'Europe/Oslo');
        expect(localDateOf(start, 'Europe/Oslo')).toEqual(day);
        expect(localDateOf(start - 1, 'Europe/Oslo')).not.toEqual(day);
        expect(start).toBeLessThanOrEqual(ms);
      }),
      { numRuns: 1000 },
    );
  });

  it('clamps month arithmetic and moves 29 February birthdays to 28 February', () => {
    expect(addMonths(parseIsoDate('2026-01-31'), 1)).toEqual({ year: 2026, month: 2, day: 28 });
    expect(birthdayIn(2027, parseIsoDate('2000-02-29'))).toEqual({ year: 2027, month: 2, day: 28 });
    expect(birthdayIn(2028, parseIsoDate('2000-02-29'))).toEqual({ year: 2028, month: 2, day: 29 });
  });
});

describe('date arithmetic at the extremes a programme may ask for', () => {
  it('stays between 1970-01-01 and 9999-12-31, so every instant is a non-negative safe integer', () => {
    const day = parseIsoDate('2026-03-02');
    expect(addDays(day, 1_000_000_000)).toEqual({ year: 9999, month: 12, day: 31 });
    expect(addDays(day, -1_000_000_000)).toEqual({ year: 1970, month: 1, day: 1 });
    expect(addMonths(day, 1_000_000_000)).toEqual({ year: 9999, month: 12, day: 2 });
    const end = startOfLocalDay(addMonths(day, 1_000_000_000), 'Europe/Oslo');
    expect(Number.isSafeInteger(end)).toBe(true);
    // Ordinary spans are untouched.
    expect(addDays(day, 30)).toEqual({ year: 2026, month: 4, day: 1 });
  });
});
