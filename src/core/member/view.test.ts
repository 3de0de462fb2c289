import { describe, expect, it } from 'vitest';
import type { MemberEvent } from '../events';
import type { MemberLedger } from '../member-types';
import type { ProgrammeInput } from '../programme';
import { LIMITS } from '../limits';
import { startOfLocalDay } from '../time';
import { foldMember } from './fold';
import { DAY, HOUR, memberEvents } from './test-events';
import { osloTime, testProgramme, TEST_TIME_ZONE } from './test-programme';
import { memberView } from './view';
import { render } from '../../../test/helpers/said';

const m = memberEvents('m-1');
const TZ = TEST_TIME_ZONE;

function fold(events: MemberEvent[]): MemberLedger {
  const ledger = foldMember(events);
  if (!ledger) throw new Error('expected a ledger');
  return ledger;
}

const endOfDay = (y: number, mo: number, d: number) =>
  startOfLocalDay({ year: y, month: mo, day: d + 1 }, TZ) - 1;

const bronzeSilverGold = (qualification: NonNullable<ProgrammeInput['tiers']>['qualification']) =>
  testProgramme({
    points: { earn: { mode: 'per_amount', orePerStep: 1000, pointsPerStep: 1 } },
    tiers: {
      qualification,
      levels: [
        {
          id: 'bronse',
          name: { nb: 'Bronse', en: 'Bronze' },
          threshold: 0,
          benefit: { kind: 'none' },
        },
        {
          id: 'solv',
          name: { nb: 'Sølv', en: 'Silver' },
          threshold: 1000,
          benefit: { kind: 'percent_every_purchase', percent: 10 },
        },
        {
          id: 'gull',
          name: { nb: 'Gull', en: 'Gold' },
          threshold: 3000,
          benefit: { kind: 'percent_every_purchase', percent: 15 },
        },
      ],
    },
  });

const earnedBySale = (at: number, points: number) =>
  m.sale(at, { effects: { pointsEarned: points } });

