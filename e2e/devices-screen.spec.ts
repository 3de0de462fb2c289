/**
 * The devices screen on a till whose environment sets no devices (its own
 * host): a cashier sees everything and may print the test page but cannot
 * change anything (the UI says so, the service refuses); a manager sets up the
 * receipt printer (a TCP listener on 127.0.0.1), the receipt header and a
 * serial scanner (a socat pty), each checked by what then really happens.
 */
import { rmSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { DevicesStatus } from '../src/service/devices/types';
import { startTcpPrinter } from '../native/printer/testing/tcp-printer';
import type { TcpPrinter } from '../native/printer/testing/tcp-printer';
import { decodeEscPos } from '../test/helpers/escpos-decoder';
import { ptyPaths, startPtyPair } from '../test/helpers/pty';
import type { PtyPair } from '../test/helpers/pty';
import {
  CASHIER_PIN,
  MANAGER_PIN,
  apiCall,
  completeSale,
  expect,
  logIn,
  paper,
  rpcAs,
  scrollDialogToTop,
  shoot,
  tapQuickKey,
  test,
  uniquePhone,
} from './fixtures';
import { startTillHost } from './host';
import type { TillHost } from './host';

let till: TillHost;
let printer: TcpPrinter;
let line: PtyPair;
let paths: Awaited<ReturnType<typeof ptyPaths>>;

test.beforeAll(async () => {
  printer = await startTcpPrinter();
  paths = await ptyPaths();
  line = await startPtyPair(paths);
  till = await startTillHost();
});

test.afterAll(async () => {
  await till?.stop();
  await printer?.close();
  await line?.stop();
  if (paths) rmSync(paths.dir, { recursive: true, force: true });
});

async function openDevices(page: Page) {
  await page.keyboard.press('F8');
  const dialog = page.getByTestId('devices-dialog');
  await expect(dialog).toBeVisible();
  return dialog;
}

test('a cashier sees the devices and prints the test page, but cannot change them; nor can the service', async ({
  page,
  request,
}) => {
  await logIn(page, CASHIER_PIN, till.url);
  let dialog = await openDevices(page);
  await expect(dialog.getByTestId('devices-manager-only')).toBeVisible();
  await expect(dialog.getByTestId('printer-state')).toHaveAttribute('data-state', 'off');
  await expect(dialog.getByTestId('scanner-state')).toHaveAttribute('data-state', 'off');
  await expect(dialog.getByTestId('header-store-name')).toBeDisabled();
  await expect(dialog.getByTestId('header-save')).toBeDisabled();
  // The test page is for everyone; with no printer the till says what to do.
  await dialog.getByTestId('printer-test').click();
  await expect(dialog.getByTestId('printer-test-status')).toHaveText(
    /Ingen kvitteringsskriver er satt opp/,
  );
  await page.keyboard.press('Escape');

  const asCashier = await rpcAs(request, CASHIER_PIN, till.url);
  const refused = await asCashier('devices.save', {
    printer: { target: printer.address, width: 48, type: 'epson' },
  });
  expect(refused.status).toBe(403);
  expect(refused.body).toMatchObject({ error: { code: 'forbidden' } });
  const header = await asCashier('receiptHeader.save', {
    storeName: 'Kasserers bakeri',
    orgNumber: '',
  });
  expect(header.status).toBe(403);
  const unchanged = await asCashier('devices.get', {});
  expect((unchanged.body as DevicesStatus).printer.config).toBeNull();

  // Once a manager has set up a printer, the cashier sees it, locked, and prints on it.
  const asManager = await rpcAs(request, MANAGER_PIN, till.url);
  const saved = await asManager('devices.save', {
    printer: { target: printer.address, width: 48, type: 'epson' },
  });
  expect(saved.status).toBe(200);
  dialog = await openDevices(page);
  await expect(dialog.getByTestId('printer-target')).toHaveValue(printer.address);
  await expect(dialog.getByTestId('printer-target')).toBeDisabled();
  await expect(dialog.getByTestId('printer-width-48')).toBeDisabled();
  await expect(dialog.getByTestId('printer-save')).toBeDisabled();
  await expect(dialog.getByTestId('printer-remove')).toBeDisabled();
  await dialog.getByTestId('printer-test').click();
  await expect(dialog.getByTestId('printer-test-status')).toHaveText('Testsiden er skrevet ut.');
  const [testPage] = await printer.waitForJobs(1);
  expect(paper(testPage!)).toContain('TESTSIDE');
  await scrollDialogToTop(page);
  await shoot(page, '13-devices-cashier');

  // Leave the till as it was for the manager's test.
  expect((await asManager('devices.save', { printer: null })).status).toBe(200);
  printer.jobs.splice(0);
});

test('a manager sets up the printer, the receipt header and a scanner; the test page prints', async ({
  page,
  request,
}) => {
  await logIn(page, MANAGER_PIN, till.url);
  let dialog = await openDevices(page);
  await expect(dialog.getByTestId('devices-manager-only')).toHaveCount(0);

  // The service's own check, shown at the field.
  const target = dialog.getByTestId('printer-target');
  await target.fill('skriveren i bakrommet');
  await dialog.getByTestId('printer-save').click();
  await expect(dialog.getByTestId('printer-target-error')).toContainText('tcp://VERT:PORT');
  await expect(target).toHaveAttribute('aria-invalid', 'true');

  await target.fill(printer.address);
  await dialog.getByTestId('printer-width-32').click();
  await dialog.getByTestId('printer-save').click();
  await expect(dialog.getByTestId('printer-saved')).toBeVisible();
  await expect(dialog.getByTestId('printer-target-error')).toHaveCount(0);
  await expect(dialog.getByTestId('printer-state')).toHaveAttribute('data-state', 'unknown');

  // The header: a wrong organisation number is refused at its field, then saved.
  await dialog.getByTestId('header-store-name').fill('Kafé Ørkenrotta');
  const org = dialog.getByTestId('header-org-number');
  await org.fill('abc');
  await dialog.getByTestId('header-save').click();
  await expect(dialog.getByTestId('header-org-number-error')).toContainText(
    'Et organisasjonsnummer',
  );
  await dialog.getByTestId('header-save').scrollIntoViewIfNeeded();
  await shoot(page, '15-devices-receipt-header');
  await org.fill('912 345 678 MVA');
  await dialog.getByTestId('header-save').click();
  await expect(dialog.getByTestId('header-saved')).toBeVisible();

  // The test page goes to the printer just saved, 32 columns wide, with the new name.
  await dialog.getByTestId('printer-test').click();
  await expect(dialog.getByTestId('printer-test-status')).toHaveText('Testsiden er skrevet ut.');
  const [testPage] = await printer.waitForJobs(1);
  const lines = decodeEscPos(testPage!).lines.map((l) => l.text);
  expect(lines).toContain('TESTSIDE');
  expect(lines).toContain('Kafé Ørkenrotta');
  expect(lines).toContain('12345678901234567890123456789012');
  expect(lines.join('\n')).toContain('æ ø å Æ Ø Å');
  await expect(dialog.getByTestId('printer-state')).toHaveAttribute('data-state', 'connected');

  // A serial scanner by path: a typo is refused at the field, the pty connects.
  const port = dialog.getByTestId('scanner-port');
  await port.fill('ttyACM0');
  await dialog.getByTestId('scanner-save').click();
  await expect(dialog.getByTestId('scanner-port-error')).toContainText('enhetssti');
  await port.fill(paths.appPath);
  await dialog.getByTestId('scanner-suffix-CR').click();
  await dialog.getByTestId('scanner-save').click();
  await expect(dialog.getByTestId('scanner-saved')).toBeVisible();
  await expect(dialog.getByTestId('scanner-state')).toHaveAttribute('data-state', 'connected');
  await expect(page.getByTestId('scanner-badge')).toHaveAttribute('data-state', 'connected');
  await scrollDialogToTop(page);
  await shoot(page, '14-devices-manager');
  await page.keyboard.press('Escape');

  // The saved scanner reads cards.
  const enrolled = await apiCall<{ member: { memberNumber: string } }>(
    request,
    'POST',
    '/members',
    { phone: uniquePhone(), acceptTerms: true, profile: { firstName: 'Åsmund' } },
    till,
  );
  await line.write(`${enrolled.body.member.memberNumber}\r`);
  await expect(page.getByTestId('member-name')).toHaveText('Åsmund');

  // The configured port is among those listed, and a tap chooses it.
  dialog = await openDevices(page);
  await dialog.getByTestId('scanner-port').fill('');
  await dialog.getByTestId('port-option').filter({ hasText: paths.appPath }).click();
  await expect(dialog.getByTestId('scanner-port')).toHaveValue(paths.appPath);
  await page.keyboard.press('Escape');

  // Switched off while the scanner works: both show in the top bar.
  await printer.close();
  await tapQuickKey(page, 'kanelbolle');
  await completeSale(page);
  await page.getByTestId('next-customer').click();
  await expect(page.getByTestId('print-waiting')).toHaveText(/Kvittering venter \(1\)/);
  await expect(page.getByTestId('scanner-badge')).toHaveText('Skanner tilkoblet');
  await shoot(page, '21-topbar-scanner-and-waiting');
});
