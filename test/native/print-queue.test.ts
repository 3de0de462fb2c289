import type { Shown } from '../../src/core/i18n';
import { render } from '../../src/i18n/render';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { openDatabase } from '../../src/store/db';
import type { Db } from '../../src/store/db';
import { tempDir } from '../../src/store/testing/temp-db';
import type { TempDir } from '../../src/store/testing/temp-db';
import { PrintQueue } from '../../native/printer/print-queue';
import type { PrintNotice, PrintQueueOptions } from '../../native/printer/print-queue';
import { createReceiptPrinter } from '../../native/printer/printer';
import { freePort, startTcpPrinter } from '../../native/printer/testing/tcp-printer';
import type { TcpPrinter } from '../../native/printer/testing/tcp-printer';
import { sampleReceipt, sampleReceiptInput } from '../helpers/sample-receipt';
import { decodeEscPos } from '../helpers/escpos-decoder';
import type { ReceiptDocument } from '../../src/core/receipt';

/** What the screen shows, in one language (null when there is nothing to say). */
const say = (said: Shown | null | undefined, locale: 'nb' | 'en') =>
  said ? render(said, locale) : '';

let dir: TempDir;
let db: Db;
const queues: PrintQueue[] = [];
const listeners: TcpPrinter[] = [];

beforeEach(() => {
  dir = tempDir('lojal-print-queue-');
  db = openDatabase(dir.path('lojal.db')).db; // the real schema, WAL, synchronous=FULL
});
afterEach(async () => {
  await Promise.all(queues.splice(0).map((q) => q.stop()));
  await Promise.all(listeners.splice(0).map((l) => l.close()));
  if (db.open) db.close();
  dir.remove();
});

function printerAt(port: number) {
  return createReceiptPrinter(
    { target: { kind: 'tcp', host: '127.0.0.1', port }, width: 48, type: 'epson' },
    { connectTimeoutMs: 500, paperCheckMs: 500 },
  );
}

function queue(options: Partial<PrintQueueOptions> & { port?: number } = {}) {
  const notices: PrintNotice[] = [];
  const q = new PrintQueue(db, {
    printer: options.port === undefined ? (options.printer ?? null) : printerAt(options.port),
    retryMinMs: 50,
    retryMaxMs: 200,
    onChange: (n) => notices.push(n),
    ...options,
  });
  queues.push(q);
  return { q, notices };
}

async function listenOn(port?: number): Promise<TcpPrinter> {
  const l = await startTcpPrinter(port === undefined ? {} : { port });
  listeners.push(l);
  return l;
}

async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

function receipt(receiptNo: string, copy = false): ReceiptDocument {
  const input = sampleReceiptInput();
  return sampleReceipt(48, { copy, sale: { ...input.sale, receiptNo } });
}

function printedText(job: Buffer): string {
  return decodeEscPos(job)
    .lines.map((l) => l.text)
    .join('\n');
}

