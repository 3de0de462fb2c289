/**
 * Events stored while their type was unknown (an older version of this app
 * kept them as they came, never projected) are projected once this version
 * knows the type; one that does not read as this version reads the type is
 * quarantined like any pulled event it cannot apply.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { appendEvents } from './append';
import { openDatabase } from './db';
import type { Db } from './db';
import { projectNowKnownTypes } from './known-types';
import { loadLedger } from './members';
import { foreignEventCounts, quarantineList } from './quarantine';
import { testTill } from './testing/events';
import { tempDir } from './testing/temp-db';
import type { TempDir } from './testing/temp-db';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);

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

/** As an older version stored an event of a type it did not know: as it came, counted, not projected. */
function storeAsForeign(
  event: { id: string; hlc: string; type: string; memberId: string | null },
  payload: unknown,
) {
  db.prepare(
    `INSERT INTO events (id, chain_id, store_id, terminal_id, hlc, type, member_id, payload,
       schema_version, received_at, pushed, origin)
     VALUES (?, 'chain-1', 'store-1', 'till-new', ?, ?, ?, ?, 1, 0, 1, 'remote')`,
  ).run(event.id, event.hlc, event.type, event.memberId, JSON.stringify(payload));
  db.prepare(
    `INSERT INTO foreign_event_types (type, events) VALUES (?, 1)
     ON CONFLICT (type) DO UPDATE SET events = events + 1`,
  ).run(event.type);
}

it('projects events of a type this version now knows, once, and quarantines one it cannot read', () => {
  const till = testTill('till-new');
  appendEvents(db, [till.enrolled('m1', T0)], { origin: 'remote' });
  const adjusted = till.envelope('points.adjusted', 'm1', {
    points: 250,
    actionId: 'review',
    reason: { nb: 'Anmeldelse', en: 'Review' },
    staffId: null,
    at: T0 + 1_000,
    availableAt: T0 + 1_000,
    expireAt: null,
  });
  const unreadable = till.envelope('points.adjusted', 'm1', {
    points: 100,
    actionId: 'x',
    reason: { nb: 'r', en: 'r' },
    staffId: null,
    at: T0 + 2_000,
    availableAt: T0 + 2_000,
    expireAt: null,
  });
  storeAsForeign(adjusted, adjusted.payload);
  storeAsForeign(unreadable, { points: 'many' });
  const before = loadLedger(db, 'm1')!;
  expect(JSON.stringify(before)).not.toContain(adjusted.id);

  const adopted = projectNowKnownTypes(db);
  expect(adopted).toEqual({ projected: 1, quarantined: 1 });
  const after = JSON.stringify(loadLedger(db, 'm1'));
  expect(after).toContain(adjusted.id);
  expect(after).not.toContain(unreadable.id);
  expect(foreignEventCounts(db)).toEqual([]);
  expect(quarantineList(db, 10)).toEqual([
    expect.objectContaining({ eventId: unreadable.id, code: 'invalid_event', direction: 'pulled' }),
  ]);
  expect(db.prepare('SELECT 1 FROM events WHERE id = ?').get(unreadable.id)).toBeUndefined();
  // Once: nothing left to do on the next start.
  expect(projectNowKnownTypes(db)).toEqual({ projected: 0, quarantined: 0 });
});

it('leaves types this version still does not know as they are', () => {
  const till = testTill('till-new');
  const nickname = { ...till.enrolled('m1', T0), type: 'member.nickname_set' };
  storeAsForeign(nickname, { nickname: 'Kaka' });
  expect(projectNowKnownTypes(db)).toEqual({ projected: 0, quarantined: 0 });
  expect(foreignEventCounts(db)).toEqual([{ type: 'member.nickname_set', events: 1 }]);
});
