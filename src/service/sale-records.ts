/** A stored sale as the service answers it, and the till's receipt numbers. */
import type { Evaluation } from '../core/basket-types';
import { nextCounter, saleById, SettingKeys, terminalSlot } from '../store';
import type { Db, Readable, StoredSale } from '../store';
import type { SaleRecord } from './commands';
import { msg } from '../core/i18n';
import { notFound } from './errors';

/** The sale as recorded: what the engine decided at the till, with later voids and returns. */
export function saleRecord(sale: StoredSale): SaleRecord {
  const p = sale.committed;
  const evaluation: Evaluation = {
    lines: p.lines,
    benefits: p.benefits,
    rejected: [],
    listOre: p.listOre,
    discountOre: p.listOre - p.totalOre,
    totalOre: p.totalOre,
    vat: p.vat,
    effects: p.effects,
    needsVerification: false,
    earnedSummary: p.earnedSummary ?? [],
  };
  return {
    saleId: sale.saleId,
    receiptNo: sale.receiptNo,
    at: p.at,
    memberId: sale.memberId,
    paymentMethod: p.paymentMethod,
    evaluation,
    voided: sale.voided,
    returnedOre: sale.returnedOre,
    staffId: sale.staffId,
  };
}

/** "slot-000123": unique in the chain because the slot is (like member numbers). */
export function nextReceiptNo(db: Db): string {
  const n = nextCounter(db, SettingKeys.receiptSerial);
  return `${terminalSlot(db)}-${String(n).padStart(6, '0')}`;
}

/** The stored sale, or a not-found error naming the field. */
export function requireSale(db: Readable, saleId: string): StoredSale {
  const sale = saleById(db, saleId);
  if (!sale) {
    throw notFound('unknown_sale', msg('service.unknownSale', { saleId }), 'saleId');
  }
  return sale;
}
