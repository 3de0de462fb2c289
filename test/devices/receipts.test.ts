/**
 * Receipts from the till service to a real TCP listener on 127.0.0.1 playing an
 * ESC/POS network printer. The captured bytes are decoded back into what would
 * come out on paper.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { render } from '../helpers/said';
import { decodeEscPos } from '../helpers/escpos-decoder';
import type { DecodedReceipt } from '../helpers/escpos-decoder';
import { freePort, startTcpPrinter } from '../../native/printer/testing/tcp-printer';
import type { TcpPrinter } from '../../native/printer/testing/tcp-printer';
import type { Notification } from '../../src/service/types';
import {
  closeDeviceTills,
  FAST,
  newKey,
  openDeviceTill,
  pause,
  tcpPrinterConfig,
  until,
} from './support';
import type { DeviceTill } from './support';

const listeners: TcpPrinter[] = [];
afterEach(async () => {
  await closeDeviceTills();
  await Promise.all(listeners.splice(0).map((l) => l.close()));
});

async function listen(port?: number): Promise<TcpPrinter> {
  const printer = await startTcpPrinter(port === undefined ? {} : { port });
  listeners.push(printer);
  return printer;
}

/** The printed text as one line of words (wrapped lines joined), for phrases that may wrap. */
function flat(receipt: DecodedReceipt): string {
  return receipt.lines
    .map((l) => l.text.trim())
    .join(' ')
    .replace(/\s+/g, ' ');
}
const words = (s: string) => s.replace(/\s+/g, ' ');
const texts = (receipt: DecodedReceipt) => receipt.lines.map((l) => l.text.trim());

const HEADER = {
  storeName: 'Bakeriet på Øya',
  addressLines: ['Ærlighetsgata 5', '6010 ÅLESUND'],
  orgNumber: '987 654 321 MVA',
  phone: '70 11 22 33',
  footerLines: ['Bytterett 14 dager med kvittering'],
  memberCode: 'both' as const,
};

async function enrolÅse(till: DeviceTill) {
  const { member } = await till.call('member.enrol', {
    phone: '98765432',
    acceptTerms: true,
    profile: { firstName: 'Åse' },
  });
  return member;
}

/** Member price, welcome coupon, tier discount, two VAT rates, a full coffee card. */
async function memberSale(till: DeviceTill, memberId: string, key = newKey()) {
  return till.call('sale.commit', {
    lines: [
      { sku: 'grovbrod', quantity: 2 },
      { sku: 'kaffe-stor', quantity: 9 },
      { sku: 'baerepose', quantity: 1 },
    ],
    memberId,
    selections: { couponIds: [`W-${memberId}`] },
    idempotencyKey: key,
    paymentMethod: 'card',
  });
}

async function plainSale(till: DeviceTill, key = newKey()) {
  return till.call('sale.commit', {
    lines: [{ sku: 'kaffe-liten', quantity: 1 }],
    idempotencyKey: key,
    paymentMethod: 'cash',
  });
}

type PrintNotice = Extract<Notification, { type: 'print' }>;
const printNotices = (till: DeviceTill) =>
  till.notices.filter((n): n is PrintNotice => n.type === 'print');

