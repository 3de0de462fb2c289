/**
 * Receipts from the till's data: the store header (programme name and the saved
 * receipt header), the sale as recorded, and the member as they stood right
 * after the sale. The original is queued in the sale's own transaction, so a
 * committed sale always has its receipt job and a rolled-back one never does.
 */
import { buildReceipt, toReceiptCharset, wrapText } from '../../core/receipt';
import type {
  ReceiptDocument,
  ReceiptMember,
  ReceiptOp,
  ReceiptStore,
  ReceiptWidth,
} from '../../core/receipt';
import { foldMember, memberView } from '../../core/member';
import type { MemberView } from '../../core/member-types';
import { memberNumberFor } from '../../core/ean13';
import { msg } from '../../core/i18n';
import { render } from '../../i18n/render';
import { loadLedger, memberEvents, saleById, staffById } from '../../store';
import type { StoredSale } from '../../store';
import { ServiceError } from '../service-error';
import type { CommandContext } from '../handler-types';
import { requireSale, saleRecord } from '../sale-records';
import { readReceiptHeader } from './settings';
import type { PrintJobSummary, ReceiptHeader } from './types';
import type { PrintJobKind } from '../../../native/printer/print-queue';

export function receiptStore(header: ReceiptHeader, programmeName: string): ReceiptStore {
  return {
    name: header.storeName ?? programmeName,
    addressLines: header.addressLines,
    orgNumber: header.orgNumber,
    phone: header.phone,
    footerLines: header.footerLines,
  };
}

/** The member as they stood right after the sale: their events up to the sale's clock. */
function memberAfterSale(ctx: CommandContext, sale: StoredSale): MemberView | null {
  if (!sale.memberId) return null;
  const events = memberEvents(ctx.db, sale.memberId).filter((e) => e.hlc <= sale.hlc);
  const ledger = foldMember(events);
  return ledger ? memberView(ctx.programme(), ledger, sale.at) : null;
}

/** The member right now (just after a sale committed in this transaction). */
function memberNow(ctx: CommandContext, memberId: string | null): MemberView | null {
  if (!memberId) return null;
  const ledger = loadLedger(ctx.db, memberId);
  return ledger ? memberView(ctx.programme(), ledger, ctx.now) : null;
}

/**
 * The member's page link opens their data and consents, so it is printed only
 * on the original receipt of a sale whose member showed they were here (card,
 * QR, PIN or enrolled now), never on a copy. Known only when the till fetched it
 * as the member was verified (online, paired).
 */
function pageLinkFor(ctx: CommandContext, sale: StoredSale, copy: boolean): string | null {
  if (copy || !sale.memberId || !sale.committed.verified) return null;
  return ctx.sync?.memberPageLink(sale.memberId) ?? null;
}

export function saleReceiptDocument(
  ctx: CommandContext,
  sale: StoredSale,
  options: { copy: boolean; width: ReceiptWidth; member: MemberView | null },
): ReceiptDocument {
  const programme = ctx.programme();
  const header = readReceiptHeader(ctx.db);
  const record = saleRecord(sale);
  const member: ReceiptMember | null = options.member;
  return buildReceipt(
    {
      store: receiptStore(header, programme.name),
      sale: {
        receiptNo: record.receiptNo,
        at: record.at,
        paymentMethod: record.paymentMethod,
        voided: record.voided,
        evaluation: record.evaluation,
      },
      member,
      width: options.width,
      copy: options.copy,
      locale: header.locale,
      timeZone: programme.timeZone,
      memberCode: header.memberCode,
      cashierName: sale.staffId ? (staffById(ctx.db, sale.staffId)?.name ?? null) : null,
      memberPageUrl: pageLinkFor(ctx, sale, options.copy),
    },
    (shown) => render(shown, header.locale ?? 'nb'),
  );
}

/**
 * Called by sale.commit inside its transaction, once per new sale (a repeated
 * idempotency key answers before this). Without a printer nothing is queued: a
 * till without a printer must not pile up receipts that would all print the day
 * one is plugged in. A receipt that cannot be built never costs the sale: the
 * problem is logged and shown on the devices screen.
 */
export function queueSaleReceipt(ctx: CommandContext, saleId: string): void {
  const printer = ctx.devices.printer();
  if (!printer) return;
  try {
    const sale = saleById(ctx.db, saleId);
    if (!sale) return;
    const document = saleReceiptDocument(ctx, sale, {
      copy: false,
      width: printer.width,
      member: memberNow(ctx, sale.memberId),
    });
    ctx.devices.enqueue({ saleId, kind: 'receipt', document }, ctx.notifyAfterCommit);
  } catch (error) {
    ctx.devices.reportReceiptProblem(saleId, error);
  }
}

