import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isMemberNumber, isValidEan13, memberNumberFor, memberPrefixProblem } from './ean13';
import { render } from '../../test/helpers/said';

describe('member numbers (EAN-13 under a restricted-circulation prefix)', () => {
  it('refuses 20–25 (price- and weight-embedded codes at Nordic tills) and non-restricted prefixes', () => {
    for (const p of ['20', '21', '22', '23', '24', '25', '230']) {
      expect(render(memberPrefixProblem(p)!, 'nb')).toMatch(/20–25/);
    }
    for (const p of ['70', '57', '10']) expect(memberPrefixProblem(p)).not.toBeNull();
    for (const p of ['02', '04', '26', '27', '28', '29', '029', '299']) {
      expect(memberPrefixProblem(p)).toBeNull();
    }
  });

  it('keeps prefixes to 2 or 3 digits so every till slot (up to 999 × 1,000,000) fits', () => {
    expect(render(memberPrefixProblem('2900')!, 'en')).toMatch(/2 or 3 digits/);
    expect(() => memberNumberFor('299', 999 * 1_000_000 + 999_999)).not.toThrow();
    expect(() => memberNumberFor('299', 10 ** 9)).toThrow(/does not fit/);
  });

  it('always has a valid check digit and is recognised under its prefix', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('29', '02', '277'),
        fc.integer({ min: 0, max: 999_999_999 }),
        (prefix, serial) => {
          const code = memberNumberFor(prefix, serial);
          expect(code).toHaveLength(13);
          expect(isValidEan13(code)).toBe(true);
          expect(isMemberNumber(code, prefix)).toBe(true);
          const wrong = code.slice(0, 12) + ((Number(code[12]) + 1) % 10);
          expect(isValidEan13(wrong)).toBe(false);
        },
      ),
    );
  });
});