describe('tiers', () => {
  it('Bronse / Sølv / Gull by points in a calendar year', () => {
    const programme = bronzeSilverGold({ kind: 'calendar_year' });
    const events = [
      m.enrolled(osloTime(2026, 1, 10)),
      earnedBySale(osloTime(2026, 3, 1), 600),
      earnedBySale(osloTime(2026, 6, 1), 500),
    ];
    const ledger = fold(events);
    const tierAt = (at: number) => memberView(programme, ledger, at).tier;

    expect(tierAt(osloTime(2026, 5, 31))).toMatchObject({
      levelId: 'bronse',
      qualifyingPoints: 600,
      periodKey: 'Y2026',
      next: { levelId: 'solv', pointsNeeded: 400 },
    });
    // Upgrade the moment the threshold is reached.
    expect(tierAt(osloTime(2026, 6, 1))).toMatchObject({
      levelId: 'solv',
      name: { nb: 'Sølv', en: 'Silver' },
      benefit: { kind: 'percent_every_purchase', percent: 10 },
      qualifyingPoints: 1100,
      next: { levelId: 'gull', pointsNeeded: 1900 },
      periodStart: startOfLocalDay({ year: 2026, month: 1, day: 1 }, TZ),
      periodEnd: endOfDay(2026, 12, 31),
    });
    // Kept for the whole next year without a single point...
    expect(tierAt(osloTime(2027, 12, 31, 23))).toMatchObject({
      levelId: 'solv',
      periodKey: 'Y2027',
      qualifyingPoints: 0,
      next: { levelId: 'gull', pointsNeeded: 3000 },
    });
    // ...and dropped when 2027 has been evaluated without reaching it again.
    expect(tierAt(osloTime(2028, 1, 1, 0, 1))).toMatchObject({
      levelId: 'bronse',
      periodKey: 'Y2028',
    });

    const gold = fold([...events, earnedBySale(osloTime(2027, 9, 1), 3000)]);
    expect(memberView(programme, gold, osloTime(2027, 9, 1)).tier).toMatchObject({
      levelId: 'gull',
      next: null,
    });
    expect(memberView(programme, gold, osloTime(2028, 12, 31)).tier?.levelId).toBe('gull');
  });

  it('rolling 2-year qualification counted from the enrolment day', () => {
    const programme = bronzeSilverGold({ kind: 'rolling', years: 2 });
    const ledger = fold([
      m.enrolled(osloTime(2025, 3, 15, 9)),
      earnedBySale(osloTime(2025, 6, 1), 400),
      earnedBySale(osloTime(2027, 3, 14, 20), 700),
      // The first day of the second period: counts there, not in R0.
      earnedBySale(osloTime(2027, 3, 15, 10), 100),
    ]);
    const tierAt = (at: number) => memberView(programme, ledger, at).tier;
    expect(tierAt(osloTime(2027, 3, 14, 21))).toMatchObject({
      levelId: 'solv',
      periodKey: 'R0',
      qualifyingPoints: 1100,
      periodStart: startOfLocalDay({ year: 2025, month: 3, day: 15 }, TZ),
      periodEnd: startOfLocalDay({ year: 2027, month: 3, day: 15 }, TZ) - 1,
    });
    expect(tierAt(osloTime(2027, 3, 15, 11))).toMatchObject({
      levelId: 'solv',
      periodKey: 'R1',
      qualifyingPoints: 100,
      periodStart: startOfLocalDay({ year: 2027, month: 3, day: 15 }, TZ),
    });
    expect(tierAt(osloTime(2029, 3, 14))).toMatchObject({ levelId: 'solv', periodKey: 'R1' });
    expect(tierAt(osloTime(2029, 3, 15))).toMatchObject({ levelId: 'bronse', periodKey: 'R2' });
  });

  it('spending points never drops a tier', () => {
    const programme = bronzeSilverGold({ kind: 'calendar_year' });
    const ledger = fold([
      m.enrolled(osloTime(2026, 1, 10)),
      earnedBySale(osloTime(2026, 2, 1), 1200),
      m.sale(osloTime(2026, 3, 1), { effects: { pointsRedeemed: 1200 } }),
      m.couponPurchased(osloTime(2026, 3, 2), 'offer', 1, osloTime(2026, 4, 1)),
    ]);
    const view = memberView(programme, ledger, osloTime(2026, 3, 3));
    expect(view.points.balance).toBe(-1);
    expect(view.tier).toMatchObject({ levelId: 'solv', qualifyingPoints: 1200 });
  });

  it('a return takes its points out of qualification', () => {
    const programme = bronzeSilverGold({ kind: 'calendar_year' });
    const sale = earnedBySale(osloTime(2026, 2, 1), 1200);
    const ledger = fold([
      m.enrolled(osloTime(2026, 1, 10)),
      sale,
      m.returned(osloTime(2026, 2, 5), sale.payload.saleId, { reversed: { points: 300 } }),
    ]);
    expect(memberView(programme, ledger, osloTime(2026, 2, 6)).tier).toMatchObject({
      levelId: 'bronse',
      qualifyingPoints: 900,
    });
  });

  it('offers the once-per-period discount until a sale in the period used it', () => {
    const programme = testProgramme({
      tiers: {
        qualification: { kind: 'calendar_year' },
        levels: [
          {
            id: 'medlem',
            name: { nb: 'Medlem', en: 'Member' },
            threshold: 0,
            benefit: { kind: 'percent_once_per_period', percent: 20 },
          },
        ],
      },
    });
    const enrolled = m.enrolled(osloTime(2026, 1, 10));
    const used = m.sale(osloTime(2026, 2, 1), { effects: { tierOnceUsed: 'Y2026' } });
    expect(
      memberView(programme, fold([enrolled]), osloTime(2026, 2, 2)).tier?.oncePerPeriodAvailable,
    ).toBe(true);
    const ledger = fold([enrolled, used]);
    expect(memberView(programme, ledger, osloTime(2026, 2, 2)).tier?.oncePerPeriodAvailable).toBe(
      false,
    );
    expect(memberView(programme, ledger, osloTime(2027, 1, 2)).tier?.oncePerPeriodAvailable).toBe(
      true,
    );
  });

  it('gives tier coupons per period with their own ids', () => {
    const programme = testProgramme({
      tiers: {
        qualification: { kind: 'calendar_year' },
        levels: [
          {
            id: 'gull',
            name: { nb: 'Gull', en: 'Gold' },
            threshold: 0,
            benefit: {
              kind: 'coupons_per_period',
              count: 2,
              coupon: {
                name: { nb: '50 kr', en: 'NOK 50' },
                benefit: { kind: 'amount', amountOre: 5000 },
              },
            },
          },
        ],
      },
    });
    const used = m.sale(osloTime(2026, 4, 1), {
      effects: { couponsRedeemed: ['T-gull-Y2026-m-1-1'] },
    });
    const ledger = fold([m.enrolled(osloTime(2026, 1, 10)), used]);
    const in2026 = memberView(programme, ledger, osloTime(2026, 5, 1)).coupons;
    expect(in2026.map((c) => [c.couponId, c.source, c.validTo])).toEqual([
      ['T-gull-Y2026-m-1-2', 'tier', endOfDay(2026, 12, 31)],
    ]);
    expect(
      memberView(programme, ledger, osloTime(2027, 1, 5)).coupons.map((c) => c.couponId),
    ).toEqual(['T-gull-Y2027-m-1-1', 'T-gull-Y2027-m-1-2']);
  });
});

