/**
 * Coupons a member can use at an instant, each with the deterministic id any
 * till computes the same way (docs/architecture.md), so a coupon used at two
 * offline tills shows up as two sales against one id.
 *
 * Validity, in the store's local days (`validTo` is the last valid instant):
 * - welcome: from enrolment for `validDays` days, counting the enrolment day;
 * - birthday: from the start of the day `issueDaysBefore` before the birthday to
 *   the end of the day `validDaysAfter` after it (29 Feb → 28 Feb in non-leap
 *   years); the id names the birthday's year;
 * - spend coupon k: from the sale whose qualifying spend crossed k × everyOre
 *   (at most LIMITS.maxSpendCouponsPerSale of them per sale and rule),
 *   for `validDays` days (the crossing is found by walking sale summaries in HLC
 *   order, so a return that takes the spend back under the line removes it);
 * - tier coupons: the current level's coupons for the current period, valid to
 *   the period's end (an upgrade mid-period brings the new level's coupons);
 * - campaign: local dates validFrom..validTo inclusive, for members in the segment;
 * - bought with points: from purchase to the `validTo` recorded in the event
 *   (not shown if the programme no longer has the offer: its terms are gone);
 * - referral: from the reward for `validDays` days.
 */
import type { CouponSource, CouponView, MemberLedger, MemberView } from '../member-types';
import type { CouponTemplate, Programme } from '../programme';
import { day, money, msg, text } from '../i18n';
import type { Msg, Param } from '../i18n';
import { formatMoney } from '../money';
import { birthdayIn, localDateOf, parseIsoDate, startOfLocalDay, addDays } from '../time';
import type { LocalDate } from '../time';
import { endOfLocalDay, validThrough } from './local-days';
import { segmentMatches } from './segment';
import { LIMITS } from '../limits';

export function welcomeCouponId(memberId: string): string {
  return `W-${memberId}`;
}
export function birthdayCouponId(memberId: string, year: number): string {
  return `B-${memberId}-${year}`;
}
export function spendCouponId(ruleId: string, memberId: string, k: number): string {
  return `S-${ruleId}-${memberId}-${k}`;
}
export function tierCouponId(levelId: string, periodKey: string, memberId: string, i: number) {
  return `T-${levelId}-${periodKey}-${memberId}-${i}`;
}
export function campaignCouponId(campaignId: string, memberId: string): string {
  return `C-${campaignId}-${memberId}`;
}
export function purchasedCouponId(eventId: string): string {
  return `P-${eventId}`;
}
export function referralCouponId(refereeId: string): string {
  return `R-${refereeId}`;
}

/** How many times the member may use a coupon id (campaigns may allow several). */
export function usesAllowed(programme: Programme, memberId: string, couponId: string): number {
  const campaign = programme.campaigns.find((c) => campaignCouponId(c.id, memberId) === couponId);
  return campaign?.usesPerMember ?? 1;
}

interface Candidate {
  couponId: string;
  source: CouponSource;
  ruleId: string;
  template: CouponTemplate;
  validFrom: number;
  validTo: number;
  uses: number;
  reason: Msg;
}

/**
 * Coupons valid at `now` with uses left. `member` is the view without coupons
 * (tier and profile decide segments). Erased members get none.
 */
export function availableCoupons(
  programme: Programme,
  ledger: MemberLedger,
  member: MemberView,
  now: number,
): CouponView[] {
  if (ledger.erased) return [];
  const tz = programme.timeZone;
  const out: CouponView[] = [];
  for (const c of candidatesOf(programme, ledger, member, now)) {
    if (now < c.validFrom || now > c.validTo) continue;
    const usesLeft = c.uses - (ledger.couponRedemptions[c.couponId]?.length ?? 0);
    if (usesLeft <= 0) continue;
    out.push({
      couponId: c.couponId,
      source: c.source,
      ruleId: c.ruleId,
      template: c.template,
      validFrom: c.validFrom,
      validTo: c.validTo,
      usesLeft,
      reason: msg('member.couponValidUntil', { reason: c.reason, date: day(c.validTo, tz) }),
    });
  }
  return out;
}

