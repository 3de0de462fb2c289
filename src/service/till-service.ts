/**
 * The till service: opens the store, and runs every command through one typed
 * handler map: validate the input, check the role, run in one transaction,
 * notify subscribers once committed.
 */
import { join } from 'node:path';
import { EVENT_SCHEMA_VERSION } from '../core/events';
import { msg } from '../core/i18n';
import type { EventType, EventPayload, EventEnvelope } from '../core/events';
import {
  appendEvents,
  HlcClock,
  newEventId,
  openDatabase,
  readOnly,
  setTerminalSlot,
  staffById,
} from '../store';
import { projectNowKnownTypes } from '../store/known-types';
import { securePrivateFolder } from '../store/file-modes';
import { sealStoredToken } from '../store/pairing-token';
import { useSecretSealer } from '../store/secret-sealer';
import {
  CommandInputs,
  CommandRoles,
  OPEN_COMMANDS,
  READ_COMMANDS,
  ServiceError,
} from './commands';
import type { CommandName, ParsedInput, ScanResult, Session } from './commands';
import { classify } from './commands/products';
import { handlers } from './handlers';
import { seedDemoStore } from './demo';
import { adoptStaffRows } from './staff';
import { DEMO_SLOT, seedDemoHistory } from './demo-history';
import { invalidInput, refuseIfUnsendable, SERVICE_CLOSED, toServiceError } from './errors';
import { AfterCommit } from './handler-types';
import type {
  CommandContext,
  ContextOf,
  Handler,
  ReadOnlyContext,
  SyncPort,
  TerminalIdentity,
} from './handler-types';
import { DeviceManager } from './devices';
import { programmeInForce } from './programme';
import { SessionStore } from './sessions';
import { PinThrottle } from './login-throttle';
import { establishTerminal } from './terminal';
import { withSync } from './sync-wiring';
import { unitOfWork } from './unit-of-work';
import type { Notification, TillService, TillServiceOptions } from './types';

export const DATABASE_FILE = 'lojal.db';

const SYSTEM: Session = { role: 'system', staffId: null };

function authorise(name: CommandName, session: Session): void {
  if (session.role === 'system') return;
  // Anonymous callers have no rights: only the commands that need no log-in let them through.
  if (session.role === 'anonymous' && !OPEN_COMMANDS.has(name))
    throw new ServiceError(
      'unauthorized',
      msg('commands.loginNeeded', { command: name }),
      null,
      401,
    );
  const needed = CommandRoles[name];
  if (needed === 'none') return;
  if (needed === 'cashier' && (session.role === 'cashier' || session.role === 'manager')) return;
  if (needed === 'manager' && session.role === 'manager') return;
  throw new ServiceError('forbidden', msg('commands.managerOnly', { command: name }), null, 403);
}

