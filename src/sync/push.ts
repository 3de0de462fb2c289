/**
 * Pushing the outbox: local events the cloud has not acknowledged, in clock
 * order, a batch at a time. An event leaves the outbox only when the cloud acks
 * it; an answer lost on the way back means the batch goes again, which the
 * cloud takes as a no-op (it stores each id once).
 *
 * No event holds back the ones behind it: batches are cut by serialised size
 * under the cloud's body limit, an event larger than any the cloud takes
 * (LIMITS.maxEventBytes, written by an older version) or that the cloud
 * refuses for good (REFUSED_FOR_GOOD) is set aside (kept, listed with its
 * reason or the cloud's code, out of the outbox: src/store/quarantine.ts); one
 * the cloud refuses for now stays in the outbox, listed in the status, while
 * the rest go on.
 */
import { markPushed } from '../store';
import type { Db } from '../store';
import { eventFromRow } from '../store/event-log';
import { SET_ASIDE, setAsideLocal, unpushedRows } from '../store/sync-outbox';
import type { OutboxKey } from '../store/sync-outbox';
import { LaneQueues } from './push-lanes';
import { CloudRefused } from './cloud-api';
import type { CloudApi, PushResult } from './cloud-api';
import { DEFAULT_BODY_LIMIT_BYTES } from './protocol';
import type { RejectCode } from './protocol';
import { eventBytes, maxEventBytesFor } from '../core/events';
import type { LojalEvent } from '../core/events';

export interface Rejection {
  id: string;
  /** The event's type (what the cashier did). */
  type: string;
  code: RejectCode;
  message: string;
}

export interface PushOutcome {
  pushed: number;
  /** Events the cloud would not take for now; they stay in the outbox (see the client's status). */
  rejected: Rejection[];
  /** Events set aside in this push: too large for the cloud, or refused for good (src/store/quarantine.ts). */
  setAside: number;
}

/**
 * Refusals no later push can change: the event itself is at fault. The others
 * may pass later and stay in the outbox: `unknown_member` (the enrolment may
 * land in a batch the cloud stores after this one), `clock_ahead` (the cloud's
 * clock catches up), `schema_too_new` (the cloud is updated), `unprocessable`
 * (a value the cloud's database would not store: the cloud may be mended).
 */
const REFUSED_FOR_GOOD: ReadonlySet<RejectCode> = new Set<RejectCode>([
  'invalid_event',
  'invalid_text',
  'event_too_large',
  'wrong_chain',
  'wrong_store',
  'wrong_terminal',
]);

/**
 * `unknown_member` for a member whose enrolment this till has set aside: the
 * cloud will never know the member, so the event can never pass either.
 */
function enrolmentSetAside(db: Db, code: RejectCode, event: LojalEvent): boolean {
  if (code !== 'unknown_member' || event.memberId === null) return false;
  return (
    db
      .prepare(
        "SELECT 1 FROM events WHERE member_id = ? AND type = 'member.enrolled' AND pushed = ? LIMIT 1",
      )
      .get(event.memberId, SET_ASIDE) !== undefined
  );
}

/**
 * What a push body may hold: the cloud's default limit, less room for the
 * request's envelope. A proxy with a smaller limit is met by halving (below).
 */
export const PUSH_BODY_BUDGET_BYTES = DEFAULT_BODY_LIMIT_BYTES - 64 * 1024;

/**
 * Batches on their way at once, one per lane (src/sync/push-lanes.ts): the
 * next is read and sent while the cloud stores another, so a slow link's round
 * trips and the cloud's work overlap, and as the lanes share no member the
 * cloud stores them side by side.
 */
export const PUSH_BATCHES_IN_FLIGHT = 2;

type Settled = { ok: true; answer: PushResult } | { ok: false; error: unknown };

interface Sent {
  batch: LojalEvent[];
  /** The batch's keys: put back in their lane when the batch is not stored. */
  keys: OutboxKey[];
  settled: Promise<Settled>;
}

/** One lane's batch on its way, and whether the outbox holds more of it. */
interface Lane {
  index: number;
  readAll: boolean;
  sent: Sent | null;
}

export interface PushLimits {
  /** Events per request. */
  batchSize: number;
  /** Serialised bytes of events per request (default PUSH_BODY_BUDGET_BYTES). */
  bodyBudgetBytes?: number;
  /** This till's clock, for when an event was set aside. */
  now: () => number;
}

