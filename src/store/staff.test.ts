import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './db';
import type { Db } from './db';
import { hashPin, verifyPin } from './secrets';
import { listStaff, saveStaff, staffByPin } from './staff';
import { tempDir } from './testing/temp-db';
import type { TempDir } from './testing/temp-db';

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

describe('PIN hashing', () => {
  it('salts every hash and verifies only the right PIN', () => {
    const a = hashPin('1234');
    const b = hashPin('1234');
    expect(a).not.toBe(b);
    expect(a).not.toContain('1234');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(verifyPin('1234', a)).toBe(true);
    expect(verifyPin('1235', a)).toBe(false);
    expect(verifyPin('1234', 'garbage')).toBe(false);
  });
});

describe('staff', () => {
  it('stores no PIN, finds staff by PIN and refuses a PIN someone else holds', () => {
    const kari = saveStaff(db, {
      staffId: 's1',
      name: 'Kari',
      role: 'cashier',
      pin: '1111',
      createdAt: 1,
    });
    expect(kari).toEqual({
      saved: {
        staffId: 's1',
        name: 'Kari',
        role: 'cashier',
        createdAt: 1,
        active: true,
        chainWide: false,
        lastLoginAt: null,
        lastLoginTerminalId: null,
      },
    });
    saveStaff(db, { staffId: 's2', name: 'Morten', role: 'manager', pin: '9999', createdAt: 2 });
    const dump = JSON.stringify(db.prepare('SELECT * FROM staff').all());
    expect(dump).not.toMatch(/1111|9999/);

    expect(staffByPin(db, '9999')?.name).toBe('Morten');
    expect(staffByPin(db, '0000')).toBeNull();

    const clash = saveStaff(db, {
      staffId: 's3',
      name: 'Per',
      role: 'cashier',
      pin: '1111',
      createdAt: 3,
    });
    expect(clash).toEqual({
      pinTakenBy: {
        staffId: 's1',
        name: 'Kari',
        role: 'cashier',
        createdAt: 1,
        active: true,
        chainWide: false,
        lastLoginAt: null,
        lastLoginTerminalId: null,
      },
    });
    expect(listStaff(db).map((s) => s.name)).toEqual(['Kari', 'Morten']);

    // Changing one's own PIN and role is fine.
    saveStaff(db, { staffId: 's1', name: 'Kari N', role: 'manager', pin: '1111', createdAt: 9 });
    expect(staffByPin(db, '1111')).toMatchObject({
      staffId: 's1',
      name: 'Kari N',
      role: 'manager',
      createdAt: 1,
    });
    // A disabled staff member's PIN opens nothing, and frees nobody's.
    saveStaff(db, { staffId: 's2', name: 'Morten', role: 'manager', active: false, createdAt: 2 });
    expect(staffByPin(db, '9999')).toBeNull();
    expect(staffByPin(db, '1111')?.staffId).toBe('s1');
  });
});
