/**
 * Two members merged (member.merged / member.absorbed) in the till's store:
 * the absorbed member's number and card find the kept member (ledger and
 * summary lookups), the absorbed member is out of phone and name search and
 * no longer a duplicate-phone clash, and the projections rebuilt from the log,
 * in any order of arrival, are those kept incrementally.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memberNumberFor } from '../core/ean13';
import type { LojalEvent } from '../core/events';
import { absorbedPayload, foldMember } from '../core/member';
import type { MemberEvent } from '../core/events';
import { seededRandom as prng } from '../core/seeded-random';
import { appendEvents } from './append';
import { openDatabase } from './db';
import type { Db } from './db';
import {
  memberByNumber,
  memberByPhone,
  memberByQrToken,
  membersByName,
  memberSummaryByNumber,
  memberSummaryByQrToken,
} from './members';
import { rebuildProjections } from './projections';
import { testTill } from './testing/events';
import { tempDir } from './testing/temp-db';
import type { TempDir } from './testing/temp-db';

const T0 = Date.UTC(2026, 0, 10, 9, 0, 0);
const MIN = 60_000;
const PHONE = '+4791112222';

let tmp: TempDir;
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.remove());

function history(): { events: LojalEvent[]; goneQr: string } {
  const a = testTill('till-a');
  const b = testTill('till-b', 'store-2');
  const cloud = testTill('cloud', 'cloud');
  const enrolKept = a.enrolled('m-kept', T0, {
    memberNumber: memberNumberFor('29', 1),
    phoneE164: PHONE,
  });
  const enrolGone = b.enrolled('m-gone', T0 + MIN, {
    memberNumber: memberNumberFor('29', 2),
    phoneE164: PHONE,
  });
  const keptEvents: MemberEvent[] = [
    enrolKept,
    a.sale('m-kept', T0 + 2 * MIN, { effects: { pointsEarned: 70 } }),
  ];
  const goneEvents: MemberEvent[] = [
    enrolGone,
    b.sale('m-gone', T0 + 3 * MIN, {
      effects: { pointsEarned: 30, stamps: [{ cardId: 'kaffe', count: 2 }] },
    }),
  ];
  const at = T0 + 10 * MIN;
  const gone = foldMember(goneEvents)!;
  const events = [
    ...keptEvents,
    ...goneEvents,
    cloud.envelope('member.absorbed', 'm-kept', absorbedPayload(gone, 'owner-1', at)),
    cloud.envelope('member.merged', 'm-gone', { intoMemberId: 'm-kept', staffId: 'owner-1', at }),
  ] as LojalEvent[];
  return { events, goneQr: enrolGone.payload.qrToken! };
}

function snapshot(db: Db) {
  const rows = db.prepare('SELECT * FROM members ORDER BY member_id').all() as Array<
    Record<string, unknown>
  >;
  return {
    members: rows.map((r) => ({ ...r, ledger: JSON.parse(String(r.ledger)) })),
    conflicts: db.prepare('SELECT * FROM conflicts ORDER BY kind, conflict_key').all(),
  };
}

describe('merged members in the till store', () => {
  it('finds the kept member by the old number and card, and rebuilds the same from the log', () => {
    const { events, goneQr } = history();
    // Before the merge, one phone has two holders: a clash.
    const before = openDatabase(tmp.path('before.db')).db;
    try {
      appendEvents(before, events.slice(0, 4), { origin: 'remote' });
      expect(snapshot(before).conflicts).toEqual([
        expect.objectContaining({ kind: 'duplicate_phone' }),
      ]);
      expect(memberByNumber(before, memberNumberFor('29', 2))?.memberId).toBe('m-gone');
    } finally {
      before.close();
    }
    const random = prng(7);
    for (const [run, order] of [
      events,
      [...events].reverse(),
      [...events].sort(() => random() - 0.5),
    ].entries()) {
      const db = openDatabase(tmp.path(`merge-${run}.db`)).db;
      try {
        for (const event of order) appendEvents(db, [event], { origin: 'remote' });
        const oldNumber = memberNumberFor('29', 2);
        expect(memberByNumber(db, oldNumber)?.memberId).toBe('m-kept');
        expect(memberByQrToken(db, goneQr)?.memberId).toBe('m-kept');
        expect(memberSummaryByNumber(db, oldNumber)).toMatchObject({
          memberId: 'm-kept',
          memberNumber: memberNumberFor('29', 1),
        });
        expect(memberSummaryByQrToken(db, goneQr)?.memberId).toBe('m-kept');
        expect(memberByNumber(db, memberNumberFor('29', 1))?.memberId).toBe('m-kept');
        expect(memberByPhone(db, PHONE)?.memberId).toBe('m-kept');
        expect(membersByName(db, 'kari', 10).map((m) => m.memberId)).toEqual(['m-kept']);
        const kept = memberByNumber(db, oldNumber)!;
        expect(kept.lots.reduce((sum, lot) => sum + lot.remaining, 0)).toBe(100);
        expect(kept.stamps).toEqual({ kaffe: 2 });
        // One holder of the phone: no duplicate-phone clash at the till.
        const incremental = snapshot(db);
        expect(incremental.conflicts).toEqual([]);
        rebuildProjections(db);
        expect(snapshot(db)).toEqual(incremental);
        db.prepare('DELETE FROM members').run();
        rebuildProjections(db);
        expect(snapshot(db)).toEqual(incremental);
      } finally {
        db.close();
      }
    }
  });
});
