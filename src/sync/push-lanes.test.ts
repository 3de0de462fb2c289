import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { appendEvents, openDatabase } from '../store';
import type { Db } from '../store';
import { testTill } from '../store/testing/events';
import { tempDir } from '../store/testing/temp-db';
import type { TempDir } from '../store/testing/temp-db';
import { LaneQueues, laneOf } from './push-lanes';

describe('the push lanes', () => {
  it("keeps a member's events in one lane, whatever their type or id", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.uuid(), fc.uuid(), (member, a, b) => {
        const one = laneOf({ id: a, type: 'member.enrolled', member_id: member }, 2);
        const two = laneOf({ id: b, type: 'sale.committed', member_id: member }, 2);
        expect(one).toBe(two);
        expect([0, 1]).toContain(one);
      }),
    );
  });

  it('spreads members and sales without a member over the lanes', () => {
    const lanes = [0, 0];
    for (let i = 0; i < 1_000; i++) {
      lanes[laneOf({ id: `e${i}`, type: 'sale.committed', member_id: `m${i}` }, 2)]! += 1;
      lanes[laneOf({ id: `s${i}`, type: 'sale.committed', member_id: null }, 2)]! += 1;
    }
    expect(Math.min(...lanes)).toBeGreaterThan(800);
  });

  it('sends the other events without a member (staff saves) in the first lane, in order', () => {
    for (let i = 0; i < 100; i++) {
      expect(laneOf({ id: `x${i}`, type: 'staff.saved', member_id: null }, 2)).toBe(0);
    }
  });

  it('has one lane when one batch goes at a time', () => {
    expect(laneOf({ id: 'a', type: 'sale.committed', member_id: 'm' }, 1)).toBe(0);
  });
});

describe('the lanes read from a real outbox', () => {
  let tmp: TempDir;
  let db: Db;
  /** The outbox's ids in clock order. */
  let outbox: string[];
  beforeEach(() => {
    tmp = tempDir();
    db = openDatabase(tmp.path('lojal.db')).db;
    const till = testTill();
    const events = [];
    for (let i = 0; i < 30; i++) {
      const member = `m-${i % 7}`;
      events.push(
        i < 7
          ? till.enrolled(member, 1_000 + i, { phoneE164: `+479000000${i}` })
          : till.sale(i % 5 === 0 ? null : member, 1_000 + i),
      );
    }
    appendEvents(db, events);
    outbox = events.map((e) => e.id);
  });
  afterEach(() => {
    db.close();
    tmp.remove();
  });

  const laneOfId = (queues: readonly string[][], id: string) =>
    queues.findIndex((q) => q.includes(id));

  it('hands each event to its lane once, in clock order, a few at a time', () => {
    const queues = new LaneQueues(db, 2, () => 4);
    const taken: string[][] = [[], []];
    for (let round = 0; round < 20; round++)
      for (const lane of [0, 1]) taken[lane]!.push(...queues.take(lane, 3).map((k) => k.id));
    expect([...taken[0]!, ...taken[1]!].sort()).toEqual([...outbox].sort());
    for (const lane of [0, 1])
      expect(taken[lane]).toEqual(outbox.filter((id) => laneOfId(taken, id) === lane));
    expect(taken[0]!.length).toBeGreaterThan(0);
    expect(taken[1]!.length).toBeGreaterThan(0);
  });

  it('puts keys not stored back at the head of their lane, in their order', () => {
    const lane0 = new LaneQueues(db, 2, () => 100).take(0, 100).map((k) => k.id);
    expect(lane0.length).toBeGreaterThan(6);
    const queues = new LaneQueues(db, 2, () => 5);
    const first = queues.take(0, 4);
    queues.take(0, 2);
    queues.putBack(0, first);
    // The first four again, then what followed the two still taken: nothing twice, nothing lost.
    expect(queues.take(0, 100).map((k) => k.id)).toEqual([...lane0.slice(0, 4), ...lane0.slice(6)]);
    expect(queues.take(0, 1)).toEqual([]);
  });
});
