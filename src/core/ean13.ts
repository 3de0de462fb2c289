/**
 * Member numbers are EAN-13 codes under a restricted-circulation prefix. Prefixes
 * 20–25 are refused: Nordic tills read those as price- and weight-embedded codes.
 */
import { msg } from './i18n';
import type { Msg } from './i18n';
import { englishOf } from './schema-messages';

export function ean13CheckDigit(first12: string): number {
  if (!/^\d{12}$/.test(first12))
    throw new RangeError('EAN-13 needs 12 digits before the check digit');
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

export function isValidEan13(code: string): boolean {
  return /^\d{13}$/.test(code) && ean13CheckDigit(code.slice(0, 12)) === Number(code[12]);
}

/** Also accepts EAN-8 and UPC-A (12 digits) for product barcodes. */
export function isValidGtin(code: string): boolean {
  if (!/^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(code)) return false;
  const digits = code.split('').map(Number);
  const check = digits.pop()!;
  let sum = 0;
  digits.reverse().forEach((d, i) => (sum += d * (i % 2 === 0 ? 3 : 1)));
  return (10 - (sum % 10)) % 10 === check;
}

/** Why a prefix cannot be used, or null when it can. */
export function memberPrefixProblem(prefix: string): Msg | null {
  // At most 3 digits: the 9 digits left hold every till's block of numbers
  // (slot × 1,000,000 + counter, slots up to 999).
  if (!/^\d{2,3}$/.test(prefix)) return msg('identify.prefixDigits');
  const two = Number(prefix.slice(0, 2));
  if (two >= 20 && two <= 25) {
    return msg('identify.prefixPriceCodes');
  }
  if (!(two >= 26 && two <= 29) && prefix.slice(0, 2) !== '02' && prefix.slice(0, 2) !== '04') {
    return msg('identify.prefixNotInternal');
  }
  return null;
}

/** Build the member number for a serial (a running number) under a prefix. */
export function memberNumberFor(prefix: string, serial: number): string {
  const problem = memberPrefixProblem(prefix);
  if (problem) throw new RangeError(englishOf(problem));
  const width = 12 - prefix.length;
  if (!Number.isSafeInteger(serial) || serial < 0 || serial >= 10 ** width) {
    throw new RangeError(`member serial ${serial} does not fit in ${width} digits`);
  }
  const first12 = prefix + String(serial).padStart(width, '0');
  return first12 + ean13CheckDigit(first12);
}

export function isMemberNumber(code: string, prefix: string): boolean {
  return isValidEan13(code) && code.startsWith(prefix);
}
