/**
 * Test helper: valid member event envelopes (UUIDv7-shaped ids, encoded HLCs)
 * with sensible defaults, for this module's tests and anyone else's. Every event
 * it makes passes `parseEvent`. Ids come from a counter, not randomness, so a
 * failing test replays the same way.
 *
 *   const m = memberEvents('m-1');
 *   const events = [m.enrolled(T0), m.sale(T0 + HOUR, { effects: { pointsEarned: 50 } })];
 */
import { encodeHlc } from '../hlc';
import type {
  ChainWideType,
  EventEnvelope,
  EventPayload,
  EventType,
  SaleEffects,
  SaleLine,
} from '../events';
import { EVENT_SCHEMA_VERSION } from '../events';
import { memberNumberFor } from '../ean13';

export type MemberEventType = Exclude<EventType, ChainWideType>;

export interface EnvelopeOptions {
  /** Event id; default a fresh UUIDv7-shaped id. */
  id?: string;
  /** Encoded HLC; default built from `hlcWallMs`, `hlcCounter` and the terminal. */
  hlc?: string;
  /** Wall part of the HLC; default the payload's `at` (a till whose clock is right). */
  hlcWallMs?: number;
  hlcCounter?: number;
  terminalId?: string;
  storeId?: string;
  chainId?: string;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

let sequence = 0;

/** A UUIDv7-shaped id whose time part is `wallMs`; unique within the process. */
export function testEventId(wallMs: number): string {
  sequence += 1;
  const time = Math.max(0, Math.floor(wallMs)).toString(16).padStart(12, '0').slice(-12);
  const seq = sequence.toString(16).padStart(18, '0').slice(-18);
  return `${time.slice(0, 8)}-${time.slice(8)}-7${seq.slice(0, 3)}-8${seq.slice(3, 6)}-${seq.slice(6)}`;
}

export function memberEnvelope<T extends MemberEventType>(
  type: T,
  memberId: string,
  payload: EventPayload<T> & { at: number },
  options: EnvelopeOptions = {},
): EventEnvelope<T> {
  const at = payload.at;
  const terminalId = options.terminalId ?? 'till-1';
  return {
    id: options.id ?? testEventId(options.hlcWallMs ?? at),
    chainId: options.chainId ?? 'chain-1',
    storeId: options.storeId ?? 'store-1',
    terminalId,
    hlc:
      options.hlc ??
      encodeHlc({
        wallMs: options.hlcWallMs ?? at,
        counter: options.hlcCounter ?? 0,
        node: terminalId,
      }),
    type,
    memberId,
    payload,
    schemaVersion: EVENT_SCHEMA_VERSION,
  };
}

export function noSaleEffects(at: number): SaleEffects {
  return {
    pointsEarned: 0,
    pointsReasons: [],
    pointsAvailableAt: at,
    pointsExpireAt: null,
    pointsRedeemed: 0,
    cashbackEarnedOre: 0,
    cashbackRedeemedOre: 0,
    stamps: [],
    couponsRedeemed: [],
    rewardsRedeemed: [],
    tierOnceUsed: null,
    qualifyingSpendOre: 0,
    categories: [],
  };
}

export function saleLine(partial: Partial<SaleLine> = {}): SaleLine {
  const quantity = partial.quantity ?? 1;
  const unitPriceOre = partial.unitPriceOre ?? 10_000;
  const listOre = partial.listOre ?? quantity * unitPriceOre;
  return {
    lineId: 'l1',
    sku: 'sku-1',
    name: 'Vare',
    category: 'general',
    quantity,
    unitPriceOre,
    vatRate: 25,
    listOre,
    paidOre: listOre,
    discounts: [],
    ...partial,
  };
}

type Reversed = EventPayload<'sale.returned'>['reversed'];
type EnrolmentPayload = EventPayload<'member.enrolled'>;

export interface SaleOptions extends EnvelopeOptions {
  saleId?: string;
  lines?: SaleLine[];
  /** Default: the sum of the lines' paidOre. */
  totalOre?: number;
  /** Merged over zero effects; null = a sale with no member effects recorded. */
  effects?: Partial<SaleEffects> | null;
  staffId?: string | null;
}

export interface ReturnOptions extends EnvelopeOptions {
  returnId?: string;
  lines?: Array<{ lineId: string; quantity: number }>;
  refundOre?: number;
  reversed?: Partial<Reversed>;
}

/** Event makers for one member. */
export function memberEvents(memberId: string) {
  let saleNo = 0;
  let returnNo = 0;
  return {
    memberId,
    enrolled(
      at: number,
      payload: Partial<EnrolmentPayload> = {},
      options?: EnvelopeOptions,
    ): EventEnvelope<'member.enrolled'> {
      return memberEnvelope(
        'member.enrolled',
        memberId,
        {
          memberNumber: memberNumberFor('29', 1),
          qrToken: `qr-${memberId}-token`,
          phoneE164: '+4791234567',
          profile: {
            firstName: 'Kari',
            lastName: 'Nordmann',
            email: 'kari@example.no',
            birthDate: '1990-05-17',
            postalCode: '0150',
            gender: 'female',
          },
          termsVersion: 'v1',
          consents: { sms: true, email: false },
          referrerId: null,
          staffId: 'staff-1',
          at,
          ...payload,
        },
        options,
      );
    },
    profileUpdated(
      at: number,
      fields: EventPayload<'member.profile_updated'>['fields'],
      options?: EnvelopeOptions & { staffId?: string | null },
    ): EventEnvelope<'member.profile_updated'> {
      return memberEnvelope(
        'member.profile_updated',
        memberId,
        { fields, staffId: options?.staffId ?? 'staff-1', at },
        options,
      );
    },
    consentChanged(
      at: number,
      channel: 'sms' | 'email',
      granted: boolean,
      options?: EnvelopeOptions & { staffId?: string | null; termsVersion?: string },
    ): EventEnvelope<'member.consent_changed'> {
      return memberEnvelope(
        'member.consent_changed',
        memberId,
        {
          channel,
          granted,
          termsVersion: options?.termsVersion ?? 'v1',
          staffId: options?.staffId ?? 'staff-1',
          at,
        },
        options,
      );
    },
    pinSet(
      at: number,
      pinHash: string | null,
      options?: EnvelopeOptions,
    ): EventEnvelope<'member.pin_set'> {
      return memberEnvelope('member.pin_set', memberId, { pinHash, at }, options);
    },
    erased(at: number, options?: EnvelopeOptions): EventEnvelope<'member.erased'> {
      return memberEnvelope('member.erased', memberId, { staffId: 'manager-1', at }, options);
    },
    sale(at: number, options: SaleOptions = {}): EventEnvelope<'sale.committed'> {
      saleNo += 1;
      const saleId = options.saleId ?? `sale-${memberId}-${saleNo}`;
      const lines = options.lines ?? [saleLine()];
      const totalOre = options.totalOre ?? lines.reduce((sum, l) => sum + l.paidOre, 0);
      const vatOre = Math.round((totalOre * 25) / 125);
      return memberEnvelope(
        'sale.committed',
        memberId,
        {
          saleId,
          idempotencyKey: `idem-${saleId}`,
          receiptNo: String(saleNo),
          staffId: options.staffId ?? 'staff-1',
          at,
          paymentMethod: 'card',
          verified: true,
          lines,
          benefits: [],
          listOre: lines.reduce((sum, l) => sum + l.listOre, 0),
          totalOre,
          vat: [{ rate: 25, grossOre: totalOre, vatOre, netOre: totalOre - vatOre }],
          effects:
            options.effects === null ? null : { ...noSaleEffects(at), ...(options.effects ?? {}) },
        },
        options,
      );
    },
    voided(at: number, saleId: string, options?: EnvelopeOptions): EventEnvelope<'sale.voided'> {
      return memberEnvelope(
        'sale.voided',
        memberId,
        { saleId, staffId: 'manager-1', reason: 'feilslag', at },
        options,
      );
    },
    returned(
      at: number,
      saleId: string,
      options: ReturnOptions = {},
    ): EventEnvelope<'sale.returned'> {
      returnNo += 1;
      return memberEnvelope(
        'sale.returned',
        memberId,
        {
          saleId,
          returnId: options.returnId ?? `return-${memberId}-${returnNo}`,
          staffId: 'manager-1',
          at,
          lines: options.lines ?? [{ lineId: 'l1', quantity: 1 }],
          refundOre: options.refundOre ?? 0,
          reversed: {
            points: 0,
            cashbackOre: 0,
            stamps: [],
            qualifyingSpendOre: 0,
            couponsRestored: [],
            rewardsRestored: [],
            pointsRedeemedRestored: 0,
            cashbackRedeemedRestoredOre: 0,
            ...options.reversed,
          },
        },
        options,
      );
    },
    pointsAdjusted(
      at: number,
      points: number,
      options: EnvelopeOptions & { availableAt?: number; expireAt?: number | null } = {},
    ): EventEnvelope<'points.adjusted'> {
      return memberEnvelope(
        'points.adjusted',
        memberId,
        {
          points,
          actionId: null,
          reason: { nb: 'Justering', en: 'Adjustment' },
          staffId: 'manager-1',
          at,
          availableAt: options.availableAt ?? at,
          expireAt: options.expireAt ?? null,
        },
        options,
      );
    },
    /** The coupon id is `P-{eventId}` as the service makes it. */
    couponPurchased(
      at: number,
      offerId: string,
      costPoints: number,
      validTo: number,
      options: EnvelopeOptions = {},
    ): EventEnvelope<'coupon.purchased'> {
      const id = options.id ?? testEventId(options.hlcWallMs ?? at);
      return memberEnvelope(
        'coupon.purchased',
        memberId,
        { couponId: `P-${id}`, offerId, costPoints, at, validTo },
        { ...options, id },
      );
    },
    referralRewarded(
      at: number,
      refereeId: string,
      options: EnvelopeOptions & {
        points?: number;
        couponId?: string | null;
        saleId?: string;
        expireAt?: number | null;
      } = {},
    ): EventEnvelope<'referral.rewarded'> {
      return memberEnvelope(
        'referral.rewarded',
        memberId,
        {
          refereeId,
          saleId: options.saleId ?? `sale-${refereeId}-1`,
          points: options.points ?? 0,
          couponId: options.couponId ?? null,
          at,
          expireAt: options.expireAt ?? null,
        },
        options,
      );
    },
  };
}

export type MemberEventMaker = ReturnType<typeof memberEvents>;
