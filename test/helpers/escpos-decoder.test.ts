import { describe, expect, it } from 'vitest';
import { decodeEscPos } from './escpos-decoder';

const ESC = 0x1b;
const GS = 0x1d;
const LF = 0x0a;
const bytes = (...parts: Array<number | string | number[]>): Buffer =>
  Buffer.concat(
    parts.map((p) =>
      typeof p === 'number'
        ? Buffer.from([p])
        : typeof p === 'string'
          ? Buffer.from(p, 'latin1')
          : Buffer.from(p),
    ),
  );

describe('decodeEscPos (Epson)', () => {
  it('reads PC865 text with alignment, bold and size per line', () => {
    // "Blåbær" and "ØL" in PC865: å 0x86, æ 0x91, Ø 0x9d; ø 0x9b
    const data = bytes(
      [ESC, 0x40, ESC, 0x74, 5],
      [ESC, 0x61, 1, ESC, 0x45, 1, GS, 0x21, 0x11],
      'Bl',
      [0x86, 0x62, 0x91, 0x72, LF],
      [ESC, 0x61, 0, ESC, 0x45, 0, GS, 0x21, 0x00],
      [0x9d, 0x4c, 0x20, 0x9b, LF, LF],
    );
    const decoded = decodeEscPos(data);
    expect(decoded.lines).toEqual([
      {
        kind: 'text',
        text: 'Blåbær',
        align: 'center',
        bold: true,
        width: 2,
        height: 2,
        codePage: 5,
      },
      { kind: 'text', text: 'ØL ø', align: 'left', bold: false, width: 1, height: 1, codePage: 5 },
      { kind: 'text', text: '', align: 'left', bold: false, width: 1, height: 1, codePage: 5 },
    ]);
    expect(decoded.codePages).toEqual([5]);
    expect(decoded.initCount).toBe(1);
  });

  it('shows the wrong letters when the code page was never chosen (PC437 default)', () => {
    const decoded = decodeEscPos(bytes([ESC, 0x40], [0x9b, LF]));
    expect(decoded.lines[0]!.text).toBe('¢');
  });

  it('reads an EAN-13 barcode, a QR code and a cut', () => {
    const qr = 'LJM-ABC123';
    const data = bytes(
      [ESC, 0x61, 1, GS, 0x48, 2, GS, 0x66, 0, GS, 0x77, 3, GS, 0x68, 80],
      [GS, 0x6b, 67, 13],
      '2900000000018',
      [GS, 0x28, 0x6b, 4, 0, 0x31, 0x41, 0x32, 0],
      [GS, 0x28, 0x6b, qr.length + 3, 0, 0x31, 0x50, 0x30],
      qr,
      [GS, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30],
      [ESC, 0x64, 4, GS, 0x56, 0],
    );
    expect(decodeEscPos(data).items).toEqual([
      { kind: 'barcode', symbology: 'EAN13', data: '2900000000018', align: 'center' },
      { kind: 'qr', data: qr, align: 'center' },
      { kind: 'feed', lines: 4 },
      { kind: 'cut', partial: false },
    ]);
  });

  it('refuses bytes it does not understand, with where they are', () => {
    expect(() => decodeEscPos(bytes('ok', [0x07]))).toThrow(/unknown control byte 0x7 at byte 3/);
    expect(() => decodeEscPos(bytes([ESC, 0x74, 17, 0x80]))).toThrow(/code page 17/);
    expect(() => decodeEscPos(bytes([GS, 0x6b, 67, 13], '29'))).toThrow(/cut short/);
  });
});

describe('decodeEscPos (Star)', () => {
  it('reads the Star Line Mode commands a receipt uses', () => {
    const qr = 'LJM-XYZ98765';
    const data = bytes(
      [ESC, 0x40, ESC, GS, 0x74, 9],
      [ESC, GS, 0x61, 1, ESC, 0x45, ESC, 0x69, 1, 1],
      'KOPI',
      [LF, ESC, 0x46, ESC, 0x69, 0, 0, ESC, GS, 0x61, 0],
      [0x91, 0x9b, 0x86, LF],
      [ESC, 0x62, 3, 2, 2, 80],
      '2900000000018',
      [0x1e],
      [ESC, GS, 0x79, 0x53, 0x30, 2, ESC, GS, 0x79, 0x44, 0x31, 0, qr.length, 0],
      qr,
      [ESC, GS, 0x79, 0x50],
      [ESC, 0x64, 2],
    );
    const decoded = decodeEscPos(data, 'star');
    expect(decoded.items).toEqual([
      { kind: 'text', text: 'KOPI', align: 'center', bold: true, width: 2, height: 2, codePage: 9 },
      { kind: 'text', text: 'æøå', align: 'left', bold: false, width: 1, height: 1, codePage: 9 },
      { kind: 'barcode', symbology: 'EAN13', data: '2900000000018', align: 'left' },
      { kind: 'qr', data: qr, align: 'left' },
      { kind: 'cut', partial: false },
    ]);
  });
});
