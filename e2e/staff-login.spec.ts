/**
 * Log-in by name (issue 10, point 5): the log-in screen offers the staff's
 * names; a staff member who chooses theirs logs in with their PIN, and five
 * wrong PINs lock that name with a message saying how long. The lock test runs
 * on a till of its own, so no other spec meets a locked name.
 */
import type { Page } from '@playwright/test';
import { CASHIER_PIN, MANAGER_PIN, expect, scanWithWedge, shoot, test } from './fixtures';
import { startTillHost } from './host';
import type { TillHost } from './host';

async function tapPin(page: Page, pin: string): Promise<void> {
  for (const digit of pin)
    await page.getByRole('button', { name: new RegExp(`^(Siffer|Digit) ${digit}$`) }).click();
}

test('a cashier chooses her name and logs in with her PIN', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto('/');
  // The PIN field keeps the focus: typing a PIN straight away still works.
  await expect(page.getByTestId('pin-input')).toBeFocused();
  await expect(page.getByRole('group', { name: 'Velg navnet ditt (valgfritt)' })).toBeVisible();
  const kari = page.getByRole('button', { name: 'Kari (kasse)' });
  await kari.click();
  await expect(kari).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('Kari (kasse): tast PIN-koden din')).toBeVisible();
  await expect(page.getByTestId('pin-input')).toBeFocused();
  await shoot(page, 'login-by-name-1024x768');

  // Morten's PIN under Kari's name is wrong: the PIN is checked against her alone.
  await tapPin(page, MANAGER_PIN);
  await page.getByRole('button', { name: /^Logg inn$/ }).click();
  await expect(page.getByTestId('login-error')).toHaveText(/Feil PIN-kode/);

  await tapPin(page, CASHIER_PIN);
  await page.getByRole('button', { name: /^Logg inn$/ }).click();
  await expect(page.getByTestId('scan-input')).toBeVisible();
  await expect(page.getByText('Kari (kasse)')).toBeVisible();
});

test('a name can be chosen with the keyboard: Tab to it, Enter, then the PIN', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('pin-input')).toBeFocused();
  // The names come before the PIN field: Shift+Tab reaches the last one, Morten.
  const morten = page.getByRole('button', { name: 'Morten (leder)' });
  await expect(morten).toBeVisible();
  await page.keyboard.press('Shift+Tab');
  await expect(morten).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(morten).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('pin-input')).toBeFocused();
  await page.keyboard.type(MANAGER_PIN);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('scan-input')).toBeVisible();
  await expect(page.getByText('Morten (leder)')).toBeVisible();
});

test.describe('a locked name', () => {
  let till: TillHost;
  test.beforeAll(async () => {
    till = await startTillHost();
  });
  test.afterAll(async () => {
    await till?.stop();
  });

  test('five wrong PINs for a chosen name lock it, and say for how long; a colleague still logs in', async ({
    page,
  }) => {
    await page.goto(till.url);
    await page.getByRole('button', { name: 'Kari (kasse)' }).click();
    for (let i = 0; i < 5; i++) {
      await tapPin(page, `000${i}`);
      await page.getByRole('button', { name: /^Logg inn$/ }).click();
      await expect(page.getByTestId('login-error')).toHaveText(/Feil PIN-kode/);
    }
    // Her right PIN too, now: the lock names her and says how long.
    await tapPin(page, CASHIER_PIN);
    await page.getByRole('button', { name: /^Logg inn$/ }).click();
    await expect(page.getByTestId('login-error')).toHaveText(
      /For mange feil PIN-koder for Kari \(kasse\): innloggingen er sperret i \d+ s til/,
    );
    await shoot(page, 'login-by-name-locked');

    // Morten, at the same till, by name.
    await page.getByRole('button', { name: 'Morten (leder)' }).click();
    await tapPin(page, MANAGER_PIN);
    await page.getByRole('button', { name: /^Logg inn$/ }).click();
    await expect(page.getByTestId('scan-input')).toBeVisible();
  });
});

test.describe('a scan on the log-in screen', () => {
  let till: TillHost;
  test.beforeAll(async () => {
    till = await startTillHost();
  });
  test.afterAll(async () => {
    await till?.stop();
  });

  test('is refused with a line, never taken for a PIN: six card scans lock nobody', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(till.url);
    await expect(page.getByTestId('pin-input')).toBeFocused();
    // More scans than wrong PINs it takes to lock log-in (five), each a member card.
    for (let i = 0; i < 6; i++) {
      await scanWithWedge(page, '4800000000018');
      await expect(page.getByTestId('login-error')).toHaveText(
        'Logg inn før du skanner. Skanningen er ikke brukt.',
      );
      await expect(page.getByTestId('pin-input')).toHaveValue('');
    }
    await shoot(page, 'login-scan-refused');
    // The PIN field kept nothing of the scans, and log-in is not locked.
    await page.getByTestId('pin-input').pressSequentially(MANAGER_PIN, { delay: 80 });
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('scan-input')).toBeVisible();
  });
});
