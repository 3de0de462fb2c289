/**
 * How a till's sync is configured: from the environment on a real till
 * (`LOJAL_CLOUD_URL` + `LOJAL_STORE_CODE` pair it on first start), or given
 * directly by tests and tools.
 */
import { hostname } from 'node:os';
import type { BackoffSettings } from './backoff';
import { DEFAULT_BACKOFF } from './backoff';
import { MAX_EVENTS_PER_PUSH, MAX_PULL_LIMIT } from './protocol';

/** Between syncs while all is well, unless LOJAL_SYNC_INTERVAL_MS says otherwise. */
export const DEFAULT_SYNC_INTERVAL_MS = 15_000;
/** The shortest interval LOJAL_SYNC_INTERVAL_MS may set: a chain's tills must not hammer their cloud. */
const MIN_SYNC_INTERVAL_MS = 1_000;

export interface SyncSettings {
  /** The chain's cloud, e.g. https://cloud.example.no. Used to pair an unpaired till. */
  cloudUrl?: string;
  /** The store code shown in the cloud (XXXX-XXXX). Used to pair an unpaired till. */
  storeCode?: string;
  /** How this till is listed in the cloud. Default: the machine's host name. */
  terminalName?: string;
  /** Sync on a timer and after local changes. Default true; tests turn it off and call syncNow(). */
  background?: boolean;
  /** Between syncs while all is well (default 15 s; LOJAL_SYNC_INTERVAL_MS on a till). */
  intervalMs?: number;
  /**
   * After a local change, wait this long for more before pushing. Default 0:
   * push at once, and what arrives during a push goes in the next, right after.
   */
  nudgeDelayMs?: number;
  backoff?: BackoffSettings;
  pushBatchSize?: number;
  pullLimit?: number;
  requestTimeoutMs?: number;
  /** A cashier is waiting: a remote member lookup gives up sooner than a sync. */
  lookupTimeoutMs?: number;
  /** Plain http to a host other than this machine (the token crosses the network readable). */
  allowInsecureHttp?: boolean;
  /** For the jitter; tests pass a seeded one. */
  random?: () => number;
}

export type ResolvedSyncSettings = Required<Omit<SyncSettings, 'cloudUrl' | 'storeCode'>> &
  Pick<SyncSettings, 'cloudUrl' | 'storeCode'>;

export function resolveSyncSettings(settings: SyncSettings): ResolvedSyncSettings {
  const pushBatchSize = settings.pushBatchSize ?? 500;
  if (pushBatchSize < 1 || pushBatchSize > MAX_EVENTS_PER_PUSH) {
    throw new RangeError(`pushBatchSize must be 1 to ${MAX_EVENTS_PER_PUSH}`);
  }
  return {
    cloudUrl: settings.cloudUrl,
    storeCode: settings.storeCode,
    terminalName: settings.terminalName ?? (hostname().slice(0, 80) || 'Lojal till'),
    background: settings.background ?? true,
    intervalMs: settings.intervalMs ?? DEFAULT_SYNC_INTERVAL_MS,
    nudgeDelayMs: settings.nudgeDelayMs ?? 0,
    backoff: settings.backoff ?? DEFAULT_BACKOFF,
    pushBatchSize,
    // The most the cloud gives at once: a till catching up on a chain needs fewer round trips.
    pullLimit: settings.pullLimit ?? MAX_PULL_LIMIT,
    requestTimeoutMs: settings.requestTimeoutMs ?? 20_000,
    lookupTimeoutMs: settings.lookupTimeoutMs ?? 4_000,
    allowInsecureHttp: settings.allowInsecureHttp ?? false,
    random: settings.random ?? Math.random,
  };
}

/** LOJAL_SYNC_INTERVAL_MS: whole milliseconds, at least 1 s; anything else stops the start, naming the variable. */
function parseSyncInterval(value: string | undefined): number | undefined {
  const typed = value?.trim();
  if (typed === undefined || typed === '') return undefined;
  const ms = /^\d+$/.test(typed) ? Number(typed) : NaN;
  if (!Number.isSafeInteger(ms) || ms < MIN_SYNC_INTERVAL_MS) {
    throw new RangeError(
      `LOJAL_SYNC_INTERVAL_MS must be whole milliseconds, at least ${MIN_SYNC_INTERVAL_MS} (default ${DEFAULT_SYNC_INTERVAL_MS}), got "${value}"`,
    );
  }
  return ms;
}

/**
 * LOJAL_CLOUD_URL, LOJAL_STORE_CODE, LOJAL_TERMINAL_NAME, LOJAL_SYNC_INTERVAL_MS;
 * LOJAL_SYNC=0 turns sync off. A bad LOJAL_SYNC_INTERVAL_MS throws (RangeError).
 */
export function syncSettingsFromEnv(env: NodeJS.ProcessEnv): SyncSettings {
  const value = (name: string) => {
    const v = env[name]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  return {
    cloudUrl: value('LOJAL_CLOUD_URL'),
    storeCode: value('LOJAL_STORE_CODE'),
    terminalName: value('LOJAL_TERMINAL_NAME'),
    background: env.LOJAL_SYNC !== '0',
    intervalMs: parseSyncInterval(env.LOJAL_SYNC_INTERVAL_MS),
  };
}
