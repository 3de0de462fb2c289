/** The join QR code reads back as the link it was made from (zxing's own reader, as a phone's). */
import { describe, expect, it } from 'vitest';
import { LuminanceDecoder } from '../devices/barcode-decoder';
import { QUIET_ZONE, qrModules, qrPath } from './qr';

/** The modules drawn as a grey picture, `scale` pixels per module, with the quiet zone. */
function picture(modules: boolean[][], scale: number) {
  const size = (modules.length + 2 * QUIET_ZONE) * scale;
  const luma = new Uint8ClampedArray(size * size).fill(255);
  modules.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (!dark) return;
      for (let dy = 0; dy < scale; dy++)
        for (let dx = 0; dx < scale; dx++)
          luma[((y + QUIET_ZONE) * scale + dy) * size + (x + QUIET_ZONE) * scale + dx] = 0;
    }),
  );
  return { luma, size };
}

describe('the join QR code', () => {
  it('reads back as the link', () => {
    const url = 'https://bakeriet.example/bli-medlem?butikk=sentrum&språk=nb';
    const modules = qrModules(url);
    expect(modules.length).toBeGreaterThanOrEqual(21);
    expect(modules.every((row) => row.length === modules.length)).toBe(true);
    const { luma, size } = picture(modules, 4);
    expect(new LuminanceDecoder(['qr']).decode(luma, size, size)).toEqual({
      text: url,
      symbology: 'qr',
    });
  });

  it('draws one square per dark module inside the quiet zone', () => {
    const modules = [
      [true, false],
      [false, true],
    ];
    expect(qrPath(modules)).toEqual({
      d: `M${QUIET_ZONE} ${QUIET_ZONE}h1v1h-1zM${QUIET_ZONE + 1} ${QUIET_ZONE + 1}h1v1h-1z`,
      size: 2 + 2 * QUIET_ZONE,
    });
  });
});
