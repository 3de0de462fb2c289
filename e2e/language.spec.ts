/** Norwegian bokmål by default; English on the switch, remembered by the till. */
import { CASHIER_PIN, expect, logIn, test } from './fixtures';

test('nb by default, en on the switch, and back', async ({ page }) => {
  await logIn(page, CASHIER_PIN);
  await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
  await expect(page.getByTestId('club-button')).toContainText('Kundeklubb');
  await expect(page.getByTestId('complete-sale')).toContainText('Fullfør salg');
  await expect(page.getByTestId('pay-cash')).toHaveText('Kontant');

  await page.getByTestId('language-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('club-button')).toContainText('Loyalty club');
  await expect(page.getByTestId('complete-sale')).toContainText('Complete sale');
  await expect(page.getByTestId('pay-cash')).toHaveText('Cash');
  await expect(page.getByTestId('quick-key-kaffe-liten')).toContainText('NOK 39.00');

  // Remembered across a reload (the session is not: log in again, in English).
  await page.reload();
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  await page.getByTestId('language-switch').click();
  await expect(page.getByRole('button', { name: 'Logg inn' })).toBeVisible();
});
