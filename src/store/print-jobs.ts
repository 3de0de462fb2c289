/**
 * The print queue's table (print_jobs): every statement on it lives here. The
 * queue (`native/printer/print-queue.ts`) drives the jobs through these
 * functions; the service lists, counts and prunes them through them too.
 *
 * A job is `pending` until the worker claims it (`printing`), then `printed`
 * or back to `pending` (the printer could not take it) or `failed` (the
 * document cannot print). Every change of status is guarded on the status it
 * leaves, so a job is claimed once and marked printed once.
 */
import { msg } from '../core/i18n';
import type { Msg, Params } from '../core/i18n';
import { CATALOGUE } from '../core/messages';
import { parseReceiptDocument } from '../core/receipt';
import type { ReceiptDocument } from '../core/receipt';
import { reading } from './db';
import type { Db, Readable } from './db';
import { statement } from './statements';

export type PrintJobKind = 'receipt' | 'copy' | 'test' | 'report';
export type PrintJobStatus = 'pending' | 'printing' | 'printed' | 'failed';

export interface PrintJob {
  id: string;
  saleId: string | null;
  kind: PrintJobKind;
  /** null when the stored document cannot be read (the job is then failed). */
  document: ReceiptDocument | null;
  status: PrintJobStatus;
  attempts: number;
  /** Why the last attempt failed, in both languages. */
  lastError: Msg | null;
  createdAt: number;
  printedAt: number | null;
}

/** A pending job as the worker takes it. */
export interface PendingPrintJob {
  id: string;
  document: string;
}

/** A job as the print list shows it: no document, the sale's receipt number. */
export interface ListedPrintJob {
  id: string;
  saleId: string | null;
  receiptNo: string | null;
  kind: PrintJobKind;
  status: PrintJobStatus;
  attempts: number;
  lastError: Msg | null;
  createdAt: number;
  printedAt: number | null;
}

interface JobRow {
  id: string;
  sale_id: string | null;
  kind: PrintJobKind;
  document: string;
  status: PrintJobStatus;
  attempts: number;
  last_error: string | null;
  created_at: number;
  printed_at: number | null;
}

/** Store a new pending job. `document` is the receipt as JSON. */
export function insertPrintJob(
  db: Db,
  job: {
    id: string;
    saleId: string | null;
    kind: PrintJobKind;
    document: string;
    createdAt: number;
  },
): void {
  statement(
    db,
    `INSERT INTO print_jobs (id, sale_id, kind, document, status, attempts, last_error, created_at, printed_at)
     VALUES (?, ?, ?, ?, 'pending', 0, NULL, ?, NULL)`,
  ).run(job.id, job.saleId, job.kind, job.document, job.createdAt);
}

/** Jobs left `printing` by a previous run were never confirmed: back to pending. */
export function requeueUnconfirmedPrintJobs(db: Db): void {
  statement(db, `UPDATE print_jobs SET status = 'pending' WHERE status = 'printing'`).run();
}

/** A failed job back to pending; false when the job is not a failed one. */
export function requeueFailedPrintJob(db: Db, id: string): boolean {
  return (
    statement(
      db,
      `UPDATE print_jobs SET status = 'pending' WHERE id = ? AND status = 'failed'`,
    ).run(id).changes === 1
  );
}

export function printJobById(db: Db, id: string): PrintJob | null {
  const row = statement(db, `SELECT * FROM print_jobs WHERE id = ?`).get(id) as JobRow | undefined;
  return row ? toJob(row) : null;
}

/** Jobs oldest first, optionally of one status or one sale. */
export function printJobs(
  db: Db,
  filter: { status?: PrintJobStatus; saleId?: string; limit?: number } = {},
): PrintJob[] {
  const rows = statement(
    db,
    `SELECT * FROM print_jobs
     WHERE (@status IS NULL OR status = @status) AND (@saleId IS NULL OR sale_id = @saleId)
     ORDER BY created_at, rowid LIMIT @limit`,
  ).all({
    status: filter.status ?? null,
    saleId: filter.saleId ?? null,
    limit: filter.limit ?? 1000,
  }) as JobRow[];
  return rows.map(toJob);
}

/** Jobs not printed yet and not failed: pending or being sent. */
export function unprintedPrintJobCount(db: Db): number {
  const row = statement(
    db,
    `SELECT count(*) AS n FROM print_jobs WHERE status IN ('pending', 'printing')`,
  ).get() as { n: number };
  return row.n;
}

/** The oldest pending job, its document as stored (the worker reads it itself). */
export function nextPendingPrintJob(db: Db): PendingPrintJob | null {
  const row = statement(
    db,
    `SELECT * FROM print_jobs WHERE status = 'pending' ORDER BY created_at, rowid LIMIT 1`,
  ).get() as JobRow | undefined;
  return row ? { id: row.id, document: row.document } : null;
}

/** Mark a pending job `printing`, one attempt more. False when it is no longer pending. */
export function claimPrintJob(db: Db, id: string): boolean {
  return (
    statement(
      db,
      `UPDATE print_jobs SET status = 'printing', attempts = attempts + 1
       WHERE id = ? AND status = 'pending'`,
    ).run(id).changes === 1
  );
}

