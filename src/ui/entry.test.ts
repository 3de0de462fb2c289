import { describe, expect, it } from 'vitest';
import { parseEntry } from './entry';

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
