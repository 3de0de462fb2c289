/**
 * A picture of every screen so a reviewer can look at layout, overflow,
 * contrast and language without running the till. Each step also asserts the
 * screen is the one it claims to be. `LOJAL_UPDATE_SCREENSHOTS=1 npx playwright
 * test e2e/screenshots.spec.ts` refreshes the committed e2e/screenshots/.
 */
import type { Page } from '@playwright/test';
import type { MemberDetail } from '../src/service/commands';
import {
  CASHIER_PIN,
  apiCall,
  MANAGER_PIN,
  completeSale,
  expect,
  findMemberByPhone,
  logIn,
  tapQuickKey,
  test,
  shoot,
  uniquePhone,
} from './fixtures';

/** Messages from earlier steps would otherwise show in the next picture (and its language). */
async function dismissNotices(page: Page): Promise<void> {
  // The screen's strip, or an open dialog's foot.
  const strip = page.locator('[data-testid="status-strip"], [data-testid="dialog-notices"]');
  while ((await strip.getByRole('button').count()) > 0)
    await strip.getByRole('button').first().click();
}

test('every screen, in Norwegian and English', async ({ page, request }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Lojal' })).toBeVisible();
  await shoot(page, '01-login');

  await logIn(page, CASHIER_PIN);
  await shoot(page, '02-checkout-empty');

  await tapQuickKey(page, 'kaffe-liten', 2);
  await tapQuickKey(page, 'grovbrod');
  await expect(page.getByTestId('basket-line')).toHaveCount(2);
  await shoot(page, '03-checkout-basket');

  const phone = uniquePhone();
  await findMemberByPhone(page, phone);
  await expect(page.getByTestId('member-not-found')).toBeVisible();
  await shoot(page, '04-kundeklubb-not-found');

  await page.getByTestId('enrol-button').click();
  await expect(page.getByTestId('enrol-phone')).toHaveValue(phone);
  await page.getByRole('button', { name: 'Flere felt' }).click();
  await page.getByTestId('enrol-first-name').fill('Ingrid');
  await page.getByLabel('Fødselsdato').fill('17.05.1990');
  await shoot(page, '05-enrol');

  await page.getByTestId('enrol-terms').check();
  await page.getByTestId('enrol-submit').click();
  await expect(page.getByTestId('member-name')).toHaveText('Ingrid');
  await expect(page.getByTestId('coupon').first()).toHaveAttribute('data-source', 'welcome');
  const found = await apiCall<{ member: { memberId: string } }>(
    request,
    'GET',
    `/members/lookup?q=${phone}`,
  );
  const ingrid = await apiCall<MemberDetail>(
    request,
    'GET',
    `/members/${found.body.member.memberId}`,
  );
  expect(ingrid.body.profile.birthDate).toBe('1990-05-17');
  await shoot(page, '06-checkout-member-welcome-coupon');

  await completeSale(page);
  await shoot(page, '07-sale-complete');
  await page.getByTestId('next-customer').click();

  await tapQuickKey(page, 'cappuccino');
  await findMemberByPhone(page, phone);
  await expect(page.getByTestId('member-name')).toHaveText('Ingrid');
  await dismissNotices(page);
  await shoot(page, '08-checkout-member-returning');

  await dismissNotices(page);
  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('club-button').or(page.getByTestId('member-panel'))).toBeVisible();
  await expect(page.getByText('Complete sale')).toBeVisible();
  await shoot(page, '09-checkout-member-english');
  await page.getByTestId('language-switch').click();

  await page.getByTestId('receipts-button').click();
  await page.getByTestId('receipt').first().click();
  await expect(page.getByTestId('manager-only')).toBeVisible();
  await shoot(page, '10-receipts-cashier');
  await page.keyboard.press('Escape');

  await page.getByTestId('logout').click();
  await logIn(page, MANAGER_PIN);
  await page.getByTestId('receipts-button').click();
  await page.getByTestId('receipt').first().click();
  await page.getByTestId('void-sale').click();
  await expect(page.getByTestId('void-reason')).toBeFocused();
  await shoot(page, '11-receipts-manager-void');
});
