/** Reports' shaping: local days and months of a range (DST days whole), coupon ids read back to their rule. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  birthdayCouponId,
  campaignCouponId,
  purchasedCouponId,
  referralCouponId,
  spendCouponId,
  tierCouponId,
  welcomeCouponId,
} from '../member/coupons';
import {
  couponOrigin,
  daysOfRange,
  instantsOfRange,
  monthPeriods,
  monthsOfRange,
  nextMonths,
  rangeLength,
} from './shape';

const HOUR = 3_600_000;
const OSLO = 'Europe/Oslo';

describe('ranges of local days', () => {
  it('lists every day and month, across a year end', () => {
    expect(daysOfRange('2026-12-30', '2027-01-02')).toEqual([
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ]);
    expect(rangeLength('2026-01-01', '2026-12-31')).toBe(365);
    expect(monthsOfRange('2025-11-15', '2026-02-01')).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(nextMonths('2026-12-06', 6)).toEqual([
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04',
      '2027-05',
    ]);
  });

  it('the clock-change days are 23 and 25 hours long, Oslo midnight as the bound', () => {
    const spring = instantsOfRange('2026-03-29', '2026-03-29', OSLO);
    expect(spring.start).toBe(Date.parse('2026-03-28T23:00:00Z'));
    expect(spring.end - spring.start).toBe(23 * HOUR);
    const autumn = instantsOfRange('2026-10-25', '2026-10-25', OSLO);
    expect(autumn.start).toBe(Date.parse('2026-10-24T22:00:00Z'));
    expect(autumn.end - autumn.start).toBe(25 * HOUR);
    const [march] = monthPeriods('2026-03-10', '2026-03-10', OSLO);
    expect(march).toEqual({
      period: '2026-03',
      start: Date.parse('2026-02-28T23:00:00Z'),
      end: Date.parse('2026-03-31T22:00:00Z'),
    });
  });
});

describe('couponOrigin', () => {
  const id = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,15}$/);
  it('reads every kind of id the engine makes back to its rule', () => {
    fc.assert(
      fc.property(
        id,
        id,
        fc.nat(99),
        fc.integer({ min: 2000, max: 2100 }),
        (rule, member, k, year) => {
          expect(couponOrigin(welcomeCouponId(member), member)).toEqual({
            kind: 'welcome',
            ruleId: null,
          });
          expect(couponOrigin(birthdayCouponId(member, year), member)).toEqual({
            kind: 'birthday',
            ruleId: null,
          });
          expect(couponOrigin(spendCouponId(rule, member, k), member)).toEqual({
            kind: 'spend',
            ruleId: rule,
          });
          expect(couponOrigin(campaignCouponId(rule, member), member)).toEqual({
            kind: 'campaign',
            ruleId: rule,
          });
          for (const period of [`Y${year}`, `R${k}`])
            expect(couponOrigin(tierCouponId(rule, period, member, k), member)).toEqual({
              kind: 'tier',
              ruleId: rule,
            });
          expect(couponOrigin(purchasedCouponId(`evt-${rule}`), member)).toEqual({
            kind: 'points',
            ruleId: null,
          });
          expect(couponOrigin(referralCouponId(member), member)).toEqual({
            kind: 'referral',
            ruleId: null,
          });
        },
      ),
    );
  });

  it('an id no rule makes is none', () => {
    expect(couponOrigin('X-something', 'm')).toBeNull();
    expect(couponOrigin('Cfoo', 'm')).toBeNull();
    expect(couponOrigin('C-kampanje-annen', 'm')).toEqual({ kind: 'campaign', ruleId: null });
  });
});
