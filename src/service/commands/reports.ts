/**
 * "Dagens tall" (report.today, report.printToday): today's figures at this
 * till's store, added up from the totals the store keeps per quarter hour
 * (src/store/projections/day-figures.ts), so they read a few hundred small rows
 * however many members and sales the till holds, and need no cloud.
 */
import { buildDayReport, dayReportDocument, dayWindow } from '../../core/day-report';
import type { DayReport, DayTotals } from '../../core/day-report';
import { msg } from '../../core/i18n';
import { render } from '../../i18n/render';
import { staffById } from '../../store';
import { dayFiguresByStaff } from '../../store/projections/day-figures';
import { readReceiptHeader } from '../devices/settings';
import type { Handlers, ReadContext } from '../handler-types';
import { ServiceError } from '../service-error';

/** Today's report as the till's own data has it at `ctx.now`. */
export function todayReport(ctx: ReadContext): DayReport {
  const programme = ctx.programme();
  const { from, to } = dayWindow(ctx.now, programme.timeZone);
  const header = readReceiptHeader(ctx.db);
  const rows = dayFiguresByStaff(ctx.db, ctx.terminal.storeId, from, to).map((r) => ({
    staffId: r.staff_id === '' ? null : r.staff_id,
    totals: {
      sales: r.sales,
      salesOre: r.sales_ore,
      memberSales: r.member_sales,
      memberSalesOre: r.member_sales_ore,
      voided: r.voided,
      voidedOre: r.voided_ore,
      returns: r.returns,
      returnedOre: r.returned_ore,
      couponsUsed: r.coupons,
      rewardsUsed: r.rewards,
      pointsRedeemed: r.points_redeemed,
      enrolments: r.enrolments,
    } satisfies DayTotals,
  }));
  return buildDayReport({
    storeId: ctx.terminal.storeId,
    storeName: header.storeName ?? programme.name,
    timeZone: programme.timeZone,
    now: ctx.now,
    rows,
    staffName: (id) => staffById(ctx.db, id)?.name ?? null,
  });
}

export const reportHandlers: Handlers<'report.today' | 'report.printToday'> = {
  'report.today': (_input, ctx) => todayReport(ctx),

  'report.printToday': (_input, ctx) => {
    const printer = ctx.devices.printer();
    if (!printer) throw new ServiceError('no_printer', msg('service.noPrinterForCopy'), null, 409);
    const locale = readReceiptHeader(ctx.db).locale ?? 'nb';
    const document = dayReportDocument(todayReport(ctx), printer.width, locale, (shown) =>
      render(shown, locale),
    );
    const queued = ctx.devices.enqueue(
      { saleId: null, kind: 'report', document },
      ctx.notifyAfterCommit,
    );
    return {
      jobId: queued.id,
      saleId: null,
      receiptNo: null,
      kind: queued.kind,
      status: queued.status,
      attempts: queued.attempts,
      lastError: queued.lastError,
      createdAt: queued.createdAt,
      printedAt: queued.printedAt,
    };
  },
};
