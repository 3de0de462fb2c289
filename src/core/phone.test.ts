import fc from 'fast-check';
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import { maskPhone, normalisePhone } from './phone';
import { render } from '../../test/helpers/said';

describe('normalisePhone', () => {
  it.each([
    '98765432',
    '987 65 432',
    '+47 987 65 432',
    '0047 98765432',
    '004798765432',
    '+4798765432',
    ' 98 76 54 32 ',
    '987-65-432',
  ])('reads %j as +4798765432', (typed) => {
    expect(normalisePhone(typed)).toEqual({ ok: true, e164: '+4798765432' });
  });

  it('reads foreign numbers given with a country code', () => {
    expect(normalisePhone('+46 70 123 45 67')).toEqual({ ok: true, e164: '+46701234567' });
    expect(normalisePhone('0046701234567')).toEqual({ ok: true, e164: '+46701234567' });
  });

  it('uses the default country for national numbers', () => {
    expect(normalisePhone('070-123 45 67', 'SE')).toEqual({ ok: true, e164: '+46701234567' });
  });

  it('refuses a Norwegian number with too few digits, saying why in both languages', () => {
    const result = normalisePhone('9876543');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(render(result.reason, 'en')).toContain('too few digits');
    expect(render(result.reason, 'en')).toContain('8 digits');
    expect(render(result.reason, 'nb')).toContain('for få sifre');
    expect(render(result.reason, 'sv')).toContain('för få siffror');
  });

  it('refuses a number with too many digits', () => {
    const result = normalisePhone('987654321');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(render(result.reason, 'en')).toContain('too many digits');
    expect(render(result.reason, 'nb')).toContain('for mange sifre');
  });

  it('refuses letters instead of dropping them', () => {
    const result = normalisePhone('98x65432');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(render(result.reason, 'en')).toContain('only have digits');
    expect(render(result.reason, 'nb')).toContain('bare ha sifre');
  });

  it('refuses an empty string and a number no operator hands out', () => {
    expect(normalisePhone('   ').ok).toBe(false);
    const invalid = normalisePhone('12345678');
    expect(invalid.ok).toBe(false);
    if (invalid.ok) return;
    expect(render(invalid.reason, 'en')).toContain('not a valid phone number');
  });
});

describe('maskPhone', () => {
  it('shows only the last three digits of a Norwegian number', () => {
    expect(maskPhone('+4798765432')).toBe('+47 ••• •• 432');
  });

  it('masks foreign numbers in groups of three', () => {
    expect(maskPhone('+46701234567')).toBe('+46 ••• ••• 567');
  });

  it('never leaks an unparsable value', () => {
    expect(maskPhone('garbage')).toBe('•••');
  });

  it('masks every +47 number as the number rules would (the short cut agrees)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{8}$/), (national) => {
        const parsed = parsePhoneNumberFromString(`+47${national}`)!;
        const byRules = `+${parsed.countryCallingCode} ••• •• ${parsed.nationalNumber.slice(-3)}`;
        expect(maskPhone(`+47${national}`)).toBe(byRules);
      }),
    );
  });
});

describe('normalisePhone remembers its answers', () => {
  it('answers the same again, valid or not, whatever came between', () => {
    const first = normalisePhone(' 987 65 432 ');
    for (let i = 0; i < 600; i++) normalisePhone(`9${String(i).padStart(7, '0')}`);
    expect(normalisePhone(' 987 65 432 ')).toEqual(first);
    expect(normalisePhone('12')).toEqual(normalisePhone('12'));
    expect(normalisePhone('12').ok).toBe(false);
  });
});
