/**
 * The sales projection: one row per sale with its voids and returns applied.
 * Recomputed from the log for the sale each time one of its events arrives, so
 * a void that arrives before its sale (sync out of order) still lands.
 */
import type { EventEnvelope, EventPayload, LojalEvent } from '../../core/events';
import type { Db } from '../db';
import type { EventRow } from '../event-log';
import { eventFromRow } from '../event-log';
import { saleFromCommitted } from '../sales';
import { statement } from '../statements';
import { applySaleShare, dayFiguresKept, saleShare, shareOfCommitted } from './day-figures';
import type { DayBooking } from './day-figures';

type SaleEvent = Extract<LojalEvent, { type: 'sale.committed' | 'sale.voided' | 'sale.returned' }>;

export function projectSaleEvent(db: Db, event: SaleEvent): void {
  if (!dayFiguresKept()) {
    if (event.type === 'sale.committed') insertSale(db, event);
    refreshSale(db, event.payload.saleId);
    return;
  }
  // "Dagens tall" follow the row: what it gave before this event, what it gives after.
  const before = saleShare(db, event.payload.saleId);
  const inserted = event.type === 'sale.committed' && insertSale(db, event);
  const refreshed = refreshSale(db, event.payload.saleId);
  // A new sale (the commit path): the row is the event's as inserted, read from it, not again.
  const after =
    inserted && before === undefined && !refreshed
      ? shareOfCommitted(event)
      : saleShare(db, event.payload.saleId);
  applySaleShare(db, before, after);
}

/** True when the row was written (new, or an earlier clock for the same sale). */
function insertSale(db: Db, event: EventEnvelope<'sale.committed'>): boolean {
  const sale = saleFromCommitted(event);
  // Two committed events for one sale id never break the log: the earlier by clock
  // is the sale, whatever order they arrive in. A clash of idempotency keys between
  // different sales keeps the one already recorded. The payload is copied from the
  // event's row (always in the log before it is projected), not serialised again.
  const info = statement(
    db,
    `INSERT INTO sales (sale_id, idempotency_key, receipt_no, member_id, at, hlc,
       store_id, terminal_id, staff_id, total_ore, payload)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT payload FROM events WHERE id = ?))
     ON CONFLICT (sale_id) DO UPDATE SET
       idempotency_key = excluded.idempotency_key, receipt_no = excluded.receipt_no,
       member_id = excluded.member_id, at = excluded.at, hlc = excluded.hlc,
       store_id = excluded.store_id, terminal_id = excluded.terminal_id,
       staff_id = excluded.staff_id, total_ore = excluded.total_ore, payload = excluded.payload
       WHERE excluded.hlc < sales.hlc
     ON CONFLICT DO NOTHING`,
  ).run(
    sale.saleId,
    sale.idempotencyKey,
    sale.receiptNo,
    sale.memberId,
    sale.at,
    sale.hlc,
    sale.storeId,
    sale.terminalId,
    sale.staffId,
    sale.totalOre,
    event.id,
  );
  return info.changes > 0;
}

/**
 * Apply every void and (distinct) return of the sale found in the log. A sale
 * not here yet is left to its own event, which refreshes it when it arrives.
 */
function refreshSale(db: Db, saleId: string): boolean {
  const rows = statement(
    db,
    `SELECT * FROM events
     WHERE type IN ('sale.voided', 'sale.returned') AND json_extract(payload, '$.saleId') = ?
     ORDER BY hlc, id`,
  ).all(saleId) as EventRow[];
  // Neither voided nor returned: the row still has the values it was inserted with.
  if (rows.length === 0) return false;
  let voided = false;
  const returns: Array<EventPayload<'sale.returned'>> = [];
  const seenReturns = new Set<string>();
  // "Dagens tall" book each return and the void where and when it was made.
  const bookings: DayBooking[] = [];
  let returnedOre = 0;
  for (const row of rows) {
    const event = eventFromRow(row);
    if (event.type === 'sale.voided' && !voided) {
      voided = true;
      const { at, staffId } = event.payload;
      bookings.push({
        kind: 'void',
        storeId: event.storeId,
        at,
        staffId,
        returnedBeforeOre: returnedOre,
      });
    } else if (event.type === 'sale.returned' && !seenReturns.has(event.payload.returnId)) {
      seenReturns.add(event.payload.returnId);
      returns.push(event.payload);
      const { at, staffId, refundOre } = event.payload;
      bookings.push({ kind: 'return', storeId: event.storeId, at, staffId, refundOre });
      returnedOre += refundOre;
    }
  }
  statement(
    db,
    'UPDATE sales SET voided = ?, returned_ore = ?, returns = ?, day_bookings = ? WHERE sale_id = ?',
  ).run(voided ? 1 : 0, returnedOre, JSON.stringify(returns), JSON.stringify(bookings), saleId);
  return true;
}
