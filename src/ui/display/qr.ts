/**
 * A QR code for the display's "join" link, drawn by the encoder of
 * @zxing/library (already the till's camera decoder: no new dependency).
 * Pure: the modules as rows of booleans, and one SVG path that draws them.
 */
import { EncodeHintType, QRCodeDecoderErrorCorrectionLevel, QRCodeEncoder } from '@zxing/library';

/** The light margin a reader needs around the code, in modules. */
export const QUIET_ZONE = 4;

/** The code's modules, `true` for dark, row by row (no quiet zone). */
export function qrModules(text: string): boolean[][] {
  const hints = new Map<EncodeHintType, unknown>([[EncodeHintType.CHARACTER_SET, 'UTF-8']]);
  // M: a phone reads it from a screen at an angle, with room for a smudge.
  const matrix = QRCodeEncoder.encode(text, QRCodeDecoderErrorCorrectionLevel.M, hints).getMatrix();
  return Array.from({ length: matrix.getHeight() }, (_, y) =>
    Array.from({ length: matrix.getWidth() }, (_, x) => matrix.get(x, y) === 1),
  );
}

/** One path of unit squares, offset by the quiet zone; the view box is `size` square. */
export function qrPath(modules: readonly (readonly boolean[])[]): { d: string; size: number } {
  let d = '';
  modules.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) d += `M${x + QUIET_ZONE} ${y + QUIET_ZONE}h1v1h-1z`;
    }),
  );
  return { d, size: modules.length + 2 * QUIET_ZONE };
}
