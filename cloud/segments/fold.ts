/**
 * A segment by the engine itself: every stored ledger of the chain folded to a
 * view at `now` and judged by `segmentMatches`, exactly as a till judges its
 * member offline. Slow (it reads every ledger), so the back office counts with
 * SQL (./sql.ts); this is what that SQL is held to (the property test) and
 * what a member's row is made from.
 */
import { memberView, segmentMatches } from '../../src/core/member';
import type { MemberLedger, MemberView } from '../../src/core/member-types';
import type { Programme, SegmentRule } from '../../src/core/programme';
import type { Queryable } from '../db/database';
import { chainLedgers } from '../member-ledgers';

export interface FoldedMember {
  ledger: MemberLedger;
  view: MemberView;
}

const PAGE = 1_000;

/** The chain's members the rule matches at `now`, by member number (then id). */
export async function matchByFold(
  db: Queryable,
  chainId: string,
  rule: SegmentRule,
  now: number,
  programme: Programme,
): Promise<FoldedMember[]> {
  const matched: FoldedMember[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await chainLedgers(db, chainId, after, PAGE);
    for (const { ledger } of page) {
      const view = memberView(programme, ledger, now);
      if (segmentMatches(rule, view, ledger, now, programme)) matched.push({ ledger, view });
    }
    if (page.length < PAGE) break;
    after = page.at(-1)!.memberId;
  }
  return matched.sort(
    (a, b) =>
      compare(a.ledger.memberNumber, b.ledger.memberNumber) ||
      compare(a.ledger.memberId, b.ledger.memberId),
  );
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
