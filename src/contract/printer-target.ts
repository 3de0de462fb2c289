/**
 * Receipt printer addresses as LOJAL_PRINTER and devices.save take them:
 * parsing only (no I/O), so the devices form, the service's schema and
 * native/printer/transport.ts (which sends to them) judge an address the same way.
 */
import { msg } from '../core/i18n';
import type { Msg } from '../core/i18n';
import { englishOf } from '../core/schema-messages';

export type PrinterTarget =
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'device'; path: string }
  | { kind: 'os'; name: string };

/** A printer address that cannot be used, saying why (the error's message is the English). */
export class PrinterTargetError extends RangeError {
  constructor(readonly detail: Msg) {
    super(englishOf(detail));
    this.name = 'PrinterTargetError';
  }
}

/** Parse LOJAL_PRINTER-style targets: tcp://host[:port], lp:NAME, or an absolute device path. */
export function parsePrinterTarget(value: string): PrinterTarget {
  const raw = value.trim();
  if (/^tcp:\/\//i.test(raw)) {
    let url: URL;
    const invalid = () => new PrinterTargetError(msg('input.printerTcpInvalid', { target: raw }));
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
      throw new PrinterTargetError(msg('input.printerNameInvalid', { name }));
    }
    return { kind: 'os', name };
  }
  if (/^file:\/\//i.test(raw)) return { kind: 'device', path: new URL(raw).pathname };
  if (raw.startsWith('/') || /^[A-Za-z]:\\/.test(raw) || raw.startsWith('\\\\')) {
    return { kind: 'device', path: raw };
  }
  throw new PrinterTargetError(msg('input.notAPrinter', { target: raw }));
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
