import { afterEach, describe, expect, it } from 'vitest';
import { renderEscPos } from './escpos';
import { createReceiptPrinter } from './printer';
import { parsePrinterTarget } from './transport';
import { startTcpPrinter } from './testing/tcp-printer';
import type { TcpPrinter } from './testing/tcp-printer';
import {
  SAMPLE_MEMBER_NUMBER,
  SAMPLE_QR_TOKEN,
  sampleReceipt,
} from '../../test/helpers/sample-receipt';
import { decodeEscPos } from '../../test/helpers/escpos-decoder';
import type { DecodedReceipt, DecodedText, Dialect } from '../../test/helpers/escpos-decoder';
import type { ReceiptDocument, ReceiptWidth } from '../../src/core/receipt';

const printers: TcpPrinter[] = [];
afterEach(async () => {
  await Promise.all(printers.splice(0).map((p) => p.close()));
});

/** The text lines a document should put on paper, in order (blank lines included). */
function expectedText(doc: ReceiptDocument): string[] {
  const out: string[] = [];
  for (const op of doc.ops) {
    if (op.op === 'text') out.push(op.text);
    if (op.op === 'columns') out.push(op.left.padEnd(doc.width - op.right.length) + op.right);
    if (op.op === 'line') out.push('-'.repeat(doc.width));
    if (op.op === 'qr') out.push('');
    if (op.op === 'feed') for (let i = 0; i < op.lines; i++) out.push('');
  }
  return out;
}

function line(decoded: DecodedReceipt, startsWith: string): DecodedText {
  const found = decoded.lines.find((l) => l.text.startsWith(startsWith));
  if (!found) throw new Error(`no printed line starts with "${startsWith}"`);
  return found;
}

/** Print through a real TCP socket to the listener and decode what it received. */
async function printOverTcp(doc: ReceiptDocument, width: ReceiptWidth): Promise<DecodedReceipt> {
  const listener = await startTcpPrinter();
  printers.push(listener);
  const printer = createReceiptPrinter({
    target: parsePrinterTarget(listener.address),
    width,
    type: 'epson',
  });
  await printer.print(doc);
  const [job] = await listener.waitForJobs(1);
  return decodeEscPos(job!, 'epson');
}

