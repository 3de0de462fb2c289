/**
 * Test support: a real till service on a file database in a temp dir, a clock
 * the test moves, and logged-in sessions obtained the way a transport gets them.
 */
import { isDeepStrictEqual } from 'node:util';
import Database from 'better-sqlite3';
import { parseEvent } from '../core/events';
import type { ProgrammeInput } from '../core/programme';
import { eventFromRow } from '../store/event-log';
import type { EventRow } from '../store/event-log';
import { tempDir } from '../store/testing/temp-db';
import type { TempDir } from '../store/testing/temp-db';
import type { CommandInput, CommandName, CommandOutputs, Session } from './commands';
import { ServiceError } from './commands';
import { databasePath, openTillService } from './till-service';
import type { TillService, TillServiceOptions } from './types';

export const SYSTEM_SESSION: Session = { role: 'system', staffId: null };

export interface TestTill {
  service: TillService;
  dir: TempDir;
  clock: { now: number };
  cashier: Session;
  manager: Session;
  call<N extends CommandName>(
    name: N,
    input: CommandInput<N>,
    session?: Session,
  ): Promise<CommandOutputs[N]>;
  /** Close and open the service again on the same data folder (a till restart). */
  restart(): Promise<void>;
  close(): void;
}

export async function openTestTill(
  options: {
    start?: number;
    terminal?: TillServiceOptions['terminal'];
    dir?: TempDir;
    /** The minimal demo unless a test asks for the full one (members, 90 days of sales: seconds). */
    demo?: TillServiceOptions['demo'];
    demoHistory?: TillServiceOptions['demoHistory'];
  } = {},
): Promise<TestTill> {
  const dir = options.dir ?? tempDir('lojal-service-');
  const clock = { now: options.start ?? Date.UTC(2026, 2, 2, 9, 0, 0) };
  const open = () =>
    openTillService({
      dataDir: dir.dir,
      clock: () => clock.now,
      ...(options.terminal ? { terminal: options.terminal } : {}),
      demo: options.demo ?? 'minimal',
      ...(options.demoHistory ? { demoHistory: options.demoHistory } : {}),
    });
  const till: TestTill = {
    service: open(),
    dir,
    clock,
    cashier: SYSTEM_SESSION,
    manager: SYSTEM_SESSION,
    call: (name, input, session = till.cashier) => till.service.call(name, input, session),
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
  // The test's own log-ins come from a device the till knows (as a till's own
  // screen does), so a test that locks out unknown clients can still restart.
  const device: { token?: string } = {};
  async function logIn() {
    till.cashier = await sessionFor(till.service, '1111', device);
    till.manager = await sessionFor(till.service, '9999', device);
  }
  await logIn();
  return till;
}

/**
 * The service appends the events it makes without parsing them again (they are
 * typed: see appendEvents' `parsed`). Every test till holds it to that on close:
 * each event this till wrote must parse, and parse to itself (no default filled
 * in, no field dropped), or the cloud would read a different event than the till.
 */
export function assertOwnEventsParse(dataDir: string): void {
  const db = new Database(databasePath(dataDir), { readonly: true });
  try {
    const rows = db.prepare("SELECT * FROM events WHERE origin = 'local'").all() as EventRow[];
    for (const row of rows) {
      const stored = eventFromRow(row);
      const parsed = JSON.parse(JSON.stringify(parseEvent(stored))) as unknown;
      if (!isDeepStrictEqual(parsed, stored)) {
        throw new Error(
          `the ${row.type} event ${row.id} the till wrote is not what parsing it gives: ` +
            `stored ${JSON.stringify(stored.payload)}, parsed ${JSON.stringify((parsed as { payload: unknown }).payload)}`,
        );
      }
    }
  } finally {
    db.close();
  }
}

async function sessionFor(
  service: TillService,
  pin: string,
  device: { token?: string },
): Promise<Session> {
  const login = await service.call(
    'session.login',
    { pin, ...(device.token === undefined ? {} : { deviceToken: device.token }) },
    { role: 'cashier', staffId: null },
  );
  device.token = login.deviceToken;
  const session = service.sessionFromToken(login.sessionToken);
  if (!session) throw new Error('a fresh session token was not accepted');
  return session;
}

/** Save a programme (over the demo bakery's) as the manager would. */
export async function useProgramme(till: TestTill, programme: ProgrammeInput): Promise<void> {
  await till.call('programme.save', { programme }, till.manager);
}

/** The ServiceError a call fails with (the test fails if it succeeds). */
export async function failure(promise: Promise<unknown>): Promise<ServiceError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
