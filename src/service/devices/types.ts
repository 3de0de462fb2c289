/**
 * The till's hardware as the service answers about it: the serial scanner, the
 * receipt printer and its queue. What the UI reads is in
 * src/contract/devices.ts (re-exported here); DeviceOptions, which names
 * native's types, stays with the service.
 */
import type { SerialScannerOptions } from '../../../native/scanner/serial-scanner';
import type { PrinterConfig } from '../../../native/printer/config';
import type { SendOptions } from '../../../native/printer/transport';

export type {
  DeviceProblem,
  DeviceSource,
  DevicesStatus,
  PortList,
  PrinterSettings,
  PrinterStatus,
  PrintJobSummary,
  PrintList,
  ReceiptHeader,
  ScannerSettings,
  ScannerStatus,
} from '../../contract/devices';

/**
 * `TillServiceOptions.devices`. The entry points fill `scanner` and `printer`
 * from the environment (`deviceOptionsFromEnv`); a device given here wins over
 * what a manager saved in the till's settings, which apply only to a device the
 * environment leaves unset.
 */
export interface DeviceOptions {
  /** From LOJAL_SCANNER_*; null or missing: the saved settings decide. */
  scanner?: SerialScannerOptions | null;
  /** From LOJAL_PRINTER*; null or missing: the saved settings decide. */
  printer?: PrinterConfig | null;
  /** Scanner reopen backoff for a scanner from the settings (defaults 250 ms doubling to 5 s). */
  scannerRetryMinMs?: number;
  scannerRetryMaxMs?: number;
  /** Print queue backoff while the printer is away (defaults 1 s doubling to 30 s). */
  printRetryMinMs?: number;
  printRetryMaxMs?: number;
  /** Timeouts for sending to the printer (defaults in native/printer/transport.ts). */
  printerSend?: SendOptions;
}
