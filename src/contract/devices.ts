/**
 * The till's hardware in the command map: the schemas devices.save and
 * receiptHeader.save take, and what devices.get, print.list and the rest
 * answer. No I/O here: the service keeps them in its settings and native/
 * drives the devices (src/service/devices/).
 */
import { z } from 'zod';
import { msg } from '../core/i18n';
import type { Locale, Msg } from '../core/i18n';
import { issueSaying, says } from '../core/schema-messages';
import { RECEIPT_WIDTHS } from '../core/receipt';
import type { ReceiptWidth } from '../core/receipt';
import { parsePrinterTarget, PrinterTargetError } from './printer-target';

/** The rates serial scanners are set to (the same list LOJAL_SCANNER_BAUD takes). */
export const SCANNER_BAUD_RATES = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400];

/** What a serial scanner ends each code with (none: it sends codes with a pause between). */
export const SCANNER_SUFFIXES = ['CR', 'LF', 'CRLF', 'none'] as const;

export const ScannerSettingsInput = z.object({
  port: z
    .string()
    .trim()
    .min(1, says(msg('input.scannerPortMissing')))
    .max(260)
    .refine(
      (p) => p.startsWith('/') || /^COM\d{1,3}$/i.test(p) || p.startsWith('\\\\.\\'),
      says(msg('input.scannerPortForm')),
    ),
  baudRate: z
    .number()
    .int()
    .refine(
      (b) => SCANNER_BAUD_RATES.includes(b),
      says(msg('input.scannerBaudRate', { rates: SCANNER_BAUD_RATES.join(', ') })),
    )
    .default(9600),
  suffix: z.enum(SCANNER_SUFFIXES).default('CR'),
});

/** Why a printer address cannot be used (parsePrinterTarget says it as a message). */
function targetProblem(value: string, error: unknown): Msg {
  if (error instanceof PrinterTargetError) return error.detail;
  const detail = error instanceof Error ? error.message : String(error);
  return msg('input.printerAddressInvalid', { target: value, detail });
}

export const PrinterSettingsInput = z.object({
  target: z
    .string()
    .trim()
    .min(1, says(msg('input.printerMissing')))
    .superRefine((value, ctx) => {
      try {
        parsePrinterTarget(value);
      } catch (error) {
        ctx.addIssue(issueSaying(targetProblem(value, error)));
      }
    }),
  width: z
    .number()
    .int()
    .refine(
      (w): w is ReceiptWidth => (RECEIPT_WIDTHS as readonly number[]).includes(w),
      says(msg('input.printerWidth', { widths: RECEIPT_WIDTHS.join(', ') })),
    )
    .default(48),
  type: z.enum(['epson', 'star']).default('epson'),
});

export const ReceiptHeaderInput = z.object({
  storeName: z.string().trim().min(1).max(48).nullable().default(null),
  addressLines: z.array(z.string().trim().min(1).max(48)).max(4).default([]),
  orgNumber: z
    .string()
    .trim()
    .max(32)
    .refine((v) => v === '' || (/^[A-Za-z0-9 -]+$/.test(v) && /(\d\D*){6}/.test(v)), {
      message: says(msg('input.orgNumber')),
    }),
  phone: z.string().trim().min(1).max(24).nullable().default(null),
  footerLines: z.array(z.string().trim().min(1).max(96)).max(4).default([]),
  memberCode: z.enum(['barcode', 'qr', 'both', 'none']).default('barcode'),
  locale: z.enum(['nb', 'en', 'sv']).default('nb'),
});

/**
 * How this till's checkout behaves (checkoutSettings.get/save), a manager's
 * choice per till. `autoRewards`: a member's ready punch-card reward goes on
 * the basket by itself as soon as a qualifying item is in it (the cashier can
 * take it off again); off by default.
 */
export const CheckoutSettingsInput = z.object({
  autoRewards: z.boolean().default(false),
});
export type CheckoutSettings = z.output<typeof CheckoutSettingsInput>;

/** What a serial scanner sends after each code. */
export type ScannerSuffix = z.output<typeof ScannerSettingsInput>['suffix'];
export type PrinterType = z.output<typeof PrinterSettingsInput>['type'];

/** A serial port devices.listPorts found. */
export interface PortEntry {
  path: string;
  manufacturer: string | null;
  serialNumber: string | null;
  vendorId: string | null;
  productId: string | null;
  /** `system`: the OS listing; `dev`: found in /dev; `configured`: a path we were asked to check. */
  source: 'system' | 'dev' | 'configured';
}

/** devices.listPorts: the serial ports found, and why the list may be incomplete. */
export interface PortList {
  ports: PortEntry[];
  /** Why the list may be incomplete, or null when the OS listing worked. */
  note: Msg | null;
}

/** Where a device's configuration came from. */
export type DeviceSource = 'env' | 'settings';

/** A serial scanner as saved (and as devices.save takes it). */
export interface ScannerSettings {
  port: string;
  baudRate: number;
  suffix: ScannerSuffix;
}

/** A receipt printer as saved: `target` is tcp://HOST:PORT, a device path, or lp:NAME. */
export interface PrinterSettings {
  target: string;
  width: ReceiptWidth;
  type: PrinterType;
}

export interface DeviceProblem {
  detail: Msg;
  at: number;
}

export interface ScannerStatus {
  source: DeviceSource | null;
  config: ScannerSettings | null;
  /** `off`: no serial scanner is configured. */
  state: 'connected' | 'disconnected' | 'error' | 'off';
  detail: Msg;
  /** The last time the scanner was lost or failed, and why. */
  lastError: DeviceProblem | null;
}

export interface PrinterStatus {
  source: DeviceSource | null;
  config: PrinterSettings | null;
  /** `unknown` until the first job was tried; `off`: no printer is configured. */
  state: 'connected' | 'disconnected' | 'error' | 'unknown' | 'off';
  detail: Msg;
  /** Jobs waiting to print (pending or being sent). */
  pendingJobs: number;
  /** Jobs that cannot print as they are (print.retry sends them again). */
  failedJobs: number;
  lastError: DeviceProblem | null;
  lastPrintedAt: number | null;
}

/** devices.get, and status.get's `devices`. */
export interface DevicesStatus {
  scanner: ScannerStatus;
  printer: PrinterStatus;
}

/** A print job as the UI lists it (without the document). */
export interface PrintJobSummary {
  jobId: string;
  saleId: string | null;
  /** The sale's receipt number, when the job is a sale's receipt or copy. */
  receiptNo: string | null;
  kind: 'receipt' | 'copy' | 'test' | 'report';
  status: 'pending' | 'printing' | 'printed' | 'failed';
  attempts: number;
  lastError: Msg | null;
  createdAt: number;
  printedAt: number | null;
}

export interface PrintList {
  jobs: PrintJobSummary[];
  /** Receipts not printed yet (pending, being sent, or failed): the "receipt waiting" badge. */
  waiting: number;
}

/** What the store prints at the top and bottom of its receipts (receiptHeader.get/save). */
export interface ReceiptHeader {
  /** Printed name; null = the programme's name. */
  storeName: string | null;
  addressLines: string[];
  /** Printed after "Org.nr.", e.g. "987 654 321 MVA". */
  orgNumber: string;
  phone: string | null;
  footerLines: string[];
  /** How the member's card is printed on their receipts. */
  memberCode: 'barcode' | 'qr' | 'both' | 'none';
  locale: Locale;
}