export async function pushOutbox(
  db: Db,
  api: CloudApi,
  terminalId: string,
  /** A number: the batch size, with the default budget and the wall clock. */
  pushLimits: PushLimits | number,
  stopped: () => boolean,
): Promise<PushOutcome> {
  const limits: PushLimits =
    typeof pushLimits === 'number' ? { batchSize: pushLimits, now: Date.now } : pushLimits;
  let pushed = 0;
  let setAside = 0;
  const budget = limits.bodyBudgetBytes ?? PUSH_BODY_BUDGET_BYTES;
  // By id: a batch read again after a refusal may hold an event refused before.
  const rejected = new Map<string, Rejection>();
  const outcome = (): PushOutcome => ({ pushed, rejected: [...rejected.values()], setAside });
  const putAside = (
    event: LojalEvent,
    code: 'event_too_large' | 'body_too_large',
    reason: string,
  ) => {
    setAsideLocal(db, event, code, reason, limits.now());
    setAside += 1;
  };

  let size = limits.batchSize;
  const queues = new LaneQueues(db, PUSH_BATCHES_IN_FLIGHT, () => size * PUSH_BATCHES_IN_FLIGHT);

  /**
   * The lane's next batch: up to `size` of its events and `budget` bytes, read
   * as they are now. An event too large for any request is set aside on the
   * way. Null when the outbox holds nothing more of the lane.
   */
  const nextBatch = (lane: number): { batch: LojalEvent[]; keys: OutboxKey[] } | null => {
    for (;;) {
      const keys = queues.take(lane, size);
      if (keys.length === 0) return null;
      const rows = unpushedRows(
        db,
        keys.map((k) => k.id),
      );
      const batch: LojalEvent[] = [];
      let bytes = 0;
      for (const [i, key] of keys.entries()) {
        const row = rows.get(key.id);
        // Gone from the outbox since it was read (set aside): nothing to send.
        if (row === undefined) continue;
        const event = eventFromRow(row);
        // Weighed as the cloud and the till's input weigh it (src/core/events.ts).
        const weight = eventBytes(event);
        const cap = Math.min(maxEventBytesFor(event.type), budget);
        if (weight > cap) {
          putAside(
            event,
            'event_too_large',
            `the event is ${weight} bytes serialised; the cloud takes at most ${cap}`,
          );
          continue;
        }
        if (batch.length > 0 && bytes + weight > budget) {
          queues.putBack(lane, keys.slice(i));
          return { batch, keys: keys.slice(0, i) };
        }
        batch.push(event);
        bytes += weight;
      }
      if (batch.length > 0) return { batch, keys };
      // Every one set aside or gone: read on.
    }
  };
  const record = (batch: readonly LojalEvent[], answer: PushResult) => {
    const byId = new Map(batch.map((e) => [e.id, e]));
    const acked = answer.acked.filter((id) => byId.has(id));
    markPushed(db, acked);
    pushed += acked.length;
    // In the batch's order: an enrolment set aside comes before its member's later events.
    for (const r of [...answer.rejected].sort((x, y) => x.index - y.index)) {
      const id = r.id ?? batch[r.index]?.id;
      const event = id === undefined ? undefined : byId.get(id);
      if (id === undefined || event === undefined) continue;
      if (REFUSED_FOR_GOOD.has(r.code) || enrolmentSetAside(db, r.code, event)) {
        // Sending it again cannot help: out of the outbox, listed with the cloud's code.
        setAsideLocal(db, event, r.code, r.message, limits.now(), true);
        setAside += 1;
        rejected.delete(id);
      } else {
        rejected.set(id, { id, type: event.type, code: r.code, message: r.message });
      }
    }
  };

  // A member's events travel in one lane, one batch at a time, so none arrives before the
  // member's enrolment: unknown_member means the enrolment itself was refused for now, and
  // both stay in the outbox for the next push.
  const lanes: Lane[] = Array.from({ length: PUSH_BATCHES_IN_FLIGHT }, (_, index) => ({
    index,
    readAll: false,
    sent: null,
  }));
  const send = (lane: Lane): void => {
    const next = nextBatch(lane.index);
    if (next === null) {
      lane.readAll = true;
      return;
    }
    const settled = api.push(terminalId, next.batch).then(
      (answer): Settled => ({ ok: true, answer }),
      (error: unknown): Settled => ({ ok: false, error }),
    );
    lane.sent = { ...next, settled };
  };
  for (;;) {
    for (const lane of lanes) if (lane.sent === null && !lane.readAll) send(lane);
    const busy = lanes.filter((lane) => lane.sent !== null);
    if (busy.length === 0) return outcome();
    // Whichever lane's batch is answered first.
    const { lane, settled } = await Promise.race(
      busy.map((lane) => lane.sent!.settled.then((settled) => ({ lane, settled }))),
    );
    const sent = lane.sent!;
    lane.sent = null;
    // Stopping: what is still on its way is left to land; unacked events go next time.
    if (stopped()) return outcome();
    if (settled.ok) {
      record(sent.batch, settled.answer);
      continue;
    }
    // What else is on its way lands first, its acks kept, before going on or giving up.
    for (const other of lanes) {
      if (other.sent === null) continue;
      const { batch, keys } = other.sent;
      const landed = await other.sent.settled;
      other.sent = null;
      if (stopped()) return outcome();
      if (landed.ok) record(batch, landed.answer);
      else {
        // Not stored: the lane sends it again.
        queues.putBack(other.index, keys);
        other.readAll = false;
      }
    }
    const error = settled.error;
    // A proxy with a smaller body limit than the cloud's: send less at a time.
    if (error instanceof CloudRefused && error.code === 'body_too_large') {
      lane.readAll = false;
      if (sent.batch.length > 1) {
        queues.putBack(lane.index, sent.keys);
        size = Math.max(1, Math.min(size, Math.floor(sent.batch.length / 2)));
        continue;
      }
      // Alone and still too large for whatever is in the way: it must not hold back the rest.
      // (Taken from the lane already: not put back.)
      const [alone] = sent.batch;
      putAside(alone!, 'body_too_large', error.message);
      continue;
    }
    throw error;
  }
}