function candidatesOf(
  programme: Programme,
  ledger: MemberLedger,
  member: MemberView,
  now: number,
): Candidate[] {
  return [
    ...welcome(programme, ledger),
    ...birthday(programme, ledger, now),
    ...spend(programme, ledger, now),
    ...tier(member),
    ...campaigns(programme, ledger, member, now),
    ...purchased(programme, ledger),
    ...referral(programme, ledger),
  ];
}

/** A coupon the member was given, whether usable, used up or expired (for the history). */
export interface IssuedCoupon {
  couponId: string;
  source: CouponSource;
  validFrom: number;
  validTo: number;
  /** Uses left (0 when used up). */
  usesLeft: number;
  /** Why the member has it (one of the coupon messages). */
  reason: Msg;
}

/**
 * The coupons the programme has given the member by `now` (valid from then or
 * earlier), the expired and used ones included, as `availableCoupons` derives
 * them: birthday, spend and campaign coupons as the programme and the member
 * stand at `now`.
 */
export function issuedCoupons(
  programme: Programme,
  ledger: MemberLedger,
  member: MemberView,
  now: number,
): IssuedCoupon[] {
  if (ledger.erased) return [];
  return candidatesOf(programme, ledger, member, now)
    .filter((c) => c.validFrom <= now)
    .map((c) => ({
      couponId: c.couponId,
      source: c.source,
      validFrom: c.validFrom,
      validTo: c.validTo,
      usesLeft: Math.max(0, c.uses - (ledger.couponRedemptions[c.couponId]?.length ?? 0)),
      reason: c.reason,
    }));
}

/** An amount in the programme's currency: kroner each reader formats, another currency as written. */
function amountIn(ore: number, currency: string): Param {
  if (currency === 'NOK') return money(ore);
  return text(formatMoney(ore, 'nb', currency), formatMoney(ore, 'en', currency));
}

function welcome(programme: Programme, ledger: MemberLedger): Candidate[] {
  const rule = programme.welcome;
  if (!rule || !rule.enabled) return [];
  return [
    {
      couponId: welcomeCouponId(ledger.memberId),
      source: 'welcome',
      ruleId: 'welcome',
      template: rule.coupon,
      validFrom: ledger.enrolledAt,
      validTo: validThrough(ledger.enrolledAt, rule.coupon.validDays, programme.timeZone),
      uses: 1,
      reason: msg('member.couponWelcome', { coupon: rule.coupon.name }),
    },
  ];
}

function birthday(programme: Programme, ledger: MemberLedger, now: number): Candidate[] {
  const rule = programme.birthday;
  const birthDate = ledger.profile.birthDate;
  if (!rule || !rule.enabled || birthDate === null) return [];
  let birth: LocalDate;
  try {
    birth = parseIsoDate(birthDate);
  } catch {
    return []; // a malformed date on file gives no coupon rather than a crash at the till
  }
  const tz = programme.timeZone;
  const thisYear = localDateOf(now, tz).year;
  const out: Candidate[] = [];
  // A window can start in the year before the birthday or end in the year after.
  for (const year of [thisYear - 1, thisYear, thisYear + 1]) {
    const day = birthdayIn(year, birth);
    out.push({
      couponId: birthdayCouponId(ledger.memberId, year),
      source: 'birthday',
      ruleId: 'birthday',
      template: rule.coupon,
      validFrom: startOfLocalDay(addDays(day, -rule.issueDaysBefore), tz),
      validTo: endOfLocalDay(addDays(day, rule.validDaysAfter), tz),
      uses: 1,
      reason: msg('member.couponBirthday', { coupon: rule.coupon.name }),
    });
  }
  return out;
}

