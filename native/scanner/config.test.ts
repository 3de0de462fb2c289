import { describe, expect, it } from 'vitest';
import { scannerConfigFromEnv } from './config';

describe('scannerConfigFromEnv', () => {
  it('means no serial scanner when LOJAL_SCANNER_PORT is unset or blank', () => {
    expect(scannerConfigFromEnv({})).toBeNull();
    expect(scannerConfigFromEnv({ LOJAL_SCANNER_PORT: '  ' })).toBeNull();
  });

  it('defaults to 9600 baud, CR suffix and a 50 ms gap', () => {
    expect(scannerConfigFromEnv({ LOJAL_SCANNER_PORT: '/dev/ttyACM0' })).toEqual({
      path: '/dev/ttyACM0',
      baudRate: 9600,
      suffix: 'CR',
      interByteTimeoutMs: 50,
    });
  });

  it('reads baud, suffix (any case) and gap', () => {
    expect(
      scannerConfigFromEnv({
        LOJAL_SCANNER_PORT: 'COM3',
        LOJAL_SCANNER_BAUD: '115200',
        LOJAL_SCANNER_SUFFIX: 'crlf',
        LOJAL_SCANNER_INTERBYTE_MS: '80',
      }),
    ).toEqual({ path: 'COM3', baudRate: 115200, suffix: 'CRLF', interByteTimeoutMs: 80 });
    expect(
      scannerConfigFromEnv({ LOJAL_SCANNER_PORT: 'COM3', LOJAL_SCANNER_SUFFIX: 'None' })?.suffix,
    ).toBe('none');
  });

  it('refuses bad values with the variable and the value in the message', () => {
    const port = { LOJAL_SCANNER_PORT: '/dev/ttyUSB0' };
    expect(() => scannerConfigFromEnv({ ...port, LOJAL_SCANNER_BAUD: 'fast' })).toThrow(
      /LOJAL_SCANNER_BAUD .*"fast"/,
    );
    expect(() => scannerConfigFromEnv({ ...port, LOJAL_SCANNER_BAUD: '9601' })).toThrow(
      /LOJAL_SCANNER_BAUD/,
    );
    expect(() => scannerConfigFromEnv({ ...port, LOJAL_SCANNER_SUFFIX: 'TAB' })).toThrow(
      /LOJAL_SCANNER_SUFFIX .*"TAB"/,
    );
    expect(() => scannerConfigFromEnv({ ...port, LOJAL_SCANNER_INTERBYTE_MS: '1' })).toThrow(
      /LOJAL_SCANNER_INTERBYTE_MS/,
    );
  });
});
