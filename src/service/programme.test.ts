import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendEvents, inTransaction, openDatabase, rebuildProjections } from '../store';
import type { Db } from '../store';
import { testTill } from '../store/testing/events';
import { tempDir } from '../store/testing/temp-db';
import type { TempDir } from '../store/testing/temp-db';
import { EMPTY_PROGRAMME, programmeInForce } from './programme';

const T0 = Date.UTC(2026, 2, 2, 9);
const DAY = 86_400_000;

let tmp: TempDir;
let db: Db;
beforeEach(() => {
  tmp = tempDir();
  db = openDatabase(tmp.path('lojal.db')).db;
});
/** At store-1 (testTill's store), an hour after T0 unless told. */
const inForce = (storeId = 'store-1', now = T0 + 3_600_000) => programmeInForce(db, storeId, now);

afterEach(() => {
  db.close();
  tmp.remove();
});

describe('programmeInForce', () => {
  it('follows saves, later and earlier ones, rebuilds and rollbacks without asking SQLite each time', () => {
    const till = testTill();
    expect(inForce()).toBe(EMPTY_PROGRAMME);

    appendEvents(db, [till.programmeSaved(T0, { name: 'A', termsVersion: 'a' })]);
    expect(inForce().name).toBe('A');
    expect(inForce()).toBe(inForce());

    // A save from an offline till with an earlier clock arrives late: A stays in force.
    const late = testTill('till-b');
    appendEvents(db, [late.programmeSaved(T0 - 60_000, { name: 'Old', termsVersion: 'o' })], {
      origin: 'remote',
    });
    expect(inForce().name).toBe('A');

    // Read inside a command that then fails: the save is rolled back, and so is the answer.
    expect(() =>
      inTransaction(db, () => {
        appendEvents(db, [till.programmeSaved(T0 + 1_000, { name: 'B', termsVersion: 'b' })]);
        expect(inForce().name).toBe('B');
        throw new Error('the command failed after the save');
      }),
    ).toThrow('failed after the save');
    expect(inForce().name).toBe('A');

    // A batch that fails half-way (an invalid event after a save) keeps nothing.
    expect(() =>
      appendEvents(db, [
        till.programmeSaved(T0 + 2_000, { name: 'C', termsVersion: 'c' }),
        { not: 'an event' },
      ]),
    ).toThrow();
    expect(inForce().name).toBe('A');

    appendEvents(db, [till.programmeSaved(T0 + 3_000, { name: 'D', termsVersion: 'd' })]);
    expect(inForce().name).toBe('D');

    db.prepare('DELETE FROM programme').run();
    rebuildProjections(db);
    expect(inForce().name).toBe('D');
  });

  it('gives each store the version published to it, from its date, with the latest start winning', () => {
    const owner = testTill('cloud', 'cloud');
    appendEvents(db, [owner.programmeSaved(T0, { name: 'Alle', termsVersion: '1' })]);
    // Planned for store-1 and store-2 from the first of the month after.
    appendEvents(db, [
      owner.programmeSaved(
        T0 + 1_000,
        { name: 'Jul', termsVersion: '1' },
        {
          stores: ['store-1', 'store-2'],
          from: T0 + 10 * DAY,
        },
      ),
    ]);
    expect(inForce('store-1', T0 + DAY).name).toBe('Alle');
    expect(inForce('store-1', T0 + 10 * DAY - 1).name).toBe('Alle');
    // At its date it takes over without anything new arriving.
    expect(inForce('store-1', T0 + 10 * DAY).name).toBe('Jul');
    expect(inForce('store-2', T0 + 11 * DAY).name).toBe('Jul');
    expect(inForce('store-3', T0 + 11 * DAY).name).toBe('Alle');

    // A chain-wide save made after the planned one was published but before its
    // date is in force until the date; then the planned one starts later and wins.
    appendEvents(db, [owner.programmeSaved(T0 + 2 * DAY, { name: 'Rettet', termsVersion: '1' })]);
    expect(inForce('store-1', T0 + 3 * DAY).name).toBe('Rettet');
    expect(inForce('store-1', T0 + 10 * DAY).name).toBe('Jul');
    expect(inForce('store-3', T0 + 10 * DAY).name).toBe('Rettet');

    // A version dated before it was saved applies at once, even at a till whose clock is behind
    // the saver's, and starts when it was saved, so it beats a version that started before.
    appendEvents(db, [
      owner.programmeSaved(
        T0 + 12 * DAY,
        { name: 'Fra i dag', termsVersion: '1' },
        { from: T0 + 11 * DAY },
      ),
    ]);
    expect(inForce('store-1', T0 + 12 * DAY - 1).name).toBe('Fra i dag');
    expect(inForce('store-1', T0 + 12 * DAY).name).toBe('Fra i dag');
    expect(inForce('store-3', T0 + 12 * DAY).name).toBe('Fra i dag');
  });

  it('runs no rules at a store no version has reached yet', () => {
    const owner = testTill('cloud', 'cloud');
    appendEvents(db, [
      owner.programmeSaved(
        T0,
        { name: 'Bare sentrum', termsVersion: '1' },
        { stores: ['store-9'] },
      ),
    ]);
    expect(inForce('store-1')).toBe(EMPTY_PROGRAMME);
    expect(inForce('store-9').name).toBe('Bare sentrum');
  });
});
