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
import type { EventRow } from '../store/event-log';
import { outboxRows } from '../store/sync-outbox';
import type { OutboxPosition } from '../store/sync-outbox';

/** FNV-1a over the text's UTF-16 code units: the same lane on every till and run. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface LaneKeys {
  id: string;
  type: string;
  member_id: string | null;
}

/** The lane (0 … lanes − 1) of an outbox row, read from its columns alone. */
export function laneOf(row: LaneKeys, lanes: number): number {
  if (lanes <= 1) return 0;
  if (row.member_id !== null) return hash(row.member_id) % lanes;
  if (isMemberOptional(row.type)) return hash(row.id) % lanes;
  return 0;
}

/**
 * The outbox read once, in clock order, a page at a time, its rows dealt into
 * the lanes they travel in: each lane takes its rows in order without reading
 * the others'. Rows sent and not stored are put back at the head of their lane.
 */
export class LaneQueues {
  private readonly queues: EventRow[][];
  private readonly heads: number[];
  private cursor: OutboxPosition | null = null;
  private drained = false;

  constructor(
    private readonly db: Db,
    private readonly lanes: number,
    /** Rows read at a time. */
    private readonly pageSize: () => number,
  ) {
    this.queues = Array.from({ length: lanes }, () => []);
    this.heads = Array.from({ length: lanes }, () => 0);
  }

  /** The lane's next row, left in place; null when the outbox holds no more of it. */
  peek(lane: number): EventRow | null {
    while (this.heads[lane]! >= this.queues[lane]!.length) {
      if (this.drained) return null;
      this.readPage();
    }
    return this.queues[lane]![this.heads[lane]!]!;
  }

  /** The lane's next row is taken (sent or set aside). */
  take(lane: number): void {
    this.heads[lane]! += 1;
    // Taken rows are let go now and then, not on every take.
    if (this.heads[lane]! >= 1_024) {
      this.queues[lane] = this.queues[lane]!.slice(this.heads[lane]);
      this.heads[lane] = 0;
    }
  }

  /** Rows taken from the lane and not stored: its next ones again, in their order. */
  putBack(lane: number, rows: readonly EventRow[]): void {
    this.queues[lane] = [...rows, ...this.queues[lane]!.slice(this.heads[lane])];
    this.heads[lane] = 0;
  }

  private readPage(): void {
    const rows = outboxRows(this.db, this.cursor, this.pageSize());
    if (rows.length === 0) {
      this.drained = true;
      return;
    }
    for (const row of rows) this.queues[laneOf(row, this.lanes)]!.push(row);
    const last = rows.at(-1)!;
    this.cursor = { hlc: last.hlc, id: last.id };
  }
}
