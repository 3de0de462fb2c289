/**
 * Receipt printer addresses as LOJAL_PRINTER and devices.save take them:
 * parsing only (no I/O), so the devices form, the service's schema and
 * native/printer/transport.ts (which sends to them) judge an address the same way.
 */
import { text } from '../core/i18n';
import type { Text } from '../core/i18n';

export type PrinterTarget =
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'device'; path: string }
  | { kind: 'os'; name: string };

/** A printer address that cannot be used, saying why in both languages. */
export class PrinterTargetError extends RangeError {
  constructor(readonly detail: Text) {
    super(detail.en);
    this.name = 'PrinterTargetError';
  }
}

/** Parse LOJAL_PRINTER-style targets: tcp://host[:port], lp:NAME, or an absolute device path. */
export function parsePrinterTarget(value: string): PrinterTarget {
  const raw = value.trim();
  if (/^tcp:\/\//i.test(raw)) {
    let url: URL;
    const invalid = () =>
      new PrinterTargetError(
        text(
          `«${raw}» er ikke en gyldig skriveradresse. Skriv tcp://VERT:PORT.`,
          `"${raw}" is not a valid printer address; use tcp://HOST:PORT`,
        ),
      );
    try {
      url = new URL(raw);
    } catch {
      throw invalid();
    }
    const port = url.port === '' ? 9100 : Number(url.port);
    if (!url.hostname || url.pathname.replace(/^\/$/, '') !== '') {
      throw invalid();
    }
    return { kind: 'tcp', host: url.hostname.replace(/^\[|\]$/g, ''), port };
  }
  const os = /^lp:(?:\/\/)?(.+)$/i.exec(raw);
  if (os) {
    const name = os[1]!;
    if (!/^[A-Za-z0-9_.@-]+$/.test(name)) {
      throw new PrinterTargetError(
        text(
          `«${name}» er ikke et gyldig skrivernavn i systemet (bokstaver, sifre, _ . @ -).`,
          `"${name}" is not a valid OS printer name (letters, digits, _ . @ -)`,
        ),
      );
    }
    return { kind: 'os', name };
  }
  if (/^file:\/\//i.test(raw)) return { kind: 'device', path: new URL(raw).pathname };
  if (raw.startsWith('/') || /^[A-Za-z]:\\/.test(raw) || raw.startsWith('\\\\')) {
    return { kind: 'device', path: raw };
  }
  throw new PrinterTargetError(
    text(
      `«${raw}» er ikke en skriver. Skriv tcp://VERT:PORT, en enhetssti som /dev/usb/lp0, eller lp:SKRIVERNAVN.`,
      `"${raw}" is not a printer: use tcp://HOST:PORT, a device path like /dev/usb/lp0, or lp:PRINTER_NAME`,
    ),
  );
}

export function describeTarget(target: PrinterTarget): string {
  switch (target.kind) {
    case 'tcp':
      return `tcp://${target.host.includes(':') ? `[${target.host}]` : target.host}:${target.port}`;
    case 'device':
      return target.path;
    case 'os':
      return `lp:${target.name}`;
  }
}
