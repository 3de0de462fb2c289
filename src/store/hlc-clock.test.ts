import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeHlc } from '../core/hlc';
import { openDatabase } from './db';
import type { Db } from './db';
import { HlcClock, observeHlc } from './hlc-clock';
import { tempDir } from './testing/temp-db';
import type { TempDir } from './testing/temp-db';

const T0 = Date.UTC(2026, 0, 5, 8, 0, 0);

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

describe('HlcClock', () => {
  it('ticks strictly forward, even when the wall clock stands still or goes back', () => {
    let wall = T0;
    const clock = new HlcClock(db, 'till-a', () => wall);
    const first = clock.tick();
    const second = clock.tick();
    wall = T0 - 3_600_000; // someone set the till's clock back an hour
    const third = clock.tick();
    expect(first < second && second < third).toBe(true);
    expect(decodeHlc(third)).toEqual({ wallMs: T0, counter: 2, node: 'till-a' });
  });

  it('carries on after a restart from the persisted clock', () => {
    const wall = T0;
    const before = new HlcClock(db, 'till-a', () => wall).tick();
    db.close();
    db = openDatabase(tmp.path('lojal.db')).db;
    const after = new HlcClock(db, 'till-a', () => wall - 10_000).tick();
    expect(after > before).toBe(true);
  });

  it('sorts local events after a remote timestamp it has received', () => {
    const clock = new HlcClock(db, 'till-a', () => T0);
    const remote = new HlcClock(db, 'till-zzz', () => T0 + 60_000);
    const remoteStamp = remote.tick();
    db.prepare('DELETE FROM settings').run();
    clock.receive(remoteStamp);
    expect(clock.tick() > remoteStamp).toBe(true);
  });

  it('keeps sorting after what it received from the cloud when its wall clock is days behind', () => {
    // The cloud's time (its Date header) vouches for the received clock: it is not poison.
    const cloudNow = T0 + 3 * 86_400_000;
    const clock = new HlcClock(db, 'till-a', () => T0);
    const remoteStamp = new HlcClock(db, 'till-zzz', () => cloudNow).tick();
    db.prepare('DELETE FROM settings').run();
    clock.receive(remoteStamp, cloudNow);
    expect(clock.tick() > remoteStamp).toBe(true);
    db.close();
    db = openDatabase(tmp.path('lojal.db')).db;
    expect(new HlcClock(db, 'till-a', () => T0).tick() > remoteStamp).toBe(true);
  });

  it('sorts after any timestamp the log has seen (observeHlc)', () => {
    const clock = new HlcClock(db, 'a', () => T0);
    observeHlc(db, `${String(T0 + 5_000).padStart(15, '0')}-000003-zz-other-till`);
    const next = decodeHlc(clock.tick());
    expect(next).toEqual({ wallMs: T0 + 5_000, counter: 4, node: 'a' });
  });
});

describe('a clock poisoned by a far-future event (before such events were quarantined)', () => {
  const DAY = 24 * 3_600_000;

  it('ticks at the maximum clock "999999999999999-zzzzzz-x" without throwing, back within the bound', () => {
    db.prepare(
      "INSERT INTO settings (key, value) VALUES ('hlc.last', '999999999999999-zzzzzz-x')",
    ).run();
    const clock = new HlcClock(db, 'till-a', () => T0);
    const first = clock.tick();
    const second = clock.tick();
    expect(decodeHlc(first)).toEqual({ wallMs: T0, counter: 0, node: 'till-a' });
    expect(second > first).toBe(true);
  });

  it('goes back to the newest sane clock in the log, so new events still sort after it', () => {
    const sane = `${String(T0 + 5_000).padStart(15, '0')}-000007-other`;
    db.prepare(
      `INSERT INTO events (id, chain_id, store_id, terminal_id, hlc, type, member_id, payload,
         schema_version, received_at, pushed, origin)
       VALUES ('e1', 'c', 's', 'other', ?, 'catalogue.saved', NULL, '{}', 1, 0, 1, 'remote')`,
    ).run(sane);
    const far = `${String(T0 + 400 * DAY).padStart(15, '0')}-000000-evil`;
    db.prepare("INSERT INTO settings (key, value) VALUES ('hlc.last', ?)").run(far);
    const clock = new HlcClock(db, 'till-a', () => T0);
    const next = clock.tick();
    expect(next > sane).toBe(true);
    expect(decodeHlc(next)).toEqual({ wallMs: T0 + 5_000, counter: 8, node: 'till-a' });
    expect(clock.last()).toBe(next);
  });

  it('keeps a clock ahead by less than the bound (a till whose wall clock is slow)', () => {
    const ahead = `${String(T0 + DAY - 1).padStart(15, '0')}-000003-other`;
    db.prepare("INSERT INTO settings (key, value) VALUES ('hlc.last', ?)").run(ahead);
    const next = new HlcClock(db, 'till-a', () => T0).tick();
    expect(decodeHlc(next)).toEqual({ wallMs: T0 + DAY - 1, counter: 4, node: 'till-a' });
  });

  it('reads a stored clock that does not decode as poisoned too', () => {
    db.prepare("INSERT INTO settings (key, value) VALUES ('hlc.last', 'garbage')").run();
    expect(decodeHlc(new HlcClock(db, 'till-a', () => T0).tick()).wallMs).toBe(T0);
  });
});