describe('PrintQueue', () => {
  it('commits a job before enqueue returns, without waiting for any printer', () => {
    const { q, notices } = queue(); // no printer at all
    q.start();
    const job = q.enqueue({ saleId: 's1', kind: 'receipt', document: receipt('1-0001') });
    // Another connection to the same file sees it at once: it is on disk.
    const other = new Database(dir.path('lojal.db'), { readonly: true });
    try {
      expect(
        other.prepare('SELECT id, sale_id, kind, status, attempts FROM print_jobs').all(),
      ).toEqual([{ id: job.id, sale_id: 's1', kind: 'receipt', status: 'pending', attempts: 0 }]);
    } finally {
      other.close();
    }
    expect(notices).toEqual([
      {
        type: 'print',
        jobId: job.id,
        saleId: 's1',
        state: 'pending',
        detail: expect.anything() as unknown,
      },
    ]);
    expect(say(notices[0]!.detail, 'nb')).toMatch(/Ingen skriver/);
    expect(render(notices[0]!.detail!, 'sv')).toBe(
      'Ingen skrivare är inställd: kvittot väntar i kön',
    );
  });

  it('refuses a document that would not print right, and stores nothing', () => {
    const { q } = queue();
    const doc = receipt('1-0001');
    const bad = {
      ...doc,
      ops: [
        {
          op: 'text' as const,
          text: 'x'.repeat(49),
          align: 'left' as const,
          bold: false,
          size: 1 as const,
        },
      ],
    };
    expect(() => q.enqueue({ saleId: 's1', kind: 'receipt', document: bad })).toThrow(
      /wider than 48 columns/,
    );
    expect(q.list()).toEqual([]);
  });

  it('prints a receipt that was sold while the printer was off, exactly once, when it comes on', async () => {
    const port = await freePort();
    const { q, notices } = queue({ port });
    q.start();
    const job = q.enqueue({ saleId: 's1', kind: 'receipt', document: receipt('1-0001') });

    // Printer off: the job waits, with the reason, and keeps being retried.
    await until(() => {
      const now = q.get(job.id)!;
      return now.attempts >= 3 && now.status === 'pending';
    }, 'a few attempts');
    const waiting = q.get(job.id)!;
    expect(say(waiting.lastError, 'en')).toMatch(
      /Cannot reach the printer at tcp:\/\/127\.0\.0\.1/,
    );
    expect(notices.filter((n) => n.state === 'pending' && n.detail !== null)).toHaveLength(1);

    const printer = await listenOn(port); // switched on
    await printer.waitForJobs(1);
    await until(() => q.get(job.id)?.status === 'printed', 'the job to be marked printed');
    await pause(400); // several retry periods: nothing more may arrive
    expect(printer.jobs).toHaveLength(1);
    expect(printedText(printer.jobs[0]!)).toContain('Kvittering 1-0001');
    const done = q.get(job.id)!;
    expect(done.printedAt).not.toBeNull();
    expect(done.lastError).toBeNull();
    expect(notices.at(-1)).toEqual({
      type: 'print',
      jobId: job.id,
      saleId: 's1',
      state: 'printed',
      detail: null,
    });
    expect(notices.filter((n) => n.state === 'printed')).toHaveLength(1);
  });

  it('prints in the order jobs came, and a reprint arrives marked KOPI', async () => {
    const printer = await listenOn();
    const { q } = queue({ port: printer.port });
    q.start();
    q.enqueue({ saleId: 's1', kind: 'receipt', document: receipt('1-0001') });
    q.enqueue({ saleId: 's2', kind: 'receipt', document: receipt('1-0002') });
    q.enqueue({ saleId: 's1', kind: 'copy', document: receipt('1-0001', true) });
    const jobs = await printer.waitForJobs(3);
    const texts = jobs.map(printedText);
    expect(texts.map((t) => /Kvittering (\S+)/.exec(t)?.[1])).toEqual([
      '1-0001',
      '1-0002',
      '1-0001',
    ]);
    expect(texts[0]).not.toContain('KOPI');
    expect(texts[2]).toContain('*** KOPI ***');
    await until(() => q.list({ status: 'printed' }).length === 3, 'all three printed');
    expect(q.list({ saleId: 's1' }).map((j) => j.kind)).toEqual(['receipt', 'copy']);
  });

  it('waits while the printer is out of paper and prints once it is refilled', async () => {
    const printer = await listenOn();
    printer.paperOut = true;
    const { q, notices } = queue({ port: printer.port });
    q.start();
    const job = q.enqueue({ saleId: 's1', kind: 'receipt', document: receipt('1-0001') });
    await until(() => (q.get(job.id)?.attempts ?? 0) >= 2, 'attempts while out of paper');
    expect(say(q.get(job.id)!.lastError, 'nb')).toMatch(/tom for papir/);
    expect(notices.some((n) => say(n.detail, 'en').includes('out of paper'))).toBe(true);
    printer.paperOut = false;
    await until(() => q.get(job.id)?.status === 'printed', 'printed after refill');
    // Each refused attempt was a connection with only the paper query in it.
    const receipts = () => printer.jobs.filter((b) => b.length > 3);
    await until(() => receipts().length > 0, 'the receipt to reach the printer');
    await pause(200);
    expect(receipts()).toHaveLength(1);
  });

  it('resumes pending jobs after the app restarts (database closed and opened again)', async () => {
    const port = await freePort();
    const first = queue({ port });
    first.q.start();
    first.q.enqueue({ saleId: 's1', kind: 'receipt', document: receipt('1-0001') });
    first.q.enqueue({ saleId: 's2', kind: 'receipt', document: receipt('1-0002') });
    await until(() => first.q.list()[0]!.attempts >= 1, 'a failed attempt');
    await first.q.stop();
    db.close();

    db = openDatabase(dir.path('lojal.db')).db;
    const printer = await listenOn(port);
    const second = queue({ port });
    expect(second.q.pendingCount()).toBe(2);
    second.q.start();
    const jobs = await printer.waitForJobs(2);
    expect(jobs.map((j) => /Kvittering (\S+)/.exec(printedText(j))?.[1])).toEqual([
      '1-0001',
      '1-0002',
    ]);
    await until(() => second.q.pendingCount() === 0, 'both printed');
  });

  it('sends again a job a crash left unconfirmed (at-least-once)', async () => {
    const { q: crashed } = queue();
    const job = crashed.enqueue({ saleId: 's1', kind: 'receipt', document: receipt('1-0001') });
    // The app died after marking the job `printing`, before `printed`.
    db.prepare(`UPDATE print_jobs SET status = 'printing', attempts = 1 WHERE id = ?`).run(job.id);

    const printer = await listenOn();
    const { q } = queue({ port: printer.port });
    q.start();
    await printer.waitForJobs(1);
    await until(() => q.get(job.id)?.status === 'printed', 'printed after restart');
    expect(q.get(job.id)!.attempts).toBe(2);
    await pause(200);
    expect(printer.jobs).toHaveLength(1);
  });

  it('fails a job whose stored document is unreadable, and the next one still prints', async () => {
    const printer = await listenOn();
    const { q, notices } = queue({ printer: null });
    q.start();
    const broken = q.enqueue({ saleId: 's1', kind: 'receipt', document: receipt('1-0001') });
    q.enqueue({ saleId: 's2', kind: 'receipt', document: receipt('1-0002') });
    db.prepare(
      `UPDATE print_jobs SET document = '{"width":48,"ops":[{"op":"qr","data":"Ø"}]}' WHERE id = ?`,
    ).run(broken.id);
    q.setPrinter(printerAt(printer.port));
    const [only] = await printer.waitForJobs(1);
    expect(printedText(only!)).toContain('Kvittering 1-0002');
    await until(() => q.get(broken.id)?.status === 'failed', 'the broken job to fail');
    expect(say(q.get(broken.id)!.lastError, 'en')).toMatch(/cannot be printed \(.*QR data/);
    expect(notices.find((n) => n.jobId === broken.id && n.state === 'failed')).toBeDefined();
    expect(() => q.retry(q.list({ status: 'printed' })[0]!.id)).toThrow(/not a failed job/);
  });

  it('does nothing before start() and keeps jobs for later', async () => {
    const printer = await listenOn();
    const { q } = queue({ port: printer.port });
    q.enqueue({ saleId: 's1', kind: 'test', document: receipt('T-1') });
    await pause(150);
    expect(printer.jobs).toHaveLength(0);
    q.start();
    await printer.waitForJobs(1);
  });
});
