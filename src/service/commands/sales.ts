/** The basket, committing a sale (exactly once per idempotency key), voids and returns. */
import { computeReturn, ReturnRejected } from '../../core/basket';
import type { LojalEvent } from '../../core/events';
import { saleCommittedPayload } from '../../core/sale';
import { renderAll } from '../../i18n/render';
import { msg } from '../../core/i18n';
import { newEventId, recentSales, saleByIdempotencyKey, saleFromCommitted } from '../../store';
import { ServiceError } from '../commands';
import type { ParsedInput, SaleRecord } from '../commands';
import type { Rejection } from '../../core/basket-types';
import { evaluate, holderOf } from '../basket';
import { queueSaleReceipt } from '../devices';
import { conflict, notFound } from '../errors';
import type { CommandContext, Handlers } from '../handler-types';
import { referralReward } from '../referral';
import { nextReceiptNo, requireSale, saleRecord } from '../sale-records';

const NOT_APPLIED = msg('commands.notApplied');

/**
 * What a retried commit asked for that the recorded sale did not apply. The
 * event keeps what was applied, not why the rest was not (the first answer
 * said why), so each is `not_applied`: the POS that missed the first answer
 * (a timeout) still learns what was left out.
 */
function notApplied(input: ParsedInput<'sale.commit'>, sale: SaleRecord): Rejection[] {
  const effects = sale.evaluation.effects;
  const rejected: Rejection[] = [];
  const leftOut = (asked: readonly string[], applied: readonly string[]) => {
    const unused = [...applied];
    for (const ref of asked) {
      const at = unused.indexOf(ref);
      if (at >= 0) unused.splice(at, 1);
      else rejected.push({ ref, code: 'not_applied', reason: NOT_APPLIED });
    }
  };
  const { selections } = input;
  leftOut(selections.rewardIds, effects?.rewardsRedeemed ?? []);
  leftOut(selections.couponIds, effects?.couponsRedeemed ?? []);
  if (selections.useTierOnce && !effects?.tierOnceUsed) leftOut(['tier'], []);
  if (selections.pointsToRedeem > 0 && !effects?.pointsRedeemed) leftOut(['points'], []);
  if (selections.cashbackToRedeemOre > 0 && !effects?.cashbackRedeemedOre)
    leftOut(['cashback'], []);
  return rejected;
}

function commit(input: ParsedInput<'sale.commit'>, ctx: CommandContext) {
  // A retried commit (network hiccup, double tap) answers the sale already made.
  const earlier = saleByIdempotencyKey(ctx.db, input.idempotencyKey);
  if (earlier) {
    const record = saleRecord(earlier);
    return {
      ...record,
      evaluation: { ...record.evaluation, rejected: notApplied(input, record) },
      duplicate: true,
    };
  }
  if (input.lines.length === 0) {
    throw new ServiceError('empty_basket', msg('commands.emptyBasket'), 'lines', 400);
  }
  const { evaluation, member, verified } = evaluate(ctx, input);
  if (evaluation.needsVerification && !verified) {
    throw new ServiceError(
      'verification_required',
      msg('commands.verificationNeeded'),
      'memberPin',
      403,
    );
  }
  const saleId = newEventId();
  const committed = ctx.event(
    'sale.committed',
    member?.memberId ?? null,
    saleCommittedPayload(
      {
        saleId,
        idempotencyKey: input.idempotencyKey,
        receiptNo: nextReceiptNo(ctx.db),
        staffId: ctx.session.staffId,
        at: ctx.now,
        paymentMethod: input.paymentMethod,
        verified,
      },
      evaluation,
      renderAll,
    ),
  );
  const events: LojalEvent[] = [committed];
  const reward = member ? referralReward(ctx, member, saleId) : null;
  if (reward) events.push(reward);
  ctx.append(events);
  // The receipt job is committed with the sale (a repeated key answered above: no second one).
  queueSaleReceipt(ctx, saleId);
  ctx.notifyAfterCommit({ type: 'data', what: 'sales' });
  if (member) {
    ctx.notifyAfterCommit({ type: 'data', what: 'members' });
    // The member's next sale needs a fresh scan or PIN.
    ctx.sessions.verifications.endFor(holderOf(ctx), member.memberId);
  }
  // The row just written is this event as is: the sale id is new and its key was
  // free (checked above), so no void, return or clash can have touched it.
  const record = saleRecord(saleFromCommitted(committed));
  // The event keeps what was applied; the answer also says what was not, and why.
  return {
    ...record,
    evaluation: { ...record.evaluation, rejected: evaluation.rejected },
    duplicate: false,
  };
}

function returnProblem(error: ReturnRejected, input: ParsedInput<'sale.return'>): ServiceError {
  const index = input.lines.findIndex((l) => l.lineId === error.lineId);
  const at = index < 0 ? 'lines' : `lines.${index}`;
  switch (error.code) {
    case 'unknown_line':
      return notFound('unknown_line', error.reason, `${at}.lineId`);
    case 'more_than_bought':
      return conflict('return_exceeds_sale', error.reason, `${at}.quantity`);
    default:
      return new ServiceError('invalid_input', error.reason, `${at}.quantity`, 400);
  }
}

export const saleHandlers: Handlers<
  'basket.evaluate' | 'sale.commit' | 'sale.void' | 'sale.return' | 'sale.get' | 'sale.recent'
> = {
  'basket.evaluate': (input, ctx) => evaluate(ctx, input).evaluation,

  'sale.commit': commit,

  'sale.void': ({ saleId, reason }, ctx) => {
    const sale = requireSale(ctx.db, saleId);
    if (sale.voided) {
      throw conflict(
        'already_voided',
        msg('commands.alreadyVoided', { receiptNo: sale.receiptNo }),
        'saleId',
      );
    }
    ctx.append([
      ctx.event('sale.voided', sale.memberId, {
        saleId,
        staffId: ctx.session.staffId,
        reason,
        at: ctx.now,
      }),
    ]);
    ctx.notifyAfterCommit({ type: 'data', what: 'sales' });
    if (sale.memberId) ctx.notifyAfterCommit({ type: 'data', what: 'members' });
    return saleRecord(requireSale(ctx.db, saleId));
  },

  'sale.return': (input, ctx) => {
    const sale = requireSale(ctx.db, input.saleId);
    if (sale.voided) {
      throw conflict(
        'sale_voided',
        msg('commands.voidedNothingToReturn', { receiptNo: sale.receiptNo }),
        'saleId',
      );
    }
    const earlier = sale.returns.flatMap((r) => r.lines);
    let outcome;
    try {
      outcome = computeReturn(sale.committed, input.lines, earlier);
    } catch (error) {
      if (error instanceof ReturnRejected) throw returnProblem(error, input);
      throw error;
    }
    ctx.append([
      ctx.event('sale.returned', sale.memberId, {
        saleId: sale.saleId,
        returnId: newEventId(),
        staffId: ctx.session.staffId,
        at: ctx.now,
        lines: input.lines,
        refundOre: outcome.refundOre,
        reversed: outcome.reversed,
      }),
    ]);
    ctx.notifyAfterCommit({ type: 'data', what: 'sales' });
    if (sale.memberId) ctx.notifyAfterCommit({ type: 'data', what: 'members' });
    return { ...saleRecord(requireSale(ctx.db, sale.saleId)), refundOre: outcome.refundOre };
  },

  'sale.get': ({ saleId }, ctx) => saleRecord(requireSale(ctx.db, saleId)),

  'sale.recent': ({ limit }, ctx) => recentSales(ctx.db, limit).map(saleRecord),
};
