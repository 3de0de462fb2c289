import { describe, expect, it } from 'vitest';
import { defaultDataDir, parseDemo, parsePort, settingsFromEnv } from './settings';

describe('browser-mode settings', () => {
  it('default to the OS app-data folder', () => {
    expect(defaultDataDir({}, 'linux', '/home/kari')).toBe('/home/kari/.local/share/lojal');
    expect(defaultDataDir({ XDG_DATA_HOME: '/data' }, 'linux', '/home/kari')).toBe('/data/lojal');
    expect(defaultDataDir({}, 'darwin', '/Users/kari')).toBe(
      '/Users/kari/Library/Application Support/Lojal',
    );
    expect(
      defaultDataDir({ APPDATA: 'C:/Users/kari/AppData/Roaming' }, 'win32', 'C:/Users/kari'),
    ).toMatch(/Roaming[\\/]Lojal$/);
  });

  it('read LOJAL_DATA_DIR, LOJAL_PORT and LOJAL_DEMO', () => {
    expect(
      settingsFromEnv({ LOJAL_DATA_DIR: '/srv/till', LOJAL_PORT: '0', LOJAL_DEMO: '0' }),
    ).toEqual({
      dataDir: '/srv/till',
      port: 0,
      demo: false,
    });
    expect(settingsFromEnv({ HOME: '/x', XDG_DATA_HOME: '/d' })).toMatchObject({
      port: 4780,
      demo: 'full',
    });
  });

  it('read LOJAL_DEMO as the full demo unless told 0 or minimal', () => {
    expect(parseDemo(undefined)).toBe('full');
    expect(parseDemo('1')).toBe('full');
    expect(parseDemo('minimal')).toBe('minimal');
    expect(parseDemo(' Minimal ')).toBe('minimal');
    expect(parseDemo('0')).toBe(false);
    // A till the environment pairs on start cannot hold the demo chain's members and sales.
    const pairs = { LOJAL_CLOUD_URL: 'https://cloud.example', LOJAL_STORE_CODE: 'ABCD-1234' };
    expect(parseDemo(undefined, pairs)).toBe('minimal');
    expect(parseDemo('1', pairs)).toBe('full');
    expect(settingsFromEnv(pairs).demo).toBe('minimal');
  });

  it('refuse a port that is not one', () => {
    expect(() => parsePort('http')).toThrow(/LOJAL_PORT/);
    expect(() => parsePort('70000')).toThrow(/LOJAL_PORT/);
    expect(parsePort(' ')).toBe(4780);
  });
});
