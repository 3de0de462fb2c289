/**
 * The one exponential backoff: the wait before retry number `attempt` (1 = the
 * first retry) doubles from `initialMs` up to `maxMs`. Sync, the print queue,
 * the serial scanner and the UI's socket all wait by it.
 *
 * Pure: the caller counts attempts and keeps the timer. With `random` (values
 * in [0, 1)) the wait has "equal jitter", half fixed and half random, so a
 * chain's tills coming back after an outage do not all knock at once and a
 * retry never comes immediately; without it the wait is exact.
 */
export interface BackoffSettings {
  initialMs: number;
  maxMs: number;
}

// 2^30 times the first wait is past any cap in use; stopping there keeps
// 2 ** attempt finite (0 × ∞ would be NaN).
const MAX_DOUBLINGS = 30;

export function backoffDelay(
  attempt: number,
  settings: BackoffSettings,
  random?: () => number,
): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), MAX_DOUBLINGS);
  const ceiling = Math.min(settings.maxMs, settings.initialMs * 2 ** exponent);
  if (random === undefined) return ceiling;
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
