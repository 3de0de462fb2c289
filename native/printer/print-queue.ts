/**
 * The print queue, kept in SQLite (table print_jobs, through src/store/print-jobs.ts)
 * so a receipt is never lost:
 * enqueue() commits the job before it returns, and one worker prints pending
 * jobs oldest first, retrying with backoff while the printer is off,
 * unreachable or out of paper. The caller never waits for the printer.
 *
 * Delivery is at-least-once, never at-most-once. A job is marked `printing`
 * before its bytes are sent and `printed` once the transport has taken them all
 * (for TCP: the stream was written and closed). If the app dies between those two
 * steps, the job is still `printing` at the next start and is sent again: the
 * customer may get the receipt twice, but never not at all. A completed TCP
 * write counts as printed; the printer's own buffer is beyond what we can see.
 * Marking is guarded on the status, so a job is marked printed exactly once.
 */
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../../src/store/db';
import {
  claimPrintJob,
  failPrintJob,
  insertPrintJob,
  markPrintJobPrinted,
  nextPendingPrintJob,
  printJobById,
  printJobs,
  requeueFailedPrintJob,
  requeueUnconfirmedPrintJobs,
  returnPrintJobToPending,
  unprintedPrintJobCount,
} from '../../src/store/print-jobs';
import type { PrintJob, PrintJobKind, PrintJobStatus } from '../../src/store/print-jobs';
import { backoffDelay } from '../../src/core/backoff';
import { msg } from '../../src/core/i18n';
import type { Msg } from '../../src/core/i18n';
import { parseReceiptDocument } from '../../src/core/receipt';
import type { ReceiptDocument } from '../../src/core/receipt';
import type { ReceiptPrinter } from './printer';
import { PrinterError } from './transport';

// The table and its statements are the store's (src/store/print-jobs.ts).
export type { PrintJob, PrintJobKind, PrintJobStatus } from '../../src/store/print-jobs';

/** The same shape as the service's Notification {type: 'print'}. */
export interface PrintNotice {
  type: 'print';
  jobId: string;
  saleId: string | null;
  state: 'pending' | 'printed' | 'failed';
  detail: Msg | null;
}

export interface PrintJobInput {
  saleId: string | null;
  kind: PrintJobKind;
  document: ReceiptDocument;
  /** Defaults to a new UUIDv7. */
  id?: string;
}

export interface PrintQueueOptions {
  /** null while no printer is set up: jobs wait. */
  printer: ReceiptPrinter | null;
  onChange?: (notice: PrintNotice) => void;
  clock?: () => number;
  /** Wait after the first failed attempt, doubled per failure up to the cap. Defaults 1 s and 30 s. */
  retryMinMs?: number;
  retryMaxMs?: number;
}

const NO_PRINTER = msg('devices.printer.none');

export class PrintQueue {
  readonly #db: Db;
  #printer: ReceiptPrinter | null;
  readonly #onChange: (notice: PrintNotice) => void;
  readonly #clock: () => number;
  readonly #retryMinMs: number;
  readonly #retryMaxMs: number;
  #started = false;
  #stopped = false;
  #running: Promise<void> | null = null;
  #again = false;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #failures = 0;

  constructor(db: Db, options: PrintQueueOptions) {
    this.#db = db;
    this.#printer = options.printer;
    this.#onChange = options.onChange ?? (() => undefined);
    this.#clock = options.clock ?? Date.now;
    this.#retryMinMs = options.retryMinMs ?? 1_000;
    this.#retryMaxMs = options.retryMaxMs ?? 30_000;
  }

