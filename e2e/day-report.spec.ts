/**
 * "Dagens tall" at the till: a manager opens today's figures (at 800×600 from
 * the top bar's "Mer", at 1920×1080 from the bar itself) and prints them on a
 * network printer: a TCP listener on 127.0.0.1 playing an ESC/POS printer, as
 * in receipt-printer.spec.ts; the printout is read back from the bytes.
 */
import type { MemberDetail } from '../src/service/commands';
import { startTcpPrinter } from '../native/printer/testing/tcp-printer';
import type { TcpPrinter } from '../native/printer/testing/tcp-printer';
import {
  CASHIER_PIN,
  MANAGER_PIN,
  apiCall,
  completeSale,
  expect,
  findMemberByPhone,
  logIn,
  paper,
  rpcAs,
  shoot,
  tapQuickKey,
  test,
  uniquePhone,
} from './fixtures';
import { startTillHost } from './host';
import type { TillHost } from './host';

let till: TillHost;
let printer: TcpPrinter;

test.beforeAll(async () => {
  printer = await startTcpPrinter();
  till = await startTillHost({ LOJAL_PRINTER: printer.address });
});

test.afterAll(async () => {
  await till?.stop();
  await printer?.close();
});

test('a manager reads "Dagens tall" and prints them on the receipt printer', async ({
  page,
  request,
}) => {
  // Two enrolments today: one through the integration API (no staff member), one by the manager.
  const phone = uniquePhone();
  const enrolled = await apiCall<{ member: MemberDetail }>(
    request,
    'POST',
    '/members',
    { phone, acceptTerms: true, profile: { firstName: 'Kjærsti' } },
    till,
  );
  expect(enrolled.status).toBe(201);
  const asManager = await rpcAs(request, MANAGER_PIN, till.url);
  const byManager = await asManager('member.enrol', {
    phone: uniquePhone(),
    acceptTerms: true,
    profile: { firstName: 'Øystein' },
  });
  expect(byManager.status).toBe(200);
  // A cashier may not read them.
  const asCashier = await rpcAs(request, CASHIER_PIN, till.url);
  expect((await asCashier('report.today', {})).status).toBe(403);

  // One sale with the member, one without.
  await page.setViewportSize({ width: 800, height: 600 });
  await logIn(page, MANAGER_PIN, till.url);
  await tapQuickKey(page, 'grovbrod');
  await findMemberByPhone(page, phone);
  await expect(page.getByTestId('member-name')).toHaveText('Kjærsti');
  await completeSale(page);
  await page.getByTestId('next-customer').click();
  await tapQuickKey(page, 'kanelbolle', 2);
  await completeSale(page);
  await page.getByTestId('next-customer').click();
  await printer.waitForJobs(2);

  // 800×600: behind "Mer".
  await page.getByTestId('topbar-more').click();
  await page.getByTestId('day-report-button').click();
  const dialog = page.getByTestId('day-report');
  await expect(dialog.getByRole('heading', { name: 'Dagens tall' })).toBeVisible();
  await expect(dialog.getByTestId('day-report-receipts')).toHaveText('2');
  await expect(dialog.getByTestId('day-report-share-receipts')).toHaveText('50 %');
  await expect(dialog.getByTestId('day-report-enrolments')).toHaveText('2');
  const byStaff = dialog.getByTestId('day-report-by-staff');
  await expect(byStaff).toContainText('Morten (leder)');
  await expect(byStaff).toContainText('Uten ansatt (selvbetjent)');

  // "Skriv ut" from the keyboard: the printout arrives and reads right.
  await dialog.getByTestId('day-report-print').focus();
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('day-report-status')).toHaveText('Dagens tall er skrevet ut.');
  await shoot(page, 'day-report-800x600');
  const [, , job] = await printer.waitForJobs(3);
  const printed = paper(job!);
  expect(printed).toContain('DAGENS TALL');
  expect(printed).toContain('Bakeriet');
  expect(printed).toMatch(/Antall kvitteringer\s+2/);
  expect(printed).toMatch(/Medlemmenes andel av kvitteringene\s+50 %/);
  expect(printed).toMatch(/Nye medlemmer\s+2/);
  expect(printed).toMatch(/Morten \(leder\)\s+1/);
  expect(printed).toMatch(/Uten ansatt \(selvbetjent\)\s+1/);
  expect(printed).toContain('Innmeldinger per ansatt');
  expect(printer.jobs).toHaveLength(3);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // 1920×1080: in the bar itself.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByTestId('day-report-button').click();
  await expect(dialog.getByTestId('day-report-net')).toBeVisible();
  await shoot(page, 'day-report-1920x1080');
});
