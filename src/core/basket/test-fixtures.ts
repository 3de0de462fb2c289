/**
 * Small builders for basket tests: a programme from partial input, basket lines,
 * and MemberView fixtures (in the app the view comes from memberView()).
 */
import type { BasketLineInput, BasketSelections, EvaluateInput, Evaluation } from '../basket-types';
import type { EventPayload } from '../events';
import type { CouponView, MemberView, PunchCardView, TierView } from '../member-types';
import { CouponTemplate, Programme, type ProgrammeInput, type TierLevel } from '../programme';
import type { z } from 'zod';
import { saleCommittedPayload } from '../sale';
import { msg } from '../i18n';
import { renderAll } from '../../../test/helpers/said';

export const DAY = 86_400_000;

/** An instant from an ISO string with offset, e.g. "2026-03-10T12:00:00+01:00". */
export function at(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`bad instant ${iso}`);
  return ms;
}

export function programme(input: Partial<ProgrammeInput> = {}): Programme {
  return Programme.parse({ name: 'Testbakeriet', termsVersion: 't1', ...input });
}

export function couponTemplate(input: z.input<typeof CouponTemplate>): CouponTemplate {
  return CouponTemplate.parse(input);
}

let lineCounter = 0;
export function line(
  sku: string,
  unitPriceOre: number,
  options: Partial<Omit<BasketLineInput, 'sku' | 'unitPriceOre'>> = {},
): BasketLineInput {
  lineCounter += 1;
  return {
    lineId: options.lineId ?? `l${lineCounter}`,
    sku,
    name: options.name ?? sku,
    category: options.category ?? 'Diverse',
    quantity: options.quantity ?? 1,
    unitPriceOre,
    vatRate: options.vatRate ?? 25,
    ...(options.memberPriceOre !== undefined ? { memberPriceOre: options.memberPriceOre } : {}),
  };
}

export function selections(partial: Partial<BasketSelections> = {}): BasketSelections {
  return {
    couponIds: [],
    rewardIds: [],
    pointsToRedeem: 0,
    cashbackToRedeemOre: 0,
    useTierOnce: false,
    ...partial,
  };
}

export function member(overrides: Partial<MemberView> = {}): MemberView {
  return {
    memberId: 'm1',
    memberNumber: '2900000000017',
    qrToken: 'qr-token-m1',
    erased: false,
    phoneE164: '+4791234567',
    profile: {
      firstName: 'Kari',
      lastName: 'Nordmann',
      email: null,
      birthDate: null,
      postalCode: null,
      gender: null,
    },
    enrolledAt: at('2025-01-01T10:00:00+01:00'),
    consents: { sms: false, email: false },
    termsVersion: 't1',
    points: { balance: 0, pending: 0, valueOre: 0, nextExpiry: null },
    cashbackOre: 0,
    tier: null,
    punchCards: [],
    coupons: [],
    flags: [],
    bonusCampaignIds: [],
    stats: { purchases: 0, spendOre: 0, firstPurchaseAt: null, lastPurchaseAt: null },
    hasPin: false,
    ...overrides,
  };
}

export function coupon(
  couponId: string,
  template: z.input<typeof CouponTemplate>,
  options: Partial<Omit<CouponView, 'couponId' | 'template'>> = {},
): CouponView {
  const parsed = CouponTemplate.parse(template);
  return {
    couponId,
    source: options.source ?? 'campaign',
    ruleId: options.ruleId ?? 'rule',
    template: parsed,
    validFrom: options.validFrom ?? at('2020-01-01T00:00:00Z'),
    validTo: options.validTo ?? at('2099-01-01T00:00:00Z'),
    usesLeft: options.usesLeft ?? 1,
    reason: options.reason ?? msg('member.couponCampaign', { coupon: parsed.name }),
  };
}

export function tierOf(
  level: TierLevel,
  options: Partial<Omit<TierView, 'levelId' | 'name' | 'benefit'>> = {},
): TierView {
  return {
    levelId: level.id,
    name: level.name,
    benefit: level.benefit,
    qualifyingPoints: options.qualifyingPoints ?? level.threshold,
    periodKey: options.periodKey ?? 'Y2026',
    periodStart: options.periodStart ?? at('2026-01-01T00:00:00+01:00'),
    periodEnd: options.periodEnd ?? at('2027-01-01T00:00:00+01:00'),
    next: options.next ?? null,
    oncePerPeriodAvailable: options.oncePerPeriodAvailable ?? true,
  };
}

export function punchCard(
  cardId: string,
  stamps: number,
  of: number,
  rewardIds: string[] = [],
): PunchCardView {
  return {
    cardId,
    name: { nb: cardId, en: cardId },
    stamps,
    of,
    completedCards: rewardIds.length,
    rewardsAvailable: rewardIds.map((rewardId) => ({
      rewardId,
      cardId,
      reason: msg('member.rewardFullCard', { card: { nb: cardId, en: cardId }, n: 1, stamps: of }),
    })),
  };
}

export function evaluateInput(
  partial: Partial<EvaluateInput> & Pick<EvaluateInput, 'lines'>,
): EvaluateInput {
  return {
    programme: partial.programme ?? programme(),
    member: partial.member === undefined ? member() : partial.member,
    verified: partial.verified ?? true,
    selections: partial.selections ?? selections(),
    now: partial.now ?? at('2026-03-10T12:00:00+01:00'),
    lines: partial.lines,
  };
}

/** The sale.committed payload a till would record for an evaluation. */
export function committedSale(
  evaluation: Evaluation,
  saleId = 's1',
  committedAt = at('2026-03-10T12:00:00+01:00'),
): EventPayload<'sale.committed'> {
  const { earnedSummary: _, ...payload } = saleCommittedPayload(
    {
      saleId,
      idempotencyKey: `key-${saleId}`,
      receiptNo: '1-0001',
      staffId: null,
      at: committedAt,
      paymentMethod: 'card',
      verified: true,
    },
    evaluation,
    renderAll,
  );
  return payload;
}
