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
import type { CloudApi } from './cloud-api';
import type { RejectCode } from './protocol';

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

export async function pushOutbox(
  db: Db,
  api: CloudApi,
  terminalId: string,
  batchSize: number,
  stopped: () => boolean,
): Promise<PushOutcome> {
  const outcome: PushOutcome = { pushed: 0, rejected: [] };
  let position: OutboxPosition | null = null;
  let size = batchSize;
  for (;;) {
    const batch = outboxPage(db, position, size);
    if (batch.length === 0) return outcome;
    let answer;
    try {
      answer = await api.push(terminalId, batch);
    } catch (error) {
      // A proxy with a smaller body limit than the cloud's: send less at a time.
      if (error instanceof CloudRefused && error.code === 'body_too_large' && size > 1) {
        size = Math.max(1, Math.floor(size / 2));
        continue;
      }
      throw error;
    }
    if (stopped()) return outcome;
    const sent = new Set(batch.map((e) => e.id));
    const acked = answer.acked.filter((id) => sent.has(id));
    markPushed(db, acked);
    outcome.pushed += acked.length;
    const byId = new Map(batch.map((e) => [e.id, e]));
    for (const r of answer.rejected) {
      const id = r.id ?? batch[r.index]?.id;
      const event = id === undefined ? undefined : byId.get(id);
      if (id !== undefined && event !== undefined)
        outcome.rejected.push({ id, type: event.type, code: r.code, message: r.message });
    }
    const last = batch[batch.length - 1]!;
    position = { hlc: last.hlc, id: last.id };
  }
}
