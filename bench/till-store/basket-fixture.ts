/**
 * The basket-evaluation workload: the bakery programme with ten active rules
 * and a regular with three punch cards and five coupons, buying 30 lines.
 * The member is built the way the till builds one (events → foldMember →
 * memberView), not as a hand-made view.
 */
import { evaluateBasket } from '../../src/core/basket';
import type { BasketLineInput, EvaluateInput } from '../../src/core/basket-types';
import { EVENT_SCHEMA_VERSION } from '../../src/core/events';
import type { EventEnvelope, EventPayload, EventType, MemberEvent } from '../../src/core/events';
import { encodeHlc } from '../../src/core/hlc';
import { foldMember, memberView, purchasedCouponId } from '../../src/core/member';
import type { MemberLedger } from '../../src/core/member-types';
import { Programme } from '../../src/core/programme';
import type { Programme as ProgrammeType } from '../../src/core/programme';
import { bakery } from '../../src/core/templates/bakery';
import { prng, uuidv7 } from './random';

const DAY = 86_400_000;
/** A Tuesday noon in Oslo, inside every campaign below. */
export const BASKET_NOW = Date.UTC(2026, 4, 12, 10, 0, 0);

/**
 * The bakery template plus a third punch card, a bonus campaign and a coupon
 * campaign: points, tiers, welcome, birthday, spend coupons, points offer, three
 * punch cards, bonus campaign, coupon campaign — ten rules that each look at
 * the basket.
 */
export function basketProgramme(): ProgrammeType {
  const base = bakery.programme;
  return Programme.parse({
    ...base,
    punchCards: [
      ...base.punchCards,
      {
        id: 'bolle',
        name: { nb: 'Boller', en: 'Buns' },
        qualifying: { categories: ['Bakst'] },
        stamps: 9,
        reward: { kind: 'free_item' },
      },
    ],
    bonusCampaigns: [
      {
        id: 'dobbel-kaffe',
        name: { nb: 'Dobbelt poeng på kaffe', en: 'Double points on coffee' },
        multiplier: 2,
        validFrom: '2026-05-01',
        validTo: '2026-05-31',
        categories: ['Kaffe'],
      },
    ],
    campaigns: [
      {
        id: 'kakefest',
        coupon: {
          name: { nb: '20 % på kaker', en: '20 % off cakes' },
          benefit: { kind: 'percent', percent: 20 },
          scope: { categories: ['Kaker'] },
        },
        validFrom: '2026-05-01',
        validTo: '2026-05-31',
        code: 'KAKE26',
      },
    ],
  });
}

