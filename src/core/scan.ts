/**
 * What a scanned string is, decided from the string alone (no lookups): a member
 * card (EAN-13 under the programme's prefix), a member QR, a product GTIN, a
 * campaign coupon code, or a rejection the cashier can act on. It never guesses:
 * anything that could be a damaged member number is refused, not sold as a product.
 */
import { isValidEan13, isValidGtin } from './ean13';
import { msg } from './i18n';
import type { Msg } from './i18n';

/** Member QR payload: this prefix, then the member's qrToken (base64url). */
export const MEMBER_QR_PREFIX = 'LJM-';
const QR_TOKEN = /^[A-Za-z0-9_-]{8,256}$/;

export type ScanRejectionCode = 'bad_check_digit' | 'noise' | 'incomplete' | 'unknown';

export type ScanClass =
  | { kind: 'member_number'; code: string }
  | { kind: 'qr_token'; token: string }
  | { kind: 'product_barcode'; code: string }
  | { kind: 'coupon_code'; code: string }
  | { kind: 'rejected'; code: ScanRejectionCode; reason: Msg };

export interface ScanContext {
  memberNumberPrefix: string;
  /** Campaign codes as configured (upper-case); matched case-insensitively. */
  campaignCodes: readonly string[];
}

export const SCAN_REJECTION_REASONS: Record<ScanRejectionCode, Msg> = {
  bad_check_digit: msg('identify.scanBadCheckDigit'),
  incomplete: msg('identify.scanIncomplete'),
  noise: msg('identify.scanNoise'),
  unknown: msg('identify.scanUnknown'),
};

function rejected(code: ScanRejectionCode): ScanClass {
  return { kind: 'rejected', code, reason: SCAN_REJECTION_REASONS[code] };
}

// AIM symbology identifier (]E0 EAN-13, ]Q1 QR...) some scanners put in front.
const AIM_ID = /^\][A-Za-z][0-9A-Za-z]/;
const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;

/**
 * Whitespace and C0/C1 controls around a code come from scanner suffixes and
 * prefixes (CR, LF, TAB, STX/ETX), never from the code itself.
 */
function isEdgeJunk(char: string): boolean {
  const c = char.charCodeAt(0);
  return c <= 0x20 || (c >= 0x7f && c <= 0x9f) || /\s/.test(char);
}

export function cleanScan(raw: string): string {
  let start = 0;
  let end = raw.length;
  while (start < end && isEdgeJunk(raw[start]!)) start++;
  while (end > start && isEdgeJunk(raw[end - 1]!)) end--;
  return raw.slice(start, end).replace(AIM_ID, '');
}

export function classifyScan(raw: string, ctx: ScanContext): ScanClass {
  const code = cleanScan(raw);
  if (code === '') return rejected('noise');

  const upper = code.toUpperCase();
  const campaign = ctx.campaignCodes.find((c) => c.toUpperCase() === upper);
  if (campaign !== undefined) return { kind: 'coupon_code', code: campaign };

  if (code.startsWith(MEMBER_QR_PREFIX)) {
    const token = code.slice(MEMBER_QR_PREFIX.length);
    if (QR_TOKEN.test(token)) return { kind: 'qr_token', token };
    return /^[A-Za-z0-9_-]{0,7}$/.test(token) ? rejected('incomplete') : rejected('noise');
  }
  // A member QR read with the case flipped (caps lock on a keyboard wedge):
  // base64url is case-sensitive, so the token cannot be recovered.
  if (upper.startsWith(MEMBER_QR_PREFIX)) return rejected('unknown');

  if (/^\d+$/.test(code)) return classifyDigits(code, ctx.memberNumberPrefix);
  return PRINTABLE_ASCII.test(code) ? rejected('unknown') : rejected('noise');
}

function classifyDigits(code: string, prefix: string): ScanClass {
  const isMember = (c: string): boolean => c.startsWith(prefix) && isValidEan13(c);
  switch (code.length) {
    case 13:
      if (code.startsWith(prefix)) {
        return isValidEan13(code) ? { kind: 'member_number', code } : rejected('bad_check_digit');
      }
      return isValidGtin(code) ? { kind: 'product_barcode', code } : rejected('bad_check_digit');
    case 12: {
      // Scanners send an EAN-13 that starts with 0 as UPC-A (12 digits): the
      // same GS1 number, so under a 0x prefix it is the member number itself.
      const asEan13 = `0${code}`;
      if (prefix.startsWith('0') && asEan13.startsWith(prefix)) {
        return isValidEan13(asEan13)
          ? { kind: 'member_number', code: asEan13 }
          : rejected('bad_check_digit');
      }
      // A member number with its check digit (or last digit) cut off, or with
      // its first digit lost: never a product.
      if (code.startsWith(prefix) || isMember(prefix.slice(0, 1) + code))
        return rejected('incomplete');
      return isValidGtin(code) ? { kind: 'product_barcode', code } : rejected('bad_check_digit');
    }
    case 14: {
      // GTIN-14 with a leading 0 is an EAN-13 padded to 14 digits.
      const inner = code.slice(1);
      if (code.startsWith('0') && inner.startsWith(prefix)) {
        return isValidEan13(inner)
          ? { kind: 'member_number', code: inner }
          : rejected('bad_check_digit');
      }
      return isValidGtin(code) ? { kind: 'product_barcode', code } : rejected('bad_check_digit');
    }
    case 8:
      if (isValidGtin(code)) return { kind: 'product_barcode', code };
      return code.startsWith(prefix) ? rejected('incomplete') : rejected('bad_check_digit');
    default:
      // Longer than any GTIN: two reads run together or line noise.
      return code.length > 14 ? rejected('noise') : rejected('incomplete');
  }
}
