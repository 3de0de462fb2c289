import { describe, expect, it } from 'vitest';
import { rgbaToLuma, LuminanceDecoder } from './barcode-decoder';

describe('rgbaToLuma', () => {
  it('weighs red, green and blue like BT.601 and ignores alpha', () => {
    const rgba = new Uint8ClampedArray([
      255, 255, 255, 0, /* white */ 0, 0, 0, 255, /* black */ 255, 0, 0, 255, /* red */ 0, 255, 0,
      255 /* green */,
    ]);
    expect(Array.from(rgbaToLuma(rgba, 4, 1))).toEqual([255, 0, 76, 150]);
  });

  it('reuses the buffer it is given when the size matches', () => {
    const into = new Uint8ClampedArray(1);
    expect(rgbaToLuma(new Uint8ClampedArray([9, 9, 9, 9]), 1, 1, into)).toBe(into);
    expect(into[0]).toBe(9);
  });

  it('refuses fewer pixels than the size says', () => {
    expect(() => rgbaToLuma(new Uint8ClampedArray(4), 2, 1)).toThrow(RangeError);
    expect(() => new LuminanceDecoder().decode(new Uint8ClampedArray(3), 2, 2)).toThrow(RangeError);
  });
});