function requirePrinter(ctx: CommandContext): { width: ReceiptWidth } {
  const printer = ctx.devices.printer();
  if (!printer) {
    throw new ServiceError('no_printer', msg('service.noPrinterForCopy'), null, 409);
  }
  return printer;
}

/** sale.reprint: the receipt as it was, marked KOPI, the member as they stood after the sale. */
export function queueReprint(ctx: CommandContext, saleId: string): PrintJobSummary {
  const printer = requirePrinter(ctx);
  const sale = requireSale(ctx.db, saleId);
  const document = saleReceiptDocument(ctx, sale, {
    copy: true,
    width: printer.width,
    member: memberAfterSale(ctx, sale),
  });
  return enqueueSummary(ctx, { saleId, kind: 'copy', document }, sale.receiptNo);
}

/** printer.test: a page that shows the printer is set up right (width, letters, codes, cut). */
export function queueTestPage(ctx: CommandContext): PrintJobSummary {
  const printer = requirePrinter(ctx);
  const header = readReceiptHeader(ctx.db);
  const programme = ctx.programme();
  const document = testPageDocument({
    storeName: header.storeName ?? programme.name,
    printerDescription: ctx.devices.status().printer.config?.target ?? '',
    width: printer.width,
    at: ctx.now,
    timeZone: programme.timeZone,
    sampleBarcode: memberNumberFor(programme.memberNumberPrefix, 0),
  });
  return enqueueSummary(ctx, { saleId: null, kind: 'test', document }, null);
}

function enqueueSummary(
  ctx: CommandContext,
  job: { saleId: string | null; kind: PrintJobKind; document: ReceiptDocument },
  receiptNo: string | null,
): PrintJobSummary {
  const queued = ctx.devices.enqueue(job, ctx.notifyAfterCommit);
  return {
    jobId: queued.id,
    saleId: queued.saleId,
    receiptNo,
    kind: queued.kind,
    status: queued.status,
    attempts: queued.attempts,
    lastError: queued.lastError,
    createdAt: queued.createdAt,
    printedAt: queued.printedAt,
  };
}

export interface TestPageInput {
  storeName: string;
  printerDescription: string;
  width: ReceiptWidth;
  at: number;
  timeZone: string;
  /** A valid EAN-13 to print as a barcode sample. */
  sampleBarcode: string;
}

/** The test page, laid out like a receipt so it shows exactly what receipts will look like. */
export function testPageDocument(input: TestPageInput): ReceiptDocument {
  const ops: ReceiptOp[] = [];
  const text = (
    value: string,
    options: { align?: 'left' | 'center'; bold?: boolean; size?: 1 | 2 } = {},
  ) => {
    const size = options.size ?? 1;
    for (const line of wrapText(toReceiptCharset(value), Math.floor(input.width / size))) {
      ops.push({
        op: 'text',
        text: line,
        align: options.align ?? 'left',
        bold: options.bold ?? false,
        size,
      });
    }
  };
  const stamp = new Intl.DateTimeFormat('nb-NO', {
    timeZone: input.timeZone,
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(input.at);
  text('TESTSIDE', { align: 'center', bold: true, size: 2 });
  text(input.storeName, { align: 'center' });
  ops.push({ op: 'line' });
  text(`Skriver / printer: ${input.printerDescription}`);
  text(`${input.width} tegn per linje / columns per line`);
  text(stamp);
  ops.push({ op: 'line' });
  // A ruler exactly as wide as the paper: a shorter or wrapped line means the width is wrong.
  text('1234567890'.repeat(Math.ceil(input.width / 10)).slice(0, input.width));
  text('Nordiske bokstaver: æ ø å Æ Ø Å');
  text('Fet skrift / bold', { bold: true });
  text('Stor / large', { size: 2 });
  ops.push({ op: 'columns', left: 'Venstre / left', right: 'Høyre / right' });
  ops.push({ op: 'feed', lines: 1 });
  ops.push({ op: 'barcode', kind: 'EAN13', data: input.sampleBarcode });
  ops.push({ op: 'feed', lines: 1 });
  ops.push({ op: 'qr', data: 'Lojal testside' });
  text('Skriveren er klar / the printer is ready', { align: 'center' });
  ops.push({ op: 'feed', lines: 4 });
  ops.push({ op: 'cut' });
  return { width: input.width, ops };
}
