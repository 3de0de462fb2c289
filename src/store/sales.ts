/** Reading the sales projection. */
import type { EventEnvelope, EventPayload } from '../core/events';
import { reading } from './db';
import type { Db, Readable } from './db';
import { statement } from './statements';

export interface StoredSale {
  saleId: string;
  idempotencyKey: string;
  receiptNo: string;
  memberId: string | null;
  at: number;
  hlc: string;
  storeId: string;
  terminalId: string;
  staffId: string | null;
  totalOre: number;
  voided: boolean;
  returnedOre: number;
  committed: EventPayload<'sale.committed'>;
  returns: Array<EventPayload<'sale.returned'>>;
}

interface SaleRow {
  sale_id: string;
  idempotency_key: string;
  receipt_no: string;
  member_id: string | null;
  at: number;
  hlc: string;
  store_id: string;
  terminal_id: string;
  staff_id: string | null;
  total_ore: number;
  voided: number;
  returned_ore: number;
  payload: string;
  returns: string;
}

function saleFromRow(row: SaleRow): StoredSale {
  return {
    saleId: row.sale_id,
    idempotencyKey: row.idempotency_key,
    receiptNo: row.receipt_no,
    memberId: row.member_id,
    at: row.at,
    hlc: row.hlc,
    storeId: row.store_id,
    terminalId: row.terminal_id,
    staffId: row.staff_id,
    totalOre: row.total_ore,
    voided: row.voided === 1,
    returnedOre: row.returned_ore,
    committed: JSON.parse(row.payload) as EventPayload<'sale.committed'>,
    returns: JSON.parse(row.returns) as Array<EventPayload<'sale.returned'>>,
  };
}

/** A sale as the projection records it from its committed event, before any void or return. */
export function saleFromCommitted(event: EventEnvelope<'sale.committed'>): StoredSale {
  const p = event.payload;
  return {
    saleId: p.saleId,
    idempotencyKey: p.idempotencyKey,
    receiptNo: p.receiptNo,
    memberId: event.memberId,
    at: p.at,
    hlc: event.hlc,
    storeId: event.storeId,
    terminalId: event.terminalId,
    staffId: p.staffId,
    totalOre: p.totalOre,
    voided: false,
    returnedOre: 0,
    committed: p,
    returns: [],
  };
}

export function saleById(handle: Readable, saleId: string): StoredSale | null {
  const db = reading(handle);
  const row = statement(db, 'SELECT * FROM sales WHERE sale_id = ?').get(saleId) as
    SaleRow | undefined;
  return row ? saleFromRow(row) : null;
}

export function saleByIdempotencyKey(db: Db, key: string): StoredSale | null {
  const row = statement(db, 'SELECT * FROM sales WHERE idempotency_key = ?').get(key) as
    SaleRow | undefined;
  return row ? saleFromRow(row) : null;
}

export function recentSales(handle: Readable, limit: number): StoredSale[] {
  const db = reading(handle);
  const rows = db
    .prepare('SELECT * FROM sales ORDER BY at DESC, hlc DESC LIMIT ?')
    .all(limit) as SaleRow[];
  return rows.map(saleFromRow);
}

/**
 * A member's sales, found through their events (on events_member_hlc): a sale
 * does not also index its member (migration 004), as only an export asks.
 */
export const MEMBER_SALES_SQL = `SELECT * FROM sales WHERE member_id = @memberId AND sale_id IN (
    SELECT json_extract(payload, '$.saleId') FROM events
    WHERE member_id = @memberId AND type = 'sale.committed')
  ORDER BY at, hlc`;

export function memberSales(db: Db, memberId: string): StoredSale[] {
  const rows = statement(db, MEMBER_SALES_SQL).all({ memberId }) as SaleRow[];
  return rows.map(saleFromRow);
}
