/** From a basket as the till sends it to the engine's input: products, member, verification. */
import { evaluateBasket } from '../core/basket';
import { text } from '../core/i18n';
import type { BasketLineInput, Evaluation } from '../core/basket-types';
import type { MemberLedger } from '../core/member-types';
import { productBySku, verifyPin } from '../store';
import type { ParsedInput } from './commands';
import { ServiceError } from './commands';
import { notFound } from './errors';
import type { CommandContext } from './handler-types';
import { requireMember, viewOf } from './member-access';

export type BasketInput = ParsedInput<'basket.evaluate'>;

export interface EvaluatedBasket {
  evaluation: Evaluation;
  member: MemberLedger | null;
  verified: boolean;
}

function resolveLines(ctx: CommandContext, input: BasketInput): BasketLineInput[] {
  const seen = new Set<string>();
  return input.lines.map((line, i) => {
    const product = productBySku(ctx.db, line.sku);
    if (!product) {
      throw notFound(
        'unknown_product',
        text(
          `Fant ingen vare med varenummer ${line.sku}. Skann varen på nytt eller søk den opp.`,
          `no product with SKU ${line.sku}`,
        ),
        `lines.${i}.sku`,
      );
    }
    const lineId = line.lineId ?? `L${i + 1}`;
    if (seen.has(lineId)) {
      throw new ServiceError(
        'invalid_input',
        text(
          `Linje-id-en ${lineId} er brukt to ganger i kurven.`,
          `lines.${i}.lineId: line id ${lineId} is used twice`,
        ),
        `lines.${i}.lineId`,
        400,
      );
    }
    seen.add(lineId);
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

/** A member PIN typed at the till verifies a member found by phone alone. */
function pinVerifies(member: MemberLedger, pin: string | undefined): boolean {
  if (pin === undefined) return false;
  if (member.pinHash === null || !verifyPin(pin, member.pinHash)) {
    throw new ServiceError(
      'wrong_member_pin',
      member.pinHash === null
        ? text(
            'Medlemmet har ingen PIN-kode. Skann kortet eller QR-koden i stedet.',
            'this member has no PIN: scan their card instead',
          )
        : text(
            'Feil PIN-kode for medlemmet. Be kunden prøve igjen, eller skann kortet.',
            'wrong member PIN: ask the member to try again, or scan their card',
          ),
      'memberPin',
      401,
    );
  }
  return true;
}

export function evaluate(ctx: CommandContext, input: BasketInput): EvaluatedBasket {
  const lines = resolveLines(ctx, input);
  const member = input.memberId === null ? null : requireMember(ctx, input.memberId);
  const verified = member !== null && (input.verified || pinVerifies(member, input.memberPin));
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
