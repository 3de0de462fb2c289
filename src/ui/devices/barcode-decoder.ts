/**
 * Decoding member QR codes and EAN-13 barcodes from a grey picture with
 * @zxing/library. Pure (no DOM), so the camera component and the Node tests
 * use the very same code.
 */
import {
  BarcodeFormat,
  BinaryBitmap,
  DecodeHintType,
  Exception,
  HybridBinarizer,
  MultiFormatReader,
  RGBLuminanceSource,
} from '@zxing/library';

export type CameraSymbology = 'qr' | 'ean13';

export const DEFAULT_SYMBOLOGIES: readonly CameraSymbology[] = ['qr', 'ean13'];

export function isCameraSymbology(name: string): name is CameraSymbology {
  return name === 'qr' || name === 'ean13';
}

const ZXING_FORMAT: Record<CameraSymbology, BarcodeFormat> = {
  qr: BarcodeFormat.QR_CODE,
  ean13: BarcodeFormat.EAN_13,
};

export interface DecodedSymbol {
  text: string;
  symbology: CameraSymbology;
}

/**
 * One reader, reused frame after frame (zxing keeps its per-format readers
 * inside it). `decode` answers null when the picture holds nothing readable.
 */
export class LuminanceDecoder {
  private readonly reader = new MultiFormatReader();

  constructor(symbologies: readonly CameraSymbology[] = DEFAULT_SYMBOLOGIES) {
    const hints = new Map<DecodeHintType, unknown>();
    hints.set(
      DecodeHintType.POSSIBLE_FORMATS,
      symbologies.map((s) => ZXING_FORMAT[s]),
    );
    // A hand-held card is rarely square to the lens: look harder per frame.
    hints.set(DecodeHintType.TRY_HARDER, true);
    this.reader.setHints(hints);
  }

  /**
   * `luma`: one byte per pixel, row by row, `width` × `height`. A frame that
   * does not read at its own size is tried again at half size, and again,
   * down to MIN_RETRY_WIDTH: zxing's QR detector misses some codes whose
   * modules are large in the picture (a card held close to the lens), and
   * reads them once the modules are a few pixels wide.
   */
  decode(luma: Uint8ClampedArray, width: number, height: number): DecodedSymbol | null {
    if (luma.length < width * height)
      throw new RangeError('LuminanceDecoder: fewer pixels than width × height');
    let picture = { luma, width, height };
    for (;;) {
      const found = this.decodeOnce(picture.luma, picture.width, picture.height);
      if (found !== null || picture.width / 2 < MIN_RETRY_WIDTH) return found;
      picture = halfSize(picture.luma, picture.width, picture.height);
    }
  }

  private decodeOnce(luma: Uint8ClampedArray, width: number, height: number): DecodedSymbol | null {
    const bitmap = new BinaryBitmap(
      new HybridBinarizer(new RGBLuminanceSource(luma, width, height)),
    );
    try {
      const result = this.reader.decodeWithState(bitmap);
      const format = result.getBarcodeFormat();
      const symbology = format === BarcodeFormat.QR_CODE ? 'qr' : 'ean13';
      return { text: result.getText(), symbology };
    } catch (error) {
      // zxing's own exceptions (NotFound, Checksum, Format, and the odd index
      // error its 1D readers raise on noise): no readable code in this frame.
      if (error instanceof Exception) return null;
      throw error;
    }
  }
}

/** Half-size retries stop before the picture is narrower than this (pixels). */
const MIN_RETRY_WIDTH = 160;

/** Each pixel the mean of a 2 × 2 block (an odd last row or column is dropped). */
export function halfSize(
  luma: Uint8ClampedArray,
  width: number,
  height: number,
): { luma: Uint8ClampedArray; width: number; height: number } {
  const w = width >> 1;
  const h = height >> 1;
  const out = new Uint8ClampedArray(w * h);
  for (let y = 0; y < h; y++) {
    const top = 2 * y * width;
    const bottom = top + width;
    for (let x = 0; x < w; x++) {
      const i = 2 * x;
      out[y * w + x] =
        (luma[top + i]! + luma[top + i + 1]! + luma[bottom + i]! + luma[bottom + i + 1]! + 2) >> 2;
    }
  }
  return { luma: out, width: w, height: h };
}

/**
 * RGBA pixels (a canvas's ImageData) to one luminance byte per pixel, with the
 * integer BT.601 weights zxing itself uses; `into` is reused between frames.
 */
export function rgbaToLuma(
  rgba: Uint8ClampedArray,
  width: number,
  height: number,
  into?: Uint8ClampedArray,
): Uint8ClampedArray {
  const pixels = width * height;
  if (rgba.length < pixels * 4)
    throw new RangeError('rgbaToLuma: fewer pixels than width × height');
  const luma = into && into.length === pixels ? into : new Uint8ClampedArray(pixels);
  for (let i = 0, p = 0; i < pixels; i++, p += 4) {
    luma[i] = (rgba[p]! * 306 + rgba[p + 1]! * 601 + rgba[p + 2]! * 117 + 512) >> 10;
  }
  return luma;
}
