/** Scanner, printer and receipts. */
import { z } from 'zod';
import { boundedId } from '../../core/limits';
import {
  CheckoutSettingsInput,
  PrinterSettingsInput,
  ReceiptHeaderInput,
  ScannerSettingsInput,
} from '../devices';
import type {
  CheckoutSettings,
  DevicesStatus,
  PortList,
  PrintJobSummary,
  PrintList,
  ReceiptHeader,
} from '../devices';
import { command, returns } from './define';

export const devicesCommands = {
  /** Scanner and printer: configuration, where it came from (env or settings), state, queue. */
  'devices.get': command({
    input: z.object({}),
    output: returns<DevicesStatus>(),
    role: 'cashier',
    access: 'read',
  }),

  /** Set (or remove with null) the scanner and/or the printer; restarts what changed. */
  'devices.save': command({
    input: z.object({
      scanner: ScannerSettingsInput.nullable().optional(),
      printer: PrinterSettingsInput.nullable().optional(),
    }),
    output: returns<DevicesStatus>(),
    role: 'manager',
    access: 'write',
  }),

  'devices.listPorts': command({
    input: z.object({}),
    output: returns<PortList>(),
    role: 'manager',
    access: 'write',
  }),

  'printer.test': command({
    input: z.object({}),
    output: returns<PrintJobSummary>(),
    role: 'cashier',
    access: 'write',
  }),

  /** `waiting`: receipts not printed yet (the "receipt waiting" indicator). */
  'print.list': command({
    input: z.object({
      status: z.enum(['waiting', 'printed', 'all']).default('waiting'),
      limit: z.number().int().positive().max(200).default(50),
    }),
    output: returns<PrintList>(),
    role: 'cashier',
    access: 'read',
  }),

  /** Send a failed job again / try a waiting one now; without jobId, every waiting job. */
  'print.retry': command({
    input: z.object({ jobId: boundedId().optional() }),
    output: returns<{ retried: number }>(),
    role: 'cashier',
    access: 'write',
  }),

  /** A copy of a sale's receipt, marked KOPI. */
  'sale.reprint': command({
    input: z.object({ saleId: boundedId() }),
    output: returns<PrintJobSummary>(),
    role: 'cashier',
    access: 'write',
  }),

  'receiptHeader.get': command({
    input: z.object({}),
    output: returns<ReceiptHeader>(),
    role: 'cashier',
    access: 'read',
  }),

  'receiptHeader.save': command({
    input: ReceiptHeaderInput,
    output: returns<ReceiptHeader>(),
    role: 'manager',
    access: 'write',
  }),

  /** This till's checkout settings (use a ready reward by itself, …). */
  'checkoutSettings.get': command({
    input: z.object({}),
    output: returns<CheckoutSettings>(),
    role: 'cashier',
    access: 'read',
  }),

  'checkoutSettings.save': command({
    input: CheckoutSettingsInput,
    output: returns<CheckoutSettings>(),
    role: 'manager',
    access: 'write',
  }),
};