/** The transport took the job: printed at `at`. False when it was not `printing`. */
export function markPrintJobPrinted(db: Db, id: string, at: number): boolean {
  return (
    statement(
      db,
      `UPDATE print_jobs SET status = 'printed', printed_at = ?, last_error = NULL
       WHERE id = ? AND status = 'printing'`,
    ).run(at, id).changes === 1
  );
}

/** The printer could not take the job: back to pending with the reason. */
export function returnPrintJobToPending(db: Db, id: string, reason: Msg): void {
  statement(
    db,
    `UPDATE print_jobs SET status = 'pending', last_error = ? WHERE id = ? AND status = 'printing'`,
  ).run(JSON.stringify(reason), id);
}

/** The job cannot print as it is: failed, with the reason. */
export function failPrintJob(db: Db, id: string, reason: Msg): void {
  statement(db, `UPDATE print_jobs SET status = 'failed', last_error = ? WHERE id = ?`).run(
    JSON.stringify(reason),
    id,
  );
}

/** Forget jobs printed before `before`. */
export function deletePrintedPrintJobs(db: Db, before: number): void {
  statement(db, `DELETE FROM print_jobs WHERE status = 'printed' AND printed_at < ?`).run(before);
}

/** The devices screen's figures: jobs waiting, jobs failed, the last print. */
export function printJobCounts(db: Db): {
  pending: number;
  failed: number;
  printed: number | null;
} {
  return statement(
    db,
    `SELECT
       (SELECT count(*) FROM print_jobs WHERE status IN ('pending', 'printing')) AS pending,
       (SELECT count(*) FROM print_jobs WHERE status = 'failed') AS failed,
       (SELECT max(printed_at) FROM print_jobs WHERE status = 'printed') AS printed`,
  ).get() as { pending: number; failed: number; printed: number | null };
}

const WAITING = `j.status IN ('pending', 'printing', 'failed')`;
const LISTS = {
  waiting: `WHERE ${WAITING} ORDER BY j.created_at, j.rowid`,
  printed: `WHERE j.status = 'printed' ORDER BY j.printed_at DESC, j.rowid DESC`,
  all: `ORDER BY j.created_at DESC, j.rowid DESC`,
} as const;

/**
 * The print list: `waiting` (not printed yet, failed ones included) oldest
 * first, `printed` latest first, or `all` newest first; with each sale's
 * receipt number, and how many are waiting in all.
 */
export function printJobList(
  handle: Readable,
  which: keyof typeof LISTS,
  limit: number,
): { waiting: number; jobs: ListedPrintJob[] } {
  const db = reading(handle);
  const rows = statement(
    db,
    `SELECT j.id, j.sale_id, j.kind, j.status, j.attempts, j.last_error, j.created_at,
            j.printed_at, s.receipt_no
     FROM print_jobs j LEFT JOIN sales s ON s.sale_id = j.sale_id
     ${LISTS[which]} LIMIT ?`,
  ).all(limit) as (Omit<JobRow, 'document'> & { receipt_no: string | null })[];
  const waiting = statement(
    db,
    `SELECT count(*) AS n FROM print_jobs j WHERE ${WAITING}`,
  ).get() as {
    n: number;
  };
  return {
    waiting: waiting.n,
    jobs: rows.map((r) => ({
      id: r.id,
      saleId: r.sale_id,
      receiptNo: r.receipt_no,
      kind: r.kind,
      status: r.status,
      attempts: r.attempts,
      lastError: storedErrorText(r.last_error),
      createdAt: r.created_at,
      printedAt: r.printed_at,
    })),
  };
}

/**
 * A job's stored error: a catalogue message as JSON; from before reasons were
 * messages JSON {nb, en}, or a plain message, shown as it was written.
 */
export function storedErrorText(stored: string | null): Msg | null {
  if (stored === null) return null;
  try {
    const value = JSON.parse(stored) as {
      key?: unknown;
      params?: unknown;
      nb?: unknown;
      en?: unknown;
    };
    if (typeof value.key === 'string' && Object.hasOwn(CATALOGUE, value.key)) {
      const key = value.key as keyof typeof CATALOGUE;
      // Written by this store: the parameters are as the queue gave them.
      return typeof value.params === 'object' && value.params !== null
        ? msg(key, value.params as Params)
        : msg(key);
    }
    if (typeof value.nb === 'string' && typeof value.en === 'string')
      return msg('devices.asWritten', { text: { nb: value.nb, en: value.en } });
  } catch {
    // A plain message written by someone else: shown as it is.
  }
  return msg('devices.asWritten', { text: stored });
}

function readDocument(stored: string): ReceiptDocument | null {
  try {
    return parseReceiptDocument(JSON.parse(stored));
  } catch {
    return null;
  }
}

function toJob(row: JobRow): PrintJob {
  return {
    id: row.id,
    saleId: row.sale_id,
    kind: row.kind,
    document: readDocument(row.document),
    status: row.status,
    attempts: row.attempts,
    lastError: storedErrorText(row.last_error),
    createdAt: row.created_at,
    printedAt: row.printed_at,
  };
}
