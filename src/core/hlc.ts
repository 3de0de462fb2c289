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
const MAX_COUNTER = 36 ** COUNTER_WIDTH - 1;

export function encodeHlc(hlc: Hlc): string {
  if (!Number.isSafeInteger(hlc.wallMs) || hlc.wallMs < 0)
    throw new RangeError('bad HLC wall time');
  if (hlc.counter < 0 || hlc.counter > MAX_COUNTER) throw new RangeError('HLC counter overflow');
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

/** The next local timestamp: after `last` and not behind the wall clock. */
export function tickHlc(last: Hlc | null, wallNowMs: number, node: string): Hlc {
  if (!last || wallNowMs > last.wallMs) return { wallMs: wallNowMs, counter: 0, node };
  return { wallMs: last.wallMs, counter: last.counter + 1, node };
}

/** Merge a remote timestamp on receipt, so later local events sort after it. */
export function receiveHlc(last: Hlc | null, remote: Hlc, wallNowMs: number, node: string): Hlc {
  const lastWall = last?.wallMs ?? -1;
  const wallMs = Math.max(lastWall, remote.wallMs, wallNowMs);
  let counter = 0;
  if (wallMs === lastWall && wallMs === remote.wallMs) {
    counter = Math.max(last!.counter, remote.counter) + 1;
  } else if (wallMs === lastWall) {
    counter = last!.counter + 1;
  } else if (wallMs === remote.wallMs) {
    counter = remote.counter + 1;
  }
  return { wallMs, counter, node };
}
