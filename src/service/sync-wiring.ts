/**
 * Cloud sync as part of the till service: one SyncClient per service on the
 * service's own database. It reports its status as `sync` notifications (and
 * through sync_state, which `status.get` reads), adopts the ids pairing gives,
 * pushes soon after local changes, and lets `member.lookup` ask the cloud for a
 * member this till has not seen yet.
 */
import { normalisePhone } from '../core/phone';
import type { Db } from '../store';
import { SyncClient, syncSettingsFromEnv } from '../sync';
import type { MemberQuery, SyncSettings } from '../sync';
import type { CommandInput, CommandName, CommandOutputs, Session } from './commands';
import type { TerminalIdentity } from './handler-types';
import { registerSyncClient } from './sync-commands';
import type { TillService } from './types';

/** What a transport or a settings screen may do with sync. */
export type TillSync = Pick<SyncClient, 'pair' | 'unpair' | 'syncNow' | 'status' | 'conflicts'>;

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

/**
 * What to ask the cloud for what the cashier typed: it finds members by phone
 * or member number, not by QR token. Codes are told from phones the way
 * `findMember` tells them (12–14 digits without a leading 00 are codes).
 */
function remoteQuery(typed: string): MemberQuery | null {
  const query = typed.trim();
  if (/^\d{13}$/.test(query)) return { memberNumber: query };
  if (/^ljm-/i.test(query) || /^\d{14}$/.test(query) || /^(?!00)\d{12}$/.test(query)) return null;
  const phone = normalisePhone(query);
  return phone.ok ? { phoneE164: phone.e164 } : null;
}

export function withSync(service: Omit<TillService, 'sync'>, wiring: SyncWiring): TillService {
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
  registerSyncClient(wiring.db, client);
  // Local commands announce their changes as `data` notifications: push soon after.
  service.subscribe((n) => {
    if (n.type === 'data') client.nudge();
  });

  async function lookup(
    input: CommandInput<'member.lookup'>,
    session: Session,
  ): Promise<CommandOutputs['member.lookup']> {
    const local = await service.call('member.lookup', input, session);
    if (local.member !== null) return local;
    const query = remoteQuery(input.query);
    if (query === null) return local;
    const found = await client.lookupMember(query);
    if (found.outcome !== 'found') return local;
    const again = await service.call('member.lookup', input, session);
    return again.member === null ? again : { ...again, remote: true };
  }

  client.start();
  return {
    ...service,
    call<N extends CommandName>(name: N, input: CommandInput<N>, session: Session) {
      if (name === 'member.lookup') {
        return lookup(input as CommandInput<'member.lookup'>, session) as Promise<
          CommandOutputs[N]
        >;
      }
      return service.call(name, input, session);
    },
    sync: client,
    close() {
      client.stop();
      service.close();
    },
  };
}
