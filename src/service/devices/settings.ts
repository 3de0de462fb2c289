/**
 * Device and receipt settings: the schemas devices.save and receiptHeader.save
 * take, how they are kept in the `settings` table, and the environment.
 *
 * Precedence, per device: the environment (LOJAL_SCANNER_*, LOJAL_PRINTER*, read
 * by the entry points and passed as `TillServiceOptions.devices`) wins; the
 * settings a manager saved on the devices screen apply only to a device the
 * environment leaves unset. devices.save refuses to change a device the
 * environment sets, saying which variable to unset.
 */
import { z } from 'zod';
import { text } from '../../core/i18n';
import type { Text } from '../../core/i18n';
import { issueSaying, says } from '../../core/schema-messages';
import { RECEIPT_WIDTHS } from '../../core/receipt';
import type { ReceiptWidth } from '../../core/receipt';
import { getSetting, setSetting } from '../../store';
import type { Db } from '../../store';
import { scannerConfigFromEnv } from '../../../native/scanner/config';
import { printerConfigFromEnv } from '../../../native/printer/config';
import type { PrinterConfig } from '../../../native/printer/config';
import {
  describeTarget,
  parsePrinterTarget,
  PrinterTargetError,
} from '../../../native/printer/transport';
import { issuesText } from '../input-text';
import type { DeviceOptions, PrinterSettings, ReceiptHeader, ScannerSettings } from './types';

export const DeviceSettingKeys = {
  scanner: 'devices.scanner',
  printer: 'devices.printer',
  receiptHeader: 'receipt.header',
} as const;

/** The rates serial scanners are set to (the same list LOJAL_SCANNER_BAUD takes). */
export const SCANNER_BAUD_RATES = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400];

export const ScannerSettingsInput = z.object({
  port: z
    .string()
    .trim()
    .min(
      1,
      says(
        text(
          'Skriv porten skanneren står i, f.eks. /dev/ttyACM0 eller COM3.',
          'give the port the scanner is on, e.g. /dev/ttyACM0 or COM3',
        ),
      ),
    )
    .max(260)
    .refine(
      (p) => p.startsWith('/') || /^COM\d{1,3}$/i.test(p) || p.startsWith('\\\\.\\'),
      says(
        text(
          'En port er en enhetssti som /dev/ttyACM0 eller /dev/serial/by-id/…, eller COM3 på Windows.',
          'a port is a device path like /dev/ttyACM0 or /dev/serial/by-id/..., or COM3 on Windows',
        ),
      ),
    ),
  baudRate: z
    .number()
    .int()
    .refine(
      (b) => SCANNER_BAUD_RATES.includes(b),
      says(
        text(
          `Hastigheten (baud) må være en av ${SCANNER_BAUD_RATES.join(', ')}.`,
          `baud rate must be one of ${SCANNER_BAUD_RATES.join(', ')}`,
        ),
      ),
    )
    .default(9600),
  suffix: z.enum(['CR', 'LF', 'CRLF', 'none']).default('CR'),
});

/** Why a printer address cannot be used (parsePrinterTarget says it in both languages). */
function targetProblem(value: string, error: unknown): Text {
  if (error instanceof PrinterTargetError) return error.detail;
  const message = error instanceof Error ? error.message : String(error);
  return text(
    `«${value}» er ikke en gyldig skriveradresse (${message}).`,
    `"${value}" is not a valid printer address (${message})`,
  );
}

export const PrinterSettingsInput = z.object({
  target: z
    .string()
    .trim()
    .min(
      1,
      says(
        text(
          'Skriv skriverens adresse: tcp://VERT:PORT, en enhetssti som /dev/usb/lp0, eller lp:NAVN.',
          'give the printer: tcp://HOST:PORT, a device path like /dev/usb/lp0, or lp:NAME',
        ),
      ),
    )
    .superRefine((value, ctx) => {
      try {
        parsePrinterTarget(value);
      } catch (error) {
        ctx.addIssue(issueSaying(targetProblem(value, error)));
      }
    }),
  width: z
    .number()
    .int()
    .refine(
      (w): w is ReceiptWidth => (RECEIPT_WIDTHS as readonly number[]).includes(w),
      says(
        text(
          `Papirbredden er antall tegn per linje: ${RECEIPT_WIDTHS.join(', ')} (48 på 80 mm papir, 32 på 58 mm).`,
          `width is the printer's columns: ${RECEIPT_WIDTHS.join(', ')} (48 on 80 mm paper, 32 on 58 mm)`,
        ),
      ),
    )
    .default(48),
  type: z.enum(['epson', 'star']).default('epson'),
});

export const ReceiptHeaderInput = z.object({
  storeName: z.string().trim().min(1).max(48).nullable().default(null),
  addressLines: z.array(z.string().trim().min(1).max(48)).max(4).default([]),
  orgNumber: z
    .string()
    .trim()
    .max(32)
    .refine((v) => v === '' || (/^[A-Za-z0-9 -]+$/.test(v) && /(\d\D*){6}/.test(v)), {
      message: says(
        text(
          'Et organisasjonsnummer har sifrene sine, f.eks. «987 654 321 MVA» eller «556677-8899».',
          'an organisation number has its digits, e.g. "987 654 321 MVA" or "556677-8899"',
        ),
      ),
    }),
  phone: z.string().trim().min(1).max(24).nullable().default(null),
  footerLines: z.array(z.string().trim().min(1).max(96)).max(4).default([]),
  memberCode: z.enum(['barcode', 'qr', 'both', 'none']).default('barcode'),
  locale: z.enum(['nb', 'en']).default('nb'),
});

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

export function readReceiptHeader(db: Db): ReceiptHeader {
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

type Stored<T> = { ok: true; value: T | null } | { ok: false; problem: Text };

function readJson<S extends z.ZodType>(db: Db, key: string, schema: S): Stored<z.output<S>> {
  const raw = getSetting(db, key);
  if (raw === null || raw === 'null') return { ok: true, value: null };
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    if (parsed.success) return { ok: true, value: parsed.data };
    return { ok: false, problem: issuesText(parsed.error.issues) };
  } catch (error) {
    return {
      ok: false,
      problem: text('lagret tekst er ikke gyldig JSON', (error as Error).message),
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
