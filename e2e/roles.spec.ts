/**
 * Manager-only actions: a cashier sees them disabled and why, and the service
 * refuses them anyway (with its own message); a manager can do them.
 */
import type { SaleRecord } from '../src/service/commands';
import {
  CASHIER_PIN,
  HOST_URL,
  MANAGER_PIN,
  apiCall,
  completeSale,
  expect,
  logIn,
  shoot,
  tapQuickKey,
  test,
} from './fixtures';

test('a cashier cannot void a sale; a manager can', async ({ page, request }) => {
  await logIn(page, CASHIER_PIN);
  await tapQuickKey(page, 'kanelbolle');
  await completeSale(page);
  const receiptNo = await page.getByTestId('done-receipt').innerText();
  await page.getByTestId('next-customer').click();

  // The UI: disabled, with the reason.
  await page.getByTestId('receipts-button').click();
  const receipt = page.getByTestId('receipt').filter({ hasText: receiptNo });
  await receipt.click();
  await expect(page.getByTestId('manager-only')).toBeVisible();
  await expect(page.getByTestId('void-sale')).toBeDisabled();
  await expect(page.getByTestId('return-sale')).toBeDisabled();
  await page.keyboard.press('Escape');

  // The service: a cashier's session is refused, whatever the UI shows.
  const login = await request.post(`${HOST_URL}/rpc/session.login`, { data: { pin: CASHIER_PIN } });
  const { sessionToken } = (await login.json()) as { sessionToken: string };
  const headers = { authorization: `Bearer ${sessionToken}` };
  const recent = await request.post(`${HOST_URL}/rpc/sale.recent`, { headers, data: {} });
  const sale = ((await recent.json()) as SaleRecord[]).find((s) => s.receiptNo === receiptNo)!;
  const refused = await request.post(`${HOST_URL}/rpc/sale.void`, {
    headers,
    data: { saleId: sale.saleId, reason: 'prøver' },
  });
  expect(refused.status()).toBe(403);
  const body = (await refused.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe('forbidden');
  expect(body.error.message).toMatch(/manager/);
  const unchanged = await apiCall<SaleRecord>(request, 'GET', `/sales/${sale.saleId}`);
  expect(unchanged.body.voided).toBe(false);

  // A manager voids it in the UI.
  await page.getByTestId('logout').click();
  await logIn(page, MANAGER_PIN);
  await page.getByTestId('receipts-button').click();
  await page.getByTestId('receipt').filter({ hasText: receiptNo }).click();
  await page.getByTestId('void-sale').click();
  await page.getByTestId('void-reason').fill('Feil vare slått inn');
  await page.getByTestId('confirm-void').click();
  await expect(page.getByTestId('receipt').filter({ hasText: receiptNo })).toContainText(
    'Annullert',
  );
  const voided = await apiCall<SaleRecord>(request, 'GET', `/sales/${sale.saleId}`);
  expect(voided.body.voided).toBe(true);
});

test('a wrong PIN is refused with the service’s message', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('pin-input').fill('4321');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('login-error')).toBeVisible();
  await expect(page.getByTestId('scan-input')).toHaveCount(0);
});

test('a manager returns one item: the steppers fit the dialog at 1024×768', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await logIn(page, MANAGER_PIN);
  await tapQuickKey(page, 'kanelbolle');
  await tapQuickKey(page, 'kanelbolle');
  await completeSale(page);
  const receiptNo = await page.getByTestId('done-receipt').innerText();
  await page.getByTestId('next-customer').click();
  await page.getByTestId('receipts-button').click();
  await page.getByTestId('receipt').filter({ hasText: receiptNo }).click();
  await page.getByTestId('return-sale').click();
  const detail = page.getByTestId('receipt-detail');
  const dialog = await page.getByTestId('receipts-dialog').boundingBox();
  const plus = detail.getByRole('button', { name: '+' });
  for (const button of [detail.getByRole('button', { name: '−' }), plus]) {
    const box = (await button.boundingBox())!;
    expect(box.x + box.width, 'inside the dialog').toBeLessThanOrEqual(dialog!.x + dialog!.width);
    expect(box.width, 'a stepper, not a wide button').toBeLessThan(80);
  }
  await plus.click();
  await expect(detail.locator('.qty output')).toHaveText('1');
  await shoot(page, 'return-steppers-1024x768');
  await page.getByRole('button', { name: 'Registrer retur' }).click();
  await expect(page.getByTestId('dialog-notices')).toContainText('39,00');
});
