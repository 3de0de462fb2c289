import { describe, expect, it } from 'vitest';
import { defaultDataDir, parsePort, settingsFromEnv } from './settings';

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
      demo: true,
    });
  });

  it('refuse a port that is not one', () => {
    expect(() => parsePort('http')).toThrow(/LOJAL_PORT/);
    expect(() => parsePort('70000')).toThrow(/LOJAL_PORT/);
    expect(parsePort(' ')).toBe(4780);
  });
});