describe('points', () => {
  const programme = testProgramme({
    points: {
      earn: { mode: 'per_amount', orePerStep: 1000, pointsPerStep: 1 },
      lifetimeMonths: 12,
      redeemValueOre: 100,
    },
  });

  it('points expire oldest first after 12 months', () => {
    const ledger = fold([
      m.enrolled(osloTime(2026, 1, 1)),
      m.sale(osloTime(2026, 1, 10), {
        effects: { pointsEarned: 100, pointsExpireAt: osloTime(2027, 1, 10) },
      }),
      m.sale(osloTime(2026, 6, 10), {
        effects: { pointsEarned: 100, pointsExpireAt: osloTime(2027, 6, 10) },
      }),
      m.sale(osloTime(2026, 8, 1), { effects: { pointsRedeemed: 50 } }),
    ]);
    expect(memberView(programme, ledger, osloTime(2027, 1, 9)).points).toEqual({
      balance: 150,
      pending: 0,
      valueOre: 15_000,
      nextExpiry: { at: osloTime(2027, 1, 10), points: 50 },
    });
    expect(memberView(programme, ledger, osloTime(2027, 1, 10)).points).toEqual({
      balance: 100,
      pending: 0,
      valueOre: 10_000,
      nextExpiry: { at: osloTime(2027, 6, 10), points: 100 },
    });
    expect(memberView(programme, ledger, osloTime(2027, 6, 11)).points).toMatchObject({
      balance: 0,
      nextExpiry: null,
    });
  });

  it('pending points during the returns window', () => {
    const at = osloTime(2026, 3, 1);
    const sale = m.sale(at, { effects: { pointsEarned: 100, pointsAvailableAt: at + 14 * DAY } });
    const kept = fold([m.enrolled(at - DAY), sale]);
    expect(memberView(programme, kept, at + DAY).points).toMatchObject({
      balance: 0,
      pending: 100,
      valueOre: 0,
    });
    expect(memberView(programme, kept, at + 14 * DAY).points).toMatchObject({
      balance: 100,
      pending: 0,
    });

    const returned = fold([
      m.enrolled(at - DAY),
      sale,
      m.returned(at + 3 * DAY, sale.payload.saleId, { reversed: { points: 100 } }),
    ]);
    expect(memberView(programme, returned, at + 4 * DAY).points).toMatchObject({
      balance: 0,
      pending: 0,
    });
    expect(memberView(programme, returned, at + 15 * DAY).points).toMatchObject({
      balance: 0,
      pending: 0,
    });
  });

  it('a return after points were spent shows a negative balance and flags it', () => {
    const at = osloTime(2026, 3, 1);
    const earning = m.sale(at, { effects: { pointsEarned: 100 } });
    const ledger = fold([
      m.enrolled(at - DAY),
      earning,
      m.sale(at + DAY, { effects: { pointsRedeemed: 80 } }),
      m.returned(at + 2 * DAY, earning.payload.saleId, { reversed: { points: 100 } }),
    ]);
    const view = memberView(programme, ledger, at + 3 * DAY);
    expect(view.points.balance).toBe(-80);
    expect(view.points.valueOre).toBe(0);
    expect(view.flags).toContainEqual({ kind: 'negative_points', points: -80 });

    // The next earning pays the debt first.
    const healed = fold([
      m.enrolled(at - DAY),
      earning,
      m.sale(at + DAY, { effects: { pointsRedeemed: 80 } }),
      m.returned(at + 2 * DAY, earning.payload.saleId, { reversed: { points: 100 } }),
      m.sale(at + 5 * DAY, { effects: { pointsEarned: 90 } }),
    ]);
    const after = memberView(programme, healed, at + 6 * DAY);
    expect(after.points.balance).toBe(10);
    expect(after.flags).toEqual([]);
  });

  it('flags negative cashback after a return of spent cashback', () => {
    const at = osloTime(2026, 3, 1);
    const earning = m.sale(at, { effects: { cashbackEarnedOre: 500 } });
    const ledger = fold([
      m.enrolled(at - DAY),
      earning,
      m.sale(at + DAY, { effects: { cashbackRedeemedOre: 400 } }),
      m.returned(at + 2 * DAY, earning.payload.saleId, { reversed: { cashbackOre: 500 } }),
    ]);
    const view = memberView(programme, ledger, at + 3 * DAY);
    expect(view.cashbackOre).toBe(-400);
    expect(view.flags).toEqual([{ kind: 'negative_cashback', amountOre: -400 }]);
  });
});

