import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseWireEvent } from '../core/events';
import { appendEvents, appendWireEvents, keepUnknownFields } from './append';
import { openDatabase } from './db';
import type { Db } from './db';
import { memberEvents } from './event-log';
import { loadLedger } from './members';
import { rebuildProjections } from './projections';
import { foreignEventCounts } from './quarantine';
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

/** As a pull delivers it: parsed, with the payload as sent. */
function incoming(raw: object) {
  return { wire: parseWireEvent(raw), rawPayload: (raw as { payload?: unknown }).payload };
}

const storedPayload = (id: string) =>
  JSON.parse(
    db.prepare('SELECT payload FROM events WHERE id = ?').pluck().get(id) as string,
  ) as unknown;

describe('events from a newer version', () => {
  const till = testTill('till-new');
  const enrolled = till.enrolled('m1', T0);
  const nickname = {
    ...till.enrolled('m1', T0 + 1_000),
    type: 'member.nickname_set',
    payload: { nickname: 'Kaka', at: T0 + 1_000, nested: { keep: [1, { a: 'b' }] } },
  };

  it('stores an unknown type as it came, never projects it, and counts it', () => {
    appendEvents(db, [enrolled], { origin: 'remote' });
    const before = db.prepare('SELECT ledger FROM members').pluck().get();
    const result = appendWireEvents(db, [incoming(nickname)], T0);
    expect(result.foreign.map((e) => e.id)).toEqual([nickname.id]);
    expect(result.appended).toEqual([]);
    expect(storedPayload(nickname.id)).toEqual(nickname.payload);
    expect(db.prepare('SELECT ledger FROM members').pluck().get()).toEqual(before);
    expect(memberEvents(db, 'm1').map((e) => e.id)).toEqual([enrolled.id]);
    expect(foreignEventCounts(db)).toEqual([{ type: 'member.nickname_set', events: 1 }]);
    // Delivered again: a no-op, counted once.
    expect(appendWireEvents(db, [incoming(nickname)], T0).duplicates).toEqual([nickname.id]);
    expect(foreignEventCounts(db)[0]!.events).toBe(1);
    // A rebuild from the log passes over it.
    const ledger = loadLedger(db, 'm1');
    rebuildProjections(db);
    expect(loadLedger(db, 'm1')).toEqual(ledger);
  });

  it('keeps fields a newer version added to a known event, at every depth', () => {
    const sale = till.sale('m1', T0 + 2_000);
    const sent = {
      ...sale,
      payload: {
        ...sale.payload,
        loyaltyNote: 'ny',
        lines: sale.payload.lines.map((l) => ({ ...l, origin: { shelf: 3 } })),
      },
    };
    appendEvents(db, [enrolled], { origin: 'remote' });
    const { appended } = appendWireEvents(db, [incoming(sent)], T0);
    expect(appended.map((e) => e.id)).toEqual([sale.id]);
    // Stored (and passed on) as sent, whatever parsing this version does keeps.
    expect(storedPayload(sale.id)).toEqual(sent.payload);
  });

  it('blanks an unknown type of an erased member: which of its fields are personal cannot be told', () => {
    appendWireEvents(db, [incoming(enrolled), incoming(nickname)], T0);
    appendEvents(db, [till.erased('m1', T0 + 5_000)], { origin: 'remote' });
    expect(storedPayload(nickname.id)).toEqual({});
    const later = { ...nickname, id: till.erased('m1', T0 + 6_000).id };
    appendWireEvents(db, [incoming(later)], T0);
    expect(storedPayload(later.id)).toEqual({});
  });
});

describe('keepUnknownFields', () => {
  it('takes known fields (defaults filled) from the parsed value and the rest from what was sent', () => {
    expect(
      keepUnknownFields(
        { a: 1, extra: 'x', list: [{ b: 2, more: true }], gone: null },
        { a: 1, list: [{ b: 2 }], defaulted: 0 },
      ),
    ).toEqual({ a: 1, extra: 'x', list: [{ b: 2, more: true }], gone: null, defaulted: 0 });
  });
});
