import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memberNumberFor } from '../core/ean13';
import { appendEvents } from './append';
import { openDatabase } from './db';
import type { Db } from './db';
import { memberByQrToken, memberSummaryByQrToken } from './members';
import { rebuildProjections } from './projections';
import { clashOver, localConflicts } from './sync-conflicts';
import { testTill } from './testing/events';
import { tempDir } from './testing/temp-db';
import type { TempDir } from './testing/temp-db';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const TOKEN = 'ljm-SHAREDTOKENSHAREDTOKEN1';

let tmp: TempDir;
let db: Db;
beforeEach(() => {
  tmp = tempDir();
  db = openDatabase(tmp.path('lojal.db')).db;
});
afterEach(() => {
  db.close();
  tmp.remove();
});

describe('two members sharing a QR token (enrolled by a faulty till, passed on by the cloud)', () => {
  function clashing() {
    const a = testTill('till-a');
    const b = testTill('till-b');
    return [
      b.enrolled('m-late', T0 + 60_000, {
        qrToken: TOKEN,
        phoneE164: '+4790000002',
        memberNumber: memberNumberFor('29', 2),
      }),
      a.enrolled('m-early', T0, {
        qrToken: TOKEN,
        phoneE164: '+4790000001',
        memberNumber: memberNumberFor('29', 1),
      }),
    ];
  }

  it('stores both, lists a duplicate_qr_token conflict and answers the earliest enrolment', () => {
    // Before migration 006 this threw "UNIQUE constraint failed: members.qr_token".
    const { appended } = appendEvents(db, clashing(), { origin: 'remote' });
    expect(appended).toHaveLength(2);
    expect(memberByQrToken(db, TOKEN)?.memberId).toBe('m-early');
    expect(memberSummaryByQrToken(db, TOKEN)?.memberId).toBe('m-early');
    const clash = clashOver(db, 'duplicate_qr_token', TOKEN);
    expect(clash?.members.map((m) => m.memberId)).toEqual(['m-early', 'm-late']);
    expect(localConflicts(db).map((c) => [c.kind, c.value])).toEqual([
      ['duplicate_qr_token', TOKEN],
    ]);
  });

  it('gives the same conflict after a rebuild from the log, whatever the arrival order', () => {
    const [late, early] = clashing();
    appendEvents(db, [early!], { origin: 'remote' });
    appendEvents(db, [late!], { origin: 'remote' });
    const before = localConflicts(db);
    rebuildProjections(db);
    expect(localConflicts(db)).toEqual(before);
    expect(before).toHaveLength(1);
  });
});
