/**
 * Pushing the outbox: local events the cloud has not acknowledged, in clock
 * order, a batch at a time. An event leaves the outbox only when the cloud acks
 * it; an answer lost on the way back means the batch goes again, which the
 * cloud takes as a no-op (it stores each id once).
 */
import { markPushed } from '../store';
import type { Db } from '../store';
import { outboxPage } from '../store/sync-outbox';
import type { OutboxPosition } from '../store/sync-outbox';
import { CloudRefused } from './cloud-api';
import type { CloudApi, PushResult } from './cloud-api';
import type { RejectCode } from './protocol';
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
  /** Events the cloud would not take; they stay in the outbox (see the client's status). */
  rejected: Rejection[];
}

/**
 * Batches on their way at once: the next is read and sent while the cloud
 * stores the one before, so a slow link's round trips and the cloud's work
 * overlap. The cloud takes them in either order (each id once, each member
 * under its own lock).
 */
export const PUSH_BATCHES_IN_FLIGHT = 2;

type Settled = { ok: true; answer: PushResult } | { ok: false; error: unknown };

interface Sent {
  batch: LojalEvent[];
  /** Where the page was read from: a batch too large for a proxy is read again from here, smaller. */
  from: OutboxPosition | null;
  settled: Promise<Settled>;
}

export async function pushOutbox(
  db: Db,
  api: CloudApi,
  terminalId: string,
  batchSize: number,
  stopped: () => boolean,
): Promise<PushOutcome> {
  let pushed = 0;
  // By id: a batch read again after a refusal may hold an event refused before.
  const rejected = new Map<string, Rejection>();
  const outcome = (): PushOutcome => ({ pushed, rejected: [...rejected.values()] });
  const record = (batch: readonly LojalEvent[], answer: PushResult) => {
    const byId = new Map(batch.map((e) => [e.id, e]));
    const acked = answer.acked.filter((id) => byId.has(id));
    markPushed(db, acked);
    pushed += acked.length;
    for (const r of answer.rejected) {
      const id = r.id ?? batch[r.index]?.id;
      const event = id === undefined ? undefined : byId.get(id);
      if (id !== undefined && event !== undefined)
        rejected.set(id, { id, type: event.type, code: r.code, message: r.message });
    }
  };

  let position: OutboxPosition | null = null;
  let size = batchSize;
  let readAll = false;
  const inFlight: Sent[] = [];
  for (;;) {
    while (!readAll && inFlight.length < PUSH_BATCHES_IN_FLIGHT) {
      const batch = outboxPage(db, position, size);
      if (batch.length === 0) {
        readAll = true;
        break;
      }
      const settled = api.push(terminalId, batch).then(
        (answer): Settled => ({ ok: true, answer }),
        (error: unknown): Settled => ({ ok: false, error }),
      );
      inFlight.push({ batch, from: position, settled });
      const last = batch[batch.length - 1]!;
      position = { hlc: last.hlc, id: last.id };
    }
    const next = inFlight.shift();
    if (next === undefined) return outcome();
    const settled = await next.settled;
    // Stopping: what is still on its way is left to land; unacked events go next time.
    if (stopped()) return outcome();
    if (settled.ok) {
      record(next.batch, settled.answer);
      continue;
    }
    // What was sent after the failed batch lands first, its acks kept, before going on or giving up.
    for (const later of inFlight.splice(0)) {
      const landed = await later.settled;
      if (stopped()) return outcome();
      if (landed.ok) record(later.batch, landed.answer);
    }
    const error = settled.error;
    // A proxy with a smaller body limit than the cloud's: send less at a time.
    if (error instanceof CloudRefused && error.code === 'body_too_large' && size > 1) {
      size = Math.max(1, Math.floor(size / 2));
      position = next.from;
      readAll = false;
      continue;
    }
    throw error;
  }
}
