import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isMemberNumber, memberNumberFor } from '../core/ean13';
import { appendEvents } from './append';
import { openDatabase } from './db';
import type { Db } from './db';
import {
  allocateMemberNumber,
  memberByNumber,
  memberByPhone,
  memberByQrToken,
  membersByName,
  setTerminalSlot,
} from './members';
import { testTill } from './testing/events';
import { tempDir } from './testing/temp-db';
import type { TempDir } from './testing/temp-db';
import { newQrToken, QR_TOKEN_PATTERN } from './ids';

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

function enrol(memberId: string, n: number, first: string, last: string, phone: string): void {
  const till = testTill();
  appendEvents(db, [
    till.enrolled(memberId, T0 + n, {
      memberNumber: memberNumberFor('29', n),
      phoneE164: phone,
      qrToken: newQrToken(),
      profile: {
        firstName: first,
        lastName: last,
        email: null,
        birthDate: null,
        postalCode: null,
        gender: null,
      },
    }),
  ]);
}

describe('member number allocation', () => {
  it('hands out valid EAN-13 numbers under the prefix from this till’s block', () => {
    setTerminalSlot(db, 7);
    const first = allocateMemberNumber(db, '29');
    const second = allocateMemberNumber(db, '29');
    expect(isMemberNumber(first, '29')).toBe(true);
    expect(isMemberNumber(second, '29')).toBe(true);
    expect(first.slice(0, 12)).toBe('290007000001');
    expect(second.slice(0, 12)).toBe('290007000002');
  });

  it('never gives two offline tills the same number', () => {
    const other = openDatabase(tmp.path('other.db')).db;
    setTerminalSlot(db, 1);
    setTerminalSlot(other, 2);
    const mine = new Set(Array.from({ length: 200 }, () => allocateMemberNumber(db, '290')));
    const theirs = Array.from({ length: 200 }, () => allocateMemberNumber(other, '290'));
    other.close();
    expect(mine.size).toBe(200);
    expect(theirs.filter((n) => mine.has(n))).toEqual([]);
  });

  it('skips a number that is already taken by a synced member', () => {
    setTerminalSlot(db, 0);
    const taken = allocateMemberNumber(db, '29');
    db.prepare("UPDATE settings SET value = '0' WHERE key = 'serial.member'").run();
    appendEvents(db, [testTill('till-b').enrolled('m1', T0, { memberNumber: taken })], {
      origin: 'remote',
    });
    expect(allocateMemberNumber(db, '29')).not.toBe(taken);
  });

  it('refuses to allocate without a slot', () => {
    expect(() => allocateMemberNumber(db, '29')).toThrow(/slot/);
  });
});

describe('lookups', () => {
  beforeEach(() => {
    enrol('m1', 1, 'Kari', 'Nordmann', '+4798765432');
    enrol('m2', 2, 'Øyvind', 'Ås', '+4791111111');
    enrol('m3', 3, 'Åse', 'Kristiansen', '+4792222222');
    enrol('m4', 4, 'Karianne', 'Berg', '+4793333333');
  });

  it('finds a member by phone, number and QR token', () => {
    expect(memberByPhone(db, '+4791111111')?.memberId).toBe('m2');
    const m2 = memberByPhone(db, '+4791111111')!;
    expect(memberByNumber(db, m2.memberNumber)?.memberId).toBe('m2');
    expect(memberByQrToken(db, m2.qrToken)?.memberId).toBe('m2');
    expect(memberByPhone(db, '+4700000000')).toBeNull();
  });

  it('searches names by prefix of first or last name, case-insensitively with Nordic letters', () => {
    const ids = (q: string) => membersByName(db, q, 20).map((m) => m.memberId);
    expect(ids('kari')).toEqual(['m1', 'm4']);
    expect(ids('KARI N')).toEqual(['m1']);
    expect(ids('øyv')).toEqual(['m2']);
    expect(ids('ÅS')).toEqual(['m2', 'm3']);
    expect(ids('kristiansen å')).toEqual(['m3']);
    expect(ids('berg')).toEqual(['m4']);
    expect(ids('zz')).toEqual([]);
    expect(membersByName(db, 'kari', 1)).toHaveLength(1);
  });

  it('QR tokens are 26 scanner-safe characters', () => {
    const tokens = new Set(Array.from({ length: 100 }, newQrToken));
    expect(tokens.size).toBe(100);
    for (const t of tokens) expect(t).toMatch(QR_TOKEN_PATTERN);
  });
});
