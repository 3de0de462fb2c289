/**
 * How long to wait before trying the cloud again: the one backoff
 * (`src/core/backoff.ts`), doubling from `initialMs` up to `maxMs`, with
 * equal jitter so a chain's tills coming back after an outage do not all
 * knock at once, and a cloud's `retry-after` respected.
 */
import { backoffDelay } from '../core/backoff';
import type { BackoffSettings } from '../core/backoff';

export { backoffDelay };
export type { BackoffSettings };

export const DEFAULT_BACKOFF: BackoffSettings = { initialMs: 1_000, maxMs: 5 * 60_000 };

/** The wait after a failure: the backoff, but never shorter than what the cloud asked for. */
export function retryDelay(
  attempt: number,
  settings: BackoffSettings,
  random: () => number,
  askedMs: number | null,
): number {
  const delay = backoffDelay(attempt, settings, random);
  return askedMs === null ? delay : Math.max(delay, Math.min(askedMs, settings.maxMs));
}
