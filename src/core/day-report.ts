/**
 * "Dagens tall": the day's figures for one store, from the totals the till
 * keeps (src/store/projections/day-figures.ts), and the printout for the
 * receipt printer. Pure: the clock and the time zone are arguments.
 *
 * The day is the programme's calendar day in its time zone (Europe/Oslo by
 * default), from its local midnight to the next: 23 hours on the spring DST
 * day, 25 on the autumn one.
 */
import { msg } from './i18n';
import type { Locale, Params } from './i18n';
import type { MessageKey } from './messages';
import { formatMoney } from './money';
import { toReceiptCharset, wrapText } from './receipt';
import type { ReceiptDocument, ReceiptOp, ReceiptWidth, Say } from './receipt';
import { addDays, isoDate, localDateOf, localTimeOf, startOfLocalDay } from './time';

export interface DayWindow {
  /** The local date, YYYY-MM-DD. */
  date: string;
  /** Its local midnight (epoch ms), inclusive. */
  from: number;
  /** The next local midnight, exclusive. */
  to: number;
}

/** The local day `now` falls in, in the zone. */
export function dayWindow(now: number, timeZone: string): DayWindow {
  const day = localDateOf(now, timeZone);
  return {
    date: isoDate(day),
    from: startOfLocalDay(day, timeZone),
    to: startOfLocalDay(addDays(day, 1), timeZone),
  };
}

/** The day's totals (sales that stand; voided ones apart; returns on the day they were made). */
export interface DayTotals {
  /** Receipts of sales not voided, and their amount (before returns). */
  sales: number;
  salesOre: number;
  /** Of those, with a member. */
  memberSales: number;
  memberSalesOre: number;
  voided: number;
  voidedOre: number;
  returns: number;
  returnedOre: number;
  couponsUsed: number;
  rewardsUsed: number;
  pointsRedeemed: number;
  enrolments: number;
}

export interface DayReportStaff {
  /** null: no staff member (a self-service enrolment). */
  staffId: string | null;
  /** As the till knows them now; null when it does not (the id is shown). */
  name: string | null;
  enrolments: number;
  sales: number;
  salesOre: number;
}

export interface DayReport {
  storeId: string;
  storeName: string;
  timeZone: string;
  /** When the figures were read. */
  at: number;
  date: string;
  from: number;
  to: number;
  totals: DayTotals;
  /** Sales less returns. */
  netOre: number;
  /** Members' share in per cent, one decimal; null without sales. */
  memberShare: { receipts: number | null; amount: number | null };
  /** Every staff member with a sale or an enrolment today, most enrolments first. */
  staff: DayReportStaff[];
}

/** Per cent with one decimal, rounded half up; null when there is nothing to share. */
export function sharePercent(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part * 1000) / whole) / 10;
}

export function emptyTotals(): DayTotals {
  return {
    sales: 0,
    salesOre: 0,
    memberSales: 0,
    memberSalesOre: 0,
    voided: 0,
    voidedOre: 0,
    returns: 0,
    returnedOre: 0,
    couponsUsed: 0,
    rewardsUsed: 0,
    pointsRedeemed: 0,
    enrolments: 0,
  };
}

/** Totals per staff member (as the store keeps them) into the day's report. */
export function buildDayReport(input: {
  storeId: string;
  storeName: string;
  timeZone: string;
  now: number;
  rows: ReadonlyArray<{ staffId: string | null; totals: DayTotals }>;
  staffName(staffId: string): string | null;
}): DayReport {
  const window = dayWindow(input.now, input.timeZone);
  const totals = emptyTotals();
  const staff: DayReportStaff[] = [];
  for (const row of input.rows) {
    for (const key of Object.keys(totals) as Array<keyof DayTotals>) totals[key] += row.totals[key];
    if (row.totals.enrolments > 0 || row.totals.sales > 0) {
      staff.push({
        staffId: row.staffId,
        name: row.staffId === null ? null : input.staffName(row.staffId),
        enrolments: row.totals.enrolments,
        sales: row.totals.sales,
        salesOre: row.totals.salesOre,
      });
    }
  }
  staff.sort(
    (a, b) =>
      b.enrolments - a.enrolments ||
      (a.name ?? a.staffId ?? '').localeCompare(b.name ?? b.staffId ?? ''),
  );
  return {
    storeId: input.storeId,
    storeName: input.storeName,
    timeZone: input.timeZone,
    at: input.now,
    ...window,
    totals,
    netOre: totals.salesOre - totals.returnedOre,
    memberShare: {
      receipts: sharePercent(totals.memberSales, totals.sales),
      amount: sharePercent(totals.memberSalesOre, totals.salesOre),
    },
    staff,
  };
}

