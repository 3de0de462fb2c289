/** The worker thread of workerPageReader (snapshot-reader.ts): reads the pages it is sent. */
import { parentPort } from 'node:worker_threads';
import { readLedgers } from './snapshot-reader';
import type { PageToRead } from './snapshot-reader';

parentPort?.on('message', ({ id, page }: { id: number; page: PageToRead }) => {
  parentPort?.postMessage({ id, read: readLedgers(page) });
});
