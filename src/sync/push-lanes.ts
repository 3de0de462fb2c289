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
