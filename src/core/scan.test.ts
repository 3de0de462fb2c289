import { describe, expect, it } from 'vitest';
import { classifyScan, SCAN_REJECTION_REASONS } from './scan';
import type { ScanClass, ScanContext } from './scan';
import { ean13CheckDigit, memberNumberFor } from './ean13';
import { render, saidNbEn } from '../../test/helpers/said';

const ctx: ScanContext = { memberNumberPrefix: '29', campaignCodes: ['VAR26', 'SOMMER', '2026'] };
const member = memberNumberFor('29', 1234); // valid check digit by construction
const wrongCheck = member.slice(0, 12) + String((Number(member[12]) + 1) % 10);

/** A valid EAN-13 from 12 digits. */
function ean13(first12: string): string {
  return first12 + ean13CheckDigit(first12);
}

function rejection(result: ScanClass): string {
  if (result.kind !== 'rejected') throw new Error(`expected a rejection, got ${result.kind}`);
  return result.code;
}

describe('classifyScan: member numbers', () => {
  it('takes a valid EAN-13 under the prefix as a member number', () => {
    expect(classifyScan(member, ctx)).toEqual({ kind: 'member_number', code: member });
  });

  it('trims scanner suffixes, prefixes and control characters', () => {
    for (const raw of [`${member}\r`, `\n${member}\r\n`, `\u0002${member}\u0003`, ` ${member}\t`]) {
      expect(classifyScan(raw, ctx)).toEqual({ kind: 'member_number', code: member });
    }
  });

  it('drops an AIM symbology identifier', () => {
    expect(classifyScan(`]E0${member}`, ctx)).toEqual({ kind: 'member_number', code: member });
  });

  it('refuses a member number with a wrong check digit, with a reason in nb and en', () => {
    const result = classifyScan(wrongCheck, ctx);
    expect(saidNbEn(result)).toEqual({
      kind: 'rejected',
      code: 'bad_check_digit',
      reason: {
        nb: 'Ugyldig kontrollsiffer – skann igjen',
        en: 'Wrong check digit – scan again',
      },
    });
  });

  it('calls a 12-digit fragment of a member number incomplete, never a product', () => {
    const lastDigitLost = member.slice(0, 12);
    const firstDigitLost = member.slice(1);
    expect(rejection(classifyScan(lastDigitLost, ctx))).toBe('incomplete');
    expect(rejection(classifyScan(firstDigitLost, ctx))).toBe('incomplete');
  });

  it('reads the UPC-A form of a member number under a 0x prefix as that member number', () => {
    const zeroPrefixed = memberNumberFor('04', 77);
    const upcA = zeroPrefixed.slice(1);
    const ctx04 = { memberNumberPrefix: '04', campaignCodes: [] };
    expect(classifyScan(upcA, ctx04)).toEqual({ kind: 'member_number', code: zeroPrefixed });
    const broken = upcA.slice(0, 11) + String((Number(upcA[11]) + 1) % 10);
    expect(rejection(classifyScan(broken, ctx04))).toBe('bad_check_digit');
  });

  it('reads a GTIN-14 padding of a member number as the member number', () => {
    expect(classifyScan(`0${member}`, ctx)).toEqual({ kind: 'member_number', code: member });
  });
});

describe('classifyScan: member QR', () => {
  it('reads LJM- plus a base64url token', () => {
    expect(classifyScan('LJM-aB3_x-Z9qQ\r\n', ctx)).toEqual({
      kind: 'qr_token',
      token: 'aB3_x-Z9qQ',
    });
  });

  it('refuses a short token as incomplete and bad characters as noise', () => {
    expect(rejection(classifyScan('LJM-abc', ctx))).toBe('incomplete');
    expect(rejection(classifyScan('LJM-abc$%^&*(defgh', ctx))).toBe('noise');
  });

  it('refuses a case-flipped QR (caps lock) instead of guessing the token', () => {
    expect(rejection(classifyScan('ljm-Ab3xZ9qQwe', ctx))).toBe('unknown');
  });
});

describe('classifyScan: products', () => {
  it.each([
    ['EAN-13', ean13('703801000123')],
    ['EAN-8', '96385074'],
    ['UPC-A', '036000291452'],
    ['GTIN-14', '10012345678902'],
  ])('takes a valid %s as a product', (_name, code) => {
    expect(classifyScan(code, ctx)).toEqual({ kind: 'product_barcode', code });
  });

  it('refuses products with a wrong check digit', () => {
    const good = ean13('703801000123');
    const bad = good.slice(0, 12) + String((Number(good[12]) + 1) % 10);
    expect(rejection(classifyScan(bad, ctx))).toBe('bad_check_digit');
    expect(rejection(classifyScan('96385075', ctx))).toBe('bad_check_digit');
  });

  it('does not take an EAN-13 under another restricted prefix as a member', () => {
    const price = ean13('230000012345');
    expect(classifyScan(price, ctx)).toEqual({ kind: 'product_barcode', code: price });
  });
});

describe('classifyScan: coupons', () => {
  it('matches campaign codes case-insensitively and answers the configured code', () => {
    expect(classifyScan('var26\r', ctx)).toEqual({ kind: 'coupon_code', code: 'VAR26' });
    expect(classifyScan('Sommer', ctx)).toEqual({ kind: 'coupon_code', code: 'SOMMER' });
  });

  it('lets an all-digit campaign code win over the digit rules', () => {
    expect(classifyScan('2026', ctx)).toEqual({ kind: 'coupon_code', code: '2026' });
  });
});

describe('classifyScan: noise and unknown', () => {
  it('calls empty reads and control garbage noise', () => {
    expect(rejection(classifyScan('', ctx))).toBe('noise');
    expect(rejection(classifyScan('\r\n\u0000', ctx))).toBe('noise');
    expect(rejection(classifyScan('29\u0000\u0013123', ctx))).toBe('noise');
    expect(rejection(classifyScan('\ufffd\ufffd', ctx))).toBe('noise');
  });

  it('calls two codes run together noise', () => {
    expect(rejection(classifyScan(member + member, ctx))).toBe('noise');
  });

  it('calls short digit runs incomplete', () => {
    expect(rejection(classifyScan('290000', ctx))).toBe('incomplete');
    expect(rejection(classifyScan('12345678901', ctx))).toBe('incomplete');
  });

  it('calls readable text that is nothing we know unknown', () => {
    expect(rejection(classifyScan('HELLO-WORLD', ctx))).toBe('unknown');
  });

  it('has a short reason in both languages for every rejection', () => {
    for (const reason of Object.values(SCAN_REJECTION_REASONS)) {
      for (const locale of ['nb', 'en', 'sv'] as const) {
        expect(render(reason, locale).length).toBeGreaterThan(3);
        expect(render(reason, locale).length).toBeLessThanOrEqual(40);
      }
    }
  });
});
