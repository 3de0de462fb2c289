/**
 * The preview's sums: a basket of catalogue products for a member (a new one,
 * or a real one's fold) worked out by the till's own engine (src/core/basket)
 * against a programme. Pure: the page and the end-to-end test both use it.
 */
import { evaluateBasket } from '../../../core/basket';
import type { BasketLineInput, Evaluation } from '../../../core/basket-types';
import type { Product } from '../../../core/catalogue';
import { blankLedger, memberView } from '../../../core/member';
import type { MemberLedger, MemberView } from '../../../core/member-types';
import type { Programme } from '../../../core/programme';

/** A member who joined just now and has bought nothing. */
export function newMemberLedger(now: number, termsVersion: string): MemberLedger {
  return blankLedger({
    memberId: 'preview-member',
    memberNumber: '',
    qrToken: '',
    enrolledAt: now,
    enrolledStoreId: '',
    enrolledTerminalId: '',
    enrolledStaffId: null,
    termsVersion,
    referrerId: null,
  });
}

export interface PreviewLine {
  sku: string;
  quantity: number;
}

export function evaluatePreview(input: {
  programme: Programme;
  products: readonly Product[];
  lines: readonly PreviewLine[];
  ledger: MemberLedger;
  couponIds: readonly string[];
  rewardIds: readonly string[];
  /** Points the member spends as a discount (0: none). */
  pointsToRedeem?: number;
  /** The tier's once-a-period discount used now. */
  useTierOnce?: boolean;
  now: number;
}): { evaluation: Evaluation; view: MemberView } {
  const view = memberView(input.programme, input.ledger, input.now);
  const bySku = new Map(input.products.map((p) => [p.sku, p]));
  const lines: BasketLineInput[] = input.lines.flatMap((line, i) => {
    const p = bySku.get(line.sku);
    if (!p) return [];
    return [
      {
        lineId: `line-${i + 1}`,
        sku: p.sku,
        name: p.name,
        category: p.category,
        quantity: line.quantity,
        unitPriceOre: p.priceOre,
        ...(p.memberPriceOre !== undefined ? { memberPriceOre: p.memberPriceOre } : {}),
        vatRate: p.vatRate,
      },
    ];
  });
  const evaluation = evaluateBasket({
    programme: input.programme,
    lines,
    member: view,
    verified: true,
    selections: {
      couponIds: input.couponIds.filter((id) => view.coupons.some((c) => c.couponId === id)),
      rewardIds: input.rewardIds.filter((id) =>
        view.punchCards.some((c) => c.rewardsAvailable.some((r) => r.rewardId === id)),
      ),
      pointsToRedeem: input.pointsToRedeem ?? 0,
      cashbackToRedeemOre: 0,
      useTierOnce: input.useTierOnce ?? false,
    },
    now: input.now,
  });
  return { evaluation, view };
}
