/**
 * A USB-serial scanner on a real serial line: socat joins two pseudo-terminals,
 * the till (its own host, started with LOJAL_SCANNER_PORT on one end, as a
 * till is configured) reads the other end. Bytes written there are what a
 * scanner sends. Unplugging is killing socat; plugging back in is socat on
 * the same link paths.
 */
import { rmSync } from 'node:fs';
import type { MemberDetail } from '../src/service/commands';
import { ptyPaths, startPtyPair } from '../test/helpers/pty';
import type { PtyPair } from '../test/helpers/pty';
import {
  CASHIER_PIN,
  MANAGER_PIN,
  apiCall,
  expect,
  logIn,
  rpcAs,
  shoot,
  tapQuickKey,
  test,
  uniquePhone,
} from './fixtures';
import { startTillHost } from './host';
import type { TillHost } from './host';

let till: TillHost;
let line: PtyPair;
let paths: Awaited<ReturnType<typeof ptyPaths>>;

test.beforeAll(async () => {
  paths = await ptyPaths();
  line = await startPtyPair(paths);
  till = await startTillHost({ LOJAL_SCANNER_PORT: paths.appPath });
});

test.afterAll(async () => {
  await till?.stop();
  await line?.stop();
  if (paths) rmSync(paths.dir, { recursive: true, force: true });
});

async function enrol(
  request: Parameters<typeof apiCall>[0],
  firstName: string,
): Promise<MemberDetail> {
  const enrolled = await apiCall<{ member: MemberDetail }>(
    request,
    'POST',
    '/members',
    { phone: uniquePhone(), acceptTerms: true, profile: { firstName } },
    till,
  );
  expect(enrolled.status).toBe(201);
  return enrolled.body.member;
}

test('a card read by the serial scanner attaches the member; unplugged and back', async ({
  page,
  request,
}) => {
  const solvi = await enrol(request, 'Sølvi');
  const bjorn = await enrol(request, 'Bjørn');

  await logIn(page, CASHIER_PIN, till.url);
  const badge = page.getByTestId('scanner-badge');
  await expect(badge).toHaveAttribute('data-state', 'connected');
  await expect(badge).toHaveText('Skanner tilkoblet');
  // The service's pushes reach this page (a scan is one of them).
  await expect(page.locator('header.topbar')).toHaveAttribute('data-live', 'true');

  await tapQuickKey(page, 'kanelbolle');
  await line.write(`${solvi.memberNumber}\r`);
  await expect(page.getByTestId('member-name')).toHaveText('Sølvi');
  // A card read is proof the member is here; the full view follows the name.
  await expect(page.getByTestId('member-panel')).toContainText('Bekreftet');
  await expect(page.getByTestId('member-loading')).toHaveCount(0);
  await expect(page.getByTestId('member-panel')).toContainText(solvi.memberNumber);
  // Attached to the sale: the engine prices the basket for her.
  await expect(page.getByTestId('earns')).toContainText('poeng');

  // Unplugged: the top bar says so, the devices screen says why.
  await line.stop();
  await expect(badge).toHaveAttribute('data-state', 'disconnected');
  await expect(badge).toHaveText('Skanner frakoblet');
  await expect(badge).toHaveAttribute('title', /koblet fra|Finner ikke skanneren/);
  await badge.click();
  const dialog = page.getByTestId('devices-dialog');
  await expect(dialog.getByTestId('scanner-state')).toHaveAttribute('data-state', 'disconnected');
  await expect(dialog.getByTestId('scanner-detail')).toHaveText(/koblet fra|Finner ikke skanneren/);
  await shoot(page, '17-devices-scanner-unplugged');
  await page.keyboard.press('Escape');

  // Plugged back in on the same path: connected again, and the next card reads.
  line = await startPtyPair(paths);
  await expect(badge).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
  await page.getByRole('button', { name: 'Fjern medlem' }).click();
  await expect(page.getByTestId('club-button')).toBeVisible();
  // The name comes with the scan itself: on screen while the full view is still on its way.
  let release!: () => void;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/rpc/member.get', async (route) => {
    await held;
    await route.continue();
  });
  await line.write(`${bjorn.memberNumber}\r`);
  await expect(page.getByTestId('member-name')).toHaveText('Bjørn');
  await expect(page.getByTestId('member-panel')).toContainText(bjorn.memberNumber);
  await expect(page.getByTestId('member-loading')).toBeVisible();
  await expect(page.getByTestId('points-balance')).toHaveText('Poeng: 0');
  release();
  await expect(page.getByTestId('member-loading')).toHaveCount(0);
  await expect(page.getByTestId('member-panel')).toContainText('Bekreftet');
  await page.unroute('**/rpc/member.get');
});

test('a scanner set by the environment is locked on the devices screen and in the service', async ({
  page,
  request,
}) => {
  await logIn(page, MANAGER_PIN, till.url);
  await page.getByTestId('devices-button').click();
  const dialog = page.getByTestId('devices-dialog');
  await expect(dialog.getByTestId('scanner-port')).toHaveValue(paths.appPath);
  await expect(dialog.getByTestId('scanner-port')).toBeDisabled();
  await expect(dialog.getByTestId('scanner-port-lock')).toContainText('LOJAL_SCANNER_PORT');
  await expect(dialog.getByTestId('scanner-baud-lock')).toContainText('LOJAL_SCANNER_BAUD');
  await expect(dialog.getByTestId('scanner-locked')).toContainText('LOJAL_SCANNER_PORT');
  await expect(dialog.getByTestId('scanner-save')).toBeDisabled();
  // The printer is not set by the environment: a manager may edit it.
  await expect(dialog.getByTestId('printer-target')).toBeEnabled();
  await shoot(page, '16-devices-scanner-from-env');

  const asManager = await rpcAs(request, MANAGER_PIN, till.url);
  const refused = await asManager('devices.save', {
    scanner: { port: '/dev/ttyACM9', baudRate: 9600, suffix: 'CR' },
  });
  expect(refused.status).toBe(409);
  expect(refused.body).toMatchObject({
    error: { code: 'set_by_environment', field: 'scanner' },
  });
});
