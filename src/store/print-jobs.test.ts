import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { msg } from '../core/i18n';
import { openDatabase } from './db';
import type { Db } from './db';
import {
  claimPrintJob,
  deletePrintedPrintJobs,
  failPrintJob,
  insertPrintJob,
  markPrintJobPrinted,
  nextPendingPrintJob,
  printJobById,
  printJobCounts,
  printJobList,
  requeueFailedPrintJob,
  requeueUnconfirmedPrintJobs,
  returnPrintJobToPending,
  storedErrorText,
  unprintedPrintJobCount,
} from './print-jobs';
import { tempDir } from './testing/temp-db';
import type { TempDir } from './testing/temp-db';

let tmp: TempDir;
let db: Db;
beforeEach(() => {
  tmp = tempDir();
  db = openDatabase(tmp.path('lojal.db')).db;
});
afterEach(() => {
  if (db.open) db.close();
  tmp.remove();
});

const OFF = msg('devices.printer.noAnswer', { where: 'tcp://10.0.0.9:9100' });

function add(id: string, createdAt: number) {
  insertPrintJob(db, { id, saleId: null, kind: 'test', document: '{}', createdAt });
}

describe('print_jobs', () => {
  it('hands out the oldest pending job, claims it once and marks it printed once', () => {
    add('b', 2);
    add('a', 1);
    expect(nextPendingPrintJob(db)).toEqual({ id: 'a', document: '{}' });
    expect(claimPrintJob(db, 'a')).toBe(true);
    expect(claimPrintJob(db, 'a')).toBe(false);
    expect(nextPendingPrintJob(db)?.id).toBe('b');
    expect(unprintedPrintJobCount(db)).toBe(2);
    expect(markPrintJobPrinted(db, 'a', 10)).toBe(true);
    expect(markPrintJobPrinted(db, 'a', 11)).toBe(false);
    expect(printJobById(db, 'a')).toMatchObject({ status: 'printed', attempts: 1, printedAt: 10 });
    // '{}' is no receipt document: read back as null, not thrown.
    expect(printJobById(db, 'a')?.document).toBeNull();
    expect(printJobCounts(db)).toEqual({ pending: 1, failed: 0, printed: 10 });
  });

  it('keeps why a job waits or failed, and sends a failed job again only on request', () => {
    add('a', 1);
    claimPrintJob(db, 'a');
    returnPrintJobToPending(db, 'a', OFF);
    expect(printJobById(db, 'a')).toMatchObject({ status: 'pending', lastError: OFF });
    expect(requeueFailedPrintJob(db, 'a')).toBe(false);
    failPrintJob(db, 'a', OFF);
    expect(printJobList(db, 'waiting', 10)).toEqual({
      waiting: 1,
      jobs: [expect.objectContaining({ id: 'a', status: 'failed', receiptNo: null })],
    });
    expect(requeueFailedPrintJob(db, 'a')).toBe(true);
    expect(printJobById(db, 'a')?.status).toBe('pending');
  });

  it('reads a reason kept before reasons were messages as it was written', () => {
    expect(
      storedErrorText(JSON.stringify({ nb: 'Skriveren er av', en: 'The printer is off' })),
    ).toEqual(
      msg('devices.asWritten', { text: { nb: 'Skriveren er av', en: 'The printer is off' } }),
    );
    expect(storedErrorText('paper jam')).toEqual(msg('devices.asWritten', { text: 'paper jam' }));
    expect(storedErrorText(JSON.stringify({ key: 'devices.fromTheFuture' }))).toEqual(
      msg('devices.asWritten', { text: '{"key":"devices.fromTheFuture"}' }),
    );
    expect(storedErrorText(null)).toBeNull();
  });

  it('puts unconfirmed jobs back to pending and forgets old printed ones', () => {
    add('a', 1);
    add('b', 2);
    claimPrintJob(db, 'a');
    requeueUnconfirmedPrintJobs(db);
    expect(printJobById(db, 'a')?.status).toBe('pending');
    claimPrintJob(db, 'a');
    markPrintJobPrinted(db, 'a', 5);
    deletePrintedPrintJobs(db, 5);
    expect(printJobById(db, 'a')).not.toBeNull();
    deletePrintedPrintJobs(db, 6);
    expect(printJobById(db, 'a')).toBeNull();
    expect(printJobById(db, 'b')?.status).toBe('pending');
  });
});
