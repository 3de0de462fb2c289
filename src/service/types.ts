/** The till service as the transports (IPC, HTTP host, tests) see it. */
import type { CommandInput, CommandName, CommandOutputs, ScanResult, Session } from './commands';
import type { Notification } from '../contract/notifications';
import type { DeviceOptions } from './devices/types';
import type { SyncClient, SyncSettings } from '../sync';
import type { SecretSealer } from '../store/secret-sealer';
import type { DemoHistoryOptions } from './demo-history';

export type { Notification } from '../contract/notifications';

/**
 * What a transport or a settings screen may do with sync. Declared here, not
 * in sync-wiring.ts (which imports TillService), so the two do not import each other.
 */
export type TillSync = Pick<
  SyncClient,
  'pair' | 'unpair' | 'syncNow' | 'status' | 'conflicts' | 'announcements'
>;

export interface TillService {
  /** Validate, authorise and run one command. Throws ServiceError on failure. */
  call<N extends CommandName>(
    name: N,
    input: CommandInput<N>,
    session: Session,
  ): Promise<CommandOutputs[N]>;
  /** The session a login token stands for, or null when unknown/expired. */
  sessionFromToken(token: string): Session | null;
  /** A scanned code from any scanner: classified, acted on, and pushed to subscribers. */
  handleScan(code: string, source: 'serial' | 'hid' | 'camera' | 'api'): Promise<ScanResult>;
  subscribe(listener: (n: Notification) => void): () => void;
  /** Push a notification to every subscriber (devices and sync report through here). */
  notify(n: Notification): void;
  /** Cloud sync: pairing, sync now, its status (see src/sync/client.ts). */
  readonly sync: TillSync;
  close(): void;
  /**
   * Resolves once close() has let go of everything: the serial port is free and
   * a receipt that was being sent has its outcome recorded.
   */
  whenClosed(): Promise<void>;
}

export interface TillServiceOptions {
  /** Folder holding lojal.db (and, for hosts, api-token). Created when missing. */
  dataDir: string;
  /** The clock; tests pass their own. Defaults to Date.now. */
  clock?: () => number;
  /**
   * Identity of this till in its chain (defaults: demo chain/store, a generated terminal id).
   * `slot` is the till's block of member and receipt numbers (unique in the chain; see
   * src/store/members.ts); when missing, a new till picks one at random.
   */
  terminal?: { chainId: string; storeId: string; terminalId: string; slot?: number };
  /**
   * What a new database starts with: `'minimal'` (or true, the default) the demo bakery's
   * programme, catalogue and staff; `'full'` that and its members with 90 days of sales
   * (seconds: the desktop and browser-mode start asks for it, tests do not); false nothing.
   */
  demo?: boolean | 'minimal' | 'full';
  /** The full demo's seed, member count and days (src/service/demo-history.ts). */
  demoHistory?: DemoHistoryOptions;
  /** Where the service says what it did at start (the full demo's size and time). */
  log?: (line: string) => void;
  /**
   * Serial scanner and receipt printer. The entry points pass
   * `deviceOptionsFromEnv()` (LOJAL_SCANNER_*, LOJAL_PRINTER*): a device set here
   * wins over the one a manager saved on the devices screen (settings table).
   */
  devices?: DeviceOptions;
  /** Cloud sync settings; default from the environment (LOJAL_CLOUD_URL, LOJAL_STORE_CODE). */
  sync?: SyncSettings;
  /**
   * Seals the cloud terminal token in the database with the OS's secret store
   * (the desktop shell passes one backed by Electron's safeStorage). Without
   * one the token is stored as it is, in the owner-only data folder.
   */
  secretSealer?: SecretSealer;
}
