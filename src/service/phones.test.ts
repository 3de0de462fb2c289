import { describe, expect, it } from 'vitest';
import { maskPhone, normalisePhone } from '../core/phone';
import { maskedPhone, normaliseTypedPhone } from './phones';

/**
 * Every 3-digit prefix of an 8-digit number, each with suffixes at both ends
 * of the range and a spread between: libphonenumber decides validity and
 * format by leading digits and length, so this covers every case it tells apart.
 */
function eightDigitNumbers(): string[] {
  const suffixes = ['00000', '99999', '12345', '50505', '98765', '00001', '31337', '67890'];
  const out: string[] = [];
  for (let prefix = 0; prefix < 1000; prefix++) {
    for (const suffix of suffixes) out.push(`${String(prefix).padStart(3, '0')}${suffix}`);
  }
  return out;
}

describe('phone short cuts on the lookup path', () => {
  it('normalise every 8-digit number exactly as src/core/phone does', () => {
    for (const typed of eightDigitNumbers()) {
      expect(normaliseTypedPhone(typed), typed).toEqual(normalisePhone(typed));
    }
  });

  it('mask every +47 number with 8 digits exactly as src/core/phone does', () => {
    for (const digits of eightDigitNumbers()) {
      const e164 = `+47${digits}`;
      expect(maskedPhone(e164), e164).toBe(maskPhone(e164));
    }
  });

  it('leave every other form to src/core/phone', () => {
    const typed = [
      '987 65 432',
      '+47 987 65 432',
      '0047 98765432',
      '+4798765432',
      ' 98765432',
      '9876543',
      '987654321',
      '98765432a',
      '',
      '+46701234567',
      '004670123456',
      '12345',
    ];
    for (const t of typed) expect(normaliseTypedPhone(t), t).toEqual(normalisePhone(t));
    for (const e164 of ['+46701234567', '+4512345678', '+447911123456', '+4798765', 'x']) {
      expect(maskedPhone(e164), e164).toBe(maskPhone(e164));
    }
  });
});