describe('the receipt after a sale', () => {
  it('prints the whole receipt: header, lines, discounts with reasons, VAT, payment, member section, codes, cut, ÆØÅ', async () => {
    const printer = await listen();
    const till = await openDeviceTill({ ...FAST, printer: tcpPrinterConfig(printer.port) });
    await till.call('receiptHeader.save', HEADER, till.manager);
    const member = await enrolÅse(till);

    const sale = await memberSale(till, member.memberId);
    const [bytes] = await printer.waitForJobs(1);
    const receipt = decodeEscPos(bytes!);
    const lines = texts(receipt);
    const all = flat(receipt);
    const after = await till.call('member.get', { memberId: member.memberId });

    // Store header
    expect(receipt.lines[0]).toMatchObject({
      text: 'Bakeriet på Øya',
      align: 'center',
      bold: true,
      width: 2,
    });
    expect(lines).toEqual(
      expect.arrayContaining([
        'Ærlighetsgata 5',
        '6010 ÅLESUND',
        'Org.nr. 987 654 321 MVA',
        'Tlf. 70 11 22 33',
      ]),
    );
    expect(all).toContain(`Kvittering ${sale.receiptNo}`);
    expect(all).toContain('Betjent av: Kari (kasse)');
    // Lines
    expect(lines).toContain('Grovbrød');
    expect(lines.some((l) => /^2 x 59,00 kr +118,00 kr$/.test(l))).toBe(true);
    expect(lines).toContain('Kaffe, stor');
    expect(lines.some((l) => /^Bærepose +3,00 kr$/.test(l))).toBe(true);
    // Every discount with its reason, and the amount it took
    expect(sale.evaluation.benefits.map((b) => b.kind)).toEqual(
      expect.arrayContaining(['member_price', 'coupon', 'tier_discount']),
    );
    for (const benefit of sale.evaluation.benefits) {
      expect(all, benefit.kind).toContain(words(render(benefit.reason, 'nb')));
    }
    expect(all).toContain('TOTALT');
    const total = receipt.lines.find((l) => l.text.startsWith('TOTALT'))!;
    expect(total.bold).toBe(true);
    expect(words(total.text)).toMatch(
      new RegExp(`${(sale.evaluation.totalOre / 100).toFixed(2).replace('.', ',')} kr$`),
    );
    expect(all).toContain('Du sparte');
    // VAT summary per rate, and the payment
    expect(lines).toContain('Merverdiavgift (kr)');
    expect(lines.some((l) => /^Sats +Grunnlag +MVA +Sum$/.test(l))).toBe(true);
    expect(lines.some((l) => l.startsWith('15 %'))).toBe(true);
    expect(lines.some((l) => l.startsWith('25 %'))).toBe(true);
    expect(lines.some((l) => l.startsWith('Betalt med bankkort'))).toBe(true);
    // Member section, from the member as they stand after the sale
    const effects = sale.evaluation.effects!;
    expect(lines).toContain('KUNDEKLUBB');
    expect(lines).toContain('Hei, Åse!');
    expect(all).toContain(`Medlemsnr. ${member.memberNumber}`);
    expect(all).toContain(`Poeng opptjent nå +${effects.pointsEarned}`);
    expect(after.points.balance).toBe(effects.pointsEarned);
    expect(all).toContain(`Poengsaldo ${after.points.balance} poeng`);
    expect(all).toContain(`Nivå ${after.tier!.name.nb}`);
    expect(after.tier!.next).not.toBeNull();
    expect(all).toContain(`poeng til ${after.tier!.next!.name.nb}`);
    expect(lines).toContain('Brød');
    expect(lines).toContain('[■■░░░░░░░] 2/9 (+2 i dag)');
    expect(lines).toContain('Kaffe');
    // Nine coffees fill the nine-stamp card: a new card starts and the reward is ready.
    expect(lines).toContain('[░░░░░░░░░] 0/9 (+9 i dag)');
    expect(all).toContain('Brukt i dag:');
    const coupon = sale.evaluation.benefits.find((b) => b.kind === 'coupon')!;
    expect(all).toContain(`Brukt i dag: ${words(render(coupon.reason, 'nb'))}`);
    const reward = after.punchCards.find((c) => c.cardId === 'kaffe')!.rewardsAvailable[0]!;
    expect(reward).toBeDefined();
    expect(all).toContain(`Klart til neste besøk: ${words(render(reward.reason, 'nb'))}`);
    // The member's card as a barcode and a QR code, then the cut
    const codes = receipt.items.filter((i) => i.kind === 'barcode' || i.kind === 'qr');
    expect(codes).toEqual([
      { kind: 'barcode', symbology: 'EAN13', data: member.memberNumber, align: 'center' },
      { kind: 'qr', data: `LJM-${member.qrToken}`, align: 'center' },
    ]);
    expect(receipt.items.at(-1)).toMatchObject({ kind: 'cut' });
    expect(lines).toContain('Bytterett 14 dager med kvittering');
    expect(lines).toContain('Takk for handelen!');
    // Nordic letters, in the Nordic code page
    for (const letter of ['æ', 'ø', 'å', 'Æ', 'Ø', 'Å']) expect(all, letter).toContain(letter);
    expect(receipt.codePages.every((p) => p === 5)).toBe(true);
    expect(all).not.toContain('KOPI');

    // Exactly one receipt, recorded as printed
    await pause(300);
    expect(printer.jobs).toHaveLength(1);
    const list = await till.call('print.list', { status: 'all' });
    expect(list.waiting).toBe(0);
    expect(list.jobs).toMatchObject([
      { saleId: sale.saleId, receiptNo: sale.receiptNo, kind: 'receipt', status: 'printed' },
    ]);
    expect(printNotices(till).map((n) => n.state)).toEqual(['pending', 'printed']);
    const status = await till.call('status.get', {});
    expect(status.devices.printer).toMatchObject({
      source: 'env',
      config: { target: printer.address, width: 48, type: 'epson' },
      state: 'connected',
      pendingJobs: 0,
    });
  });

  it('lays the receipt out for a 58 mm printer (32 columns)', async () => {
    const printer = await listen();
    const till = await openDeviceTill({ ...FAST, printer: tcpPrinterConfig(printer.port, 32) });
    const member = await enrolÅse(till);
    await memberSale(till, member.memberId);
    const [bytes] = await printer.waitForJobs(1);
    const receipt = decodeEscPos(bytes!);
    const widest = Math.max(...receipt.lines.map((l) => l.text.length * l.width));
    expect(widest).toBe(32);
    expect(texts(receipt)).toContain('KUNDEKLUBB');
  });

  it('keeps the sale when the printer is off, and prints the receipt once when it is back', async () => {
    const port = await freePort(); // nothing listens: the printer is off
    const till = await openDeviceTill({ ...FAST, printer: tcpPrinterConfig(port) });
    const member = await enrolÅse(till);

    const t0 = performance.now();
    const sale = await memberSale(till, member.memberId);
    const answeredMs = performance.now() - t0;
    console.log(`sale.commit with the printer off answered in ${answeredMs.toFixed(1)} ms`);
    expect(sale.duplicate).toBe(false);
    expect(answeredMs).toBeLessThan(1_000);
    expect(await till.call('sale.get', { saleId: sale.saleId })).toMatchObject({
      receiptNo: sale.receiptNo,
    });

    const waiting = await till.call('print.list', {});
    expect(waiting).toMatchObject({
      waiting: 1,
      jobs: [
        { saleId: sale.saleId, kind: 'receipt', status: expect.stringMatching(/pending|printing/) },
      ],
    });
    await until(
      () =>
        till.notices.some(
          (n) => n.type === 'device' && n.device === 'printer' && n.state === 'disconnected',
        ),
      'the printer-away notice',
    );
    const away = await till.call('devices.get', {});
    expect(away.printer).toMatchObject({ state: 'disconnected', pendingJobs: 1 });
    expect(render(away.printer.lastError!.detail, 'en')).toMatch(/Cannot reach the printer/);
    // It keeps trying while away, without printing anything anywhere.
    await pause(400);
    expect((await till.call('print.list', {})).waiting).toBe(1);

    const printer = await listen(port); // switched on
    await printer.waitForJobs(1);
    await pause(500);
    expect(printer.jobs).toHaveLength(1);
    expect(flat(decodeEscPos(printer.jobs[0]!))).toContain(`Kvittering ${sale.receiptNo}`);
    await until(() => printNotices(till).some((n) => n.state === 'printed'), 'the printed notice');
    expect(await till.call('print.list', {})).toEqual({ waiting: 0, jobs: [] });
    expect((await till.call('devices.get', {})).printer.state).toBe('connected');
  });

  it('prints a receipt left waiting by a till that was restarted, once', async () => {
    const port = await freePort();
    const options = { ...FAST, printer: tcpPrinterConfig(port) };
    const till = await openDeviceTill(options);
    const sale = await plainSale(till);
    await until(
      () => till.notices.some((n) => n.type === 'device' && n.state === 'disconnected'),
      'a failed attempt',
    );

    await till.reopen(options); // the till restarts while the printer is still off
    expect((await till.call('print.list', {})).waiting).toBe(1);
    const printer = await listen(port);
    await printer.waitForJobs(1);
    await pause(500);
    expect(printer.jobs).toHaveLength(1);
    expect(flat(decodeEscPos(printer.jobs[0]!))).toContain(`Kvittering ${sale.receiptNo}`);
    await until(() => printNotices(till).some((n) => n.state === 'printed'), 'the printed notice');
    // And nothing more after another restart.
    await till.reopen(options);
    await pause(300);
    expect(printer.jobs).toHaveLength(1);
  });

  it('prints nothing more for a repeated idempotency key', async () => {
    const printer = await listen();
    const till = await openDeviceTill({ ...FAST, printer: tcpPrinterConfig(printer.port) });
    const member = await enrolÅse(till);
    const key = newKey();
    const first = await memberSale(till, member.memberId, key);
    const again = await memberSale(till, member.memberId, key);
    expect(again).toMatchObject({ saleId: first.saleId, duplicate: true });
    await printer.waitForJobs(1);
    await pause(500);
    expect(printer.jobs).toHaveLength(1);
    const jobs = (await till.call('print.list', { status: 'all' })).jobs;
    expect(jobs.map((j) => [j.saleId, j.kind])).toEqual([[first.saleId, 'receipt']]);
  });

  it('reprints a copy marked KOPI, with the member as they stood after that sale', async () => {
    const printer = await listen();
    const till = await openDeviceTill({ ...FAST, printer: tcpPrinterConfig(printer.port) });
    const member = await enrolÅse(till);
    const sale = await memberSale(till, member.memberId);
    await printer.waitForJobs(1);
    // A later sale moves the balance on; the copy still shows the first sale's figures.
    await till.call('sale.commit', {
      lines: [{ sku: 'grovbrod', quantity: 3 }],
      memberId: member.memberId,
      idempotencyKey: newKey(),
      paymentMethod: 'vipps',
    });
    await printer.waitForJobs(2);

    const job = await till.call('sale.reprint', { saleId: sale.saleId });
    expect(job).toMatchObject({ saleId: sale.saleId, receiptNo: sale.receiptNo, kind: 'copy' });
    await printer.waitForJobs(3);
    const original = decodeEscPos(printer.jobs[0]!);
    const copy = decodeEscPos(printer.jobs[2]!);
    const marks = copy.lines.filter((l) => l.text.trim() === '*** KOPI ***');
    expect(marks).toHaveLength(2);
    expect(marks[0]).toMatchObject({ bold: true, align: 'center', width: 2 });
    // Apart from the marks, the copy is the original.
    expect(texts(copy).filter((l) => l !== '*** KOPI ***')).toEqual(texts(original));
    expect(copy.items.filter((i) => i.kind === 'barcode')).toEqual(
      original.items.filter((i) => i.kind === 'barcode'),
    );

    const unknown = await till.call('sale.reprint', { saleId: 'no-such-sale' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(unknown).toMatchObject({ code: 'unknown_sale', status: 404, field: 'saleId' });
  });

  it('prints a test page', async () => {
    const printer = await listen();
    const till = await openDeviceTill({ ...FAST, printer: tcpPrinterConfig(printer.port) });
    const job = await till.call('printer.test', {});
    expect(job).toMatchObject({ kind: 'test', saleId: null });
    const [bytes] = await printer.waitForJobs(1);
    const page = decodeEscPos(bytes!);
    const lines = texts(page);
    expect(lines[0]).toBe('TESTSIDE');
    expect(lines).toContain('1234567890'.repeat(5).slice(0, 48));
    expect(lines).toContain('Nordiske bokstaver: æ ø å Æ Ø Å');
    expect(page.items.some((i) => i.kind === 'barcode')).toBe(true);
    expect(page.items.some((i) => i.kind === 'qr')).toBe(true);
    expect(page.items.at(-1)).toMatchObject({ kind: 'cut' });
  });
});

describe('printer set-up and the queue', () => {
  it('without a printer: sales go on, nothing is queued, copies say why', async () => {
    const till = await openDeviceTill({ ...FAST });
    await plainSale(till);
    expect(await till.call('print.list', { status: 'all' })).toEqual({ waiting: 0, jobs: [] });
    expect((await till.call('devices.get', {})).printer).toMatchObject({
      source: null,
      state: 'off',
    });
    const sale = (await till.call('sale.recent', {}))[0]!;
    for (const attempt of [
      till.call('sale.reprint', { saleId: sale.saleId }),
      till.call('printer.test', {}),
    ]) {
      const error = await attempt.then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: 'no_printer', status: 409 });
    }
  });

  it('takes the printer from the devices screen; a job that cannot print fails visibly and is retried', async () => {
    const printer = await listen();
    const till = await openDeviceTill({ ...FAST });
    const saved = await till.call(
      'devices.save',
      { printer: { target: printer.address, width: 48, type: 'epson' } },
      till.manager,
    );
    expect(saved.printer).toMatchObject({
      source: 'settings',
      config: { target: printer.address, width: 48 },
      state: 'unknown',
    });
    await plainSale(till);
    await printer.waitForJobs(1);

    // Printer off; a receipt laid out for 80 mm waits; then someone sets a 58 mm printer.
    await printer.close();
    listeners.splice(listeners.indexOf(printer), 1);
    const sale = await plainSale(till);
    await till.call(
      'devices.save',
      { printer: { target: printer.address, width: 32, type: 'epson' } },
      till.manager,
    );
    await until(() => printNotices(till).some((n) => n.state === 'failed'), 'the failed notice');
    const failed = await till.call('print.list', {});
    expect(failed.waiting).toBe(1);
    expect(failed.jobs[0]).toMatchObject({ saleId: sale.saleId, status: 'failed' });
    expect(render(failed.jobs[0]!.lastError!, 'en')).toMatch(
      /48-column receipt does not fit a 32-column/,
    );
    expect((await till.call('devices.get', {})).printer.failedJobs).toBe(1);

    // Put it right and send it again.
    const back = await listen(printer.port);
    await till.call(
      'devices.save',
      { printer: { target: printer.address, width: 48, type: 'epson' } },
      till.manager,
    );
    expect(await till.call('print.retry', { jobId: failed.jobs[0]!.jobId })).toEqual({
      retried: 1,
    });
    await back.waitForJobs(1);
    expect(flat(decodeEscPos(back.jobs[0]!))).toContain(`Kvittering ${sale.receiptNo}`);
    await until(
      () => printNotices(till).filter((n) => n.state === 'printed').length === 2,
      'the retried job to print',
    );
    expect((await till.call('print.list', {})).waiting).toBe(0);
    const retryPrinted = await till.call('print.retry', { jobId: failed.jobs[0]!.jobId }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(retryPrinted).toMatchObject({ code: 'already_printed', status: 409 });
  });

  it('refuses bad printer settings with the field, and env wins over saved settings', async () => {
    const printer = await listen();
    const till = await openDeviceTill({ ...FAST, printer: tcpPrinterConfig(printer.port) });
    const bad = (p: Record<string, unknown>) =>
      till.call('devices.save', { printer: p } as never, till.manager).then(
        () => null,
        (e: unknown) => e,
      );
    expect(await bad({ target: 'printer-in-the-back' })).toMatchObject({
      code: 'invalid_input',
      field: 'printer.target',
    });
    expect(await bad({ target: 'tcp://127.0.0.1:9100', width: 40 })).toMatchObject({
      field: 'printer.width',
    });
    expect(await bad({ target: 'tcp://127.0.0.1:9100', type: 'zebra' })).toMatchObject({
      field: 'printer.type',
    });
    const refused = await bad({ target: 'tcp://127.0.0.1:9100' });
    expect(refused).toMatchObject({ code: 'set_by_environment', field: 'printer' });
    expect((refused as Error).message).toContain('LOJAL_PRINTER');
    const cashier = await till.call('devices.save', { printer: null }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(cashier).toMatchObject({ code: 'forbidden' });
    expect((await till.call('devices.get', {})).printer.source).toBe('env');
  });
});
