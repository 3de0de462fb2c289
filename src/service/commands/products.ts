/** Finding products, and what a scanned code is. */
import { classifyScan } from '../../core/scan';
import {
  memberSummaryByNumber,
  memberSummaryByQrToken,
  productByBarcode,
  searchProducts,
} from '../../store';
import type { ScanResult } from '../commands';
import type { CommandContext, Handlers } from '../handler-types';
import { verifiedHere } from '../basket';
import { summaryOf } from '../member-access';
import { msg } from '../../core/i18n';

const UNKNOWN_MEMBER = msg('commands.unknownMemberCard');
const UNKNOWN_PRODUCT = msg('commands.unknownProduct');

/**
 * A member card or QR attaches the member, a product barcode adds the product, a
 * campaign code offers the coupon. Anything else (a damaged member number
 * included) is refused with a reason, never guessed.
 */
export function classify(ctx: CommandContext, code: string): ScanResult {
  const programme = ctx.programme();
  const scanned = classifyScan(code, {
    memberNumberPrefix: programme.memberNumberPrefix,
    campaignCodes: programme.campaigns.flatMap((c) => (c.code ? [c.code] : [])),
  });
  switch (scanned.kind) {
    case 'member_number': {
      const found = memberSummaryByNumber(ctx.db, scanned.code);
      return found
        ? { kind: 'member', member: summaryOf(ctx, found, programme), via: 'member_number' }
        : { kind: 'rejected', reason: UNKNOWN_MEMBER, code: 'unknown_member' };
    }
    case 'qr_token': {
      const found = memberSummaryByQrToken(ctx.db, scanned.token);
      return found
        ? { kind: 'member', member: summaryOf(ctx, found, programme), via: 'qr' }
        : { kind: 'rejected', reason: UNKNOWN_MEMBER, code: 'unknown_member' };
    }
    case 'product_barcode': {
      const product = productByBarcode(ctx.db, scanned.code);
      return product
        ? { kind: 'product', product }
        : { kind: 'rejected', reason: UNKNOWN_PRODUCT, code: 'unknown_product' };
    }
    case 'coupon_code': {
      const campaign = programme.campaigns.find((c) => c.code === scanned.code)!;
      return { kind: 'coupon', couponCode: scanned.code, campaignId: campaign.id };
    }
    case 'rejected':
      return { kind: 'rejected', reason: scanned.reason, code: scanned.code };
  }
}

export const productHandlers: Handlers<'product.search' | 'product.byBarcode' | 'scan.classify'> = {
  'product.search': ({ query, limit }, ctx) => searchProducts(ctx.db, query, limit),

  'product.byBarcode': ({ barcode }, ctx) => productByBarcode(ctx.db, barcode),

  // The session that scanned a member card is given the verification (a scan
  // notification, which every window hears, carries none).
  'scan.classify': ({ code }, ctx) => {
    const result = classify(ctx, code);
    return result.kind === 'member'
      ? { ...result, verification: verifiedHere(ctx, result.member.memberId) }
      : result;
  },
};
