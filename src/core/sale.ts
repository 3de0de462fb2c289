/** The sale event a till records: who, when and how paid, plus the engine's evaluation. */
import type { Evaluation } from './basket-types';
import type { EventPayload, StoredMsg } from './events';
import { isMsg } from './i18n';
import type { Shown } from './i18n';

export type SaleMeta = Pick<
  EventPayload<'sale.committed'>,
  'saleId' | 'idempotencyKey' | 'receiptNo' | 'staffId' | 'at' | 'paymentMethod' | 'verified'
>;

/** What the till says, in every language (src/i18n/render.ts `renderAll`; core renders nothing). */
export type SayAll = (shown: Shown) => { nb: string; en: string; sv: string };

type StoredText = EventPayload<'sale.committed'>['benefits'][number]['reason'];

/**
 * The sale event. Each reason is stored as its words in every language (what
 * every version reads, older ones included) with the catalogue message it came
 * from beside them (`said`), so the event is additive to the older `{nb, en}`.
 */
export function saleCommittedPayload(
  meta: SaleMeta,
  evaluation: Evaluation,
  sayAll: SayAll,
): EventPayload<'sale.committed'> {
  const stored = (shown: Shown): StoredText =>
    isMsg(shown) ? { ...sayAll(shown), said: shown as StoredMsg } : shown;
  const effects = evaluation.effects;
  return {
    ...meta,
    lines: evaluation.lines,
    benefits: evaluation.benefits.map((b) => ({ ...b, reason: stored(b.reason) })),
    listOre: evaluation.listOre,
    totalOre: evaluation.totalOre,
    vat: evaluation.vat,
    effects: effects && {
      ...effects,
      pointsReasons: effects.pointsReasons.map((r) => ({ ...r, reason: stored(r.reason) })),
    },
    earnedSummary: evaluation.earnedSummary.map(stored),
  };
}
