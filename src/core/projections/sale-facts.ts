/**
 * The cloud's `sale_facts` rows (cloud/db/migrations/013_projections.sql): one
 * booking per sale, void and return, each on its own event's store, staff
 * member, instant and local day, as the till's "Dagens tall" books them.
 *
 * `saleBookingOf` is one event's booking as the event alone says it;
 * `resolveSaleFacts` is the table a set of events makes: per booking key the
 * first event in clock order (ties by id), then each void and return takes the
 * member of its sale's booking, a void what its sale still held (its figures
 * less its returns before the void) negated and a return after the void
 * nothing (the fold ignores it). The
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

function clockOrder(a: SaleFact, b: SaleFact): number {
  return compareHlc(a.hlc, b.hlc) || (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0);
}

/** Of two bookings with the same key, the one that counts: the first in clock order, ties by event id. */
export function firstBooking(a: SaleFact, b: SaleFact): SaleFact {
  return clockOrder(a, b) <= 0 ? a : b;
}

/** Whether booking `a` comes before booking `b` in clock order (ties by event id). */
export function bookedBefore(a: SaleFact, b: SaleFact): boolean {
  return clockOrder(a, b) < 0;
}

/**
 * A void's or return's booking completed from its sale's bookings: `sale`,
 * its (first) `voided`, and `returns` (its return bookings as the events say
 * them). Both take the sale's member. A void takes back what the sale still
 * held, as "Dagens tall" books it: the sale's figures less those of its
 * returns made (by clock) before the void. A return made after the void takes
 * back nothing: the fold treats a voided sale as never made, its returns
 * included, so the void alone takes all of it back.
 */
export function withSale(
  fact: SaleFact,
  sale: SaleFact | undefined,
  voided: SaleFact | undefined,
  returns: readonly SaleFact[],
): SaleFact {
  if (fact.kind === 'sale') return fact;
  const memberId = sale ? sale.memberId : fact.memberId;
  if (fact.kind === 'return') {
    if (!voided || !bookedBefore(voided, fact)) return { ...fact, memberId };
    return {
      ...fact,
      memberId,
      amountOre: 0,
      couponIds: [],
      rewardIds: [],
      stamps: {},
      pointsEarned: 0,
      pointsRedeemed: 0,
    };
  }
  if (!sale) return fact;
  const before = returns.filter((r) => bookedBefore(r, fact));
  const sum = (pick: (f: SaleFact) => number) =>
    minus(before.reduce((total, r) => total + pick(r), pick(sale)));
  const stampSums = new Map<string, number>();
  for (const f of [sale, ...before])
    for (const [cardId, n] of Object.entries(f.stamps))
      stampSums.set(cardId, (stampSums.get(cardId) ?? 0) + n);
  const stamps: Record<string, number> = {};
  for (const cardId of [...stampSums.keys()].sort()) stamps[cardId] = minus(stampSums.get(cardId)!);
  const restoredCoupons = new Set(before.flatMap((r) => r.couponIds));
  const restoredRewards = new Set(before.flatMap((r) => r.rewardIds));
  return {
    ...fact,
    memberId,
    amountOre: sum((f) => f.amountOre),
    couponIds: sale.couponIds.filter((id) => !restoredCoupons.has(id)),
    rewardIds: sale.rewardIds.filter((id) => !restoredRewards.has(id)),
    stamps,
    pointsEarned: sum((f) => f.pointsEarned),
    pointsRedeemed: sum((f) => f.pointsRedeemed),
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
  const returnsBySale = new Map<string, SaleFact[]>();
  for (const fact of byBooking.values()) {
    if (fact.kind !== 'return') continue;
    returnsBySale.set(fact.saleId, [...(returnsBySale.get(fact.saleId) ?? []), fact]);
  }
  const facts = [...byBooking.values()].map((fact) =>
    withSale(
      fact,
      byBooking.get(`sale:${fact.saleId}`),
      byBooking.get(`void:${fact.saleId}`),
      returnsBySale.get(fact.saleId) ?? [],
    ),
  );
  return facts.sort((a, b) => (a.booking < b.booking ? -1 : a.booking > b.booking ? 1 : 0));
}
