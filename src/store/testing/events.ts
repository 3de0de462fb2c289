/**
 * Test support: valid events (real UUIDv7 ids, encoded HLCs) for store tests and
 * anyone testing on top of the store. Every event passes parseEvent.
 */
import { memberNumberFor } from '../../core/ean13';
import type {
  EventEnvelope,
  EventPayload,
  EventType,
  SaleEffects,
  SaleLine,
} from '../../core/events';
import { EVENT_SCHEMA_VERSION } from '../../core/events';
import { encodeHlc } from '../../core/hlc';
import type { ProgrammeInput } from '../../core/programme';
import { parseProgramme } from '../../core/programme';
import type { ProductInput } from '../../core/catalogue';
import { Catalogue } from '../../core/catalogue';
import { newEventId } from '../ids';

export interface TestTill {
  chainId: string;
  storeId: string;
  terminalId: string;
}

/** Makes events as one till would: its HLC ticks once per event from the given wall time. */
export function testTill(terminalId = 'till-a', storeId = 'store-1') {
  const till: TestTill = { chainId: 'chain-1', storeId, terminalId };
  let lastWall = 0;
  let counter = 0;
  function hlcAt(wallMs: number): string {
    if (wallMs > lastWall) {
      lastWall = wallMs;
      counter = 0;
    } else counter += 1;
    return encodeHlc({ wallMs: lastWall, counter, node: terminalId });
  }
  function envelope<T extends EventType>(
    type: T,
    memberId: string | null,
    payload: EventPayload<T> & { at: number },
  ): EventEnvelope<T> {
    return {
      id: newEventId(),
      ...till,
      hlc: hlcAt(payload.at),
      type,
      memberId,
      payload,
      schemaVersion: EVENT_SCHEMA_VERSION,
    };
  }
  return {
    ...till,
    envelope,
    enrolled(
      memberId: string,
      at: number,
      overrides: Partial<EventPayload<'member.enrolled'>> = {},
    ): EventEnvelope<'member.enrolled'> {
      return envelope('member.enrolled', memberId, {
        memberNumber: memberNumberFor('29', 1),
        qrToken: `QR${memberId.replace(/[^A-Za-z0-9]/g, '').toUpperCase()}`.padEnd(26, 'A'),
        phoneE164: '+4798765432',
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
        ...overrides,
      });
    },
    sale(
      memberId: string | null,
      at: number,
      options: { saleId?: string; totalOre?: number; effects?: Partial<SaleEffects> } = {},
    ): EventEnvelope<'sale.committed'> {
      const saleId = options.saleId ?? newEventId();
      const totalOre = options.totalOre ?? 10_000;
      const line: SaleLine = {
        lineId: 'L1',
        sku: 'brod',
        name: 'Grovbrød',
        category: 'bread',
        quantity: 1,
        unitPriceOre: totalOre,
        vatRate: 15,
        listOre: totalOre,
        paidOre: totalOre,
        discounts: [],
      };
      return envelope('sale.committed', memberId, {
        saleId,
        idempotencyKey: `key-${saleId}`,
        receiptNo: `1-${saleId.slice(-6)}`,
        staffId: 'staff-1',
        at,
        paymentMethod: 'card',
        verified: false,
        lines: [line],
        benefits: [],
        listOre: totalOre,
        totalOre,
        vat: [{ rate: 15, grossOre: totalOre, vatOre: 0, netOre: totalOre }],
        effects: memberId === null ? null : { ...noEffects(at), ...options.effects },
      });
    },
    voided(memberId: string | null, saleId: string, at: number): EventEnvelope<'sale.voided'> {
      return envelope('sale.voided', memberId, { saleId, staffId: 'staff-2', reason: 'test', at });
    },
    erased(memberId: string, at: number): EventEnvelope<'member.erased'> {
      return envelope('member.erased', memberId, { staffId: 'staff-2', at });
    },
    profileUpdated(
      memberId: string,
      at: number,
      fields: EventPayload<'member.profile_updated'>['fields'],
    ): EventEnvelope<'member.profile_updated'> {
      return envelope('member.profile_updated', memberId, { fields, staffId: 'staff-1', at });
    },
    pointsAdjusted(memberId: string, at: number, points: number): EventEnvelope<'points.adjusted'> {
      return envelope('points.adjusted', memberId, {
        points,
        actionId: null,
        reason: { nb: 'Test', en: 'Test' },
        staffId: 'staff-1',
        at,
        availableAt: at,
        expireAt: null,
      });
    },
    programmeSaved(
      at: number,
      programme: ProgrammeInput,
      publish: { stores?: string[]; from?: number } = {},
    ): EventEnvelope<'programme.saved'> {
      return envelope('programme.saved', null, {
        programme: parseProgramme(programme),
        staffId: 'staff-2',
        at,
        ...publish,
      });
    },
    catalogueSaved(at: number, products: ProductInput[]): EventEnvelope<'catalogue.saved'> {
      return envelope('catalogue.saved', null, {
        products: Catalogue.parse(products),
        staffId: 'staff-2',
        at,
      });
    },
  };
}

export function noEffects(at: number): SaleEffects {
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
