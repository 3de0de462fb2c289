/**
 * Cloud sync as part of the till service: one SyncClient per service on the
 * service's own database. It reports its status as `sync` notifications (and
 * through sync_state, which `status.get` reads), adopts the ids pairing gives,
 * and pushes soon after local changes. Commands reach it through their context
 * (`ctx.sync`: the sync commands, and `member.lookup` asking the cloud for a
 * member this till has not seen yet).
 */
import type { Db } from '../store';
import { SyncClient, syncSettingsFromEnv } from '../sync';
import type { SyncSettings } from '../sync';
import type { TerminalIdentity } from './handler-types';
import type { TillService } from './types';

export interface SyncWiring {
  db: Db;
  /** The service's identity object: updated in place when pairing gives new ids. */
  terminal: TerminalIdentity;
  clock: () => number;
  /**
   * Default: from the environment (LOJAL_CLOUD_URL, LOJAL_STORE_CODE, LOJAL_TERMINAL_NAME,
   * LOJAL_SYNC, LOJAL_SYNC_INTERVAL_MS).
   */
  settings: SyncSettings | undefined;
}

export function withSync(
  service: Omit<TillService, 'sync'>,
  wiring: SyncWiring,
): TillService & { readonly sync: SyncClient } {
  let settings: SyncSettings;
  try {
    settings = wiring.settings ?? syncSettingsFromEnv(process.env);
  } catch (error) {
    // A bad variable stops the start, naming it; the database and devices are let go first.
    service.close();
    throw error;
  }
  const client = new SyncClient({
    db: wiring.db,
    identity: wiring.terminal,
    clock: wiring.clock,
    settings,
    onStatus: (status) =>
      service.notify({
        type: 'sync',
        state: status.state,
        pending: status.pending,
        lastSyncAt: status.lastSyncAt,
      }),
    onPaired: (identity) => Object.assign(wiring.terminal, identity),
    onData: (kinds) => {
      for (const what of kinds) service.notify({ type: 'data', what });
    },
  });
  // Local commands announce their changes as `data` notifications: push soon after.
  service.subscribe((n) => {
    if (n.type === 'data') client.nudge();
  });

  client.start();
  return {
    ...service,
    sync: client,
    close() {
      client.stop();
      service.close();
    },
  };
}
