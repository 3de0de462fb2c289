/**
 * Reads captured printer bytes back into what would come out on paper: lines of
 * text with their attributes (alignment, bold, size, code page), barcodes, QR
 * codes, feeds and cuts. Covers the Epson ESC/POS commands a receipt uses and
 * the main Star Line Mode commands. Anything it does not know is an error, so a
 * stray byte fails the test instead of passing unseen.
 */
import { PC865_HIGH } from '../../src/core/receipt';

export type Dialect = 'epson' | 'star';
export type Align = 'left' | 'center' | 'right';

export interface DecodedText {
  kind: 'text';
  text: string;
  align: Align;
  /** Every printed non-space character was bold (false for a blank line). */
  bold: boolean;
  /** Character magnification when the line began (1 = normal). */
  width: number;
  height: number;
  /** The code page in force at the end of the line. */
  codePage: number;
}

export type DecodedItem =
  | DecodedText
  | { kind: 'barcode'; symbology: string; data: string; align: Align }
  | { kind: 'qr'; data: string; align: Align }
  | { kind: 'feed'; lines: number }
  | { kind: 'cut'; partial: boolean }
  | { kind: 'status_request'; n: number };

export interface DecodedReceipt {
  items: DecodedItem[];
  /** Text lines only, in order (blank lines included). */
  lines: DecodedText[];
  /** Every code page selected, in order. */
  codePages: number[];
  initCount: number;
}

const PC437_HIGH = [...PC865_HIGH]
  .map((c, i) => (i === 0x1b ? '¢' : i === 0x1d ? '¥' : i === 0x2f ? '»' : c))
  .join('');
const WINDOWS_1252 = new TextDecoder('windows-1252');

/** High-half tables by dialect and code page number. */
function highChar(dialect: Dialect, page: number, byte: number): string | null {
  const table =
    dialect === 'epson'
      ? { 0: PC437_HIGH, 5: PC865_HIGH }[page]
      : { 1: PC437_HIGH, 3: PC437_HIGH, 9: PC865_HIGH }[page];
  if (table) return table[byte - 0x80] ?? null;
  const is1252 = dialect === 'epson' ? page === 16 : page === 32;
  return is1252 ? WINDOWS_1252.decode(Uint8Array.of(byte)) : null;
}

const EPSON_BARCODES: Record<number, string> = {
  0: 'UPCA',
  1: 'UPCE',
  2: 'EAN13',
  3: 'EAN8',
  4: 'CODE39',
  5: 'ITF',
  6: 'CODABAR',
  65: 'UPCA',
  66: 'UPCE',
  67: 'EAN13',
  68: 'EAN8',
  69: 'CODE39',
  70: 'ITF',
  71: 'CODABAR',
  72: 'CODE93',
  73: 'CODE128',
};
const STAR_BARCODES: Record<number, string> = {
  0: 'UPCE',
  1: 'UPCA',
  2: 'EAN8',
  3: 'EAN13',
  4: 'CODE39',
  5: 'ITF',
  6: 'CODE128',
  7: 'CODE93',
  8: 'NW7',
};

