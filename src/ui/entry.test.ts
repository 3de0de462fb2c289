import { describe, expect, it } from 'vitest';
import { birthDateToIso, parseEntry } from './entry';

describe('the scan field entry', () => {
  it('reads a quantity before a code or a word', () => {
    expect(parseEntry('12*7040121000018')).toEqual({ quantity: 12, text: '7040121000018' });
    expect(parseEntry(' 3 x kaffe ')).toEqual({ quantity: 3, text: 'kaffe' });
    expect(parseEntry('2×bolle')).toEqual({ quantity: 2, text: 'bolle' });
  });

  it('takes one of anything else', () => {
    expect(parseEntry('7040121000018')).toEqual({ quantity: 1, text: '7040121000018' });
    expect(parseEntry('xtra')).toEqual({ quantity: 1, text: 'xtra' });
    expect(parseEntry('0*kaffe')).toEqual({ quantity: 1, text: '0*kaffe' });
    expect(parseEntry('2*')).toEqual({ quantity: 1, text: '2*' });
  });
});

describe('a typed birth date', () => {
  it('becomes ISO from the Norwegian forms', () => {
    expect(birthDateToIso('17.05.1990')).toBe('1990-05-17');
    expect(birthDateToIso('1.2.2001')).toBe('2001-02-01');
    expect(birthDateToIso('17051990')).toBe('1990-05-17');
    expect(birthDateToIso(' 1990-05-17 ')).toBe('1990-05-17');
  });

  it('is passed on as typed when it is no date form at all', () => {
    expect(birthDateToIso('mai 1990')).toBe('mai 1990');
  });
});
