/**
 * The lanes a till's push travels in. Each lane sends one batch at a time, in
 * clock order, and the lanes' batches are on their way side by side. A
 * member's events all travel in one lane, so batches in flight together never
 * share a member: the cloud stores them at once instead of the second waiting
 * for the first's member locks, and no event of a member overtakes the
 * member's enrolment. A sale without a member travels by its own id (its
 * void or return may arrive first; the cloud holds that case); every other
 * event without a member (staff saves) in the first lane, in order.
 */
import { isMemberOptional } from '../core/events';
import type { Db } from '../store';
import { outboxKeys } from '../store/sync-outbox';
import type { OutboxKey, OutboxPosition } from '../store/sync-outbox';

/**
 * FNV-1a over the text's UTF-16 code units, then MurmurHash3's finaliser: FNV's
 * low bit alone is the parity of the characters' low bits, which ids with a
 * pattern could share. The same lane on every till and run.
 */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The lane (0 … lanes − 1) of an outbox row, read from its key columns alone. */
export function laneOf(row: Pick<OutboxKey, 'id' | 'type' | 'member_id'>, lanes: number): number {
  if (lanes <= 1) return 0;
  if (row.member_id !== null) return hash(row.member_id) % lanes;
  if (isMemberOptional(row.type)) return hash(row.id) % lanes;
  return 0;
}

/**
 * The outbox's keys read once, in clock order, a page at a time, and dealt
 * into the lanes they travel in: each lane takes its events in order. Only
 * keys are held, a few dozen bytes each: the payloads are read as a batch is
 * sent, so an erasure's redaction meanwhile is what goes. Keys taken and not
 * stored are put back at the head of their lane.
 */
export class LaneQueues {
  private readonly queues: OutboxKey[][];
  private readonly heads: number[];
  private cursor: OutboxPosition | null = null;
  private drained = false;

  constructor(
    private readonly db: Db,
    private readonly lanes: number,
    /** Keys read at a time. */
    private readonly pageSize: () => number,
  ) {
    this.queues = Array.from({ length: lanes }, () => []);
    this.heads = Array.from({ length: lanes }, () => 0);
  }

  /** Up to `count` of the lane's next keys, taken in order; none when the outbox holds no more of it. */
  take(lane: number, count: number): OutboxKey[] {
    while (this.heads[lane]! + count > this.queues[lane]!.length && !this.drained) this.readPage();
    const head = this.heads[lane]!;
    const taken = this.queues[lane]!.slice(head, head + count);
    this.heads[lane] = head + taken.length;
    // Taken keys are let go now and then, not on every take.
    if (this.heads[lane]! >= 1_024) {
      this.queues[lane] = this.queues[lane]!.slice(this.heads[lane]);
      this.heads[lane] = 0;
    }
    return taken;
  }

  /** Keys taken from the lane and not stored: its next ones again, in their order. */
  putBack(lane: number, keys: readonly OutboxKey[]): void {
    this.queues[lane] = [...keys, ...this.queues[lane]!.slice(this.heads[lane])];
    this.heads[lane] = 0;
  }

  private readPage(): void {
    const keys = outboxKeys(this.db, this.cursor, this.pageSize());
    if (keys.length === 0) {
      this.drained = true;
      return;
    }
    for (const key of keys) this.queues[laneOf(key, this.lanes)]!.push(key);
    const last = keys.at(-1)!;
    this.cursor = { hlc: last.hlc, id: last.id };
  }
}
