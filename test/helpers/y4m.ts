/**
 * Video files for Chromium's fake camera (`--use-file-for-fake-video-capture`):
 * YUV4MPEG2, 4:2:0, a member QR code or an EAN-13 drawn by bwip-js, black on
 * white with a quiet zone, centred, big enough for a webcam-sized decode.
 */
import { writeFileSync } from 'node:fs';
import bwipjs from 'bwip-js/node';

export type Symbology = 'qrcode' | 'ean13';

export interface BarcodeFrameOptions {
  symbology: Symbology;
  text: string;
  width?: number;
  height?: number;
  /** Pixels per module; by default the largest that fits with its quiet zone in ~70 % of the frame. */
  modulePx?: number;
}

export interface Y4mOptions {
  frames?: number;
  /** Frames per second written in the header. */
  fps?: number;
}

/** Studio-range luma, as cameras deliver it: Chromium maps 16 to black and 235 to white. */
export const LUMA_BLACK = 16;
export const LUMA_WHITE = 235;
const CHROMA_NEUTRAL = 128;

// Quiet zones in modules: 4 around a QR code; 11 left and 7 right of an EAN-13 (GS1).
const QR_QUIET = 4;
const EAN_QUIET_LEFT = 11;
const EAN_QUIET_RIGHT = 7;

interface Matrix {
  /** Module columns and rows; `dark(x, y)` for each. */
  columns: number;
  rows: number;
  dark(x: number, y: number): boolean;
  quietLeft: number;
  quietRight: number;
  quietVertical: number;
}

function symbolMatrix(symbology: Symbology, text: string): Matrix {
  const [symbol] = bwipjs.raw({ bcid: symbology, text });
  if (!symbol) throw new Error(`bwip-js drew nothing for ${symbology} ${text}`);
  if ('pixs' in symbol) {
    return {
      columns: symbol.pixx,
      rows: symbol.pixy,
      dark: (x, y) => symbol.pixs[y * symbol.pixx + x] === 1,
      quietLeft: QR_QUIET,
      quietRight: QR_QUIET,
      quietVertical: QR_QUIET,
    };
  }
  // Linear symbols come as alternating bar and space widths, starting with a bar.
  const columns: boolean[] = [];
  symbol.sbs.forEach((widthInModules, i) => {
    for (let m = 0; m < widthInModules; m++) columns.push(i % 2 === 0);
  });
  return {
    columns: columns.length,
    // Bars about 0.7 × the symbol's width tall: the proportion of a printed EAN-13.
    rows: Math.round(columns.length * 0.7),
    dark: (x) => columns[x] === true,
    quietLeft: EAN_QUIET_LEFT,
    quietRight: EAN_QUIET_RIGHT,
    quietVertical: 4,
  };
}

/** The luminance plane (one byte per pixel) of a white frame with the symbol in the middle. */
export function barcodeLuma(options: BarcodeFrameOptions): {
  luma: Uint8Array;
  width: number;
  height: number;
  modulePx: number;
} {
  const { symbology, text, width = 640, height = 480 } = options;
  if (width % 2 !== 0 || height % 2 !== 0) throw new Error('4:2:0 needs an even width and height');
  const m = symbolMatrix(symbology, text);
  const spanX = m.quietLeft + m.columns + m.quietRight;
  const spanY = m.quietVertical * 2 + m.rows;
  const modulePx =
    options.modulePx ?? Math.floor(Math.min((width * 0.7) / spanX, (height * 0.7) / spanY));
  if (modulePx < 2 || spanX * modulePx > width || spanY * modulePx > height)
    throw new Error(
      `${symbology} ${text} does not fit ${width}×${height} at ${modulePx} px/module`,
    );

  const luma = new Uint8Array(width * height).fill(LUMA_WHITE);
  const left = Math.floor((width - m.columns * modulePx) / 2);
  const top = Math.floor((height - m.rows * modulePx) / 2);
  for (let y = 0; y < m.rows * modulePx; y++) {
    const row = (top + y) * width + left;
    for (let x = 0; x < m.columns * modulePx; x++) {
      if (m.dark(Math.floor(x / modulePx), Math.floor(y / modulePx))) luma[row + x] = LUMA_BLACK;
    }
  }
  return { luma, width, height, modulePx };
}

/** A YUV4MPEG2 (C420) file of `frames` copies of a grey picture. */
export function encodeY4m(
  luma: Uint8Array,
  width: number,
  height: number,
  options: Y4mOptions = {},
): Buffer {
  const { frames = 3, fps = 30 } = options;
  return encodeY4mSequence(
    Array.from({ length: frames }, () => luma),
    width,
    height,
    fps,
  );
}

/** A YUV4MPEG2 (C420) file of the given grey pictures in order (the fake camera loops it). */
export function encodeY4mSequence(
  planes: readonly Uint8Array[],
  width: number,
  height: number,
  fps = 30,
): Buffer {
  if (planes.some((luma) => luma.length !== width * height))
    throw new Error('luma plane size does not match');
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420\n`, 'ascii');
  const marker = Buffer.from('FRAME\n', 'ascii');
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, CHROMA_NEUTRAL);
  return Buffer.concat([header, ...planes.flatMap((luma) => [marker, luma, chroma])]);
}

/** An empty white picture (the card taken away). */
export function blankLuma(width = 640, height = 480): Uint8Array {
  return new Uint8Array(width * height).fill(LUMA_WHITE);
}

export interface Y4mFile {
  width: number;
  height: number;
  /** The header's parameters after the signature, e.g. `{ C: '420', F: '30:1' }`. */
  params: Record<string, string>;
  /** Each frame's luminance plane. */
  frames: Uint8Array[];
}

/** Read back a file written by `encodeY4m` (plain FRAME markers, 4:2:0). */
export function parseY4m(file: Buffer): Y4mFile {
  const headerEnd = file.indexOf(0x0a);
  const [signature, ...tokens] = file.subarray(0, headerEnd).toString('ascii').split(' ');
  if (signature !== 'YUV4MPEG2') throw new Error('not a YUV4MPEG2 file');
  const params = Object.fromEntries(tokens.map((t) => [t[0]!, t.slice(1)]));
  const width = Number(params.W);
  const height = Number(params.H);
  const lumaSize = width * height;
  const frameSize = lumaSize + (width / 2) * (height / 2) * 2;
  const frames: Uint8Array[] = [];
  let at = headerEnd + 1;
  while (at < file.length) {
    const markerEnd = file.indexOf(0x0a, at);
    if (file.subarray(at, markerEnd).toString('ascii') !== 'FRAME')
      throw new Error(`no FRAME marker at byte ${at}`);
    const start = markerEnd + 1;
    if (start + frameSize > file.length) throw new Error('the last frame is cut short');
    frames.push(new Uint8Array(file.subarray(start, start + lumaSize)));
    at = start + frameSize;
  }
  return { width, height, params, frames };
}

/** Write a fake-camera file showing the symbol; returns the path. */
export function writeBarcodeY4m(
  path: string,
  frame: BarcodeFrameOptions,
  options: Y4mOptions = {},
): string {
  const { luma, width, height } = barcodeLuma(frame);
  writeFileSync(path, encodeY4m(luma, width, height, options));
  return path;
}
