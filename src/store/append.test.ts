import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendEvents, ERASED_MEMBER_SQL } from './append';
import { openDatabase } from './db';
import type { Db } from './db';
import { getEvent, markPushed, memberEvents, outbox, pendingCount } from './event-log';
import { memberByPhone, memberByQrToken, loadLedger } from './members';
import { saleById } from './sales';
import { currentProgramme, allProducts, productByBarcode } from './catalogue';
import { getSetting, SettingKeys } from './settings';
import { testTill } from './testing/events';
import { tempDir } from './testing/temp-db';
import type { TempDir } from './testing/temp-db';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const MIN = 60_000;

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

function eventCount(): number {
  return db.prepare('SELECT count(*) FROM events').pluck().get() as number;
}

describe('appendEvents', () => {
  it('stores an event and its member projection in one go', () => {
    const till = testTill();
    const enrolled = till.enrolled('m1', T0);
    const result = appendEvents(db, [enrolled]);
    expect(result.appended.map((e) => e.id)).toEqual([enrolled.id]);
    expect(getEvent(db, enrolled.id)?.event).toEqual(enrolled);
    const ledger = memberByPhone(db, '+4798765432');
    expect(ledger?.memberId).toBe('m1');
    expect(ledger?.profile.firstName).toBe('Kari');
    expect(getSetting(db, SettingKeys.hlcLast)).toBe(enrolled.hlc);
  });

  it('treats a repeated id as delivered already: nothing changes', () => {
    const till = testTill();
    const enrolled = till.enrolled('m1', T0);
    const sale = till.sale('m1', T0 + MIN, { effects: { pointsEarned: 10 } });
    appendEvents(db, [enrolled, sale]);
    const before = loadLedger(db, 'm1');
    const again = appendEvents(db, [sale, enrolled, sale], { origin: 'remote' });
    expect(again.appended).toEqual([]);
    expect(again.duplicates).toEqual([sale.id, enrolled.id, sale.id]);
    expect(eventCount()).toBe(2);
    expect(loadLedger(db, 'm1')).toEqual(before);
    expect(loadLedger(db, 'm1')?.purchases).toBe(1);
  });

  it('writes nothing of a batch when one event is invalid', () => {
    const till = testTill();
    const good = till.enrolled('m1', T0);
    const bad = { ...till.sale('m1', T0 + MIN), id: 'not-a-uuid' };
    expect(() => appendEvents(db, [good, bad])).toThrow(/UUIDv7/);
    expect(eventCount()).toBe(0);
    expect(loadLedger(db, 'm1')).toBeNull();
  });

  it('keeps local events in the outbox until the cloud acknowledges them; remote ones never', () => {
    const till = testTill('till-a');
    const other = testTill('till-b');
    const local = till.enrolled('m1', T0);
    const remote = other.enrolled('m2', T0 + MIN, {
      phoneE164: '+4791111111',
      memberNumber: '2900000000024',
    });
    appendEvents(db, [local]);
    appendEvents(db, [remote], { origin: 'remote' });
    expect(pendingCount(db)).toBe(1);
    expect(outbox(db, 10).map((e) => e.id)).toEqual([local.id]);
    expect(getEvent(db, remote.id)?.origin).toBe('remote');
    markPushed(db, [local.id]);
    expect(pendingCount(db)).toBe(0);
  });

  it('remembers the highest clock seen so later local events sort after remote ones', () => {
    const till = testTill('till-a');
    const fast = testTill('till-fast');
    appendEvents(db, [till.enrolled('m1', T0)]);
    const future = fast.pointsAdjusted('m1', T0 + 60 * MIN, 5);
    appendEvents(db, [future], { origin: 'remote' });
    expect(getSetting(db, SettingKeys.hlcLast)).toBe(future.hlc);
    appendEvents(db, [till.pointsAdjusted('m1', T0 + 2 * MIN, 1)]);
    expect(getSetting(db, SettingKeys.hlcLast)).toBe(future.hlc);
  });

  it('projects a sale, and its void even when the void arrives first', () => {
    const till = testTill();
    const enrolled = till.enrolled('m1', T0);
    const sale = till.sale('m1', T0 + MIN, { totalOre: 4_500, effects: { pointsEarned: 4 } });
    const voided = till.voided('m1', sale.payload.saleId, T0 + 2 * MIN);
    appendEvents(db, [enrolled, voided], { origin: 'remote' });
    expect(saleById(db, sale.payload.saleId)).toBeNull();
    appendEvents(db, [sale], { origin: 'remote' });
    const stored = saleById(db, sale.payload.saleId);
    expect(stored?.voided).toBe(true);
    expect(stored?.totalOre).toBe(4_500);
    expect(loadLedger(db, 'm1')?.purchases).toBe(0);
  });

  it('records a sale without a member', () => {
    const till = testTill();
    const sale = till.sale(null, T0, { totalOre: 3_900 });
    appendEvents(db, [sale]);
    const stored = saleById(db, sale.payload.saleId);
    expect(stored?.memberId).toBeNull();
    expect(stored?.totalOre).toBe(3_900);
  });

  it('folds member events that arrive before the enrolment once it comes', () => {
    const till = testTill();
    const enrolled = till.enrolled('m1', T0);
    const points = till.pointsAdjusted('m1', T0 + MIN, 50);
    appendEvents(db, [points], { origin: 'remote' });
    expect(loadLedger(db, 'm1')).toBeNull();
    appendEvents(db, [enrolled], { origin: 'remote' });
    expect(loadLedger(db, 'm1')?.lots.map((l) => l.points)).toEqual([50]);
  });

  it('keeps the newest programme and catalogue by clock, whatever the arrival order', () => {
    const till = testTill();
    const older = till.programmeSaved(T0, { name: 'Gammel', termsVersion: 'v1' });
    const newer = till.programmeSaved(T0 + MIN, { name: 'Ny', termsVersion: 'v2' });
    appendEvents(db, [newer, older], { origin: 'remote' });
    expect(currentProgramme(db)?.programme.name).toBe('Ny');
    expect(currentProgramme(db)?.version).toBe(2);

    const oldCatalogue = till.catalogueSaved(T0 + 2 * MIN, [
      {
        sku: 'a',
        name: 'A',
        category: 'x',
        priceOre: 100,
        vatRate: 15,
        barcodes: ['7040000000019'],
      },
    ]);
    const newCatalogue = till.catalogueSaved(T0 + 3 * MIN, [
      {
        sku: 'b',
        name: 'Bolle',
        category: 'x',
        priceOre: 200,
        vatRate: 15,
        barcodes: ['7040000000026'],
      },
    ]);
    appendEvents(db, [newCatalogue, oldCatalogue]);
    expect(allProducts(db).map((p) => p.sku)).toEqual(['b']);
    expect(productByBarcode(db, '7040000000026')?.name).toBe('Bolle');
    expect(productByBarcode(db, '7040000000019')).toBeNull();
  });

  it('records two live members with one phone as a conflict instead of refusing the event', () => {
    const a = testTill('till-a');
    const b = testTill('till-b');
    appendEvents(db, [a.enrolled('m1', T0)]);
    appendEvents(db, [b.enrolled('m2', T0 + MIN, { memberNumber: '2900010000017' })], {
      origin: 'remote',
    });
    const conflicts = db.prepare('SELECT kind, conflict_key, member_ids FROM conflicts').all();
    expect(conflicts).toEqual([
      { kind: 'duplicate_phone', conflict_key: '+4798765432', member_ids: '["m1","m2"]' },
    ]);
    // The earliest enrolment answers a phone lookup.
    expect(memberByPhone(db, '+4798765432')?.memberId).toBe('m1');
    appendEvents(db, [b.profileUpdated('m2', T0 + 2 * MIN, { phoneE164: '+4791234567' })]);
    expect(db.prepare('SELECT count(*) FROM conflicts').pluck().get()).toBe(0);
  });
});

