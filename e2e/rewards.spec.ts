/**
 * The reward in one tap or one key (issue 13, point 3): a ready punch-card
 * reward is offered first and stands out, with its key (Alt+1); the points and
 * their value are in view with the member's name; "6*" before a scan is shown
 * beside the scan field and gives six of the scanned item.
 */
import { CASHIER_PIN, expect, logIn, products, scanWithWedge, shoot, test } from './fixtures';

/** Ingrid Haugen in the demo (README): Gull, full coffee cards ready. */
const INGRID_PHONE = '48000001';

test('a ready reward comes first, stands out, and is used with one tap or one key', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await logIn(page, CASHIER_PIN);
  await page.getByTestId('club-button').click();
  await page.getByTestId('member-query').fill(INGRID_PHONE);
  await page.getByTestId('member-query').press('Enter');
  const panel = page.getByTestId('member-panel');
  await expect(panel.getByTestId('offers')).toBeVisible();

  // First among the offers, marked, its key on its button; the name and points in view.
  const first = panel.getByTestId('offers').locator('.offer').first();
  await expect(first).toHaveAttribute('data-testid', 'reward');
  await expect(first).toHaveAttribute('data-prominent', 'true');
  const use = first.getByRole('button');
  await expect(use).toHaveText(/^Bruk\s*Alt\+1$/);
  await expect(use).toBeInViewport({ ratio: 1 });
  await expect(page.getByTestId('member-name')).toBeInViewport({ ratio: 1 });
  await expect(panel.getByTestId('points-balance')).toBeInViewport({ ratio: 1 });
  await expect(panel.getByTestId('points-balance')).toContainText('verdt');
  await shoot(page, 'reward-ready-1024x768');

  // One key on, the same key off; one tap on.
  await page.keyboard.press('Alt+1');
  await expect(use).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Alt+1');
  await expect(use).toHaveAttribute('aria-pressed', 'false');
  await use.click();
  await expect(use).toHaveAttribute('aria-pressed', 'true');
  await expect(use).toHaveText(/^Brukes ✓/);
});

test('"6*" before a scan is shown beside the field and gives six of the item', async ({
  page,
  request,
}) => {
  await logIn(page, CASHIER_PIN);
  const bun = (await products(request)).find((p) => p.sku === 'kanelbolle')!;
  await page.getByTestId('scan-input').pressSequentially('6*', { delay: 80 });
  await expect(page.getByTestId('qty-prefix')).toHaveText('6 stk.');
  await shoot(page, 'quantity-prefix');
  await scanWithWedge(page, bun.barcodes[0]!);
  await expect(page.getByTestId('basket-line')).toHaveCount(1);
  await expect(page.getByTestId('basket-line').locator('.qty output')).toHaveText('6');
  await expect(page.getByTestId('qty-prefix')).toHaveCount(0);
  await expect(page.getByTestId('scan-input')).toHaveValue('');
});