describe('coupons', () => {
  const tenPercent = {
    name: { nb: '10 % på første kjøp', en: '10 % off the first purchase' },
    benefit: { kind: 'percent' as const, percent: 10 },
    validDays: 30,
  };

  it('10 % welcome coupon valid 30 days', () => {
    const programme = testProgramme({ welcome: { coupon: tenPercent } });
    const enrolledAt = osloTime(2026, 3, 1, 10);
    const enrolled = m.enrolled(enrolledAt);
    const couponsAt = (ledger: MemberLedger, at: number) =>
      memberView(programme, ledger, at).coupons;
    // Usable in the same visit.
    const [welcome] = couponsAt(fold([enrolled]), enrolledAt);
    expect(welcome).toMatchObject({
      couponId: 'W-m-1',
      source: 'welcome',
      ruleId: 'welcome',
      template: { benefit: { kind: 'percent', percent: 10 } },
      validFrom: enrolledAt,
      validTo: endOfDay(2026, 3, 30),
      usesLeft: 1,
    });
    expect(render(welcome!.reason, 'nb')).toContain('30.03.2026');
    expect(render(welcome!.reason, 'en')).toContain('2026-03-30');
    expect(render(welcome!.reason, 'sv')).toBe(
      'Välkommen som medlem: 10 % på første kjøp (giltig till 2026-03-30)',
    );
    expect(couponsAt(fold([enrolled]), osloTime(2026, 3, 30, 23, 59))).toHaveLength(1);
    expect(couponsAt(fold([enrolled]), osloTime(2026, 3, 31, 0, 0))).toEqual([]);
    const used = m.sale(enrolledAt + HOUR, { effects: { couponsRedeemed: ['W-m-1'] } });
    expect(couponsAt(fold([enrolled, used]), enrolledAt + 2 * HOUR)).toEqual([]);
  });

  it('birthday on 29 February: 28 February in 2027, 29 February in 2028', () => {
    const programme = testProgramme({
      birthday: {
        issueDaysBefore: 7,
        validDaysAfter: 7,
        coupon: {
          name: { nb: 'Bursdagskake', en: 'Birthday cake' },
          benefit: { kind: 'amount', amountOre: 5000 },
        },
      },
    });
    const ledger = fold([
      m.enrolled(osloTime(2026, 1, 5), {
        profile: {
          firstName: 'Skuddår',
          lastName: null,
          email: null,
          birthDate: '2000-02-29',
          postalCode: null,
          gender: null,
        },
      }),
    ]);
    const couponsAt = (at: number) => memberView(programme, ledger, at).coupons;
    expect(couponsAt(osloTime(2027, 2, 20, 23, 59))).toEqual([]);
    expect(couponsAt(osloTime(2027, 2, 21, 0, 0))).toMatchObject([
      {
        couponId: 'B-m-1-2027',
        source: 'birthday',
        validFrom: startOfLocalDay({ year: 2027, month: 2, day: 21 }, TZ),
        validTo: endOfDay(2027, 3, 7),
      },
    ]);
    expect(couponsAt(osloTime(2027, 3, 8, 0, 0))).toEqual([]);
    expect(couponsAt(osloTime(2028, 2, 29))).toMatchObject([
      {
        couponId: 'B-m-1-2028',
        validFrom: startOfLocalDay({ year: 2028, month: 2, day: 22 }, TZ),
        validTo: endOfDay(2028, 3, 7),
      },
    ]);
    // A birthday window reaching into the next year is found from either side of New Year.
    const january = fold([
      m.enrolled(osloTime(2026, 1, 5), {
        profile: {
          firstName: null,
          lastName: null,
          email: null,
          birthDate: '1980-01-03',
          postalCode: null,
          gender: null,
        },
      }),
    ]);
    expect(
      memberView(programme, january, osloTime(2026, 12, 28)).coupons.map((c) => c.couponId),
    ).toEqual(['B-m-1-2027']);
  });

  it('100 kr per 2000 kr spend coupons', () => {
    const programme = testProgramme({
      spendCoupons: [
        {
          id: 'hundrelapp',
          everyOre: 200_000,
          coupon: {
            name: { nb: '100 kr', en: 'NOK 100' },
            benefit: { kind: 'amount', amountOre: 10_000 },
            validDays: 60,
          },
        },
      ],
    });
    const first = m.sale(osloTime(2026, 3, 1), { effects: { qualifyingSpendOre: 150_000 } });
    const second = m.sale(osloTime(2026, 3, 10), { effects: { qualifyingSpendOre: 100_000 } });
    const third = m.sale(osloTime(2026, 3, 20), { effects: { qualifyingSpendOre: 200_000 } });
    const base = [m.enrolled(osloTime(2026, 2, 1)), first, second, third];
    const couponsAt = (events: MemberEvent[], at: number) =>
      memberView(programme, fold(events), at).coupons.map((c) => [
        c.couponId,
        c.validFrom,
        c.validTo,
      ]);

    expect(couponsAt(base.slice(0, 2), osloTime(2026, 3, 2))).toEqual([]);
    expect(couponsAt(base, osloTime(2026, 3, 21))).toEqual([
      ['S-hundrelapp-m-1-1', second.payload.at, endOfDay(2026, 5, 8)],
      ['S-hundrelapp-m-1-2', third.payload.at, endOfDay(2026, 5, 18)],
    ]);
    // Used coupons go; a return that takes spend back under a threshold removes its coupon.
    const redeem = m.sale(osloTime(2026, 3, 22), {
      effects: { couponsRedeemed: ['S-hundrelapp-m-1-1'] },
    });
    const giveBack = m.returned(osloTime(2026, 3, 23), third.payload.saleId, {
      reversed: { qualifyingSpendOre: 100_000 },
    });
    expect(couponsAt([...base, redeem, giveBack], osloTime(2026, 3, 24))).toEqual([]);
    // Expired after 60 days.
    expect(couponsAt(base, osloTime(2026, 5, 9))).toEqual([
      ['S-hundrelapp-m-1-2', third.payload.at, endOfDay(2026, 5, 18)],
    ]);
    // One big sale crossing two thresholds brings both.
    const big = m.sale(osloTime(2026, 6, 1), { effects: { qualifyingSpendOre: 450_000 } });
    expect(couponsAt([base[0]!, big], osloTime(2026, 6, 2)).map(([id]) => id)).toEqual([
      'S-hundrelapp-m-1-1',
      'S-hundrelapp-m-1-2',
    ]);
  });

  it('one sale brings at most LIMITS.maxSpendCouponsPerSale spend coupons per rule, however far it goes', () => {
    // A sale of 10^10 øre against "every 1 øre" crossed 10^10 thresholds: a 25 MB member view.
    const programme = testProgramme({
      spendCoupons: [
        {
          id: 'hver-ore',
          everyOre: 1,
          coupon: {
            name: { nb: '1 kr', en: 'NOK 1' },
            benefit: { kind: 'amount', amountOre: 100 },
            validDays: 30,
          },
        },
      ],
    });
    const huge = m.sale(osloTime(2026, 6, 1), {
      effects: { qualifyingSpendOre: LIMITS.maxBasketOre },
    });
    const small = m.sale(osloTime(2026, 6, 2), { effects: { qualifyingSpendOre: 3 } });
    const ids = memberView(
      programme,
      fold([m.enrolled(osloTime(2026, 5, 1)), huge, small]),
      osloTime(2026, 6, 3),
    ).coupons.map((c) => c.couponId);
    expect(ids).toHaveLength(LIMITS.maxSpendCouponsPerSale + 3);
    expect(ids.at(-1)).toBe(`S-hver-ore-m-1-${LIMITS.maxBasketOre + 3}`);
  });

  it('campaign coupons for the segment, inside the dates, with their uses per member', () => {
    const programme = testProgramme({
      campaigns: [
        {
          id: 'var26',
          coupon: tenPercent,
          validFrom: '2026-04-01',
          validTo: '2026-04-30',
          usesPerMember: 2,
        },
        {
          id: 'oslo',
          coupon: tenPercent,
          validFrom: '2026-04-01',
          validTo: '2026-04-30',
          segment: { postalCodePrefixes: ['01'] },
        },
        {
          id: 'bergen',
          coupon: tenPercent,
          validFrom: '2026-04-01',
          validTo: '2026-04-30',
          segment: { postalCodePrefixes: ['50'] },
        },
      ],
    });
    const enrolled = m.enrolled(osloTime(2026, 1, 5));
    const once = m.sale(osloTime(2026, 4, 2), { effects: { couponsRedeemed: ['C-var26-m-1'] } });
    const ids = (events: MemberEvent[], at: number) =>
      memberView(programme, fold(events), at).coupons.map((c) => [c.couponId, c.usesLeft]);
    expect(ids([enrolled], osloTime(2026, 3, 31, 23, 59))).toEqual([]);
    expect(ids([enrolled], osloTime(2026, 4, 1, 0, 0))).toEqual([
      ['C-var26-m-1', 2],
      ['C-oslo-m-1', 1],
    ]);
    expect(ids([enrolled, once], osloTime(2026, 4, 30, 23, 59))).toEqual([
      ['C-var26-m-1', 1],
      ['C-oslo-m-1', 1],
    ]);
    expect(ids([enrolled], osloTime(2026, 5, 1, 0, 0))).toEqual([]);
    // Two uses of a two-use campaign coupon are no conflict; three are.
    const twice = m.sale(osloTime(2026, 4, 3), { effects: { couponsRedeemed: ['C-var26-m-1'] } });
    const thrice = m.sale(osloTime(2026, 4, 4), { effects: { couponsRedeemed: ['C-var26-m-1'] } });
    expect(
      memberView(programme, fold([enrolled, once, twice]), osloTime(2026, 4, 5)).flags,
    ).toEqual([]);
    expect(
      memberView(programme, fold([enrolled, once, twice, thrice]), osloTime(2026, 4, 5)).flags,
    ).toEqual([
      {
        kind: 'coupon_redeemed_twice',
        couponId: 'C-var26-m-1',
        saleIds: [once.payload.saleId, twice.payload.saleId, thrice.payload.saleId],
      },
    ]);
  });

  it('coupons bought with points and referral coupons', () => {
    const programme = testProgramme({
      pointsOffers: [
        {
          id: 'kaffe',
          costPoints: 100,
          coupon: {
            name: { nb: 'Gratis kaffe', en: 'Free coffee' },
            benefit: { kind: 'amount', amountOre: 3500 },
          },
        },
      ],
      referral: {
        reward: {
          kind: 'coupon',
          coupon: {
            name: { nb: '50 kr', en: 'NOK 50' },
            benefit: { kind: 'amount', amountOre: 5000 },
            validDays: 10,
          },
        },
      },
    });
    const at = osloTime(2026, 5, 1);
    const bought = m.couponPurchased(at, 'kaffe', 100, at + 30 * DAY);
    const referral = m.referralRewarded(at, 'm-2', { couponId: 'R-m-2' });
    const ledger = fold([m.enrolled(at - DAY), m.pointsAdjusted(at - DAY, 150), bought, referral]);
    expect(
      memberView(programme, ledger, at + DAY).coupons.map((c) => [c.couponId, c.source, c.validTo]),
    ).toEqual([
      [`P-${bought.id}`, 'points', at + 30 * DAY],
      ['R-m-2', 'referral', endOfDay(2026, 5, 10)],
    ]);
    expect(memberView(programme, ledger, at + DAY).points.balance).toBe(50);
  });

  it('an erased member gets no coupons', () => {
    const programme = testProgramme({ welcome: { coupon: tenPercent } });
    const ledger = fold([m.enrolled(osloTime(2026, 3, 1)), m.erased(osloTime(2026, 3, 2))]);
    const view = memberView(programme, ledger, osloTime(2026, 3, 3));
    expect(view.coupons).toEqual([]);
    expect(view.erased).toBe(true);
    expect(view.profile.firstName).toBeNull();
  });
});