describe('erasure', () => {
  it('rewrites the member log without personal data and keeps the anonymous sale', () => {
    const till = testTill();
    const enrolled = till.enrolled('m1', T0);
    const sale = till.sale('m1', T0 + MIN, { totalOre: 12_300, effects: { pointsEarned: 12 } });
    const moved = till.profileUpdated('m1', T0 + 2 * MIN, {
      phoneE164: '+4791234567',
      email: 'ny@example.no',
    });
    appendEvents(db, [enrolled, sale, moved]);
    appendEvents(db, [till.erased('m1', T0 + 3 * MIN)]);

    const log = JSON.stringify(memberEvents(db, 'm1'));
    for (const personal of [
      '98765432',
      '91234567',
      'Kari',
      'Nordmann',
      'example.no',
      '1990-05-17',
      '0150',
    ]) {
      expect(log).not.toContain(personal);
    }
    expect(memberByPhone(db, '+4791234567')).toBeNull();
    expect(memberByQrToken(db, enrolled.payload.qrToken!)).toBeNull();
    const row = db.prepare('SELECT * FROM members WHERE member_id = ?').get('m1') as Record<
      string,
      unknown
    >;
    expect(row).toMatchObject({
      erased: 1,
      phone_e164: null,
      first_name: null,
      last_name: null,
      qr_token: null,
    });
    expect(saleById(db, sale.payload.saleId)?.totalOre).toBe(12_300);
    expect(loadLedger(db, 'm1')?.purchases).toBe(1);
  });

  it('redacts personal data that arrives after the erasure', () => {
    const till = testTill();
    const remote = testTill('till-b');
    appendEvents(db, [till.enrolled('m1', T0), till.erased('m1', T0 + 2 * MIN)]);
    // A profile change made offline at another till before the erasure, synced after it.
    const late = remote.profileUpdated('m1', T0 + MIN, { firstName: 'Sensitiv' });
    appendEvents(db, [late], { origin: 'remote' });
    expect(JSON.stringify(getEvent(db, late.id)?.event)).not.toContain('Sensitiv');
    expect(loadLedger(db, 'm1')?.profile.firstName).toBeNull();
  });

  it('asks whether a member was erased from the erasures alone, not from all their events', () => {
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${ERASED_MEMBER_SQL}`).all('m1') as {
      detail: string;
    }[];
    expect(plan.map((step) => step.detail)).toEqual([
      'SEARCH events USING COVERING INDEX events_member_erased (member_id=?)',
    ]);
  });

  it('touches only the erased member', () => {
    const till = testTill();
    appendEvents(db, [
      till.enrolled('m1', T0),
      till.enrolled('m2', T0 + MIN, {
        phoneE164: '+4791111111',
        memberNumber: '2900000000024',
        profile: {
          firstName: 'Ola',
          lastName: 'Hansen',
          email: null,
          birthDate: null,
          postalCode: null,
          gender: null,
        },
      }),
    ]);
    appendEvents(db, [till.erased('m1', T0 + 2 * MIN)]);
    expect(loadLedger(db, 'm2')?.profile.firstName).toBe('Ola');
    expect(memberByPhone(db, '+4791111111')?.memberId).toBe('m2');
  });
});
