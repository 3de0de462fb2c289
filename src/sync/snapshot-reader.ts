/**
 * Reading a snapshot page's ledgers (src/sync/snapshot.ts): each inflated,
 * parsed, checked and made into its member's row. A page of a thousand is
 * most of a new till's work besides writing them, so a snapshot reads its
 * pages on a worker thread (the second core) while the main thread writes the
 * page before; where the worker cannot start (or stops), on the main thread.
 */
import { inflateRawSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { MemberLedger } from '../core/member-types';
import { receivedLedger } from '../store/snapshots';
import type { ReceivedLedger } from '../store/snapshots';
import type { SnapshotMember } from './protocol';

/** A page's ledgers read, and the members it leaves out; or the first ledger that does not fit this till. */
export type PageRead =
  { ledgers: ReceivedLedger[]; tooLarge: string[] } | { unfit: { memberId: string; why: string } };

/** What the worker is asked: a page's members, the cloud's `tooLarge` and the cap. */
export interface PageToRead {
  members: readonly SnapshotMember[];
  tooLarge: readonly string[];
  maxLedgerBytes: number;
}

/**
 * A page's ledgers read (see readLedger), and the members it leaves out: the
 * cloud's `tooLarge` and any ledger over the cap after all.
 */
export function readLedgers(page: PageToRead): PageRead {
  const ledgers: ReceivedLedger[] = [];
  const tooLarge = [...page.tooLarge];
  for (const member of page.members) {
    const read = readLedger(member, page.maxLedgerBytes);
    if (read === null) tooLarge.push(member.memberId);
    else if ('why' in read) return { unfit: { memberId: member.memberId, why: read.why } };
    else ledgers.push(read);
  }
  return { ledgers, tooLarge };
}

/**
 * A ledger as it came, read now: inflated (at most `maxLedgerBytes`), parsed,
 * and checked to be this member's with a clock. null: over the cap (its
 * base64 or its JSON), the member waits (a single member never stops a till).
 * `why`: an answer that does not fit this till, like one its schema refuses
 * (cloud-api.ts): the page is not installed (every ledger of a page is read
 * before any of it is written).
 */
function readLedger(
  member: SnapshotMember,
  maxLedgerBytes: number,
): ReceivedLedger | { why: string } | null {
  if (member.deflated.length > maxLedgerBytes) return null;
  let json: string;
  let ledger: unknown;
  try {
    json = inflateRawSync(Buffer.from(member.deflated, 'base64'), {
      maxOutputLength: maxLedgerBytes,
    }).toString('utf8');
    ledger = JSON.parse(json);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') return null;
    return { why: 'not deflated JSON' };
  }
  const head = ledger as { memberId?: unknown; lastHlc?: unknown } | null;
  if (
    typeof head !== 'object' ||
    head === null ||
    Array.isArray(head) ||
    head.memberId !== member.memberId ||
    typeof head.lastHlc !== 'string'
  )
    return { why: 'not a ledger of this member' };
  try {
    return receivedLedger(ledger as MemberLedger, json);
  } catch {
    return { why: 'not a ledger this till reads' };
  }
}

/**
 * The desktop build has the worker bundled beside the main process
 * (scripts/build-electron.mjs); from source (tests, benches, development) its
 * TypeScript runs through tsx, a development dependency, registered in the
 * worker (a worker does not inherit the loader of a `--import`).
 */
function startWorker(): Worker {
  if (import.meta.url.endsWith('.cjs'))
    return new Worker(new URL('./snapshot-reader-worker.cjs', import.meta.url));
  const tsx = createRequire(import.meta.url).resolve('tsx/cjs/api');
  const file = fileURLToPath(new URL('./snapshot-reader-worker.ts', import.meta.url));
  return new Worker(
    `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(file)});`,
    { eval: true },
  );
}

export interface PageReader {
  read(page: PageToRead): Promise<PageRead>;
  close(): Promise<void>;
  /** Pages the worker thread answered (0: every page was read on the main thread). */
  readonly pagesOnWorker: number;
}

/** Reads pages on a worker thread, in the order asked. */
export function workerPageReader(): PageReader {
  let worker: Worker | null;
  try {
    worker = startWorker();
  } catch {
    worker = null;
  }
  const waiting = new Map<number, { page: PageToRead; resolve: (read: PageRead) => void }>();
  let asked = 0;
  let answered = 0;
  // A worker that fails (it could not load, it died) leaves its pages to the main thread.
  const fallBack = (why: unknown) => {
    // Said once, so a desktop build whose worker does not load shows it (correct, only slower).
    if (worker !== null) console.warn('lojal: snapshot pages read on the main thread:', why);
    worker = null;
    for (const { page, resolve } of waiting.values()) resolve(readLedgers(page));
    waiting.clear();
  };
  worker?.on('message', ({ id, read }: { id: number; read: PageRead }) => {
    answered += 1;
    waiting.get(id)?.resolve(read);
    waiting.delete(id);
  });
  worker?.on('error', fallBack);
  worker?.on('exit', fallBack);
  return {
    get pagesOnWorker() {
      return answered;
    },
    read(page) {
      if (worker === null) return Promise.resolve(readLedgers(page));
      const id = ++asked;
      const running = worker;
      return new Promise((resolve) => {
        waiting.set(id, { page, resolve });
        running.postMessage({ id, page });
      });
    },
    async close() {
      const running = worker;
      worker = null;
      // A page asked for ahead is not wanted any more: not read here either.
      waiting.clear();
      if (running !== null) await running.terminate();
    },
  };
}
