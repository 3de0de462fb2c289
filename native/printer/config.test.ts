import { describe, expect, it } from 'vitest';
import { printerConfigFromEnv } from './config';

describe('printerConfigFromEnv', () => {
  it('means no printer when LOJAL_PRINTER is unset', () => {
    expect(printerConfigFromEnv({})).toBeNull();
    expect(printerConfigFromEnv({ LOJAL_PRINTER: ' ' })).toBeNull();
  });

  it('defaults to an Epson with 48 columns', () => {
    expect(printerConfigFromEnv({ LOJAL_PRINTER: 'tcp://127.0.0.1:9100' })).toEqual({
      target: { kind: 'tcp', host: '127.0.0.1', port: 9100 },
      width: 48,
      type: 'epson',
    });
  });

  it('reads width and type', () => {
    expect(
      printerConfigFromEnv({
        LOJAL_PRINTER: '/dev/usb/lp0',
        LOJAL_PRINTER_WIDTH: '32',
        LOJAL_PRINTER_TYPE: 'Star',
      }),
    ).toEqual({ target: { kind: 'device', path: '/dev/usb/lp0' }, width: 32, type: 'star' });
    expect(
      printerConfigFromEnv({ LOJAL_PRINTER: 'lp:TM-T88', LOJAL_PRINTER_WIDTH: '42' })?.width,
    ).toBe(42);
  });

  it('refuses bad values naming the variable', () => {
    expect(() => printerConfigFromEnv({ LOJAL_PRINTER: 'printer1' })).toThrow(/^LOJAL_PRINTER: /);
    expect(() =>
      printerConfigFromEnv({ LOJAL_PRINTER: '/dev/usb/lp0', LOJAL_PRINTER_WIDTH: '80' }),
    ).toThrow(/LOJAL_PRINTER_WIDTH .*"80"/);
    expect(() =>
      printerConfigFromEnv({ LOJAL_PRINTER: '/dev/usb/lp0', LOJAL_PRINTER_TYPE: 'zebra' }),
    ).toThrow(/LOJAL_PRINTER_TYPE must be epson or star; got "zebra"/);
  });
});
