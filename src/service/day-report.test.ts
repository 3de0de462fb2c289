import { afterEach, describe, expect, it } from 'vitest';
import { failure, openTestTill } from './testing';
import type { TestTill } from './testing';

const HOUR = 3_600_000;
let till: TestTill;
afterEach(() => till.close());

let keySeq = 0;
const newKey = () => `day-report-${++keySeq}-${Date.now()}`;

async function sell(lines: Array<{ sku: string; quantity: number }>, extra: object = {}) {
  return till.call('sale.commit', {
    lines,
    idempotencyKey: newKey(),
    paymentMethod: 'card',
    ...extra,
  });
}

describe('report.today ("Dagens tall")', () => {
  it("adds up the Oslo day's sales, members' share, coupons, voids, returns and enrolments per staff member, on the 23-hour DST day", async () => {
    // Saturday 28 March 2026, 23:50 in Oslo (CET, UTC+1): the day before.
    till = await openTestTill({ start: Date.UTC(2026, 2, 28, 22, 50) });
    const before = await sell([{ sku: 'grovbrod', quantity: 1 }]);

    // Sunday 29 March: 00:30 CET (the clocks go to 03:00 at 02:00), a sale without a member.
    till.clock.now = Date.UTC(2026, 2, 28, 23, 30);
    const plain = await sell([{ sku: 'grovbrod', quantity: 2 }]);
    // The manager enrols Kari, the cashier enrols Ola.
    till.clock.now = Date.UTC(2026, 2, 29, 8, 0);
    const kari = (
      await till.call(
        'member.enrol',
        { phone: '98765432', acceptTerms: true, profile: { firstName: 'Kari' } },
        till.manager,
      )
    ).member;
    const ola = (
      await till.call(
        'member.enrol',
        { phone: '98765433', acceptTerms: true, profile: { firstName: 'Ola' } },
        till.cashier,
      )
    ).member;
    // Kari uses her welcome coupon.
    const withCoupon = await sell(
      [
        { sku: 'grovbrod', quantity: 2 },
        { sku: 'kaffe-stor', quantity: 1 },
      ],
      { memberId: kari.memberId, selections: { couponIds: [`W-${kari.memberId}`] } },
    );
    expect(withCoupon.evaluation.benefits.some((b) => b.kind === 'coupon')).toBe(true);
    const olaSale = await sell([{ sku: 'kaffe-stor', quantity: 2 }], { memberId: ola.memberId });
    // A sale voided and one line of another taken back.
    const voided = await sell([{ sku: 'grovbrod', quantity: 1 }]);
    await till.call('sale.void', { saleId: voided.saleId, reason: 'Feil' }, till.manager);
    const returned = await till.call(
      'sale.return',
      {
        saleId: olaSale.saleId,
        lines: [{ lineId: olaSale.evaluation.lines[0]!.lineId, quantity: 1 }],
      },
      till.manager,
    );

    // 23:30 CEST (21:30 UTC), the last half hour of the day.
    till.clock.now = Date.UTC(2026, 2, 29, 21, 30);
    const late = await sell([{ sku: 'kaffe-stor', quantity: 1 }]);
    // 00:10 on Monday: the next day, not counted.
    till.clock.now = Date.UTC(2026, 2, 29, 22, 10);
    await sell([{ sku: 'kaffe-stor', quantity: 1 }]);

    till.clock.now = Date.UTC(2026, 2, 29, 21, 45);
    const report = await till.call('report.today', {}, till.manager);
    expect(report.date).toBe('2026-03-29');
    expect(report.from).toBe(Date.UTC(2026, 2, 28, 23, 0));
    expect(report.to - report.from).toBe(23 * HOUR);

    const standing = [plain, withCoupon, olaSale, late];
    const salesOre = standing.reduce((sum, s) => sum + s.evaluation.totalOre, 0);
    const memberOre = withCoupon.evaluation.totalOre + olaSale.evaluation.totalOre;
    expect(report.totals).toEqual({
      sales: 4,
      salesOre,
      memberSales: 2,
      memberSalesOre: memberOre,
      voided: 1,
      voidedOre: voided.evaluation.totalOre,
      returns: 1,
      returnedOre: returned.refundOre,
      couponsUsed: 1,
      rewardsUsed: 0,
      pointsRedeemed: 0,
      enrolments: 2,
    });
    expect(before.at).toBeLessThan(report.from);
    expect(report.netOre).toBe(salesOre - returned.refundOre);
    expect(report.memberShare).toEqual({
      receipts: 50,
      amount: Math.round((memberOre * 1000) / salesOre) / 10,
    });
    const manager = (await till.call('staff.list', {}, till.manager)).find(
      (s) => s.staffId === till.manager.staffId,
    )!;
    expect(report.staff.filter((s) => s.enrolments > 0)).toEqual([
      expect.objectContaining({ staffId: till.cashier.staffId, enrolments: 1 }),
      expect.objectContaining({ staffId: till.manager.staffId, name: manager.name, enrolments: 1 }),
    ]);

    // A cashier may not read it.
    expect((await failure(till.call('report.today', {}, till.cashier))).status).toBe(403);
    // Without a printer nothing is queued.
    const noPrinter = await failure(till.call('report.printToday', {}, till.manager));
    expect(noPrinter.code).toBe('no_printer');
  });

  it("shows a void of yesterday's sale with a return today, as today's money, and leaves yesterday's report as printed", async () => {
    // Tuesday 20 October 2026, 10:00 in Oslo: a sale, and one of its lines taken back at 15:00.
    till = await openTestTill({ start: Date.UTC(2026, 9, 20, 8, 0) });
    const sale = await sell([
      { sku: 'grovbrod', quantity: 1 },
      { sku: 'kaffe-stor', quantity: 1 },
    ]);
    till.clock.now = Date.UTC(2026, 9, 20, 13, 0);
    const returned = await till.call(
      'sale.return',
      { saleId: sale.saleId, lines: [{ lineId: sale.evaluation.lines[0]!.lineId, quantity: 1 }] },
      till.manager,
    );
    const yesterday = await till.call('report.today', {}, till.manager);
    expect(yesterday.netOre).toBe(sale.evaluation.totalOre - returned.refundOre);

    // Wednesday: the rest of the sale voided, and a new sale.
    till.clock.now = Date.UTC(2026, 9, 21, 9, 0);
    await till.call('sale.void', { saleId: sale.saleId, reason: 'Feil' }, till.manager);
    const today = await sell([{ sku: 'kaffe-stor', quantity: 1 }]);
    const report = await till.call('report.today', {}, till.manager);
    const left = sale.evaluation.totalOre - returned.refundOre;
    expect(report.totals).toMatchObject({
      sales: 0,
      salesOre: today.evaluation.totalOre - left,
      voided: 1,
      voidedOre: left,
      returns: 0,
      returnedOre: 0,
    });
    // The drawer: today's sale in, what was left of yesterday's sale out.
    expect(report.netOre).toBe(today.evaluation.totalOre - left);

    till.clock.now = yesterday.at;
    expect(await till.call('report.today', {}, till.manager)).toEqual(yesterday);
  });

  it('spans 25 hours on the autumn DST day and reads the same after a restart', async () => {
    till = await openTestTill({ start: Date.UTC(2026, 9, 25, 12, 0) });
    const sale = await till.call('sale.commit', {
      lines: [{ sku: 'grovbrod', quantity: 1 }],
      idempotencyKey: newKey(),
      paymentMethod: 'cash',
    });
    const report = await till.call('report.today', {}, till.manager);
    expect(report.to - report.from).toBe(25 * HOUR);
    expect(report.totals.salesOre).toBe(sale.evaluation.totalOre);
    await till.restart();
    expect(await till.call('report.today', {}, till.manager)).toEqual(report);
  });
});
