/**
 * A long job made of many calls (the import's slices) goes on through a busy
 * cloud: an `unavailable` answer (a lock not granted in time, a deadlock
 * broken; the transaction it was in stored nothing) is tried again after the
 * wait the cloud asks for, a few times in a row, before the page shows the
 * failure.
 */
import { BoCallError } from './api';

/** Tries again after this many busy answers in a row at most; the next one stops the job. */
export const BUSY_TRIES = 5;
const MIN_WAIT_MS = 500;
const MAX_WAIT_MS = 10_000;

/** How long to wait before the same call again, or null when it should not be tried again. */
export function busyRetryWaitMs(error: unknown, triesSoFar: number): number | null {
  if (!(error instanceof BoCallError) || error.code !== 'unavailable') return null;
  if (triesSoFar >= BUSY_TRIES) return null;
  const asked = (error.retryAfterSeconds ?? 1) * 1000;
  return Math.min(MAX_WAIT_MS, Math.max(MIN_WAIT_MS, asked));
}
