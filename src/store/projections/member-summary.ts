/**
 * Summary columns of the members projection: what a member lookup needs to
 * answer without reading the ledger JSON. A lookup is the hottest read at the
 * till (every customer at the counter), and parsing a member's whole ledger to
 * show a first name, a tier and a balance costs several times the indexed
 * query itself.
 *
 * The columns depend on the ledger only (never on the clock or the programme),
 * so rebuilding from the log gives the same values. Instead of a balance "now"
 * they hold a balance and the interval it holds for; the service uses them
 * only inside that interval and reads the ledger otherwise.
 */
import type { MemberLedger } from '../../core/member-types';

export interface MemberSummaryColumns {
  /**
   * The points balance while every lot with points left is available and none
   * of them has expired: the sum of what is left in the lots, minus the deficit.
   */
  points_balance: number;
  /** From this instant on (the last lot with points left becomes available); null: no such lot. */
  points_valid_from: number | null;
  /** Until just before this instant (the first of those lots expires); null: none expires. */
  points_valid_until: number | null;
  /**
   * Every point in the tier log added up: an upper bound of what any tier
   * period can count. Null when an entry is negative (the bound would not hold).
   */
  points_earned: number | null;
}

export function memberSummaryColumns(ledger: MemberLedger): MemberSummaryColumns {
  let left = 0;
  let validFrom: number | null = null;
  let validUntil: number | null = null;
  for (const lot of ledger.lots) {
    if (lot.remaining === 0) continue;
    left += lot.remaining;
    if (validFrom === null || lot.availableAt > validFrom) validFrom = lot.availableAt;
    if (lot.expiresAt !== null && (validUntil === null || lot.expiresAt < validUntil)) {
      validUntil = lot.expiresAt;
    }
  }
  let earned: number | null = 0;
  for (const entry of ledger.earnLog) {
    if (entry.points < 0) {
      earned = null;
      break;
    }
    earned += entry.points;
  }
  return {
    points_balance: left - ledger.pointsDeficit,
    points_valid_from: validFrom,
    points_valid_until: validUntil,
    points_earned: earned,
  };
}
