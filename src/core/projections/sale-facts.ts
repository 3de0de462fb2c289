/**
 * The cloud's `sale_facts` rows (cloud/db/migrations/013_projections.sql): one
 * booking per sale, void and return, each on its own event's store, staff
 * member, instant and local day, as the till's "Dagens tall" books them.
 *
 * `saleBookingOf` is one event's booking as the event alone says it;
 * `resolveSaleFacts` is the table a set of events makes: per booking key the
 * first event in clock order (ties by id), then each void and return takes the
 * member of its sale's booking, and a void its sale's figures negated. The
 * cloud does the second step in SQL as events arrive (cloud/projections); the
 * result depends only on the set of events, not on their arrival order.
 */
import type { EventEnvelope, LojalEvent } from '../events';
import { compareHlc } from '../hlc';
import { isoDate, localDateOf } from '../time';

export type SaleFactKind = 'sale' | 'void' | 'return';

export interface SaleFact {
  /** 'sale:<saleId>', 'void:<saleId>' or 'return:<returnId>'. */
  booking: string;
  kind: SaleFactKind;
  eventId: string;
  hlc: string;
  saleId: string;
  returnId: string | null;
  storeId: string;
  terminalId: string;
  staffId: string | null;
  memberId: string | null;
  at: number;
  /** YYYY-MM-DD in the chain's time zone. */
  day: string;
  amountOre: number;
  receipts: number;
  couponIds: string[];
  rewardIds: string[];
  /** cardId → stamps, keys sorted; negative for a void or return. */
  stamps: Record<string, number>;
  pointsEarned: number;
  pointsRedeemed: number;
}

export type SaleEvent =
  EventEnvelope<'sale.committed'> | EventEnvelope<'sale.voided'> | EventEnvelope<'sale.returned'>;

export function isSaleEvent(event: LojalEvent): event is SaleEvent {
  return (
    event.type === 'sale.committed' ||
    event.type === 'sale.voided' ||
    event.type === 'sale.returned'
  );
}

function stampsRecord(stamps: ReadonlyArray<{ cardId: string; count: number }>, sign: number) {
  const byCard = new Map<string, number>();
  for (const s of stamps) byCard.set(s.cardId, (byCard.get(s.cardId) ?? 0) + sign * s.count);
  const record: Record<string, number> = {};
  for (const cardId of [...byCard.keys()].sort()) record[cardId] = byCard.get(cardId)!;
  return record;
}

/** Minus without a negative zero (the database has none, and -0 and 0 compare unequal in tests). */
const minus = (n: number) => (n === 0 ? 0 : -n);

function distinctSorted(ids: readonly string[]): string[] {
  return [...new Set(ids)].sort();
}

/**
 * The event's booking from the event alone. A void's figures are its sale's
 * (negated), which the void does not carry: zero here, filled in by
 * `resolveSaleFacts` (or the cloud's SQL) once the sale's booking is known.
 */
export function saleBookingOf(event: SaleEvent, timeZone: string): SaleFact {
  const base = {
    eventId: event.id,
    hlc: event.hlc,
    storeId: event.storeId,
    terminalId: event.terminalId,
    staffId: event.payload.staffId,
    memberId: event.memberId,
    at: event.payload.at,
    day: isoDate(localDateOf(event.payload.at, timeZone)),
    saleId: event.payload.saleId,
  };
  switch (event.type) {
    case 'sale.committed': {
      const effects = event.payload.effects;
      return {
        ...base,
        booking: `sale:${event.payload.saleId}`,
        kind: 'sale',
        returnId: null,
        amountOre: event.payload.totalOre,
        receipts: 1,
        couponIds: distinctSorted(effects?.couponsRedeemed ?? []),
        rewardIds: distinctSorted(effects?.rewardsRedeemed ?? []),
        stamps: stampsRecord(effects?.stamps ?? [], 1),
        pointsEarned: effects?.pointsEarned ?? 0,
        pointsRedeemed: effects?.pointsRedeemed ?? 0,
      };
    }
    case 'sale.voided':
      return {
        ...base,
        booking: `void:${event.payload.saleId}`,
        kind: 'void',
        returnId: null,
        amountOre: 0,
        receipts: -1,
        couponIds: [],
        rewardIds: [],
        stamps: {},
        pointsEarned: 0,
        pointsRedeemed: 0,
      };
    case 'sale.returned': {
      const { reversed } = event.payload;
      return {
        ...base,
        booking: `return:${event.payload.returnId}`,
        kind: 'return',
        returnId: event.payload.returnId,
        amountOre: minus(event.payload.refundOre),
        receipts: 0,
        couponIds: distinctSorted(reversed.couponsRestored),
        rewardIds: distinctSorted(reversed.rewardsRestored),
        stamps: stampsRecord(reversed.stamps, -1),
        pointsEarned: minus(reversed.points),
        pointsRedeemed: minus(reversed.pointsRedeemedRestored),
      };
    }
  }
}

/** Of two bookings with the same key, the one that counts: the first in clock order, ties by event id. */
export function firstBooking(a: SaleFact, b: SaleFact): SaleFact {
  const order =
    compareHlc(a.hlc, b.hlc) || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0);
  return order <= 0 ? a : b;
}

/** A void's or return's booking completed from its sale's booking (or left as it is without one). */
export function withSale(fact: SaleFact, sale: SaleFact | undefined): SaleFact {
  if (fact.kind === 'sale' || !sale) return fact;
  if (fact.kind === 'return') return { ...fact, memberId: sale.memberId };
  const negated: Record<string, number> = {};
  for (const [cardId, n] of Object.entries(sale.stamps)) negated[cardId] = minus(n);
  return {
    ...fact,
    memberId: sale.memberId,
    amountOre: minus(sale.amountOre),
    couponIds: [...sale.couponIds],
    rewardIds: [...sale.rewardIds],
    stamps: negated,
    pointsEarned: minus(sale.pointsEarned),
    pointsRedeemed: minus(sale.pointsRedeemed),
  };
}

/** The bookings a set of events makes (any order, duplicates included), in booking order. */
export function resolveSaleFacts(events: readonly LojalEvent[], timeZone: string): SaleFact[] {
  const byBooking = new Map<string, SaleFact>();
  for (const event of events) {
    if (!isSaleEvent(event)) continue;
    const fact = saleBookingOf(event, timeZone);
    const known = byBooking.get(fact.booking);
    byBooking.set(fact.booking, known ? firstBooking(known, fact) : fact);
  }
  const facts = [...byBooking.values()].map((fact) =>
    withSale(fact, byBooking.get(`sale:${fact.saleId}`)),
  );
  return facts.sort((a, b) => (a.booking < b.booking ? -1 : a.booking > b.booking ? 1 : 0));
}
