/** A configured receipt printer: render the document for its command set, then send it. */
import type { ReceiptDocument } from '../../src/core/receipt';
import type { PrinterConfig } from './config';
import { renderEscPos } from './escpos';
import { describeTarget, sendToPrinter } from './transport';
import type { SendOptions } from './transport';

export interface ReceiptPrinter {
  /** Where it prints, for the devices screen and log lines. */
  readonly description: string;
  /** Resolves when the printer has taken the whole receipt; rejects with a PrinterError otherwise. */
  print(document: ReceiptDocument): Promise<void>;
}

export function createReceiptPrinter(
  config: PrinterConfig,
  options: SendOptions = {},
): ReceiptPrinter {
  // Epson network printers answer the paper-sensor query at once; Star Line Mode has no such query.
  const paperCheckMs =
    options.paperCheckMs ?? (config.type === 'epson' && config.target.kind === 'tcp' ? 800 : 0);
  return {
    description: `${config.type} ${config.width} columns at ${describeTarget(config.target)}`,
    async print(document) {
      const bytes = renderEscPos(document, { type: config.type, width: config.width });
      await sendToPrinter(config.target, bytes, { ...options, paperCheckMs });
    },
  };
}
