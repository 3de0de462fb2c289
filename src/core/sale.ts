/** The sale event a till records: who, when and how paid, plus the engine's evaluation. */
import type { Evaluation } from './basket-types';
import type { EventPayload } from './events';

export type SaleMeta = Pick<
  EventPayload<'sale.committed'>,
  'saleId' | 'idempotencyKey' | 'receiptNo' | 'staffId' | 'at' | 'paymentMethod' | 'verified'
>;

export function saleCommittedPayload(
  meta: SaleMeta,
  evaluation: Evaluation,
): EventPayload<'sale.committed'> {
  return {
    ...meta,
    lines: evaluation.lines,
    benefits: evaluation.benefits,
    listOre: evaluation.listOre,
    totalOre: evaluation.totalOre,
    vat: evaluation.vat,
    effects: evaluation.effects,
    earnedSummary: evaluation.earnedSummary,
  };
}
