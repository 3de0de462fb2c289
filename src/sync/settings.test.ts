import { describe, expect, it } from 'vitest';
import { DEFAULT_SYNC_INTERVAL_MS, resolveSyncSettings, syncSettingsFromEnv } from './settings';

describe('sync settings from the environment', () => {
  it('reads the cloud, the store code, the till name and the interval', () => {
    const settings = syncSettingsFromEnv({
      LOJAL_CLOUD_URL: ' https://cloud.example.no ',
      LOJAL_STORE_CODE: '7K4M-Q2XP',
      LOJAL_TERMINAL_NAME: 'Kasse 2',
      LOJAL_SYNC_INTERVAL_MS: '5000',
    });
    expect(settings).toEqual({
      cloudUrl: 'https://cloud.example.no',
      storeCode: '7K4M-Q2XP',
      terminalName: 'Kasse 2',
      background: true,
      intervalMs: 5000,
    });
    expect(syncSettingsFromEnv({ LOJAL_SYNC: '0' }).background).toBe(false);
  });

  it('syncs every 15 s unless told otherwise', () => {
    expect(resolveSyncSettings(syncSettingsFromEnv({})).intervalMs).toBe(DEFAULT_SYNC_INTERVAL_MS);
    expect(DEFAULT_SYNC_INTERVAL_MS).toBe(15_000);
  });

  it('refuses an interval that is not whole milliseconds of at least a second, naming the variable', () => {
    for (const bad of ['999', '1.5e3', '-2000', 'often', '15s'])
      expect(() => syncSettingsFromEnv({ LOJAL_SYNC_INTERVAL_MS: bad })).toThrow(
        /^LOJAL_SYNC_INTERVAL_MS must be whole milliseconds, at least 1000 \(default 15000\)/,
      );
    expect(syncSettingsFromEnv({ LOJAL_SYNC_INTERVAL_MS: '  ' }).intervalMs).toBeUndefined();
  });
});
