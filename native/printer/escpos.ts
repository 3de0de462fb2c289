/**
 * A receipt document as printer bytes, via node-thermal-printer: ESC/POS for
 * Epson (and compatibles), Star Line Mode for Star. The code page is PC865
 * (Nordic) so æ ø å Æ Ø Å print as themselves; the document's text is already
 * limited to what PC865 holds (src/core/receipt.ts), so the library never
 * switches code page behind our back. Barcode and QR data are ASCII only: the
 * library counts their length in characters, not bytes.
 */
import { BreakLine, CharacterSet, PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import { parseReceiptDocument } from '../../src/core/receipt';
import type { ReceiptAlign, ReceiptDocument, ReceiptWidth } from '../../src/core/receipt';

import type { PrinterType } from '../../src/contract/devices';

export type { PrinterType };

export interface RenderOptions {
  type: PrinterType;
  /** Columns the printer has in its normal font. */
  width: ReceiptWidth;
}

const ESC_INIT = Buffer.from([0x1b, 0x40]);

// Epson GS k function B "EAN13": length-prefixed data, so no NUL terminator to get wrong.
const EPSON_EAN13 = 67;

/**
 * Star ESC b n1 n2 n3 n4 d... RS: JAN/EAN-13 (3), digits printed under the bars
 * and a line feed after (2), 3-dot modules (2), height in dots. The library's
 * typings do not expose these settings, so the command is spelled out here.
 */
function starEan13(data: string): Buffer {
  return Buffer.concat([
    Buffer.from([0x1b, 0x62, 3, 2, 2, 80]),
    Buffer.from(data, 'ascii'),
    Buffer.from([0x1e]),
  ]);
}

// Star QR data command (ESC GS y D 1 0 nL nH d...). node-thermal-printer 4.6 leaves
// this header out in its Star printQR, which makes the printer drop the data, so
// the Star QR is built here from the library's own setting commands.
const STAR_QR_DATA = Buffer.from([0x1b, 0x1d, 0x79, 0x44, 0x31, 0x00]);
const STAR_QR_MODEL2 = Buffer.from([0x1b, 0x1d, 0x79, 0x53, 0x30, 0x02]);
const STAR_QR_CORRECTION_M = Buffer.from([0x1b, 0x1d, 0x79, 0x53, 0x31, 0x01]);
const STAR_QR_PRINT = Buffer.from([0x1b, 0x1d, 0x79, 0x50]);

interface TextState {
  align: ReceiptAlign;
  bold: boolean;
  size: 1 | 2;
}

export function renderEscPos(document: ReceiptDocument, options: RenderOptions): Buffer {
  const doc = parseReceiptDocument(document);
  if (doc.width > options.width) {
    throw new RangeError(
      `a ${doc.width}-column receipt does not fit a ${options.width}-column printer: build it for ${options.width} columns`,
    );
  }
  const printer = new ThermalPrinter({
    type: options.type === 'star' ? PrinterTypes.STAR : PrinterTypes.EPSON,
    // No interface: the library only builds bytes here; transports send them.
    interface: '',
    width: doc.width,
    characterSet: CharacterSet.PC865_NORDIC,
    breakLine: BreakLine.NONE,
  });
  // Reset first, then the code page: ESC @ would undo a code page chosen before it.
  printer.setBuffer(Buffer.alloc(0));
  printer.add(ESC_INIT);
  printer.setCharacterSet(CharacterSet.PC865_NORDIC);

  // The printer starts (after ESC @) left-aligned, not bold, normal size.
  const state: TextState = { align: 'left', bold: false, size: 1 };
  const set = (next: Partial<TextState>): void => {
    if (next.align !== undefined && next.align !== state.align) {
      if (next.align === 'center') printer.alignCenter();
      else if (next.align === 'right') printer.alignRight();
      else printer.alignLeft();
      state.align = next.align;
    }
    if (next.bold !== undefined && next.bold !== state.bold) {
      printer.bold(next.bold);
      state.bold = next.bold;
    }
    if (next.size !== undefined && next.size !== state.size) {
      if (options.type === 'star') {
        if (next.size === 2) printer.setTextQuadArea();
        else printer.setTextNormal();
      } else {
        // GS ! n: double width and height together, or normal.
        printer.setTextSize(next.size - 1, next.size - 1);
      }
      state.size = next.size;
    }
  };

  for (const op of doc.ops) {
    switch (op.op) {
      case 'text':
        set({ align: op.align, bold: op.bold, size: op.size });
        printer.print(op.text);
        printer.newLine();
        break;
      case 'columns': {
        set({ align: 'left', bold: op.bold ?? false, size: 1 });
        const gap = doc.width - op.left.length - op.right.length;
        printer.print(op.left + ' '.repeat(gap) + op.right);
        printer.newLine();
        break;
      }
      case 'line':
        set({ align: 'left', bold: false, size: 1 });
        printer.print('-'.repeat(doc.width));
        printer.newLine();
        break;
      case 'barcode':
        set({ align: 'center', bold: false, size: 1 });
        if (options.type === 'star') {
          printer.add(starEan13(op.data));
        } else {
          printer.printBarcode(op.data, EPSON_EAN13, {
            hriPos: 2,
            hriFont: 0,
            width: doc.width >= 42 ? 3 : 2,
            height: 80,
          });
        }
        break;
      case 'qr':
        set({ align: 'center', bold: false, size: 1 });
        if (options.type === 'star') {
          const cellSize = doc.width >= 42 ? 6 : 5;
          printer.add(STAR_QR_MODEL2);
          printer.add(STAR_QR_CORRECTION_M);
          printer.add(Buffer.from([0x1b, 0x1d, 0x79, 0x53, 0x32, cellSize]));
          const data = Buffer.from(op.data, 'ascii');
          printer.add(STAR_QR_DATA);
          printer.add(Buffer.from([data.length & 0xff, data.length >> 8]));
          printer.add(data);
          printer.add(STAR_QR_PRINT);
        } else {
          printer.printQR(op.data, {
            model: 2,
            cellSize: doc.width >= 42 ? 6 : 5,
            correction: 'M',
          });
        }
        printer.newLine();
        break;
      case 'feed':
        for (let i = 0; i < op.lines; i++) printer.newLine();
        break;
      case 'cut':
        // The document feeds the paper past the cutter itself (a feed op before the cut).
        printer.cut({ verticalTabAmount: 0 });
        // cut() ends with ESC @ (reset): the code page and modes start over.
        printer.setCharacterSet(CharacterSet.PC865_NORDIC);
        Object.assign(state, { align: 'left', bold: false, size: 1 });
        break;
    }
  }
  return printer.getBuffer();
}