/** A member's history: enrolled a month ago, a birthday this week, regular purchases. */
function memberHistory(programme: ProgrammeType): MemberEvent[] {
  const random = prng(7);
  const memberId = uuidv7(random, BASKET_NOW - 40 * DAY);
  const events: MemberEvent[] = [];
  let counter = 0;
  const envelope = <T extends EventType>(
    type: T,
    payload: EventPayload<T> & { at: number },
    id?: string,
  ) => {
    const event = {
      id: id ?? uuidv7(random, payload.at),
      chainId: 'bakeriet',
      storeId: 'bakeriet-sentrum',
      terminalId: 'till-1',
      hlc: encodeHlc({ wallMs: payload.at, counter: counter++, node: 'till-1' }),
      type,
      memberId,
      payload,
      schemaVersion: EVENT_SCHEMA_VERSION,
    } as EventEnvelope<T>;
    events.push(event as MemberEvent);
    return event;
  };
  const enrolledAt = BASKET_NOW - 20 * DAY;
  envelope('member.enrolled', {
    memberNumber: '2900010000017',
    qrToken: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    phoneE164: '+4791234567',
    profile: {
      firstName: 'Kari',
      lastName: 'Nordmann',
      email: null,
      birthDate: '1980-05-14',
      postalCode: '0150',
      gender: 'female',
    },
    termsVersion: programme.termsVersion,
    consents: { sms: true, email: false },
    referrerId: null,
    staffId: 'demo-kari',
    at: enrolledAt,
  });
  // Twelve visits: coffee, bread and buns stamps (full coffee and bun cards),
  // 2,400 kr spent (a 100 kr spend coupon), 600 points (Sølv).
  for (let k = 0; k < 12; k++) {
    const at = enrolledAt + (k + 1) * DAY;
    const saleId = uuidv7(random, at);
    envelope('sale.committed', {
      saleId,
      idempotencyKey: `k-${saleId}`,
      receiptNo: `1-${String(k + 1).padStart(6, '0')}`,
      staffId: 'demo-kari',
      at,
      paymentMethod: 'card',
      verified: true,
      lines: [],
      benefits: [],
      listOre: 20_000,
      totalOre: 20_000,
      vat: [],
      effects: {
        pointsEarned: 50,
        pointsReasons: [],
        pointsAvailableAt: at,
        pointsExpireAt: at + 730 * DAY,
        pointsRedeemed: 0,
        cashbackEarnedOre: 0,
        cashbackRedeemedOre: 0,
        stamps: [
          { cardId: 'kaffe', count: 1 },
          { cardId: 'brod', count: 1 },
          { cardId: 'bolle', count: 1 },
        ],
        couponsRedeemed: [],
        rewardsRedeemed: [],
        tierOnceUsed: null,
        qualifyingSpendOre: 20_000,
        categories: ['Kaffe', 'Brød', 'Bakst'],
      },
    });
  }
  const boughtAt = BASKET_NOW - 2 * DAY;
  const eventId = uuidv7(random, boughtAt);
  envelope(
    'coupon.purchased',
    {
      couponId: purchasedCouponId(eventId),
      offerId: 'gratis-kaffe',
      costPoints: 50,
      at: boughtAt,
      validTo: boughtAt + 60 * DAY,
    },
    eventId,
  );
  return events;
}

export function basketMember(programme: ProgrammeType): MemberLedger {
  return foldMember(memberHistory(programme))!;
}

/** 30 lines across every category the rules look at. */
function basketLines(): BasketLineInput[] {
  const products = bakery.catalogue;
  const lines: BasketLineInput[] = [];
  for (let k = 0; k < 30; k++) {
    const p = products[(k * 7) % products.length]!;
    lines.push({
      lineId: `L${k + 1}`,
      sku: p.sku,
      name: p.name,
      category: p.category,
      quantity: 1 + (k % 3),
      unitPriceOre: p.priceOre,
      ...(p.memberPriceOre === undefined ? {} : { memberPriceOre: p.memberPriceOre }),
      vatRate: p.vatRate,
    });
  }
  return lines;
}

/** The whole input, with a coupon and every punch-card reward selected. */
export function basketInput(): EvaluateInput {
  const programme = basketProgramme();
  const ledger = basketMember(programme);
  const member = memberView(programme, ledger, BASKET_NOW);
  const campaignCoupon = member.coupons.find((c) => c.source === 'campaign');
  return {
    programme,
    lines: basketLines(),
    member,
    verified: true,
    selections: {
      couponIds: campaignCoupon ? [campaignCoupon.couponId] : [],
      rewardIds: member.punchCards.flatMap((c) => c.rewardsAvailable.map((r) => r.rewardId)),
      pointsToRedeem: 0,
      cashbackToRedeemOre: 0,
      useTierOnce: false,
    },
    now: BASKET_NOW,
  };
}

/** What the workload contains, checked before it is timed (so the figure means what it says). */
export function describeInput(input: EvaluateInput): string {
  const m = input.member!;
  const rewards = m.punchCards.reduce((n, c) => n + c.rewardsAvailable.length, 0);
  const evaluation = evaluateBasket(input);
  return (
    `${input.lines.length} lines, member with ${m.punchCards.length} punch cards (${rewards} rewards), ` +
    `${m.coupons.length} coupons (${m.coupons.map((c) => c.source).join(', ')}), tier ${m.tier?.name.en ?? 'none'}; ` +
    `${evaluation.benefits.length} benefits applied, ${evaluation.rejected.length} rejected`
  );
}
