import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { laneOf } from './push-lanes';

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