function spend(programme: Programme, ledger: MemberLedger, now: number): Candidate[] {
  const out: Candidate[] = [];
  for (const rule of programme.spendCoupons) {
    let cumulative = 0;
    for (const sale of ledger.sales) {
      if (sale.voided || sale.qualifyingSpendOre === 0) continue;
      const before = Math.floor(cumulative / rule.everyOre);
      cumulative += sale.qualifyingSpendOre;
      const after = Math.floor(cumulative / rule.everyOre);
      if (after === before) continue;
      const validTo = validThrough(sale.at, rule.coupon.validDays, programme.timeZone);
      if (validTo < now) continue; // every coupon this sale crossed has expired
      const last = Math.min(after, before + LIMITS.maxSpendCouponsPerSale);
      for (let k = before + 1; k <= last; k++) {
        out.push({
          couponId: spendCouponId(rule.id, ledger.memberId, k),
          source: 'spend',
          ruleId: rule.id,
          template: rule.coupon,
          validFrom: sale.at,
          validTo,
          uses: 1,
          reason: msg('member.couponSpend', {
            every: amountIn(rule.everyOre, programme.currency),
            n: k,
            coupon: rule.coupon.name,
          }),
        });
      }
    }
  }
  return out;
}

function tier(member: MemberView): Candidate[] {
  const view = member.tier;
  if (!view || view.benefit.kind !== 'coupons_per_period') return [];
  const { count, coupon } = view.benefit;
  const out: Candidate[] = [];
  for (let i = 1; i <= count; i++) {
    out.push({
      couponId: tierCouponId(view.levelId, view.periodKey, member.memberId, i),
      source: 'tier',
      ruleId: view.levelId,
      template: coupon,
      validFrom: view.periodStart,
      validTo: view.periodEnd,
      uses: 1,
      reason: msg('member.couponTier', { tier: view.name, i, count, coupon: coupon.name }),
    });
  }
  return out;
}

function campaigns(
  programme: Programme,
  ledger: MemberLedger,
  member: MemberView,
  now: number,
): Candidate[] {
  const tz = programme.timeZone;
  return programme.campaigns
    .filter((c) => segmentMatches(c.segment, member, ledger, now, programme))
    .map((c) => ({
      couponId: campaignCouponId(c.id, member.memberId),
      source: 'campaign' as const,
      ruleId: c.id,
      template: c.coupon,
      validFrom: startOfLocalDay(parseIsoDate(c.validFrom), tz),
      validTo: endOfLocalDay(parseIsoDate(c.validTo), tz),
      uses: c.usesPerMember,
      reason: msg('member.couponCampaign', { coupon: c.coupon.name }),
    }));
}

function purchased(programme: Programme, ledger: MemberLedger): Candidate[] {
  const out: Candidate[] = [];
  for (const bought of ledger.purchasedCoupons) {
    const offer = programme.pointsOffers.find((o) => o.id === bought.offerId);
    if (!offer) continue;
    out.push({
      couponId: bought.couponId,
      source: 'points',
      ruleId: offer.id,
      template: offer.coupon,
      validFrom: bought.issuedAt,
      validTo: bought.validTo,
      uses: 1,
      reason: msg('member.couponBoughtWithPoints', { coupon: offer.coupon.name }),
    });
  }
  return out;
}

function referral(programme: Programme, ledger: MemberLedger): Candidate[] {
  const reward = programme.referral?.reward;
  if (!reward || reward.kind !== 'coupon') return [];
  const out: Candidate[] = [];
  for (const r of ledger.referralRewards) {
    if (r.couponId === null) continue;
    out.push({
      couponId: r.couponId,
      source: 'referral',
      ruleId: 'referral',
      template: reward.coupon,
      validFrom: r.at,
      validTo: validThrough(r.at, reward.coupon.validDays, programme.timeZone),
      uses: 1,
      reason: msg('member.couponReferral', { coupon: reward.coupon.name }),
    });
  }
  return out;
}
