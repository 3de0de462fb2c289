/**
 * The till's hardware as the service answers about it: the serial scanner, the
 * receipt printer and its queue. Types only (the UI reads them through the
 * command map); the zod schemas for the inputs are in ./settings.ts.
 */
import type { Text } from '../../core/i18n';
import type { ReceiptWidth } from '../../core/receipt';
import type { SerialScannerOptions, ScannerSuffix } from '../../../native/scanner/serial-scanner';
import type { PrinterConfig } from '../../../native/printer/config';
import type { PrinterType } from '../../../native/printer/escpos';
import type { SendOptions } from '../../../native/printer/transport';

/** devices.listPorts: the serial ports found, and why the list may be incomplete. */
export type { SerialPortList as PortList } from '../../../native/scanner/ports';

/**
 * `TillServiceOptions.devices`. The entry points fill `scanner` and `printer`
 * from the environment (`deviceOptionsFromEnv`); a device given here wins over
 * what a manager saved in the till's settings, which apply only to a device the
 * environment leaves unset.
 */
export interface DeviceOptions {
  /** From LOJAL_SCANNER_*; null or missing: the saved settings decide. */
  scanner?: SerialScannerOptions | null;
  /** From LOJAL_PRINTER*; null or missing: the saved settings decide. */
  printer?: PrinterConfig | null;
  /** Scanner reopen backoff for a scanner from the settings (defaults 250 ms doubling to 5 s). */
  scannerRetryMinMs?: number;
  scannerRetryMaxMs?: number;
  /** Print queue backoff while the printer is away (defaults 1 s doubling to 30 s). */
  printRetryMinMs?: number;
  printRetryMaxMs?: number;
  /** Timeouts for sending to the printer (defaults in native/printer/transport.ts). */
  printerSend?: SendOptions;
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
  detail: Text;
  at: number;
}

export interface ScannerStatus {
  source: DeviceSource | null;
  config: ScannerSettings | null;
  /** `off`: no serial scanner is configured. */
  state: 'connected' | 'disconnected' | 'error' | 'off';
  detail: Text;
  /** The last time the scanner was lost or failed, and why. */
  lastError: DeviceProblem | null;
}

export interface PrinterStatus {
  source: DeviceSource | null;
  config: PrinterSettings | null;
  /** `unknown` until the first job was tried; `off`: no printer is configured. */
  state: 'connected' | 'disconnected' | 'error' | 'unknown' | 'off';
  detail: Text;
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
  kind: 'receipt' | 'copy' | 'test';
  status: 'pending' | 'printing' | 'printed' | 'failed';
  attempts: number;
  lastError: Text | null;
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
  locale: 'nb' | 'en';
}