describe('punch cards', () => {
  const programme = testProgramme({
    punchCards: [
      {
        id: 'hundemat',
        name: { nb: 'Hver 8. sekk gratis', en: 'Every 8th bag free' },
        qualifying: { skus: [], categories: ['dog-food'] },
        stamps: 8,
        reward: { kind: 'free_item' },
      },
      {
        id: 'kaffe',
        name: { nb: 'Tiende kaffe gratis', en: 'Tenth coffee free' },
        qualifying: { skus: ['coffee'], categories: [] },
        stamps: 10,
        reward: { kind: 'free_item' },
      },
    ],
  });

  it('every 8th bag free: a full card becomes a reward, stamps beyond carry over, several cards', () => {
    const at = osloTime(2026, 3, 1);
    const stamps = (day: number, dog: number, coffee = 0) =>
      m.sale(at + day * DAY, {
        effects: {
          stamps: [
            ...(dog > 0 ? [{ cardId: 'hundemat', count: dog }] : []),
            ...(coffee > 0 ? [{ cardId: 'kaffe', count: coffee }] : []),
          ],
        },
      });
    const events: MemberEvent[] = [m.enrolled(at), stamps(1, 5, 3), stamps(2, 5)];
    const cards = (list: MemberEvent[]) =>
      memberView(programme, fold(list), at + 30 * DAY).punchCards;

    const [dog, coffee] = cards(events);
    expect(dog).toMatchObject({ cardId: 'hundemat', stamps: 2, of: 8, completedCards: 1 });
    expect(dog?.rewardsAvailable.map((r) => r.rewardId)).toEqual(['K-hundemat-m-1-1']);
    expect(render(dog!.rewardsAvailable[0]!.reason, 'en')).toContain('full card no. 1');
    expect(coffee).toMatchObject({
      cardId: 'kaffe',
      stamps: 3,
      of: 10,
      completedCards: 0,
      rewardsAvailable: [],
    });

    const more = [...events, stamps(3, 14)];
    expect(cards(more)[0]).toMatchObject({ stamps: 0, completedCards: 3 });
    expect(cards(more)[0]?.rewardsAvailable.map((r) => r.rewardId)).toEqual([
      'K-hundemat-m-1-1',
      'K-hundemat-m-1-2',
      'K-hundemat-m-1-3',
    ]);

    const redeemed = [
      ...more,
      m.sale(at + 4 * DAY, {
        effects: {
          rewardsRedeemed: ['K-hundemat-m-1-1'],
          stamps: [{ cardId: 'hundemat', count: 1 }],
        },
      }),
    ];
    expect(cards(redeemed)[0]).toMatchObject({ stamps: 1, completedCards: 3 });
    expect(cards(redeemed)[0]?.rewardsAvailable.map((r) => r.rewardId)).toEqual([
      'K-hundemat-m-1-2',
      'K-hundemat-m-1-3',
    ]);
  });

  it('a sale voided after its full card’s reward was used: the next full card pays for that reward', () => {
    const at = osloTime(2026, 3, 1);
    const bags = (day: number, count: number) =>
      m.sale(at + day * DAY, { effects: { stamps: [{ cardId: 'hundemat', count }] } });
    const full = bags(1, 8);
    const used = m.sale(at + 2 * DAY, { effects: { rewardsRedeemed: ['K-hundemat-m-1-1'] } });
    const voided = m.voided(at + 3 * DAY, full.payload.saleId);
    const cards = (list: MemberEvent[]) =>
      memberView(programme, fold([m.enrolled(at), ...list]), at + 30 * DAY).punchCards[0]!;
    expect(cards([full, used, voided])).toMatchObject({
      stamps: 0,
      completedCards: 0,
      rewardsAvailable: [],
    });
    // The free bag was given for stamps the void took back: the next eight earn nothing new…
    expect(cards([full, used, voided, bags(4, 8)])).toMatchObject({
      completedCards: 1,
      rewardsAvailable: [],
    });
    // …and the eight after them earn the next free bag.
    const owedAndMore = cards([full, used, voided, bags(4, 8), bags(5, 8)]);
    expect(owedAndMore.rewardsAvailable.map((r) => r.rewardId)).toEqual(['K-hundemat-m-1-2']);
  });

  it('flags a reward redeemed at two offline tills', () => {
    const at = osloTime(2026, 3, 1);
    const full = m.sale(at, { effects: { stamps: [{ cardId: 'hundemat', count: 8 }] } });
    const onA = m.sale(at + DAY, {
      effects: { rewardsRedeemed: ['K-hundemat-m-1-1'] },
      terminalId: 'till-A',
    });
    const onB = m.sale(at + DAY + 1, {
      effects: { rewardsRedeemed: ['K-hundemat-m-1-1'] },
      terminalId: 'till-B',
    });
    const view = memberView(programme, fold([m.enrolled(at), full, onA, onB]), at + 2 * DAY);
    expect(view.punchCards[0]?.rewardsAvailable).toEqual([]);
    expect(view.flags).toEqual([
      {
        kind: 'reward_redeemed_twice',
        rewardId: 'K-hundemat-m-1-1',
        saleIds: [onA.payload.saleId, onB.payload.saleId],
      },
    ]);
  });
});