  /**
   * Put a job in the queue. Returns once the job is committed to the database;
   * printing happens afterwards. A document that could not print right is
   * refused here, with the reason, and nothing is stored.
   */
  enqueue(input: PrintJobInput): PrintJob {
    const document = parseReceiptDocument(input.document);
    const id = input.id ?? uuidv7();
    insertPrintJob(this.#db, {
      id,
      saleId: input.saleId,
      kind: input.kind,
      document: JSON.stringify(document),
      createdAt: this.#clock(),
    });
    const job = this.get(id)!;
    this.#notify(job, 'pending', this.#printer ? null : NO_PRINTER);
    this.#kick();
    return job;
  }

  /**
   * Start printing. Jobs left `printing` by a previous run were never confirmed:
   * they go back to pending and are sent again (see the note at the top).
   */
  start(): void {
    if (this.#started) return;
    if (this.#stopped) throw new Error('this print queue is stopped; create a new one');
    this.#started = true;
    requeueUnconfirmedPrintJobs(this.#db);
    this.#kick();
  }

  /** Stop after the job being sent (if any) has finished. Pending jobs stay for the next start. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#running;
  }

  /** Switch printers (devices screen); pending jobs go to the new one straight away. */
  setPrinter(printer: ReceiptPrinter | null): void {
    this.#printer = printer;
    this.#failures = 0;
    this.#kick();
  }

  /** Send a failed job again. */
  retry(jobId: string): void {
    if (!requeueFailedPrintJob(this.#db, jobId))
      throw new RangeError(`print job ${jobId} is not a failed job`);
    this.#notify(this.get(jobId)!, 'pending', null);
    this.#kick();
  }

  get(jobId: string): PrintJob | null {
    return printJobById(this.#db, jobId);
  }

  /** Jobs oldest first, optionally of one status. */
  list(filter: { status?: PrintJobStatus; saleId?: string; limit?: number } = {}): PrintJob[] {
    return printJobs(this.#db, filter);
  }

  pendingCount(): number {
    return unprintedPrintJobCount(this.#db);
  }

  #kick(): void {
    if (!this.#started || this.#stopped) return;
    if (this.#timer !== null) {
      // Something new to print: try now rather than sit out the backoff.
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#work().finally(() => {
      this.#running = null;
      if (this.#again) {
        this.#again = false;
        this.#kick();
      }
    });
  }

  async #work(): Promise<void> {
    // Let enqueue() return to its caller before any printing starts.
    await new Promise((resolve) => setImmediate(resolve));
    while (!this.#stopped) {
      this.#again = false;
      const printer = this.#printer;
      if (!printer) return;
      const row = nextPendingPrintJob(this.#db);
      if (!row) return;
      if (!claimPrintJob(this.#db, row.id)) continue;

      let document: ReceiptDocument;
      try {
        document = parseReceiptDocument(JSON.parse(row.document));
      } catch (err) {
        this.#fail(row.id, problemText(err));
        continue;
      }
      try {
        await printer.print(document);
      } catch (err) {
        if (err instanceof PrinterError) {
          this.#wait(row.id, err.detail);
          return;
        }
        // Not the printer: the document cannot be printed this way. Later jobs must not wait on it.
        this.#fail(row.id, problemText(err));
        continue;
      }
      this.#failures = 0;
      if (markPrintJobPrinted(this.#db, row.id, this.#clock()))
        this.#notify(this.get(row.id)!, 'printed', null);
    }
  }

  /** The printer could not take the job: back to pending, try again after a while. */
  #wait(jobId: string, reason: Msg): void {
    const before = this.get(jobId);
    returnPrintJobToPending(this.#db, jobId, reason);
    // Tell the UI when the reason changes, not on every retry.
    if (!sameMsg(before?.lastError ?? null, reason))
      this.#notify(this.get(jobId)!, 'pending', reason);
    this.#failures += 1;
    const wait = backoffDelay(this.#failures, {
      initialMs: this.#retryMinMs,
      maxMs: this.#retryMaxMs,
    });
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#kick();
    }, wait);
  }

  #fail(jobId: string, reason: Msg): void {
    failPrintJob(this.#db, jobId, reason);
    this.#notify(this.get(jobId)!, 'failed', reason);
  }

  #notify(job: PrintJob, state: PrintNotice['state'], detail: Msg | null): void {
    try {
      this.#onChange({ type: 'print', jobId: job.id, saleId: job.saleId, state, detail });
    } catch (err) {
      // A failing listener must not stop printing.
      console.error('print queue listener failed', err);
    }
  }
}

function problemText(err: unknown): Msg {
  const message = err instanceof Error ? err.message : String(err);
  return msg('devices.printer.cannotPrint', { detail: message });
}

/** The same reason (as the screen would say it): a retry with it is not news. */
function sameMsg(a: Msg | null, b: Msg): boolean {
  return a !== null && JSON.stringify(a) === JSON.stringify(b);
}
