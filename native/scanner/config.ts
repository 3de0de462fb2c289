/**
 * Serial scanner settings from the environment:
 *   LOJAL_SCANNER_PORT          path of the port (unset: no serial scanner)
 *   LOJAL_SCANNER_BAUD          baud rate, default 9600
 *   LOJAL_SCANNER_SUFFIX        CR | LF | CRLF | none, default CR
 *   LOJAL_SCANNER_INTERBYTE_MS  silence that ends a code when the suffix is none, default 50
 */
import type { ScannerSuffix, SerialScannerOptions } from './serial-scanner';

const BAUD_RATES = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400];
const SUFFIXES: Record<string, ScannerSuffix> = {
  CR: 'CR',
  LF: 'LF',
  CRLF: 'CRLF',
  NONE: 'none',
};

type Env = Record<string, string | undefined>;

export function scannerConfigFromEnv(env: Env = process.env): SerialScannerOptions | null {
  const path = env.LOJAL_SCANNER_PORT?.trim();
  if (!path) return null;

  const baudText = env.LOJAL_SCANNER_BAUD?.trim() || '9600';
  const baudRate = Number(baudText);
  if (!BAUD_RATES.includes(baudRate)) {
    throw new RangeError(
      `LOJAL_SCANNER_BAUD must be one of ${BAUD_RATES.join(', ')}; got "${baudText}"`,
    );
  }

  const suffixText = env.LOJAL_SCANNER_SUFFIX?.trim() || 'CR';
  const suffix = SUFFIXES[suffixText.toUpperCase()];
  if (!suffix) {
    throw new RangeError(`LOJAL_SCANNER_SUFFIX must be CR, LF, CRLF or none; got "${suffixText}"`);
  }

  const gapText = env.LOJAL_SCANNER_INTERBYTE_MS?.trim() || '50';
  const interByteTimeoutMs = Number(gapText);
  if (
    !Number.isInteger(interByteTimeoutMs) ||
    interByteTimeoutMs < 5 ||
    interByteTimeoutMs > 2000
  ) {
    throw new RangeError(
      `LOJAL_SCANNER_INTERBYTE_MS must be a whole number of milliseconds from 5 to 2000; got "${gapText}"`,
    );
  }

  return { path, baudRate, suffix, interByteTimeoutMs };
}