describe('double redemption', () => {
  it('flags a single-use coupon and a tier once-discount used by two sales', () => {
    const programme = testProgramme({
      welcome: {
        coupon: { name: { nb: 'V', en: 'W' }, benefit: { kind: 'percent', percent: 10 } },
      },
    });
    const at = osloTime(2026, 3, 1);
    const onA = m.sale(at + HOUR, {
      effects: { couponsRedeemed: ['W-m-1'], tierOnceUsed: 'Y2026' },
      terminalId: 'till-A',
    });
    const onB = m.sale(at + 2 * HOUR, {
      effects: { couponsRedeemed: ['W-m-1'], tierOnceUsed: 'Y2026' },
      terminalId: 'till-B',
    });
    const view = memberView(programme, fold([onB, onA, m.enrolled(at)]), at + DAY);
    expect(view.coupons).toEqual([]);
    expect(view.flags).toEqual([
      {
        kind: 'coupon_redeemed_twice',
        couponId: 'W-m-1',
        saleIds: [onA.payload.saleId, onB.payload.saleId],
      },
      {
        kind: 'tier_once_used_twice',
        periodKey: 'Y2026',
        saleIds: [onA.payload.saleId, onB.payload.saleId],
      },
    ]);
  });
});

describe('the rest of the view', () => {
  it('carries identity, consents, stats and whether a PIN is set', () => {
    const at = osloTime(2026, 3, 1);
    const ledger = fold([
      m.enrolled(at),
      m.pinSet(at + HOUR, 'hash-of-the-pin-0123456789'),
      m.sale(at + DAY, { totalOre: 12_300 }),
      m.sale(at + 2 * DAY, { totalOre: 4_500 }),
    ]);
    const view = memberView(testProgramme(), ledger, at + 3 * DAY);
    expect(view).toMatchObject({
      memberId: 'm-1',
      memberNumber: ledger.memberNumber,
      qrToken: 'qr-m-1-token',
      erased: false,
      phoneE164: '+4791234567',
      enrolledAt: at,
      consents: { sms: true, email: false },
      termsVersion: 'v1',
      tier: null,
      punchCards: [],
      coupons: [],
      flags: [],
      stats: {
        purchases: 2,
        spendOre: 16_800,
        firstPurchaseAt: at + DAY,
        lastPurchaseAt: at + 2 * DAY,
      },
      hasPin: true,
    });
    expect(view.profile.firstName).toBe('Kari');
  });
});
