/**
 * Hybrid logical clock. A timestamp is (wall ms, counter, node) and encodes to a
 * string that sorts lexicographically in clock order, so SQLite and the cloud can
 * order events with a plain ORDER BY. A till whose wall clock is wrong still
 * orders its own events after every event it has seen.
 */
export interface Hlc {
  wallMs: number;
  counter: number;
  node: string;
}

const WALL_WIDTH = 15;
const COUNTER_WIDTH = 6;
/** The highest counter the encoding holds; the next tick moves the wall part on by 1 ms. */
export const MAX_HLC_COUNTER = 36 ** COUNTER_WIDTH - 1;
/** The highest wall time the encoding holds (the year 33658): only a poisoned clock gets there. */
export const MAX_HLC_WALL_MS = 10 ** WALL_WIDTH - 1;

export function encodeHlc(hlc: Hlc): string {
  if (!Number.isSafeInteger(hlc.wallMs) || hlc.wallMs < 0 || hlc.wallMs > MAX_HLC_WALL_MS)
    throw new RangeError('bad HLC wall time');
  if (!Number.isSafeInteger(hlc.counter) || hlc.counter < 0 || hlc.counter > MAX_HLC_COUNTER)
    throw new RangeError('bad HLC counter');
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(hlc.node)) throw new RangeError(`bad HLC node id: ${hlc.node}`);
  return `${String(hlc.wallMs).padStart(WALL_WIDTH, '0')}-${hlc.counter
    .toString(36)
    .padStart(COUNTER_WIDTH, '0')}-${hlc.node}`;
}

export function decodeHlc(value: string): Hlc {
  const match = /^(\d{15})-([0-9a-z]{6})-([A-Za-z0-9_-]{1,64})$/.exec(value);
  if (!match) throw new RangeError(`not an HLC timestamp: ${value}`);
  return { wallMs: Number(match[1]), counter: parseInt(match[2]!, 36), node: match[3]! };
}

export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The timestamp just after (wallMs, counter): the counter's next value, or,
 * when the counter is at its maximum, the next millisecond with counter 0. So
 * no clock the encoding holds, however far ahead someone pushed it, makes
 * ticking throw (except the very last one, which has no successor: see below).
 */
function after(wallMs: number, counter: number, node: string): Hlc {
  if (counter < MAX_HLC_COUNTER) return { wallMs, counter: counter + 1, node };
  return { wallMs: wallMs + 1, counter: 0, node };
}

/**
 * The next local timestamp: after `last` and not behind the wall clock.
 * `last` at MAX_HLC_WALL_MS with the counter at its maximum has no successor
 * that the encoding holds; the wall clock is taken then (the store never
 * ticks from a clock that far ahead: see src/store/hlc-clock.ts).
 */
export function tickHlc(last: Hlc | null, wallNowMs: number, node: string): Hlc {
  if (!last || wallNowMs > last.wallMs) return { wallMs: wallNowMs, counter: 0, node };
  if (last.wallMs >= MAX_HLC_WALL_MS && last.counter >= MAX_HLC_COUNTER)
    return { wallMs: Math.min(wallNowMs, MAX_HLC_WALL_MS), counter: 0, node };
  return after(last.wallMs, last.counter, node);
}

/** Merge a remote timestamp on receipt, so later local events sort after it. */
export function receiveHlc(last: Hlc | null, remote: Hlc, wallNowMs: number, node: string): Hlc {
  const lastWall = last?.wallMs ?? -1;
  const wallMs = Math.max(lastWall, remote.wallMs, wallNowMs);
  let counter = -1;
  if (wallMs === lastWall && wallMs === remote.wallMs) {
    counter = Math.max(last!.counter, remote.counter);
  } else if (wallMs === lastWall) {
    counter = last!.counter;
  } else if (wallMs === remote.wallMs) {
    counter = remote.counter;
  }
  if (counter < 0) return { wallMs, counter: 0, node };
  if (wallMs >= MAX_HLC_WALL_MS && counter >= MAX_HLC_COUNTER)
    return { wallMs: MAX_HLC_WALL_MS, counter: MAX_HLC_COUNTER, node };
  return after(wallMs, counter, node);
}
