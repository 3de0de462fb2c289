import { describe, expect, it } from 'vitest';
import {
  campaignSmsParts,
  MEMBER_LINK_CHARS,
  MEMBER_LINK_PLACEHOLDER,
  SMS_OPT_OUT,
  smsAsSent,
  smsCostOre,
  smsParts,
} from './sms-parts';

describe('SMS parts', () => {
  it('counts æøå ÆØÅ as GSM-7: 160 in one SMS, 161 in two', () => {
    expect(smsParts('æøåÆØÅ')).toEqual({ encoding: 'gsm7', units: 6, parts: 1 });
    expect(smsParts('ø'.repeat(160))).toEqual({ encoding: 'gsm7', units: 160, parts: 1 });
    expect(smsParts('ø'.repeat(161))).toEqual({ encoding: 'gsm7', units: 161, parts: 2 });
    expect(smsParts('a'.repeat(306)).parts).toBe(2);
    expect(smsParts('a'.repeat(307)).parts).toBe(3);
  });

  it('counts the extension table as two septets', () => {
    expect(smsParts('20 €')).toEqual({ encoding: 'gsm7', units: 5, parts: 1 });
    expect(smsParts('€'.repeat(80)).parts).toBe(1);
    expect(smsParts('€'.repeat(81)).parts).toBe(2);
  });

  it('sends the whole text as UCS-2 for an emoji, a curly quote or ő: 70 in one, 67 per part', () => {
    expect(smsParts('Hei 😀')).toEqual({ encoding: 'ucs2', units: 6, parts: 1 });
    expect(smsParts('ő' + 'a'.repeat(69))).toEqual({ encoding: 'ucs2', units: 70, parts: 1 });
    expect(smsParts('ő' + 'a'.repeat(70)).parts).toBe(2);
    expect(smsParts('“' + 'a'.repeat(133)).parts).toBe(2);
    expect(smsParts('“' + 'a'.repeat(134)).parts).toBe(3);
  });

  it('is empty for no text', () => {
    expect(smsParts('')).toEqual({ encoding: 'gsm7', units: 0, parts: 0 });
  });

  it('counts the opt-out the sender appends on its own line', () => {
    expect(smsAsSent('Hei!')).toBe(`Hei!\n${SMS_OPT_OUT}`);
    const room = 160 - 1 - SMS_OPT_OUT.length;
    expect(campaignSmsParts('a'.repeat(room)).parts).toBe(1);
    expect(campaignSmsParts('a'.repeat(room + 1)).parts).toBe(2);
    // An emoji in the body makes the opt-out UCS-2 too.
    expect(campaignSmsParts('Hei 🧶').encoding).toBe('ucs2');
  });

  it('counts {lenke} as the member page link it becomes, not as its 7 characters', () => {
    const room = 160 - 1 - SMS_OPT_OUT.length;
    const text = `Se poengene dine: ${MEMBER_LINK_PLACEHOLDER}`;
    const asCounted = room - (text.length - MEMBER_LINK_PLACEHOLDER.length) - MEMBER_LINK_CHARS;
    expect(campaignSmsParts(text + 'a'.repeat(asCounted)).parts).toBe(1);
    expect(campaignSmsParts(text + 'a'.repeat(asCounted + 1)).parts).toBe(2);
    expect(smsCostOre('a'.repeat(80) + MEMBER_LINK_PLACEHOLDER, 10, 45)).toBe(900);
  });

  it('prices parts × recipients × price per part in øre', () => {
    expect(smsCostOre('Hei!', 20, 45)).toBe(900);
    const two = 'a'.repeat(160);
    expect(smsCostOre(two, 20, 45)).toBe(1800);
    expect(smsCostOre(two, 0, 45)).toBe(0);
  });
});
