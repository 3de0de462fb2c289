import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectionOf } from './connection';
import { openDatabase } from './db';
import type { Db } from './db';
import { HlcClock } from './hlc-clock';
import { statement } from './statements';
import { tempDir } from './testing/temp-db';
import type { TempDir } from './testing/temp-db';

let tmp: TempDir;
let one: Db;
let two: Db;
beforeEach(() => {
  tmp = tempDir();
  one = openDatabase(tmp.path('lojal.db')).db;
  two = openDatabase(tmp.path('lojal.db')).db;
});
afterEach(() => {
  one.close();
  two.close();
  tmp.remove();
});

describe('Connection', () => {
  it('is one object per connection, made by openDatabase, and owns its statements', () => {
    const state = connectionOf(one);
    expect(state.db).toBe(one);
    expect(connectionOf(one)).toBe(state);
    expect(connectionOf(two)).not.toBe(state);
    const sql = 'SELECT count(*) FROM events';
    expect(statement(one, sql)).toBe(statement(one, sql));
    expect(statement(two, sql)).not.toBe(statement(one, sql));
    expect(state.statements.get(sql)).toBe(statement(one, sql));
  });

  it("keeps this connection's copy of the clock, not another's", () => {
    const first = new HlcClock(one, 'till-1', () => 1_000).tick();
    expect(connectionOf(one).hlcLast?.encoded).toBe(first);
    // The other connection has not read the clock yet; it reads the row when it does.
    expect(connectionOf(two).hlcLast).toBeUndefined();
    expect(new HlcClock(two, 'till-1', () => 1_000).last()).toBe(first);
  });
});