describe.each([48, 32] as const)('an Epson receipt at %i columns, printed over TCP', (width) => {
  it('decodes to the same text, Nordic letters included, in code page PC865', async () => {
    const doc = sampleReceipt(width);
    const decoded = await printOverTcp(doc, width);
    expect(decoded.lines.map((l) => l.text)).toEqual(expectedText(doc));
    // The code page is chosen once after each reset and every line is printed under it.
    expect(decoded.codePages.every((p) => p === 5)).toBe(true);
    expect(decoded.lines.every((l) => l.codePage === 5)).toBe(true);
    const all = decoded.lines.map((l) => l.text).join('\n');
    for (const word of [
      'Bakeriet på Øya',
      'Åsveien 3',
      'Blåbærsyltetøy',
      'ÆRLIG ØL FRA ÅLESUND',
      'Hei, Åse!',
    ]) {
      expect(all).toContain(word);
    }
    expect(all).toContain('[■■■░░░░░░░] 3/10');
    // The paper-sensor query went first, and the printer was reset before printing.
    expect(decoded.items[0]).toEqual({ kind: 'status_request', n: 4 });
    expect(decoded.initCount).toBeGreaterThanOrEqual(1);
  });

  it('keeps bold, alignment and size where the document asks for them', async () => {
    const decoded = await printOverTcp(sampleReceipt(width), width);
    const header = decoded.lines[0]!;
    expect(header).toMatchObject({ align: 'center', bold: true });
    // 15 characters double size need 30 columns: large on both paper widths.
    expect(header).toMatchObject({ text: 'Bakeriet på Øya', width: 2, height: 2 });
    expect(line(decoded, 'Åsveien 3')).toMatchObject({ align: 'center', bold: false, width: 1 });
    expect(line(decoded, 'TOTALT')).toMatchObject({ align: 'left', bold: true, width: 1 });
    expect(line(decoded, 'TOTALT').text).toMatch(/^TOTALT +124,70 kr$/);
    expect(line(decoded, 'Betalt med')).toMatchObject({ bold: false });
    expect(line(decoded, 'KUNDEKLUBB')).toMatchObject({ align: 'center', bold: true });
    for (const l of decoded.lines) expect(l.text.length * l.width).toBeLessThanOrEqual(width);
  });

  it('prints the member barcode and QR centred, and cuts at the end', async () => {
    const decoded = await printOverTcp(sampleReceipt(width), width);
    const symbols = decoded.items.filter((i) => i.kind === 'barcode' || i.kind === 'qr');
    expect(symbols).toEqual([
      { kind: 'barcode', symbology: 'EAN13', data: SAMPLE_MEMBER_NUMBER, align: 'center' },
      { kind: 'qr', data: `LJM-${SAMPLE_QR_TOKEN}`, align: 'center' },
    ]);
    const last = decoded.items.filter((i) => i.kind !== 'text').at(-1);
    expect(last).toEqual({ kind: 'cut', partial: false });
    // Paper is fed past the cutter before the cut.
    const cutAt = decoded.items.findIndex((i) => i.kind === 'cut');
    expect(
      decoded.items.slice(cutAt - 4, cutAt).every((i) => i.kind === 'text' && i.text === ''),
    ).toBe(true);
  });

  it('marks a reprint KOPI, large and bold, top and bottom', async () => {
    const decoded = await printOverTcp(sampleReceipt(width, { copy: true }), width);
    const marks = decoded.lines.filter((l) => l.text === '*** KOPI ***');
    expect(marks).toHaveLength(2);
    expect(marks[0]).toMatchObject({ bold: true, align: 'center', width: 2, height: 2 });
  });
});

describe.each(['epson', 'star'] as const)('renderEscPos for %s', (type: Dialect) => {
  it('produces bytes the decoder reads back to the document', () => {
    const doc = sampleReceipt(48, { copy: true });
    const decoded = decodeEscPos(renderEscPos(doc, { type, width: 48 }), type);
    expect(decoded.lines.map((l) => l.text)).toEqual(expectedText(doc));
    expect(decoded.codePages.every((p) => p === (type === 'epson' ? 5 : 9))).toBe(true);
    expect(line(decoded, '*** KOPI ***')).toMatchObject({ bold: true, align: 'center', width: 2 });
    expect(line(decoded, 'TOTALT')).toMatchObject({ bold: true });
    expect(line(decoded, 'Blåbærsyltetøy')).toMatchObject({ bold: false, width: 1 });
    expect(
      decoded.items.filter((i) => i.kind === 'barcode' || i.kind === 'qr' || i.kind === 'cut'),
    ).toEqual([
      { kind: 'barcode', symbology: 'EAN13', data: SAMPLE_MEMBER_NUMBER, align: 'center' },
      { kind: 'qr', data: `LJM-${SAMPLE_QR_TOKEN}`, align: 'center' },
      { kind: 'cut', partial: false },
    ]);
  });
});

describe('renderEscPos refuses what it cannot print right', () => {
  it('a 48-column document on a 32-column printer', () => {
    expect(() => renderEscPos(sampleReceipt(48), { type: 'epson', width: 32 })).toThrow(
      /48-column receipt does not fit a 32-column printer/,
    );
  });

  it('a stored document that was tampered with', () => {
    const doc = sampleReceipt(32);
    const bad = { ...doc, ops: [...doc.ops, { op: 'qr' as const, data: 'LJM-Å' }] };
    expect(() => renderEscPos(bad, { type: 'epson', width: 32 })).toThrow(
      /QR data must be .* ASCII/,
    );
  });
});
