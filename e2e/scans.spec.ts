/**
 * A scan is never lost and never acts as a key press (issue 13, point 2): on
 * "Salget er fullført" a member card starts the next sale with that member and
 * an item starts it with the item, the focused "Ny kunde" untouched; in another
 * dialog a scan is refused with a line, and no button or field takes its keys.
 */
import {
  CASHIER_PIN,
  completeSale,
  expect,
  logIn,
  products,
  scanWithWedge,
  shoot,
  tapQuickKey,
  test,
} from './fixtures';

/** Ingrid Haugen in the demo (README): her card's number. */
const INGRID_CARD = '2909990000015';

test('a card scanned on "Salget er fullført" starts the next sale with the member', async ({
  page,
}) => {
  await logIn(page, CASHIER_PIN);
  await tapQuickKey(page, 'kaffe-liten');
  await completeSale(page);
  await expect(page.getByTestId('next-customer')).toBeFocused();
  await scanWithWedge(page, INGRID_CARD);
  await expect(page.getByTestId('sale-complete')).toHaveCount(0);
  await expect(page.getByTestId('member-name')).toHaveText('Ingrid');
  await expect(page.getByTestId('basket-line')).toHaveCount(0);
  // The item scanned next lands in the new sale, with her.
  await tapQuickKey(page, 'kanelbolle');
  await expect(page.getByTestId('basket-line')).toHaveCount(1);
  await expect(page.getByTestId('member-name')).toHaveText('Ingrid');
});

test('an item scanned on "Salget er fullført" starts the next sale with the item', async ({
  page,
  request,
}) => {
  await logIn(page, CASHIER_PIN);
  await tapQuickKey(page, 'kaffe-liten');
  await completeSale(page);
  const bun = (await products(request)).find((p) => p.sku === 'kanelbolle')!;
  await scanWithWedge(page, bun.barcodes[0]!);
  await expect(page.getByTestId('sale-complete')).toHaveCount(0);
  await expect(page.getByTestId('basket-line')).toHaveCount(1);
  await expect(page.getByTestId('basket-line')).toContainText('Kanelbolle');
  await expect(page.getByTestId('member-panel')).toHaveCount(0);
});

test('a scan in another dialog is refused with a line and presses nothing', async ({ page }) => {
  await logIn(page, CASHIER_PIN);
  await page.keyboard.press('F7');
  const receipts = page.getByTestId('receipts-dialog');
  await expect(receipts).toBeVisible();
  await scanWithWedge(page, INGRID_CARD);
  await expect(
    page.getByText('Lukk vinduet før du skanner. Skanningen er ikke brukt.'),
  ).toBeVisible();
  await expect(receipts).toBeVisible();
  await shoot(page, 'scan-in-dialog-refused');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('basket-line')).toHaveCount(0);
  await expect(page.getByTestId('member-panel')).toHaveCount(0);
});
