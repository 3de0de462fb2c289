/** Scanner and printer set-up, the print queue, receipt copies and the receipt header. */
import { msg } from '../../core/i18n';
import { ServiceError } from '../commands';
import type { ParsedInput } from '../commands';
import { queueReprint, queueTestPage, readReceiptHeader } from '../devices';
import {
  readCheckoutSettings,
  saveCheckoutSettings,
  saveReceiptHeader,
  savePrinter,
  saveScanner,
} from '../devices/settings';
import type { PrintList } from '../devices/types';
import { AfterCommit } from '../handler-types';
import type { CommandContext, Handlers, ReadContext } from '../handler-types';
import { printJobList } from '../../store/print-jobs';

const ENV_VARIABLE = { scanner: 'LOJAL_SCANNER_PORT', printer: 'LOJAL_PRINTER' } as const;

function refuseIfSetByEnv(ctx: CommandContext, device: 'scanner' | 'printer'): void {
  if (ctx.devices.source(device) !== 'env') return;
  throw new ServiceError(
    'set_by_environment',
    msg('commands.deviceFromEnvironment', { device, variable: ENV_VARIABLE[device] }),
    device,
    409,
  );
}

function saveDevices(input: ParsedInput<'devices.save'>, ctx: CommandContext) {
  const which = { scanner: input.scanner !== undefined, printer: input.printer !== undefined };
  if (input.scanner !== undefined) {
    refuseIfSetByEnv(ctx, 'scanner');
    saveScanner(ctx.db, input.scanner);
  }
  if (input.printer !== undefined) {
    refuseIfSetByEnv(ctx, 'printer');
    savePrinter(ctx.db, input.printer);
  }
  // Ports are opened and closed after the settings are committed, outside the transaction.
  return new AfterCommit(async () => {
    await ctx.devices.reconfigure(which);
    return ctx.devices.status();
  });
}

function listJobs(ctx: ReadContext, input: ParsedInput<'print.list'>): PrintList {
  const { waiting, jobs } = printJobList(ctx.db, input.status, input.limit);
  return { waiting, jobs: jobs.map(({ id, ...job }) => ({ jobId: id, ...job })) };
}

export const deviceHandlers: Handlers<
  | 'devices.get'
  | 'devices.save'
  | 'devices.listPorts'
  | 'printer.test'
  | 'print.list'
  | 'print.retry'
  | 'sale.reprint'
  | 'receiptHeader.get'
  | 'receiptHeader.save'
  | 'checkoutSettings.get'
  | 'checkoutSettings.save'
> = {
  'devices.get': (_input, ctx) => ctx.devices.status(),

  'devices.save': saveDevices,

  'devices.listPorts': (_input, ctx) => new AfterCommit(() => ctx.devices.listPorts()),

  'printer.test': (_input, ctx) => queueTestPage(ctx),

  'print.list': (input, ctx) => listJobs(ctx, input),

  'print.retry': ({ jobId }, ctx) => ({
    retried: ctx.devices.retry(jobId ?? null, ctx.notifyAfterCommit),
  }),

  'sale.reprint': ({ saleId }, ctx) => queueReprint(ctx, saleId),

  'receiptHeader.get': (_input, ctx) => readReceiptHeader(ctx.db),

  'receiptHeader.save': (header, ctx) => {
    saveReceiptHeader(ctx.db, header);
    return readReceiptHeader(ctx.db);
  },

  'checkoutSettings.get': (_input, ctx) => readCheckoutSettings(ctx.db),

  'checkoutSettings.save': (settings, ctx) => {
    saveCheckoutSettings(ctx.db, settings);
    return readCheckoutSettings(ctx.db);
  },
};
