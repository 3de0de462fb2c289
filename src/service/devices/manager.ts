/**
 * The till's hardware inside the service: the serial scanner (each code goes
 * through the service's handleScan) and the receipt printer behind the durable
 * print queue. Scanner and printer state changes become `device` notifications,
 * queue changes `print` notifications. Handlers reach it as `ctx.devices`.
 */
import { msg } from '../../core/i18n';
import type { Msg } from '../../core/i18n';
import type { ReceiptWidth } from '../../core/receipt';
import type { Db } from '../../store';
import { deletePrintedPrintJobs, printJobCounts } from '../../store/print-jobs';
import { SerialScanner } from '../../../native/scanner/serial-scanner';
import type { ScannerState, SerialScannerOptions } from '../../../native/scanner/serial-scanner';
import { listSerialPorts } from '../../../native/scanner/ports';
import type { SerialPortList } from '../../../native/scanner/ports';
import { PrintQueue } from '../../../native/printer/print-queue';
import type { PrintJob, PrintJobInput, PrintNotice } from '../../../native/printer/print-queue';
import { createReceiptPrinter } from '../../../native/printer/printer';
import type { ReceiptPrinter } from '../../../native/printer/printer';
import type { PrinterConfig } from '../../../native/printer/config';
import { describeTarget, PrinterError } from '../../../native/printer/transport';
import type { PrinterErrorCode } from '../../../native/printer/transport';
import { ServiceError } from '../service-error';
import { conflict, notFound, SERVICE_CLOSED } from '../errors';
import type { Notification } from '../types';
import { printerConfigOf, printerSettingsOf, readSavedPrinter, readSavedScanner } from './settings';
import type {
  DeviceOptions,
  DeviceProblem,
  DeviceSource,
  DevicesStatus,
  PrinterSettings,
  PrinterStatus,
  ScannerSettings,
} from './types';

type Notify = (n: Notification) => void;

/** What command handlers may do with the devices. */
export interface DeviceHub {
  status(): DevicesStatus;
  /** The printer receipts are laid out for, or null when none is configured. */
  printer(): { width: ReceiptWidth } | null;
  /** Where a device's configuration comes from (env wins over settings). */
  source(device: 'scanner' | 'printer'): DeviceSource | null;
  /**
   * Commit a print job in the caller's transaction. Its notices are handed to
   * `notifyAfterCommit`, so nobody hears of a job that was rolled back; the
   * queue starts sending only after the transaction (it waits a turn first).
   */
  enqueue(job: PrintJobInput, notifyAfterCommit: Notify): PrintJob;
  /** Send a failed job again, or try a waiting one now; null = every waiting job. Answers how many. */
  retry(jobId: string | null, notifyAfterCommit: Notify): number;
  listPorts(): Promise<SerialPortList>;
  /** Read the saved settings again and restart the devices they touch. */
  reconfigure(which: { scanner: boolean; printer: boolean }): Promise<void>;
  /** A receipt that could not be built or queued: logged and shown, the sale is kept. */
  reportReceiptProblem(saleId: string, error: unknown): void;
}

export interface DeviceManagerDeps {
  db: Db;
  options: DeviceOptions;
  clock: () => number;
  notify: Notify;
  /** A code the serial scanner read (the service classifies and acts on it). */
  onCode: (code: string) => Promise<unknown>;
}

interface ScannerSetup {
  source: DeviceSource;
  settings: ScannerSettings;
  options: SerialScannerOptions;
}

interface PrinterSetup {
  source: DeviceSource;
  settings: PrinterSettings;
  config: PrinterConfig;
}

const NO_SCANNER = msg('service.noScanner');
const NO_PRINTER = msg('service.noPrinter');
const PRINTER_UNTRIED = msg('service.printerUntried');
/** Printed jobs are kept this long (reprints are rebuilt from the sale, not from old jobs). */
const KEEP_PRINTED_MS = 30 * 24 * 60 * 60 * 1000;

/** "Skriveren er klar (epson, 48 tegn per linje, tcp://10.0.0.9:9100)". */
function printerReady(config: PrinterConfig): Msg {
  return msg('service.printerReady', {
    type: config.type,
    width: String(config.width),
    where: describeTarget(config.target),
  });
}

/** Printer problems the cashier fixes at the printer (paper, rights) vs. a printer that is away. */
function printerStateFor(code: PrinterErrorCode): 'disconnected' | 'error' {
  return code === 'unreachable' || code === 'timeout' || code === 'not_found'
    ? 'disconnected'
    : 'error';
}

