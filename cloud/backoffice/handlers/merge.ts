/**
 * Merging two members who are one person (src/contract/backoffice/merge.ts):
 * both events — `member.merged` on the member absorbed, `member.absorbed` on
 * the member kept — are written in one transaction under both members' locks,
 * through the path a till's push takes (appendEvents: the index, whose phone
 * goes with the merge, and the conflicts follow), with clocks after every
 * event the chain holds, so every till folds them like any other.
 */
import { v7 as uuidv7 } from 'uuid';
import { EVENT_SCHEMA_VERSION } from '../../../src/core/events';
import type { EventEnvelope, LojalEvent } from '../../../src/core/events';
import { decodeHlc, encodeHlc, receiveHlc } from '../../../src/core/hlc';
import type { Hlc } from '../../../src/core/hlc';
import { absorbedPayload, memberView } from '../../../src/core/member';
import type { MemberLedger } from '../../../src/core/member-types';
import { mergeRefusals } from '../../../src/contract/backoffice/merge';
import type { BoMergeMember, BoMergeState } from '../../../src/contract/backoffice/merge';
import type { Queryable } from '../../db/database';
import { appendEvents, newestHlc } from '../../event-log';
import { lockMembers } from '../../event-rows';
import { CLOUD_ORIGIN } from '../../programme-change';
import { programmeInForce } from '../../programme';
import { notFound } from '../errors';
import { fieldRefusal, loadMember } from '../members';
import type { BoHandlers } from './types';

function nameOf(ledger: MemberLedger): string | null {
  const { firstName, lastName } = ledger.profile;
  const name = [firstName, lastName].filter(Boolean).join(' ');
  return name === '' ? null : name;
}

/** Live, unmerged members sharing a phone with this one (its open duplicate-phone conflicts). */
async function candidatesOf(db: Queryable, chainId: string, memberId: string): Promise<string[]> {
  const rows = await db.query<{ flag: { memberIds?: string[] } }>(
    `SELECT flag FROM conflicts WHERE chain_id = $1 AND member_id = $2 AND kind = 'duplicate_phone'`,
    [chainId, memberId],
  );
  return [...new Set(rows.flatMap((r) => r.flag.memberIds ?? []))].filter((id) => id !== memberId);
}

export const mergeHandlers = {
  'members.mergeCandidates': async ({ memberId }, ctx): Promise<BoMergeState> => {
    const chainId = ctx.scope.chainId;
    const { ledger } = await loadMember(ctx.db, chainId, memberId);
    if (ledger.erased) throw notFound('the member');
    const programme = await programmeInForce(ctx.db, chainId);
    let mergedInto: BoMergeState['mergedInto'] = null;
    if (ledger.mergedInto !== undefined) {
      const kept = await loadMember(ctx.db, chainId, ledger.mergedInto);
      mergedInto = { memberId: kept.ledger.memberId, memberNumber: kept.ledger.memberNumber };
    }
    const candidates: BoMergeMember[] = [];
    for (const id of await candidatesOf(ctx.db, chainId, memberId)) {
      const other = (await loadMember(ctx.db, chainId, id)).ledger;
      if (other.erased || other.mergedInto !== undefined) continue;
      candidates.push({
        memberId: other.memberId,
        memberNumber: other.memberNumber,
        name: nameOf(other),
        enrolledAt: other.enrolledAt,
        points: memberView(programme, other, ctx.now).points.balance,
      });
    }
    return {
      mergedInto,
      absorbed: (ledger.aliases ?? []).map((a) => ({
        memberId: a.memberId,
        memberNumber: a.memberNumber,
      })),
      candidates,
    };
  },

  'members.merge': async ({ keepMemberId, absorbMemberId }, ctx) => {
    const chainId = ctx.scope.chainId;
    const staffId = ctx.account.accountId;
    if (keepMemberId === absorbMemberId)
      throw fieldRefusal(
        'absorbMemberId',
        mergeRefusals.same(),
        'a member is not merged into itself',
      );
    await ctx.db.transaction(async (tx) => {
      await lockMembers(tx, chainId, [keepMemberId, absorbMemberId]);
      const kept = (await loadMember(tx, chainId, keepMemberId)).ledger;
      const gone = (await loadMember(tx, chainId, absorbMemberId)).ledger;
      if (kept.erased) throw notFound('the member');
      if (gone.erased) throw notFound('the member');
      if (kept.mergedInto !== undefined)
        throw fieldRefusal('keepMemberId', mergeRefusals.merged(), 'already merged into another');
      if (gone.mergedInto !== undefined)
        throw fieldRefusal('absorbMemberId', mergeRefusals.merged(), 'already merged into another');
      // After every event of the chain and of both members: the merge is the newest word.
      const seen = [await newestHlc(tx, chainId), kept.lastHlc, gone.lastHlc]
        .filter((h): h is string => h !== null && h !== '')
        .sort()
        .at(-1);
      const first: Hlc = seen
        ? receiveHlc(null, decodeHlc(seen), ctx.now, CLOUD_ORIGIN)
        : { wallMs: ctx.now, counter: 0, node: CLOUD_ORIGIN };
      const second = receiveHlc(first, first, ctx.now, CLOUD_ORIGIN);
      const envelope = <T extends 'member.merged' | 'member.absorbed'>(
        type: T,
        memberId: string,
        payload: EventEnvelope<T>['payload'],
        hlc: Hlc,
      ) =>
        ({
          id: uuidv7({ msecs: ctx.now }),
          chainId,
          storeId: CLOUD_ORIGIN,
          terminalId: CLOUD_ORIGIN,
          hlc: encodeHlc(hlc),
          type,
          memberId,
          payload,
          schemaVersion: EVENT_SCHEMA_VERSION,
        }) as EventEnvelope<T>;
      const events = [
        envelope('member.absorbed', keepMemberId, absorbedPayload(gone, staffId, ctx.now), first),
        envelope(
          'member.merged',
          absorbMemberId,
          { intoMemberId: keepMemberId, staffId, at: ctx.now },
          second,
        ),
      ];
      await appendEvents(tx, chainId, events as unknown as LojalEvent[], ctx.now);
    });
    return { memberId: keepMemberId, absorbedMemberId: absorbMemberId };
  },
} satisfies Pick<BoHandlers, 'members.mergeCandidates' | 'members.merge'>;
