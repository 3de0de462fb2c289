/** From a basket as the till sends it to the engine's input: products, member, verification. */
import { evaluateBasket } from '../core/basket';
import { msg } from '../core/i18n';
import { LIMITS } from '../core/limits';
import type { BasketLineInput, Evaluation } from '../core/basket-types';
import type { MemberLedger } from '../core/member-types';
import { productBySku, verifyPin } from '../store';
import type { ParsedInput } from './commands';
import { ServiceError } from './service-error';
import { notFound } from './errors';
import type { CommandContext, ReadContext } from './handler-types';
import { secondsLeft, throttleKeys } from './login-throttle';
import { requireMember, viewOf } from './member-access';
import type { Verification } from './verifications';

export type BasketInput = ParsedInput<'basket.evaluate'>;

export interface EvaluatedBasket {
  evaluation: Evaluation;
  member: MemberLedger | null;
  verified: boolean;
}

/** The basket's total at list price beyond what any sale event may carry (LIMITS.maxBasketOre). */
function basketTooLarge(i: number): ServiceError {
  const kroner = (LIMITS.maxBasketOre / 100).toLocaleString('nb-NO');
  return new ServiceError(
    'invalid_input',
    msg('service.basketTooLarge', { kroner }),
    `lines.${i}.quantity`,
    400,
    `lines.${i}.quantity: a sale's total may be at most ${LIMITS.maxBasketOre} øre`,
  );
}

function resolveLines(ctx: CommandContext, input: BasketInput): BasketLineInput[] {
  const seen = new Set<string>();
  let listOre = 0;
  return input.lines.map((line, i) => {
    const product = productBySku(ctx.db, line.sku);
    if (!product) {
      throw notFound(
        'unknown_product',
        msg('service.unknownProduct', { sku: line.sku }),
        `lines.${i}.sku`,
      );
    }
    const lineId = line.lineId ?? `L${i + 1}`;
    if (seen.has(lineId)) {
      throw new ServiceError(
        'invalid_input',
        msg('service.lineIdTwice', { lineId }),
        `lines.${i}.lineId`,
        400,
        `lines.${i}.lineId: line id ${lineId} is used twice`,
      );
    }
    seen.add(lineId);
    // Every amount of the sale (lines, discounts, VAT, totals) is at most its list total.
    listOre += line.quantity * product.priceOre;
    if (listOre > LIMITS.maxBasketOre) throw basketTooLarge(i);
    return {
      lineId,
      sku: product.sku,
      name: product.name,
      category: product.category,
      quantity: line.quantity,
      unitPriceOre: product.priceOre,
      ...(product.memberPriceOre === undefined ? {} : { memberPriceOre: product.memberPriceOre }),
      vatRate: product.vatRate,
    };
  });
}

/**
 * A member PIN typed at the till: checked against the member's throttle first
 * (a locked member costs no hashing), then against the hash. Throws when it is
 * not the member's PIN; a wrong one counts towards the member's lock.
 */
export function checkMemberPin(
  ctx: CommandContext,
  member: MemberLedger,
  pin: string,
  field = 'memberPin',
): void {
  if (member.pinHash === null) {
    throw new ServiceError('wrong_member_pin', msg('service.memberHasNoPin'), field, 401);
  }
  const throttle = ctx.pinThrottle;
  const key = throttleKeys.member(member.memberId);
  const lockedMs = throttle.lockedFor(key, ctx.now);
  if (lockedMs > 0) {
    const seconds = secondsLeft(lockedMs);
    throw new ServiceError(
      'member_pin_locked',
      msg('service.memberPinLocked', { seconds }),
      field,
      429,
    );
  }
  if (!verifyPin(pin, member.pinHash)) {
    throttle.failed(key, ctx.now);
    throw new ServiceError('wrong_member_pin', msg('service.wrongMemberPin'), field, 401);
  }
  throttle.succeeded(key, ctx.now);
}

/** Who is asking, as verifications are bound to it. */
export function holderOf(ctx: ReadContext): string {
  return ctx.sessions.idOf(ctx.session);
}

/** A verification the service issues to this session for this member. */
export function issueVerification(ctx: ReadContext, memberId: string): Verification {
  return ctx.sessions.verifications.issue(holderOf(ctx), memberId, ctx.now);
}

/**
 * A member shown to be at the counter (card or QR scanned, PIN typed, enrolled
 * here now): verified, and their page link fetched in the background for the
 * receipt's QR (src/sync/member-page-links.ts); the sale never waits for it.
 * Only then: the link opens their data, so a phone number said aloud must not print it.
 */
export function verifiedHere(ctx: ReadContext, memberId: string): Verification {
  void ctx.sync?.prefetchMemberPageLink(memberId);
  return issueVerification(ctx, memberId);
}

/**
 * Verified by the service's word only: a verification it gave this session for
 * this member, or the member's PIN typed now. The client's own `verified` flag
 * is read by the schema for old clients and ignored.
 */
function isVerified(ctx: CommandContext, member: MemberLedger, input: BasketInput): boolean {
  const { verifications } = ctx.sessions;
  if (verifications.verifies(holderOf(ctx), member.memberId, input.verification, ctx.now))
    return true;
  if (input.memberPin === undefined) return false;
  checkMemberPin(ctx, member, input.memberPin);
  return true;
}

export function evaluate(ctx: CommandContext, input: BasketInput): EvaluatedBasket {
  const lines = resolveLines(ctx, input);
  const member = input.memberId === null ? null : requireMember(ctx, input.memberId);
  const verified = member !== null && isVerified(ctx, member, input);
  const evaluation = evaluateBasket({
    programme: ctx.programme(),
    lines,
    member: member === null ? null : viewOf(ctx, member),
    verified,
    selections: input.selections,
    now: ctx.now,
  });
  return { evaluation, member, verified };
}
