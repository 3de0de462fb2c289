/**
 * Receipt printer settings from the environment:
 *   LOJAL_PRINTER         tcp://HOST[:PORT] (default port 9100), a device path
 *                         (/dev/usb/lp0), or lp:NAME for a printer the OS knows;
 *                         unset: no printer
 *   LOJAL_PRINTER_WIDTH   columns: 48 (80 mm), 42 (TM-T88 font A) or 32 (58 mm); default 48
 *   LOJAL_PRINTER_TYPE    epson (ESC/POS, default) or star (Star Line Mode)
 */
import { RECEIPT_WIDTHS } from '../../src/core/receipt';
import type { ReceiptWidth } from '../../src/core/receipt';
import type { PrinterType } from './escpos';
import { parsePrinterTarget } from './transport';
import type { PrinterTarget } from './transport';

export interface PrinterConfig {
  target: PrinterTarget;
  width: ReceiptWidth;
  type: PrinterType;
}

type Env = Record<string, string | undefined>;

export function printerConfigFromEnv(env: Env = process.env): PrinterConfig | null {
  const address = env.LOJAL_PRINTER?.trim();
  if (!address) return null;

  let target: PrinterTarget;
  try {
    target = parsePrinterTarget(address);
  } catch (err) {
    throw new RangeError(`LOJAL_PRINTER: ${(err as Error).message}`);
  }

  const widthText = env.LOJAL_PRINTER_WIDTH?.trim() || '48';
  const width = Number(widthText) as ReceiptWidth;
  if (!RECEIPT_WIDTHS.includes(width)) {
    throw new RangeError(
      `LOJAL_PRINTER_WIDTH must be ${RECEIPT_WIDTHS.join(', ')} (columns); got "${widthText}"`,
    );
  }

  const typeText = env.LOJAL_PRINTER_TYPE?.trim() || 'epson';
  const type = typeText.toLowerCase();
  if (type !== 'epson' && type !== 'star') {
    throw new RangeError(`LOJAL_PRINTER_TYPE must be epson or star; got "${typeText}"`);
  }
  return { target, width, type };
}
