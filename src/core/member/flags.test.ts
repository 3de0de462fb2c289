import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memberFlags } from './flags';
import { foldMember } from './fold';
import { DAY, memberEvents } from './test-events';
import { osloTime, testProgramme } from './test-programme';
import { memberView } from './view';

const T0 = osloTime(2026, 3, 2, 10);

describe('memberFlags', () => {
  it("is memberView's flags: coupons, rewards and tier discounts used twice, negative balances", () => {
    const programme = testProgramme();
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            coupon: fc.constantFrom(null, 'W-m-f', 'C-vaar-m-f'),
            reward: fc.constantFrom(null, 'K-kaffe-m-f-1'),
            tier: fc.constantFrom(null, 'Y2026'),
            earned: fc.integer({ min: 0, max: 100 }),
            redeemed: fc.integer({ min: 0, max: 150 }),
            cashback: fc.integer({ min: -500, max: 500 }),
          }),
          { maxLength: 8 },
        ),
        fc.integer({ min: 0, max: 400 }),
        (sales, days) => {
          const m = memberEvents('m-f');
          const events = [
            m.enrolled(T0),
            ...sales.map((s, i) =>
              m.sale(T0 + (i + 1) * 3_600_000, {
                effects: {
                  pointsEarned: s.earned,
                  pointsRedeemed: s.redeemed,
                  cashbackEarnedOre: Math.max(0, s.cashback),
                  cashbackRedeemedOre: Math.max(0, -s.cashback),
                  couponsRedeemed: s.coupon ? [s.coupon] : [],
                  rewardsRedeemed: s.reward ? [s.reward] : [],
                  tierOnceUsed: s.tier,
                },
              }),
            ),
          ];
          const ledger = foldMember(events)!;
          const now = T0 + days * DAY;
          expect(memberFlags(programme, ledger, now)).toEqual(
            memberView(programme, ledger, now).flags,
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