function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export class DeviceManager implements DeviceHub {
  readonly #deps: DeviceManagerDeps;
  readonly #queue: PrintQueue;
  #scannerSetup: ScannerSetup | null = null;
  #scanner: SerialScanner | null = null;
  #scannerSettingsProblem: Msg | null = null;
  #scannerLastError: DeviceProblem | null = null;
  #printerSetup: PrinterSetup | null = null;
  #printer: ReceiptPrinter | null = null;
  #printerSettingsProblem: Msg | null = null;
  #printerState: { state: PrinterStatus['state']; detail: Msg } = {
    state: 'off',
    detail: NO_PRINTER,
  };
  #printerLastError: DeviceProblem | null = null;
  /** Sends in flight, counted until the queue has recorded their outcome. */
  #sending = 0;
  #deferTo: Notify | null = null;
  #started = false;
  #stopped = false;

  constructor(deps: DeviceManagerDeps) {
    this.#deps = deps;
    this.#queue = new PrintQueue(deps.db, {
      printer: null,
      clock: deps.clock,
      retryMinMs: deps.options.printRetryMinMs ?? 1_000,
      retryMaxMs: deps.options.printRetryMaxMs ?? 30_000,
      onChange: (notice) => this.#onPrintNotice(notice),
    });
  }

  /** Open the scanner and start the print queue (jobs left by the last run print now). */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    deletePrintedPrintJobs(this.#deps.db, this.#deps.clock() - KEEP_PRINTED_MS);
    this.#resolveScanner();
    this.#resolvePrinter();
    this.#startScanner();
    this.#queue.setPrinter(this.#printer);
    this.#queue.start();
  }

  /** True while a job is being sent: the database must stay open until stop() resolves. */
  get busy(): boolean {
    return this.#sending > 0;
  }

  /** Stop reading and printing. The sync part takes effect at once; the promise ends when ports are free. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    const scanner = this.#scanner;
    this.#scanner = null;
    scanner?.removeAllListeners();
    await Promise.all([scanner?.close(), this.#queue.stop()]);
  }

  // ---- the hub ----------------------------------------------------------------

  status(): DevicesStatus {
    const scanner = this.#scannerSetup;
    const printer = this.#printerSetup;
    const counts = printJobCounts(this.#deps.db);
    const scannerState: ScannerState | null = this.#scanner?.state ?? null;
    return {
      scanner: {
        source: scanner?.source ?? null,
        config: scanner?.settings ?? null,
        state: scannerState?.state ?? 'off',
        detail: scannerState?.reason ?? this.#scannerSettingsProblem ?? NO_SCANNER,
        lastError: this.#scannerLastError,
      },
      printer: {
        source: printer?.source ?? null,
        config: printer?.settings ?? null,
        state: printer ? this.#printerState.state : 'off',
        detail: printer ? this.#printerState.detail : (this.#printerSettingsProblem ?? NO_PRINTER),
        pendingJobs: counts.pending,
        failedJobs: counts.failed,
        lastError: this.#printerLastError,
        lastPrintedAt: counts.printed,
      },
    };
  }

  printer(): { width: ReceiptWidth } | null {
    return this.#printerSetup ? { width: this.#printerSetup.config.width } : null;
  }

  source(device: 'scanner' | 'printer'): DeviceSource | null {
    const setup = device === 'scanner' ? this.#scannerSetup : this.#printerSetup;
    return setup?.source ?? null;
  }

  enqueue(job: PrintJobInput, notifyAfterCommit: Notify): PrintJob {
    this.#deferTo = notifyAfterCommit;
    try {
      return this.#queue.enqueue(job);
    } finally {
      this.#deferTo = null;
    }
  }

  retry(jobId: string | null, notifyAfterCommit: Notify): number {
    this.#deferTo = notifyAfterCommit;
    try {
      let count = 0;
      if (jobId !== null) {
        const job = this.#queue.get(jobId);
        if (!job) {
          throw notFound('unknown_print_job', msg('service.unknownPrintJob', { jobId }), 'jobId');
        }
        if (job.status === 'printed') {
          throw conflict('already_printed', msg('service.alreadyPrinted'), 'jobId');
        }
        if (job.status === 'failed') this.#queue.retry(jobId);
        count = 1;
      } else {
        for (const job of this.#queue.list({ status: 'failed' })) this.#queue.retry(job.id);
        count = this.#queue.pendingCount();
      }
      // Waiting jobs are tried now instead of after the backoff.
      if (this.#started && !this.#stopped) this.#queue.setPrinter(this.#printer);
      return count;
    } finally {
      this.#deferTo = null;
    }
  }

  listPorts(): Promise<SerialPortList> {
    const configured = this.#scannerSetup?.settings.port;
    return listSerialPorts(configured ? { include: [configured] } : {});
  }

  async reconfigure(which: { scanner: boolean; printer: boolean }): Promise<void> {
    if (this.#stopped) throw new ServiceError('closed', SERVICE_CLOSED, null, 503);
    if (which.printer) {
      const before = this.#printerSetup;
      this.#resolvePrinter();
      this.#queue.setPrinter(this.#printer);
      if (before && !this.#printerSetup) {
        this.#deps.notify({
          type: 'device',
          device: 'printer',
          state: 'disconnected',
          detail: NO_PRINTER,
        });
      }
    }
    if (which.scanner) {
      const old = this.#scanner;
      this.#scanner = null;
      old?.removeAllListeners();
      await old?.close();
      this.#resolveScanner();
      if (old && !this.#scannerSetup) {
        this.#deps.notify({
          type: 'device',
          device: 'scanner',
          state: 'disconnected',
          detail: NO_SCANNER,
        });
      }
      if (!this.#stopped) this.#startScanner();
    }
  }

  reportReceiptProblem(saleId: string, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`receipt for sale ${saleId} could not be queued:`, error);
    this.#printerLastError = {
      detail: msg('service.receiptNotMade', { detail: message }),
      at: this.#deps.clock(),
    };
  }

  // ---- the scanner ----------------------------------------------------------------

  #resolveScanner(): void {
    const { options } = this.#deps;
    this.#scannerSettingsProblem = null;
    if (options.scanner) {
      const env = options.scanner;
      this.#scannerSetup = {
        source: 'env',
        settings: { port: env.path, baudRate: env.baudRate, suffix: env.suffix },
        options: definedOnly({
          retryMinMs: options.scannerRetryMinMs,
          retryMaxMs: options.scannerRetryMaxMs,
          ...env,
        }),
      };
      return;
    }
    const saved = readSavedScanner(this.#deps.db);
    if (!saved.ok) {
      this.#scannerSetup = null;
      this.#scannerSettingsProblem = msg('service.savedScannerInvalid', {
        problem: saved.problem,
      });
      return;
    }
    const settings = saved.value;
    this.#scannerSetup = settings
      ? {
          source: 'settings',
          settings,
          options: definedOnly({
            path: settings.port,
            baudRate: settings.baudRate,
            suffix: settings.suffix,
            retryMinMs: options.scannerRetryMinMs,
            retryMaxMs: options.scannerRetryMaxMs,
          }),
        }
      : null;
  }

  #startScanner(): void {
    const setup = this.#scannerSetup;
    if (!setup) return;
    const scanner = new SerialScanner(setup.options);
    this.#scanner = scanner;
    scanner.on('code', (code) => {
      this.#deps.onCode(code).catch((error: unknown) => {
        console.error('a serial scan could not be handled:', error);
      });
    });
    scanner.on('state', (state) => {
      if (state.state !== 'connected') {
        this.#scannerLastError = { detail: state.reason, at: this.#deps.clock() };
      }
      this.#deps.notify({
        type: 'device',
        device: 'scanner',
        state: state.state,
        detail: state.reason,
      });
    });
    scanner.start();
  }

  // ---- the printer ----------------------------------------------------------------

  #resolvePrinter(): void {
    const { options } = this.#deps;
    this.#printerSettingsProblem = null;
    let setup: PrinterSetup | null = null;
    if (options.printer) {
      setup = {
        source: 'env',
        settings: printerSettingsOf(options.printer),
        config: options.printer,
      };
    } else {
      const saved = readSavedPrinter(this.#deps.db);
      if (!saved.ok) {
        this.#printerSettingsProblem = msg('service.savedPrinterInvalid', {
          problem: saved.problem,
        });
      } else if (saved.value) {
        setup = {
          source: 'settings',
          settings: saved.value,
          config: printerConfigOf(saved.value),
        };
      }
    }
    const same =
      setup !== null &&
      this.#printerSetup !== null &&
      JSON.stringify(setup.settings) === JSON.stringify(this.#printerSetup.settings);
    this.#printerSetup = setup;
    if (same) return;
    this.#printer = setup ? this.#wrapPrinter(setup.config) : null;
    this.#printerState = setup
      ? { state: 'unknown', detail: PRINTER_UNTRIED }
      : { state: 'off', detail: this.#printerSettingsProblem ?? NO_PRINTER };
  }

  /** The configured printer, reporting its state from each send. */
  #wrapPrinter(config: PrinterConfig): ReceiptPrinter {
    const inner = createReceiptPrinter(config, this.#deps.options.printerSend ?? {});
    return {
      description: inner.description,
      print: async (document) => {
        this.#sending += 1;
        try {
          await inner.print(document);
          if (this.#printer?.description === inner.description) {
            this.#setPrinterState('connected', printerReady(config));
          }
        } catch (error) {
          if (error instanceof PrinterError) {
            this.#printerLastError = { detail: error.detail, at: this.#deps.clock() };
            this.#setPrinterState(printerStateFor(error.code), error.detail);
          }
          throw error;
        } finally {
          // Counted until the queue has written the outcome (it does so before the next turn).
          setImmediate(() => {
            this.#sending -= 1;
          });
        }
      },
    };
  }

  #setPrinterState(state: 'connected' | 'disconnected' | 'error', detail: Msg): void {
    const before = this.#printerState;
    this.#printerState = { state, detail };
    if (before.state === state && JSON.stringify(before.detail) === JSON.stringify(detail)) return;
    this.#deps.notify({ type: 'device', device: 'printer', state, detail });
  }

  #onPrintNotice(notice: PrintNotice): void {
    (this.#deferTo ?? this.#deps.notify)(notice);
  }
}