export function decodeEscPos(
  input: Buffer | Uint8Array,
  dialect: Dialect = 'epson',
): DecodedReceipt {
  const bytes = Buffer.from(input);
  const items: DecodedItem[] = [];
  const codePages: number[] = [];
  let initCount = 0;
  const reset = () => ({
    align: 'left' as Align,
    bold: false,
    width: 1,
    height: 1,
    codePage: dialect === 'epson' ? 0 : 1,
  });
  let mode = reset();
  let qrData: string | null = null;

  // The line being assembled.
  let text = '';
  let lineStart: typeof mode | null = null;
  let allBold = true;

  const endLine = () => {
    const start = lineStart ?? mode;
    items.push({
      kind: 'text',
      text,
      align: start.align,
      bold: text.trim() !== '' && allBold,
      width: start.width,
      height: start.height,
      codePage: mode.codePage,
    });
    text = '';
    lineStart = null;
    allBold = true;
  };
  const printChar = (char: string) => {
    if (lineStart === null) lineStart = { ...mode };
    if (char !== ' ' && char !== '\u00a0' && !mode.bold) allBold = false;
    text += char;
  };

  let i = 0;
  const fail = (what: string): never => {
    const around = bytes.subarray(Math.max(0, i - 4), i + 8).toString('hex');
    throw new Error(`${dialect}: ${what} at byte ${i} (…${around}…)`);
  };
  const need = (n: number) => {
    if (i + n > bytes.length) fail(`command cut short (needs ${n} more bytes)`);
  };
  const byte = () => {
    need(1);
    return bytes[i++]!;
  };
  const take = (n: number) => {
    need(n);
    const out = bytes.subarray(i, i + n);
    i += n;
    return out;
  };
  const ascii = (b: Buffer) => {
    const s = b.toString('latin1');
    if (!/^[\x20-\x7e]*$/.test(s)) fail(`non-ASCII symbol data ${JSON.stringify(s)}`);
    return s;
  };
  const align = (n: number): Align => (n % 48 === 1 ? 'center' : n % 48 === 2 ? 'right' : 'left');
  const pendingText = () => {
    if (text !== '') fail('barcode or QR in the middle of a text line');
  };

  while (i < bytes.length) {
    const b = bytes[i++]!;
    if (b === 0x0a) {
      endLine();
      continue;
    }
    if (b === 0x0d) continue; // CR: the printers here treat it as nothing
    if (b >= 0x20 && b < 0x7f) {
      printChar(String.fromCharCode(b));
      continue;
    }
    if (b >= 0x80) {
      const char = highChar(dialect, mode.codePage, b);
      if (char === null)
        fail(
          `byte 0x${b.toString(16)} under code page ${mode.codePage}, which this decoder cannot read`,
        );
      printChar(char!);
      continue;
    }
    if (b === 0x10 && dialect === 'epson') {
      // DLE EOT n: real-time status request (answered by the printer, prints nothing)
      if (byte() !== 0x04) fail('unknown DLE command');
      items.push({ kind: 'status_request', n: byte() });
      continue;
    }
    if (b === 0x0b && dialect === 'star') {
      items.push({ kind: 'feed', lines: 1 });
      continue;
    }
    if (b === 0x1b) {
      const c = byte();
      if (c === 0x40) {
        // ESC @: initialise (text modes and code page back to defaults)
        if (text !== '') endLine();
        mode = reset();
        initCount += 1;
        continue;
      }
      if (c === 0x2d) {
        byte(); // ESC - n: underline (not tracked)
        continue;
      }
      if (dialect === 'epson') {
        switch (c) {
          case 0x74: // ESC t n
            mode.codePage = byte();
            codePages.push(mode.codePage);
            continue;
          case 0x45: // ESC E n
            mode.bold = (byte() & 1) === 1;
            continue;
          case 0x61: // ESC a n
            mode.align = align(byte());
            continue;
          case 0x21: {
            // ESC ! n: print mode (bold bit 3, double height bit 4, double width bit 5)
            const n = byte();
            mode.bold = (n & 0x08) !== 0;
            mode.height = n & 0x10 ? 2 : 1;
            mode.width = n & 0x20 ? 2 : 1;
            continue;
          }
          case 0x64: // ESC d n: print and feed n lines
            if (text !== '') endLine();
            items.push({ kind: 'feed', lines: byte() });
            continue;
          case 0x4a: // ESC J n: feed n dots
            if (text !== '') endLine();
            byte();
            continue;
          case 0x32: // ESC 2: default line spacing
            continue;
          case 0x33: // ESC 3 n
          case 0x4d: // ESC M n: font
          case 0x7b: // ESC { n: upside down
          case 0x52: // ESC R n: international character set
            byte();
            continue;
          case 0x70: // ESC p m t1 t2: drawer kick
            take(3);
            continue;
        }
        fail(`unknown ESC 0x${c.toString(16)}`);
      }
      // Star Line Mode
      switch (c) {
        case 0x45: // ESC E: bold on
          mode.bold = true;
          continue;
        case 0x46: // ESC F: bold off
          mode.bold = false;
          continue;
        case 0x69: {
          // ESC i n1 n2: height and width magnification
          mode.height = byte() + 1;
          mode.width = byte() + 1;
          continue;
        }
        case 0x64: {
          // ESC d n: cut (0/2 full, 1/3 partial; 2 and 3 feed to the cutter first)
          if (text !== '') endLine();
          const n = byte();
          items.push({ kind: 'cut', partial: n % 2 === 1 });
          continue;
        }
        case 0x34: // ESC 4 / ESC 5: highlight on/off
        case 0x35:
          continue;
        case 0x7a: // ESC z n: line spacing
          byte();
          continue;
        case 0x62: {
          // ESC b n1 n2 n3 n4 d... RS: barcode
          const [type] = take(4);
          const end = bytes.indexOf(0x1e, i);
          if (end < 0) fail('barcode data without its RS terminator');
          pendingText();
          items.push({
            kind: 'barcode',
            symbology: STAR_BARCODES[type!] ?? `star-${type}`,
            data: ascii(take(end - i)),
            align: mode.align,
          });
          i += 1; // RS
          continue;
        }
        case 0x1d: {
          const d = byte();
          if (d === 0x74) {
            // ESC GS t n: code page
            mode.codePage = byte();
            codePages.push(mode.codePage);
            continue;
          }
          if (d === 0x61) {
            // ESC GS a n: alignment
            mode.align = align(byte());
            continue;
          }
          if (d === 0x79) {
            // ESC GS y ...: QR code
            const sub = byte();
            if (sub === 0x53) {
              take(2); // S 0|1|2 n: model, correction, cell size
              continue;
            }
            if (sub === 0x44) {
              // D 1 0 nL nH d...
              const [m, zero, nL, nH] = take(4);
              if (m !== 0x31 || zero !== 0x00) fail('unknown QR data form');
              qrData = ascii(take(nL! + nH! * 256));
              continue;
            }
            if (sub === 0x50) {
              pendingText();
              if (qrData === null) fail('QR print without data');
              items.push({ kind: 'qr', data: qrData!, align: mode.align });
              continue;
            }
          }
          fail(`unknown ESC GS 0x${d.toString(16)}`);
        }
      }
      fail(`unknown Star ESC 0x${c.toString(16)}`);
    }
    if (b === 0x1d && dialect === 'epson') {
      const c = byte();
      switch (c) {
        case 0x21: {
          // GS ! n: width (high nibble) and height (low nibble) magnification
          const n = byte();
          mode.width = (n >> 4) + 1;
          mode.height = (n & 0x0f) + 1;
          continue;
        }
        case 0x56: {
          // GS V m [n]: cut
          if (text !== '') endLine();
          const m = byte();
          if (m === 65 || m === 66 || m === 97 || m === 98 || m === 103 || m === 104) byte();
          items.push({ kind: 'cut', partial: m % 2 === 1 || m === 66 });
          continue;
        }
        case 0x48: // GS H n: HRI position
        case 0x66: // GS f n: HRI font
        case 0x77: // GS w n: module width
        case 0x68: // GS h n: height
        case 0x42: // GS B n: reverse
          byte();
          continue;
        case 0x6b: {
          // GS k m ...: barcode (function A: NUL-terminated, function B: length first)
          pendingText();
          const m = byte();
          let data: Buffer;
          if (m <= 6) {
            const end = bytes.indexOf(0x00, i);
            if (end < 0) fail('barcode data without its NUL terminator');
            data = take(end - i);
            i += 1;
          } else {
            data = take(byte());
          }
          items.push({
            kind: 'barcode',
            symbology: EPSON_BARCODES[m] ?? `epson-${m}`,
            data: ascii(data),
            align: mode.align,
          });
          continue;
        }
        case 0x28: {
          // GS ( k pL pH cn fn ...: 2-D symbols
          if (byte() !== 0x6b) fail('unknown GS ( function');
          const [pL, pH] = take(2);
          const body = take(pL! + pH! * 256);
          const [cn, fn] = body;
          if (cn === 0x31 && fn === 0x50) qrData = ascii(body.subarray(3));
          else if (cn === 0x31 && fn === 0x51) {
            if (qrData === null) fail('QR print without stored data');
            items.push({ kind: 'qr', data: qrData!, align: mode.align });
          }
          continue;
        }
      }
      fail(`unknown GS 0x${c.toString(16)}`);
    }
    fail(`unknown control byte 0x${b.toString(16)}`);
  }
  if (text !== '') endLine();
  return {
    items,
    lines: items.filter((x): x is DecodedText => x.kind === 'text'),
    codePages,
    initCount,
  };
}
