/**
 * Every member card reads at the camera, however close it is held: member QR
 * codes drawn (bwip-js) at module sizes from a card at arm's length to one
 * held up to the lens, in a 640 × 480 frame as a webcam gives it, decoded by
 * the camera scanner's own decoder.
 */
import { describe, expect, it } from 'vitest';
import { MEMBER_QR_PREFIX } from '../../src/core/scan';
import { halfSize, LuminanceDecoder } from '../../src/ui/devices/barcode-decoder';
import { barcodeLuma } from '../helpers/y4m';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Tokens shaped like the till's (26 base-32 letters), from a seeded generator. */
function tokens(count: number, seed: number): string[] {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state;
  };
  return Array.from({ length: count }, () =>
    Array.from({ length: 26 }, () => BASE32[next() % 32]).join(''),
  );
}

/** Codes zxing's detector missed at their drawn size before the half-size retries. */
const MISSED_AT_FULL_SIZE = [
  'CQKCVWGGIYS4UXOAOYFPP3FNUU',
  'N7EP6DSBCPPUJQI5BGRO5E2VYY',
  'YSDRFTBFRVWM73PQDIAZOZFT74',
  'FAQ3DRS4PH7NUYIK2MHCRAFHFI',
  '2P7BS6FDZHODGWEZX4UA2AVTY4',
];

const decoder = new LuminanceDecoder();

function reads(token: string, modulePx?: number): string | null {
  const text = MEMBER_QR_PREFIX + token;
  const frame = barcodeLuma({ symbology: 'qrcode', text, ...(modulePx ? { modulePx } : {}) });
  return decoder.decode(new Uint8ClampedArray(frame.luma), frame.width, frame.height)?.text ?? null;
}

describe('member QR codes at the camera', () => {
  it.each(MISSED_AT_FULL_SIZE)('reads %s, which the detector misses at full size', (token) => {
    expect(reads(token)).toBe(MEMBER_QR_PREFIX + token);
  });

  it.each([3, 4, 5, 6, 7, 8, 9, 10, 11, 12])(
    'reads every one of 20 member cards at %i px per module',
    (modulePx) => {
      const missed = tokens(20, modulePx).filter(
        (token) => reads(token, modulePx) !== MEMBER_QR_PREFIX + token,
      );
      expect(missed).toEqual([]);
    },
  );
});

describe('halfSize', () => {
  it('averages each 2 × 2 block, rounding half up, and drops an odd last row and column', () => {
    const luma = new Uint8ClampedArray([0, 255, 9, 10, 20, 30, 1, 2, 3]);
    // 3 × 3: the block is 0, 255, 10, 20 → (285 + 2) >> 2 = 71.
    expect(halfSize(luma, 3, 3)).toEqual({
      luma: new Uint8ClampedArray([71]),
      width: 1,
      height: 1,
    });
  });
});
