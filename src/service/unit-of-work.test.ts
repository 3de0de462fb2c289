import { statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendEvents, CHECKPOINT_EVERY, openDatabase, pendingCount } from '../store';
import type { Db } from '../store';
import { testTill } from '../store/testing/events';
import { tempDir } from '../store/testing/temp-db';
import type { TempDir } from '../store/testing/temp-db';
import type { Notification } from './types';
import { unitOfWork } from './unit-of-work';

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

const T0 = Date.UTC(2026, 2, 2, 9);
const changed: Notification = { type: 'data', what: 'members' };

describe('unitOfWork', () => {
  it('keeps nothing of a command that throws half-way, and tells nobody', () => {
    const till = testTill();
    const heard: Notification[] = [];
    expect(() =>
      unitOfWork(
        db,
        (notifyAfterCommit) => {
          appendEvents(db, [till.enrolled('m1', T0)]);
          notifyAfterCommit(changed);
          throw new Error('the printer caught fire');
        },
        (n) => heard.push(n),
      ),
    ).toThrow('printer caught fire');
    expect(pendingCount(db)).toBe(0);
    expect(db.prepare('SELECT count(*) FROM members').pluck().get()).toBe(0);
    expect(heard).toEqual([]);
  });

  it('commits everything of a command that succeeds, then notifies', () => {
    const till = testTill();
    const heard: Notification[] = [];
    const result = unitOfWork(
      db,
      (notifyAfterCommit) => {
        appendEvents(db, [till.enrolled('m1', T0), till.pointsAdjusted('m1', T0 + 1, 5)]);
        notifyAfterCommit(changed);
        expect(heard).toEqual([]);
        return 'done';
      },
      (n) => heard.push(n),
    );
    expect(result).toBe('done');
    expect(pendingCount(db)).toBe(2);
    expect(heard).toEqual([changed]);
  });

  it('checkpoints the WAL after commands that changed data have answered', async () => {
    // The database file itself is written only by a checkpoint (commits go to the WAL).
    const written = () => statSync(tmp.path('lojal.db'), { bigint: true }).mtimeNs;
    db.pragma('wal_checkpoint(TRUNCATE)');
    const before = written();
    const till = testTill();
    for (let i = 1; i <= CHECKPOINT_EVERY; i++) {
      unitOfWork(
        db,
        (notifyAfterCommit) => {
          appendEvents(db, [till.enrolled(`m${i}`, T0 + i)]);
          notifyAfterCommit(changed);
        },
        () => undefined,
      );
    }
    expect(written()).toBe(before);
    await new Promise((resolve) => setImmediate(resolve));
    expect(written()).toBeGreaterThan(before);
  });
});