// ---- the printout ----------------------------------------------------------------

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** "06.12.2026" in bokmål, the ISO date in English and Swedish (as receipts print dates). */
export function reportDate(isoDay: string, locale: Locale): string {
  if (locale !== 'nb') return isoDay;
  const [y, m, d] = isoDay.split('-');
  return `${d}.${m}.${y}`;
}

/** The figures laid out for the receipt printer, in the receipt's language. */
export function dayReportDocument(
  report: DayReport,
  width: ReceiptWidth,
  locale: Locale,
  say: Say,
): ReceiptDocument {
  const ops: ReceiptOp[] = [];
  const w = (key: MessageKey, params?: Params) => say(msg(key, params));
  const figures = locale === 'en' ? 'en' : 'nb';
  const kr = (ore: number) => formatMoney(ore, figures);
  const share = (value: number | null) =>
    value === null ? w('dayReport.noShare') : w('dayReport.share', { share: { percent: value } });
  const text = (
    value: string,
    options: { center?: boolean; bold?: boolean; size?: 1 | 2 } = {},
  ) => {
    const size = options.size ?? 1;
    for (const line of wrapText(toReceiptCharset(value), Math.floor(width / size))) {
      ops.push({
        op: 'text',
        text: line,
        align: options.center ? 'center' : 'left',
        bold: options.bold ?? false,
        size,
      });
    }
  };
  const row = (left: string, right: string, bold = false) => {
    const r = toReceiptCharset(right);
    const lines = wrapText(toReceiptCharset(left), width);
    const last = lines.pop() ?? '';
    for (const line of lines) ops.push({ op: 'text', text: line, align: 'left', bold, size: 1 });
    if (last.length + 1 + r.length <= width)
      ops.push({ op: 'columns', left: last, right: r, bold });
    else {
      ops.push({ op: 'text', text: last, align: 'left', bold, size: 1 });
      ops.push({ op: 'columns', left: '', right: r, bold });
    }
  };
  const t = report.totals;
  const local = localTimeOf(report.at, report.timeZone);
  const today = isoDate(localDateOf(report.at, report.timeZone));

  text(w('dayReport.title').toUpperCase(), { center: true, bold: true, size: 2 });
  text(report.storeName, { center: true });
  text(w('dayReport.day', { date: reportDate(report.date, locale) }), { center: true });
  ops.push({ op: 'line' });
  text(w('dayReport.sales'), { bold: true });
  row(w('dayReport.receipts'), String(t.sales));
  row(w('dayReport.salesAmount'), kr(t.salesOre));
  row(w('dayReport.returns', { count: t.returns }), kr(-t.returnedOre));
  row(w('dayReport.net'), kr(report.netOre), true);
  row(w('dayReport.voided', { count: t.voided }), kr(t.voidedOre));
  ops.push({ op: 'line' });
  text(w('dayReport.members'), { bold: true });
  row(w('dayReport.memberSales'), String(t.memberSales));
  row(w('dayReport.memberReceipts'), share(report.memberShare.receipts));
  row(w('dayReport.memberAmount'), share(report.memberShare.amount));
  row(w('dayReport.coupons'), String(t.couponsUsed));
  row(w('dayReport.rewards'), String(t.rewardsUsed));
  row(w('dayReport.pointsRedeemed'), String(t.pointsRedeemed));
  row(w('dayReport.enrolments'), String(t.enrolments), true);
  ops.push({ op: 'line' });
  text(w('dayReport.byStaff'), { bold: true });
  const enrolling = report.staff.filter((s) => s.enrolments > 0);
  if (enrolling.length === 0) text(w('dayReport.noEnrolments'));
  for (const s of enrolling) {
    row(s.staffId === null ? w('dayReport.noStaff') : (s.name ?? s.staffId), String(s.enrolments));
  }
  ops.push({ op: 'line' });
  text(
    w('dayReport.printedAt', {
      date: reportDate(today, locale),
      time: `${two(local.hour)}:${two(local.minute)}`,
    }),
  );
  text(w('dayReport.source'));
  ops.push({ op: 'feed', lines: 4 });
  ops.push({ op: 'cut' });
  return { width, ops };
}
