/**
 * Receipts on a network printer: a TCP listener on 127.0.0.1 plays an ESC/POS
 * printer (port 9100 style), the till (its own host, LOJAL_PRINTER=tcp://…)
 * prints to it. Every receipt is read back from the bytes that arrived. The
 * printer switched off is the listener closed; on again is a listener on the
 * same port.
 */
import type { MemberDetail } from '../src/service/commands';
import { startTcpPrinter } from '../native/printer/testing/tcp-printer';
import type { TcpPrinter } from '../native/printer/testing/tcp-printer';
import {
  CASHIER_PIN,
  apiCall,
  completeSale,
  expect,
  findMemberByPhone,
  logIn,
  paper,
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

test('receipts print with header, member and Nordic letters; a printer that is off only delays them', async ({
  page,
  request,
}) => {
  const phone = uniquePhone();
  const enrolled = await apiCall<{ member: MemberDetail }>(
    request,
    'POST',
    '/members',
    { phone, acceptTerms: true, profile: { firstName: 'Kjærsti' } },
    till,
  );
  expect(enrolled.status).toBe(201);

  await logIn(page, CASHIER_PIN, till.url);

  // 1. A sale with a member: the receipt arrives and reads right.
  await tapQuickKey(page, 'grovbrod');
  await findMemberByPhone(page, phone);
  await expect(page.getByTestId('member-name')).toHaveText('Kjærsti');
  await completeSale(page);
  const firstNo = await page.getByTestId('done-receipt').innerText();
  const [original] = await printer.waitForJobs(1);
  const first = paper(original!);
  expect(first).toContain('Bakeriet på Grünerløkka'); // the store header
  expect(first).toContain('Org.nr. 999 888 777 MVA');
  expect(first).toContain('Grovbrød');
  expect(first).toContain(firstNo);
  expect(first).toContain('KUNDEKLUBB'); // the member section
  expect(first).toContain('Hei, Kjærsti!');
  expect(first).toContain(enrolled.body.member.memberNumber);
  expect(first).toMatch(/æ[\s\S]*ø|ø[\s\S]*æ/);
  expect(first).toContain('å');
  expect(first).not.toContain('KOPI');

  // 2. A copy from the sale-complete dialog, marked KOPI, with the member as after the sale.
  await page.getByTestId('sale-complete').getByTestId('reprint').click();
  await expect(page.getByTestId('reprint-status')).toHaveText('Kopien er skrevet ut.');
  const [, copy] = await printer.waitForJobs(2);
  const copied = paper(copy!);
  expect(copied).toContain('*** KOPI ***');
  expect(copied).toContain(firstNo);
  expect(copied).toContain('Hei, Kjærsti!');
  expect(printer.jobs).toHaveLength(2);
  await shoot(page, '18-sale-complete-copy');
  await page.getByTestId('next-customer').click();

  // 3. The printer is switched off: the sale completes anyway, the receipt waits.
  await printer.close();
  await tapQuickKey(page, 'kanelbolle');
  await completeSale(page);
  const secondNo = await page.getByTestId('done-receipt').innerText();
  await page.getByTestId('next-customer').click();
  const waiting = page.getByTestId('print-waiting');
  await expect(waiting).toHaveText(/Kvittering venter \(1\)/);

  // The panel says which receipt waits and why.
  await waiting.click();
  const panel = page.getByTestId('print-queue');
  const job = panel.getByTestId('print-job');
  await expect(job).toHaveCount(1);
  await expect(job).toContainText(`Kvittering ${secondNo}`);
  await expect(job.getByTestId('print-job-error')).toContainText(/Siste feil: .+/);
  await expect(panel.getByTestId('print-printer-state')).toContainText('Frakoblet');
  await shoot(page, '19-receipt-waiting');

  // 4. On again (same address): "Prøv igjen" prints it, the badge clears, one receipt arrives.
  printer = await startTcpPrinter({ port: printer.port });
  await job.getByTestId('print-retry').click();
  await expect(panel).toContainText('Ingen kvitteringer venter.');
  await expect(waiting).toHaveCount(0);
  const [late] = await printer.waitForJobs(1);
  const second = paper(late!);
  expect(second).toContain(secondNo);
  expect(second).not.toContain('KOPI');
  await page.keyboard.press('Escape');

  // 5. A copy from the receipts list: the next job is that copy (nothing printed twice before it).
  await page.getByTestId('receipts-button').click();
  await page.getByTestId('receipt').filter({ hasText: secondNo }).click();
  await page.getByTestId('receipts-dialog').getByTestId('reprint').click();
  await expect(page.getByTestId('reprint-status')).toHaveText('Kopien er skrevet ut.');
  await printer.waitForJobs(2);
  expect(printer.jobs).toHaveLength(2);
  const listCopy = paper(printer.jobs[1]!);
  expect(listCopy).toContain('*** KOPI ***');
  expect(listCopy).toContain(secondNo);
  await shoot(page, '20-receipts-copy');
});
