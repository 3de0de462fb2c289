import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendEvents, inTransaction, openDatabase, rebuildProjections } from '../store';
import type { Db } from '../store';
import { testTill } from '../store/testing/events';
import { tempDir } from '../store/testing/temp-db';
import type { TempDir } from '../store/testing/temp-db';
import { EMPTY_PROGRAMME, programmeInForce } from './programme';

const T0 = Date.UTC(2026, 2, 2, 9);

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

describe('programmeInForce', () => {
  it('follows saves, later and earlier ones, rebuilds and rollbacks without asking SQLite each time', () => {
    const till = testTill();
    expect(programmeInForce(db)).toBe(EMPTY_PROGRAMME);

    appendEvents(db, [till.programmeSaved(T0, { name: 'A', termsVersion: 'a' })]);
    expect(programmeInForce(db).name).toBe('A');
    expect(programmeInForce(db)).toBe(programmeInForce(db));

    // A save from an offline till with an earlier clock arrives late: A stays in force.
    const late = testTill('till-b');
    appendEvents(db, [late.programmeSaved(T0 - 60_000, { name: 'Old', termsVersion: 'o' })], {
      origin: 'remote',
    });
    expect(programmeInForce(db).name).toBe('A');

    // Read inside a command that then fails: the save is rolled back, and so is the answer.
    expect(() =>
      inTransaction(db, () => {
        appendEvents(db, [till.programmeSaved(T0 + 1_000, { name: 'B', termsVersion: 'b' })]);
        expect(programmeInForce(db).name).toBe('B');
        throw new Error('the command failed after the save');
      }),
    ).toThrow('failed after the save');
    expect(programmeInForce(db).name).toBe('A');

    // A batch that fails half-way (an invalid event after a save) keeps nothing.
    expect(() =>
      appendEvents(db, [
        till.programmeSaved(T0 + 2_000, { name: 'C', termsVersion: 'c' }),
        { not: 'an event' },
      ]),
    ).toThrow();
    expect(programmeInForce(db).name).toBe('A');

    appendEvents(db, [till.programmeSaved(T0 + 3_000, { name: 'D', termsVersion: 'd' })]);
    expect(programmeInForce(db).name).toBe('D');

    db.prepare('DELETE FROM programme').run();
    rebuildProjections(db);
    expect(programmeInForce(db).name).toBe('D');
  });
});
