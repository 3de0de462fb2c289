import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LuminanceDecoder } from '../../src/ui/devices/barcode-decoder';
import {
  LUMA_BLACK,
  LUMA_WHITE,
  barcodeLuma,
  blankLuma,
  encodeY4m,
  encodeY4mSequence,
  parseY4m,
  writeBarcodeY4m,
} from './y4m';

const MEMBER_QR = 'LJM-q3Xb7_Zk-Wm2N9pL0vRt5A';
const MEMBER_EAN = '2990000012340';
const PRODUCT_EAN = '7038010069307';

const dir = mkdtempSync(join(tmpdir(), 'lojal-y4m-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function decode(luma: Uint8Array, width: number, height: number) {
  return new LuminanceDecoder().decode(new Uint8ClampedArray(luma), width, height);
}

describe('y4m fake-camera files', () => {
  it('writes a C420 header and frames of exactly 1.5 bytes per pixel', () => {
    const path = writeBarcodeY4m(
      join(dir, 'qr.y4m'),
      { symbology: 'qrcode', text: MEMBER_QR },
      { frames: 4 },
    );
    const bytes = readFileSync(path);
    const header = 'YUV4MPEG2 W640 H480 F30:1 Ip A1:1 C420\n';
    expect(bytes.subarray(0, header.length).toString('ascii')).toBe(header);
    const frameBytes = 'FRAME\n'.length + 640 * 480 * 1.5;
    expect(bytes.length).toBe(header.length + 4 * frameBytes);
    for (let f = 0; f < 4; f++) {
      const at = header.length + f * frameBytes;
      expect(bytes.subarray(at, at + 6).toString('ascii')).toBe('FRAME\n');
      // Chroma is neutral (grey), so the picture is pure black and white.
      const chroma = bytes.subarray(at + 6 + 640 * 480, at + frameBytes);
      expect(chroma.every((b) => b === 128)).toBe(true);
    }
    const parsed = parseY4m(bytes);
    expect(parsed).toMatchObject({ width: 640, height: 480, params: { C: '420', F: '30:1' } });
    expect(parsed.frames).toHaveLength(4);
  });

  it('draws the symbol centred with a white quiet zone around it', () => {
    const { luma, width, height, modulePx } = barcodeLuma({
      symbology: 'qrcode',
      text: MEMBER_QR,
    });
    expect(modulePx).toBeGreaterThanOrEqual(4);
    let [top, bottom, left, right] = [height, -1, width, -1];
    let otherShades = 0;
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const value = luma[y * width + x];
        if (value === LUMA_BLACK) {
          [top, bottom] = [Math.min(top, y), Math.max(bottom, y)];
          [left, right] = [Math.min(left, x), Math.max(right, x)];
        } else if (value !== LUMA_WHITE) otherShades++;
      }
    expect(otherShades).toBe(0);
    // Centred to the pixel, with at least the 4-module quiet zone on every side.
    expect(Math.abs(top - (height - 1 - bottom))).toBeLessThanOrEqual(1);
    expect(Math.abs(left - (width - 1 - right))).toBeLessThanOrEqual(1);
    expect(Math.min(top, left)).toBeGreaterThanOrEqual(4 * modulePx);
  });

  it.each([
    ['qrcode', MEMBER_QR, 'qr'],
    ['ean13', MEMBER_EAN, 'ean13'],
    ['ean13', PRODUCT_EAN, 'ean13'],
  ] as const)('zxing reads %s %s back from every frame', (symbology, text, decodedAs) => {
    const file = readFileSync(
      writeBarcodeY4m(join(dir, `${text}.y4m`), { symbology, text }, { frames: 3 }),
    );
    const { width, height, frames } = parseY4m(file);
    expect(frames).toHaveLength(3);
    for (const luma of frames) {
      expect(decode(luma, width, height)).toEqual({ text, symbology: decodedAs });
    }
  });

  it('draws other frame sizes too', () => {
    const { luma, width, height } = barcodeLuma({
      symbology: 'ean13',
      text: MEMBER_EAN,
      width: 1280,
      height: 720,
    });
    expect(luma).toHaveLength(1280 * 720);
    expect(decode(luma, width, height)?.text).toBe(MEMBER_EAN);
  });

  it('refuses what 4:2:0 or the frame cannot hold', () => {
    expect(() =>
      barcodeLuma({ symbology: 'qrcode', text: MEMBER_QR, width: 641, height: 480 }),
    ).toThrow(/even/);
    expect(() =>
      barcodeLuma({ symbology: 'ean13', text: MEMBER_EAN, width: 160, height: 120 }),
    ).toThrow(/does not fit/);
    expect(() => encodeY4m(new Uint8Array(10), 4, 4)).toThrow(/size/);
  });

  it('a blank frame decodes to nothing rather than throwing', () => {
    expect(decode(blankLuma(), 640, 480)).toBeNull();
  });

  it('writes a sequence of different pictures in order', () => {
    const card = barcodeLuma({ symbology: 'qrcode', text: MEMBER_QR }).luma;
    const parsed = parseY4m(encodeY4mSequence([card, blankLuma(), card], 640, 480, 25));
    expect(parsed.params.F).toBe('25:1');
    expect(parsed.frames.map((f) => decode(f, 640, 480)?.text ?? null)).toEqual([
      MEMBER_QR,
      null,
      MEMBER_QR,
    ]);
    expect(() => encodeY4mSequence([card, blankLuma(2, 2)], 640, 480)).toThrow(/size/);
  });
});
