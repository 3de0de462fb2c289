/**
 * Test support for the devices inside the till service: the real service on a
 * file database in a temp dir, opened with device options the way the entry
 * points pass them, with everything it notifies recorded.
 */
import { openTillService } from '../../src/service/index';
import type { CommandInput, CommandName, CommandOutputs, Session } from '../../src/service/index';
import type { Notification, TillService } from '../../src/service/types';
import type { DeviceOptions } from '../../src/service/devices/types';
import { assertOwnEventsParse } from '../../src/service/testing';
import { tempDir } from '../../src/store/testing/temp-db';
import type { TempDir } from '../../src/store/testing/temp-db';
import type { PrinterConfig } from '../../native/printer/config';

export const SYSTEM: Session = { role: 'system', staffId: null };

/** Fast retries, so tests see a device come back within a second. */
export const FAST: DeviceOptions = {
  scannerRetryMinMs: 50,
  scannerRetryMaxMs: 200,
  printRetryMinMs: 50,
  printRetryMaxMs: 200,
  printerSend: { connectTimeoutMs: 500, paperCheckMs: 300 },
};

export function tcpPrinterConfig(port: number, width: 32 | 42 | 48 = 48): PrinterConfig {
  return { target: { kind: 'tcp', host: '127.0.0.1', port }, width, type: 'epson' };
}

export interface DeviceTill {
  service: TillService;
  dir: TempDir;
  cashier: Session;
  manager: Session;
  /** Every notification since the service was (re)opened. */
  notices: Notification[];
  call<N extends CommandName>(
    name: N,
    input: CommandInput<N>,
    session?: Session,
  ): Promise<CommandOutputs[N]>;
  /** A till restart: close, wait until the devices have let go, open again on the same folder. */
  reopen(devices?: DeviceOptions): Promise<void>;
  close(): Promise<void>;
}

const open: DeviceTill[] = [];

export async function openDeviceTill(devices: DeviceOptions): Promise<DeviceTill> {
  const dir = tempDir('lojal-devices-');
  let options = devices;
  const start = () => openTillService({ dataDir: dir.dir, devices: options });
  const till: DeviceTill = {
    service: start(),
    dir,
    cashier: SYSTEM,
    manager: SYSTEM,
    notices: [],
    call: (name, input, session = till.cashier) => till.service.call(name, input, session),
    async reopen(next) {
      if (next) options = next;
      till.service.close();
      await till.service.whenClosed();
      till.service = start();
      await logIn();
    },
    async close() {
      till.service.close();
      await till.service.whenClosed();
      assertOwnEventsParse(dir.dir);
      dir.remove();
    },
  };
  async function logIn() {
    till.notices = [];
    const notices = till.notices;
    till.service.subscribe((n) => notices.push(n));
    till.cashier = await sessionFor(till.service, '1111');
    till.manager = await sessionFor(till.service, '9999');
  }
  await logIn();
  open.push(till);
  return till;
}

/** Close every till a test opened (afterEach). */
export async function closeDeviceTills(): Promise<void> {
  await Promise.all(open.splice(0).map((t) => t.close()));
}

async function sessionFor(service: TillService, pin: string): Promise<Session> {
  const login = await service.call('session.login', { pin }, { role: 'cashier', staffId: null });
  const session = service.sessionFromToken(login.sessionToken);
  if (!session) throw new Error('a fresh session token was not accepted');
  return session;
}

export async function until(check: () => boolean, what: string, timeoutMs = 8_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A fresh idempotency key per commit. */
let keys = 0;
export function newKey(): string {
  keys += 1;
  return `devices-test-${keys}-${Date.now()}`;
}

/**
 * The next notification matching `match`, and the instant (performance.now) the
 * service pushed it: timed in the subscriber itself, not by polling.
 */
export function nextNotice<T extends Notification>(
  service: TillService,
  match: (n: Notification) => n is T,
  what: string,
  timeoutMs = 8_000,
): Promise<{ notice: T; at: number }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
    const stop = service.subscribe((n) => {
      if (!match(n)) return;
      const at = performance.now();
      clearTimeout(timer);
      stop();
      resolve({ notice: n, at });
    });
  });
}
