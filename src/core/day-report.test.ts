import { describe, expect, it } from 'vitest';
import { render } from '../../test/helpers/said';
import {
  buildDayReport,
  dayReportDocument,
  dayWindow,
  emptyTotals,
  sharePercent,
} from './day-report';
import type { DayTotals } from './day-report';
import { parseReceiptDocument, receiptLines, RECEIPT_WIDTHS } from './receipt';

const OSLO = 'Europe/Oslo';
const HOUR = 3_600_000;

describe('dayWindow', () => {
  it('is the Oslo calendar day: 24 hours, 23 on the spring DST day, 25 on the autumn one', () => {
    expect(dayWindow(Date.UTC(2026, 5, 1, 22, 30), OSLO)).toEqual({
      date: '2026-06-02',
      from: Date.UTC(2026, 5, 1, 22),
      to: Date.UTC(2026, 5, 2, 22),
    });
    const spring = dayWindow(Date.UTC(2026, 2, 29, 12), OSLO);
    expect(spring).toEqual({
      date: '2026-03-29',
      from: Date.UTC(2026, 2, 28, 23),
      to: Date.UTC(2026, 2, 29, 22),
    });
    const autumn = dayWindow(Date.UTC(2026, 9, 25, 0, 30), OSLO);
    expect(autumn.date).toBe('2026-10-25');
    expect(autumn.to - autumn.from).toBe(25 * HOUR);
    // The last instant of a day is in it; its next midnight is the next day's.
    expect(dayWindow(spring.to - 1, OSLO).date).toBe('2026-03-29');
    expect(dayWindow(spring.to, OSLO).date).toBe('2026-03-30');
  });
});

describe('the report and its printout', () => {
  const totals = (over: Partial<DayTotals>): DayTotals => ({ ...emptyTotals(), ...over });
  const report = buildDayReport({
    storeId: 'store-1',
    storeName: 'Bakeriet på Grünerløkka, en butikk med et langt navn',
    timeZone: OSLO,
    now: Date.UTC(2026, 11, 6, 16, 5),
    rows: [
      { staffId: null, totals: totals({ enrolments: 1 }) },
      {
        staffId: 'anne',
        totals: totals({
          sales: 2,
          salesOre: 30_000,
          memberSales: 1,
          memberSalesOre: 10_000,
          enrolments: 3,
          couponsUsed: 1,
        }),
      },
      {
        staffId: 'bo',
        totals: totals({
          sales: 1,
          salesOre: 5_000,
          returns: 1,
          returnedOre: 1_500,
          voided: 1,
          voidedOre: 900,
        }),
      },
    ],
    staffName: (id) => (id === 'anne' ? 'Anne-Kristin Østby Søndergaard Haugland' : null),
  });

  it('adds the rows up, shares in per cent with one decimal', () => {
    expect(report.totals).toMatchObject({
      sales: 3,
      salesOre: 35_000,
      enrolments: 4,
      returnedOre: 1_500,
    });
    expect(report.netOre).toBe(33_500);
    expect(report.memberShare).toEqual({ receipts: 33.3, amount: 28.6 });
    expect(report.staff.map((s) => [s.staffId, s.name, s.enrolments])).toEqual([
      ['anne', 'Anne-Kristin Østby Søndergaard Haugland', 3],
      [null, null, 1],
      ['bo', null, 0],
    ]);
    expect(sharePercent(0, 0)).toBeNull();
  });

  it('prints within every paper width, in each language', () => {
    for (const width of RECEIPT_WIDTHS) {
      for (const locale of ['nb', 'en', 'sv'] as const) {
        const doc = dayReportDocument(report, width, locale, (shown) => render(shown, locale));
        expect(() => parseReceiptDocument(doc)).not.toThrow();
        const text = receiptLines(doc).join('\n');
        expect(text).toContain(
          locale === 'en' ? "TODAY'S FIGURES" : locale === 'sv' ? 'DAGENS SIFFROR' : 'DAGENS TALL',
        );
        expect(text).toContain(locale === 'nb' ? '06.12.2026' : '2026-12-06');
      }
    }
    const nb = receiptLines(dayReportDocument(report, 48, 'nb', (s) => render(s, 'nb'))).join('\n');
    expect(nb).toMatch(/Medlemmenes andel av kvitteringene +33,3 %/);
    expect(nb).toMatch(/Netto +335,00 kr/);
    expect(nb).toContain('Skrevet ut 06.12.2026 kl. 17:05');
  });
});
