/**
 * How long to wait before trying the cloud again: doubling from `initialMs` up
 * to `maxMs`, with jitter so a chain's tills coming back after an outage do
 * not all knock at once. Half the delay is fixed and half random ("equal
 * jitter"), so a retry never comes immediately.
 */
export interface BackoffSettings {
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffSettings = { initialMs: 1_000, maxMs: 5 * 60_000 };

/** The wait before retry number `attempt` (1 = the first retry). */
export function backoffDelay(
  attempt: number,
  settings: BackoffSettings,
  random: () => number,
): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  const ceiling = Math.min(settings.maxMs, settings.initialMs * 2 ** exponent);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

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
