/** Browser-mode settings from the environment, with the OS's usual app-data folder. */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PORT } from './server';

export interface HostSettings {
  dataDir: string;
  port: number;
  demo: DemoSetting;
}

/** What a new store starts with (TillServiceOptions.demo). */
export type DemoSetting = 'full' | 'minimal' | false;

/**
 * LOJAL_DEMO: `0` an empty store; `minimal` the demo bakery's programme,
 * catalogue and staff only (what the tests' own hosts use: no seconds spent);
 * anything else (`1`) the demo bakery with its members and 90 days of sales.
 * Unset, the full demo, unless the environment pairs the till on start
 * (LOJAL_CLOUD_URL and LOJAL_STORE_CODE): a till holding the demo chain's
 * members and sales cannot join a chain, so it gets the minimal demo, which
 * pairing drops. The one chain that takes them is the demo cloud's (its chain
 * id is the demo's): `npm start` pairs the full demo with it by setting
 * LOJAL_DEMO=1 beside those two (scripts/start.mjs, cloud/demo.ts).
 */
export function parseDemo(value: string | undefined, env: Env = {}): DemoSetting {
  const given = value?.trim().toLowerCase() ?? '';
  if (given === '0') return false;
  if (given === 'minimal') return 'minimal';
  const pairsOnStart = Boolean(env.LOJAL_CLOUD_URL?.trim() && env.LOJAL_STORE_CODE?.trim());
  if (given === '' && pairsOnStart) return 'minimal';
  return 'full';
}

type Env = Record<string, string | undefined>;

/** `$XDG_DATA_HOME/lojal`, `%APPDATA%\Lojal` or `~/Library/Application Support/Lojal`. */
export function defaultDataDir(
  env: Env = process.env,
  platform = process.platform,
  home = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Lojal');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Lojal');
  const dataHome =
    env.XDG_DATA_HOME && env.XDG_DATA_HOME.length > 0
      ? env.XDG_DATA_HOME
      : join(home, '.local', 'share');
  return join(dataHome, 'lojal');
}

export function parsePort(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(
      `LOJAL_PORT must be a port number from 0 to 65535 (0 = any free port), got "${value}"`,
    );
  }
  return port;
}

export function settingsFromEnv(env: Env = process.env): HostSettings {
  return {
    dataDir:
      env.LOJAL_DATA_DIR && env.LOJAL_DATA_DIR.length > 0
        ? env.LOJAL_DATA_DIR
        : defaultDataDir(env),
    port: parsePort(env.LOJAL_PORT),
    demo: parseDemo(env.LOJAL_DEMO, env),
  };
}
