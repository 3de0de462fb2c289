/**
 * QR codes for the member's page, drawn by the encoder of @zxing/library (the
 * till's camera decoder already: no new dependency), as one SVG path of unit
 * squares with the quiet zone a reader needs.
 */
import { EncodeHintType, QRCodeDecoderErrorCorrectionLevel, QRCodeEncoder } from '@zxing/library';

const QUIET_ZONE = 4;

/** One path of the dark modules, offset by the quiet zone, in a `size`-square view box. */
export function qrPathOf(text: string): { d: string; size: number } {
  const hints = new Map<EncodeHintType, unknown>([[EncodeHintType.CHARACTER_SET, 'UTF-8']]);
  // M: read from a phone's screen at an angle, with room for a crack in the glass.
  const matrix = QRCodeEncoder.encode(text, QRCodeDecoderErrorCorrectionLevel.M, hints).getMatrix();
  let d = '';
  for (let y = 0; y < matrix.getHeight(); y++)
    for (let x = 0; x < matrix.getWidth(); x++)
      if (matrix.get(x, y) === 1) d += `M${x + QUIET_ZONE} ${y + QUIET_ZONE}h1v1h-1z`;
  return { d, size: matrix.getWidth() + 2 * QUIET_ZONE };
}
