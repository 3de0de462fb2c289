/**
 * Device and receipt settings: how they are kept in the `settings` table, and
 * the environment. The schemas devices.save and receiptHeader.save take are in
 * the contract (src/contract/devices.ts), re-exported here.
 *
 * Precedence, per device: the environment (LOJAL_SCANNER_*, LOJAL_PRINTER*, read
 * by the entry points and passed as `TillServiceOptions.devices`) wins; the
 * settings a manager saved on the devices screen apply only to a device the
 * environment leaves unset. devices.save refuses to change a device the
 * environment sets, saying which variable to unset.
 */
import type { z } from 'zod';
import { msg } from '../../core/i18n';
import type { Msg } from '../../core/i18n';
import type { ReceiptWidth } from '../../core/receipt';
import { getSetting, setSetting } from '../../store';
import type { Db, Readable } from '../../store';
import { scannerConfigFromEnv } from '../../../native/scanner/config';
import { printerConfigFromEnv } from '../../../native/printer/config';
import type { PrinterConfig } from '../../../native/printer/config';
import { describeTarget, parsePrinterTarget } from '../../contract/printer-target';
import {
  CheckoutSettingsInput,
  PrinterSettingsInput,
  ReceiptHeaderInput,
  SCANNER_BAUD_RATES,
  ScannerSettingsInput,
} from '../../contract/devices';
import { issuesText } from '../input-text';
import type { CheckoutSettings } from '../../contract/devices';
import type { DeviceOptions, PrinterSettings, ReceiptHeader, ScannerSettings } from './types';

export const DeviceSettingKeys = {
  scanner: 'devices.scanner',
  printer: 'devices.printer',
  receiptHeader: 'receipt.header',
  checkout: 'checkout.settings',
} as const;

export { ReceiptHeaderInput, PrinterSettingsInput, SCANNER_BAUD_RATES, ScannerSettingsInput };

/** The demo bakery's header (a new demo till gets it; change it under receipt settings). */
export const DEMO_RECEIPT_HEADER: ReceiptHeader = {
  storeName: 'Bakeriet på Grünerløkka',
  addressLines: ['Thorvald Meyers gate 12', '0555 Oslo'],
  orgNumber: '999 888 777 MVA',
  phone: '22 33 44 55',
  footerLines: ['Åpent hverdager 07–18, lørdag 08–16', 'Bytterett 14 dager med kvittering'],
  memberCode: 'barcode',
  locale: 'nb',
};

/** A till that never saved a header: the programme's name and nothing else. */
const BLANK_RECEIPT_HEADER: ReceiptHeader = {
  storeName: null,
  addressLines: [],
  orgNumber: '',
  phone: null,
  footerLines: [],
  memberCode: 'barcode',
  locale: 'nb',
};

export function readReceiptHeader(db: Readable): ReceiptHeader {
  const stored = readJson(db, DeviceSettingKeys.receiptHeader, ReceiptHeaderInput);
  return stored.ok && stored.value ? stored.value : BLANK_RECEIPT_HEADER;
}

export function saveReceiptHeader(db: Db, header: ReceiptHeader): void {
  setSetting(db, DeviceSettingKeys.receiptHeader, JSON.stringify(header));
}

export function seedDemoReceiptHeader(db: Db): void {
  if (getSetting(db, DeviceSettingKeys.receiptHeader) === null)
    saveReceiptHeader(db, DEMO_RECEIPT_HEADER);
}

/** This till's checkout settings; a till that never saved them (or cannot read them) has the defaults. */
export function readCheckoutSettings(db: Readable): CheckoutSettings {
  const stored = readJson(db, DeviceSettingKeys.checkout, CheckoutSettingsInput);
  return stored.ok && stored.value ? stored.value : CheckoutSettingsInput.parse({});
}

export function saveCheckoutSettings(db: Db, settings: CheckoutSettings): void {
  setSetting(db, DeviceSettingKeys.checkout, JSON.stringify(settings));
}

type Stored<T> = { ok: true; value: T | null } | { ok: false; problem: Msg };

function readJson<S extends z.ZodType>(db: Readable, key: string, schema: S): Stored<z.output<S>> {
  const raw = getSetting(db, key);
  if (raw === null || raw === 'null') return { ok: true, value: null };
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    if (parsed.success) return { ok: true, value: parsed.data };
    return { ok: false, problem: issuesText(parsed.error.issues) };
  } catch (error) {
    return {
      ok: false,
      problem: msg('service.savedJsonInvalid', { detail: (error as Error).message }),
    };
  }
}

export function readSavedScanner(db: Db): Stored<ScannerSettings> {
  return readJson(db, DeviceSettingKeys.scanner, ScannerSettingsInput);
}

export function readSavedPrinter(db: Db): Stored<PrinterSettings> {
  const stored = readJson(db, DeviceSettingKeys.printer, PrinterSettingsInput);
  if (!stored.ok || stored.value === null) return stored as Stored<PrinterSettings>;
  return { ok: true, value: { ...stored.value, width: stored.value.width as ReceiptWidth } };
}

/** null removes the device (no serial scanner / no printer). */
export function saveScanner(db: Db, scanner: ScannerSettings | null): void {
  setSetting(db, DeviceSettingKeys.scanner, JSON.stringify(scanner));
}

export function savePrinter(db: Db, printer: PrinterSettings | null): void {
  setSetting(db, DeviceSettingKeys.printer, JSON.stringify(printer));
}

export function printerConfigOf(settings: PrinterSettings): PrinterConfig {
  return {
    target: parsePrinterTarget(settings.target),
    width: settings.width,
    type: settings.type,
  };
}

export function printerSettingsOf(config: PrinterConfig): PrinterSettings {
  return { target: describeTarget(config.target), width: config.width, type: config.type };
}

type Env = Record<string, string | undefined>;

/**
 * What the entry points pass as `TillServiceOptions.devices`: LOJAL_SCANNER_PORT,
 * LOJAL_SCANNER_BAUD, LOJAL_SCANNER_SUFFIX (and LOJAL_SCANNER_INTERBYTE_MS),
 * LOJAL_PRINTER, LOJAL_PRINTER_WIDTH, LOJAL_PRINTER_TYPE. Throws a RangeError
 * naming the variable when one is set to something unusable.
 */
export function deviceOptionsFromEnv(env: Env = process.env): DeviceOptions {
  return { scanner: scannerConfigFromEnv(env), printer: printerConfigFromEnv(env) };
}