export function openTillService(options: TillServiceOptions): TillService {
  // 700, its files 600: created so, and repaired when an older version or a restore left them open.
  securePrivateFolder(options.dataDir, { log: (line) => console.warn(line) });
  const clock = options.clock ?? Date.now;
  const { db, previousVersion } = openDatabase(join(options.dataDir, DATABASE_FILE));
  const listeners = new Set<(n: Notification) => void>();
  const sessions = new SessionStore(clock);
  // One per till (its database): commands reach it through their context.
  const pinThrottle = new PinThrottle(db);
  let closed = false;

  let terminal: TerminalIdentity;
  let hlc: HlcClock;
  try {
    // Before sync reads the pairing: a token an earlier version stored in the clear is sealed now.
    useSecretSealer(db, options.secretSealer);
    if (sealStoredToken(db))
      console.warn("lojal: the cloud token is now kept sealed by the OS's secret store");
    terminal = db.transaction(() => establishTerminal(db, options.terminal))();
    hlc = new HlcClock(db, terminal.terminalId, clock);
    // Events an older version stored of types it did not know, and this one knows: projected now.
    const adopted = projectNowKnownTypes(db);
    if (adopted.projected + adopted.quarantined > 0)
      console.warn(
        `lojal: ${adopted.projected} stored event(s) of types this version now reads were applied` +
          (adopted.quarantined > 0 ? `, ${adopted.quarantined} set aside` : ''),
      );
  } catch (error) {
    db.close();
    throw error;
  }
  // Serial scanner and receipt printer; started once the service is built (below).
  const devices = new DeviceManager({
    db,
    options: options.devices ?? {},
    clock,
    notify,
    onCode: (code) => service.handleScan(code, 'serial'),
  });
  // Set once sync is wired (below); commands reach it through their context.
  let sync: SyncPort | null = null;
  let markClosed: () => void = () => undefined;
  const fullyClosed = new Promise<void>((resolve) => (markClosed = resolve));

  function contextFor(
    session: Session,
    notifyAfterCommit: (n: Notification) => void,
  ): CommandContext {
    const now = clock();
    return {
      db,
      session,
      now,
      terminal,
      sessions,
      pinThrottle,
      programme: () => programmeInForce(db, terminal.storeId, now),
      event: <T extends EventType>(
        type: T,
        memberId: string | null,
        payload: EventPayload<T>,
        id?: string,
      ): EventEnvelope<T> => ({
        id: id ?? newEventId(),
        ...terminal,
        hlc: hlc.tick(),
        type,
        memberId,
        payload,
        schemaVersion: EVENT_SCHEMA_VERSION,
      }),
      append: (events) => {
        // What the cloud would refuse (its size, its text, numbers, nesting) is refused here, before it is committed.
        for (const event of events) refuseIfUnsendable(event);
        appendEvents(db, events, { origin: 'local', receivedAt: clock(), parsed: true });
      },
      notifyAfterCommit,
      devices,
      sync,
      read: (body) => read(session, body),
      write: (body) => run(session, body),
    };
  }

  /** Run one handler as a unit of work (one transaction; notifications after commit). */
  function run<T>(session: Session, body: (ctx: CommandContext) => T): T {
    if (closed) throw new ServiceError('closed', SERVICE_CLOSED, null, 503);
    return unitOfWork(
      db,
      (notifyAfterCommit) => body(contextFor(session, notifyAfterCommit)),
      notify,
    );
  }

  /**
   * A reading handler, without a transaction: only this process writes the
   * database, and a handler runs to its end without yielding, so nothing changes
   * between its reads. Its context has the read-only handle and nothing that
   * writes (by type: see handler-types.ts).
   */
  function read<T>(session: Session, body: (ctx: ReadOnlyContext) => T): T {
    if (closed) throw new ServiceError('closed', SERVICE_CLOSED, null, 503);
    const now = clock();
    const readOnlyContext: ReadOnlyContext = {
      db: readOnly(db),
      session,
      now,
      terminal,
      sessions,
      programme: () => programmeInForce(db, terminal.storeId, now),
      devices,
      sync,
      read: (next) => read(session, next),
    };
    return body(readOnlyContext);
  }

  function notify(n: Notification): void {
    for (const listener of listeners) {
      try {
        listener(n);
      } catch (error) {
        // One broken subscriber must not stop the others or the command.
        console.error('notification listener failed', error);
      }
    }
  }

  const demo = options.demo === undefined || options.demo === true ? 'minimal' : options.demo;
  if (previousVersion === 0 && demo !== false) {
    try {
      run(SYSTEM, seedDemoStore);
      if (demo === 'full') {
        // Fixed member numbers, so the README can name them (an unpaired till picks a slot at
        // random; pairing gives the chain's own and new numbers come from it).
        if (options.terminal?.slot === undefined) setTerminalSlot(db, DEMO_SLOT);
        const started = performance.now();
        const made = run(SYSTEM, (ctx) => seedDemoHistory(ctx, options.demoHistory));
        options.log?.(
          `demo: ${made.members} members and ${made.sales} sales over ${made.days} days, ` +
            `made in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
      }
    } catch (error) {
      db.close();
      throw error;
    }
  }

  // Staff kept as rows before staff were events: written as the chain's first staff events, once.
  try {
    const adoptedStaff = run(SYSTEM, adoptStaffRows);
    if (adoptedStaff > 0)
      console.warn(`lojal: ${adoptedStaff} staff member(s) are now shared with the chain's tills`);
  } catch (error) {
    db.close();
    throw error;
  }

  function callSync<N extends CommandName>(name: N, input: unknown, session: Session) {
    authorise(name, session);
    const schema = CommandInputs[name];
    const parsed = schema.safeParse(input);
    // Parsed again with the input in each issue, so a missing field is told from one of the
    // wrong type; only on failure, as it costs several times the plain parse.
    if (!parsed.success) {
      const detailed = schema.safeParse(input, { reportInput: true });
      throw invalidInput(detailed.error ?? parsed.error, name);
    }
    const handler = handlers[name] as Handler<N>;
    const parsedInput = parsed.data as ParsedInput<N>;
    // The declaration says which context the handler was typed against.
    return READ_COMMANDS.has(name)
      ? read(session, (ctx) => handler(parsedInput, ctx as ContextOf<N>))
      : run(session, (ctx) => handler(parsedInput, ctx as ContextOf<N>));
  }

  const service: Omit<TillService, 'sync'> = {
    async call(name, input, session) {
      try {
        const result = callSync(name, input, session);
        return result instanceof AfterCommit ? await result.run() : result;
      } catch (error) {
        throw toServiceError(error);
      }
    },

    sessionFromToken(token) {
      const session = sessions.get(token);
      if (session === null || session.staffId === null) return session;
      // Disabled or given another role since log-in, here or at another till of the chain
      // (their staff.saved pulled since): their sessions end with it.
      const staff = staffById(db, session.staffId);
      if (staff !== null && staff.active && staff.role === session.role) return session;
      sessions.closeStaff(session.staffId);
      return null;
    },

    async handleScan(code, source): Promise<ScanResult> {
      let result: ScanResult;
      try {
        result = run(SYSTEM, (ctx) => classify(ctx, code));
      } catch (error) {
        throw toServiceError(error);
      }
      notify({ type: 'scan', source, code, result });
      return result;
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    notify,

    close() {
      if (closed) return;
      closed = true;
      listeners.clear();
      const stopping = devices.stop();
      // A receipt being sent has its outcome recorded before the database closes.
      const busy = devices.busy;
      if (!busy) db.close();
      (busy ? stopping.finally(() => db.close()) : stopping)
        .catch((error: unknown) => console.error('the till service did not close cleanly', error))
        .finally(markClosed);
    },

    whenClosed: () => fullyClosed,
  };
  try {
    devices.start();
  } catch (error) {
    db.close();
    throw error;
  }
  const synced = withSync(service, { db, terminal, clock, settings: options.sync });
  sync = synced.sync;
  return synced;
}

/** For tests and tools that need the raw database of a service's data folder. */
export function databasePath(dataDir: string): string {
  return join(dataDir, DATABASE_FILE);
}
