/**
 * A till for sync tests: its own service on its own SQLite file, its own clock
 * (which may be set hours wrong), background sync off so the test decides when
 * it syncs, and the demo staff logged in.
 */
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import type {
  CommandInput,
  CommandName,
  CommandOutputs,
  Session,
  TillService,
  TillServiceOptions,
} from '../../../src/service';
import { databasePath, openTillService } from '../../../src/service';
import { assertOwnEventsParse } from '../../../src/service/testing';
import { tempDir } from '../../../src/store/testing/temp-db';
import type { TempDir } from '../../../src/store/testing/temp-db';
import type { SyncReport, SyncSettings } from '../../../src/sync';

/** Shared by all tills of a test: the true time. Each till reads it with its own skew. */
export interface WorldClock {
  now: number;
}

export const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
export const HOUR = 3_600_000;

export interface SyncTill {
  name: string;
  service: TillService;
  dir: TempDir;
  /** This till's error against the true time. */
  skewMs: number;
  cashier: Session;
  manager: Session;
  call<N extends CommandName>(
    name: N,
    input: CommandInput<N>,
    session?: Session,
  ): Promise<CommandOutputs[N]>;
  /** Pair through the programmatic API (a settings screen's path). */
  pair(cloudUrl: string, storeCode: string): Promise<void>;
  /** Sync now and fail the test unless everything went and came. */
  sync(): Promise<SyncReport>;
  /** A read-only look at the till's database file. */
  readDb<T>(read: (db: Database.Database) => T): T;
  restart(): Promise<void>;
  close(): void;
}

export interface OpenSyncTillOptions {
  name: string;
  world: WorldClock;
  skewMs?: number;
  dir?: TempDir;
  sync?: SyncSettings;
  /** An identity given before pairing (default: the demo chain). */
  terminal?: TillServiceOptions['terminal'];
}

async function sessionFor(service: TillService, pin: string): Promise<Session> {
  const login = await service.call('session.login', { pin }, { role: 'cashier', staffId: null });
  const session = service.sessionFromToken(login.sessionToken);
  if (!session) throw new Error('a fresh session token was not accepted');
  return session;
}

export async function openSyncTill(options: OpenSyncTillOptions): Promise<SyncTill> {
  const dir = options.dir ?? tempDir(`lojal-sync-${options.name}-`);
  const skewMs = options.skewMs ?? 0;
  const open = () =>
    openTillService({
      dataDir: dir.dir,
      clock: () => options.world.now + skewMs,
      sync: { background: false, random: () => 0.5, ...options.sync },
      ...(options.terminal ? { terminal: options.terminal } : {}),
    });
  const till: SyncTill = {
    name: options.name,
    service: open(),
    dir,
    skewMs,
    cashier: { role: 'cashier', staffId: null },
    manager: { role: 'manager', staffId: null },
    call: (name, input, session = till.manager) => till.service.call(name, input, session),
    async pair(cloudUrl, storeCode) {
      await till.service.sync.pair(cloudUrl, storeCode, `Kasse ${options.name}`);
    },
    async sync() {
      const report = await till.service.sync.syncNow();
      expect(report.error, `till ${options.name} sync`).toBeNull();
      expect(report.ok).toBe(true);
      return report;
    },
    readDb(read) {
      const db = new Database(databasePath(dir.dir), { readonly: true, fileMustExist: true });
      try {
        return read(db);
      } finally {
        db.close();
      }
    },
    async restart() {
      till.service.close();
      till.service = open();
      await logIn();
    },
    close() {
      till.service.close();
      assertOwnEventsParse(dir.dir);
      if (!options.dir) dir.remove();
    },
  };
  async function logIn() {
    till.cashier = await sessionFor(till.service, '1111');
    till.manager = await sessionFor(till.service, '9999');
  }
  await logIn();
  return till;
}
