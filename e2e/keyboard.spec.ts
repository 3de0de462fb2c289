/** One whole sale with the keyboard alone: PIN, barcode, F2 member by phone, F4 pay, Enter for the next customer. */
import type { MemberDetail } from '../src/service/commands';
import { CASHIER_PIN, apiCall, expect, products, shootSizes, test, uniquePhone } from './fixtures';

test('a sale with a member, keyboard only', async ({ page, request }) => {
  const phone = uniquePhone();
  const enrolled = await apiCall<{ member: MemberDetail }>(request, 'POST', '/members', {
    phone,
    acceptTerms: true,
    profile: { firstName: 'Tastatur' },
  });
  const bun = (await products(request)).find((p) => p.sku === 'kanelbolle')!;

  await page.goto('/');
  await expect(page.getByTestId('pin-input')).toBeFocused();
  await page.keyboard.type(CASHIER_PIN);
  await page.keyboard.press('Enter');

  // The scan field has focus after log-in: a barcode typed by hand and Enter adds the
  // product. (At a person's pace: Playwright's fastest typing is neither a person nor a
  // scanner, and on a loaded machine its gaps split it like a broken scan.)
  await expect(page.getByTestId('scan-input')).toBeFocused();
  await page.keyboard.type(bun.barcodes[0]!, { delay: 60 });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('basket-line')).toHaveCount(1);
  await expect(page.getByTestId('basket-line')).toContainText(bun.name);

  await page.keyboard.press('F2');
  await expect(page.getByTestId('member-query')).toBeFocused();
  // A person types the phone (human gaps); only a scanner's burst counts as a scan.
  await page.keyboard.type(phone, { delay: 90 });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('member-name')).toHaveText('Tastatur');
  await expect(page.getByTestId('scan-input')).toBeFocused();

  // Tab reaches the payment buttons with a visible focus ring; Space picks Vipps.
  await page.getByTestId('pay-cash').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('pay-vipps')).toBeFocused();
  const ring = await page
    .getByTestId('pay-vipps')
    .evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(ring).toBe('solid');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('pay-vipps')).toHaveAttribute('aria-pressed', 'true');

  await page.keyboard.press('F4');
  await expect(page.getByTestId('sale-complete')).toBeVisible();
  await expect(page.getByTestId('sale-complete')).toContainText('Vipps');
  await expect(page.getByTestId('next-customer')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sale-complete')).toHaveCount(0);
  await expect(page.getByTestId('basket-line')).toHaveCount(0);
  await expect(page.getByTestId('scan-input')).toBeFocused();

  const after = await apiCall<MemberDetail>(
    request,
    'GET',
    `/members/${enrolled.body.member.memberId}`,
  );
  expect(after.body.stats.purchases).toBe(1);
});

test('Escape closes a dialog and gives the scan field back', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('pin-input')).toBeFocused();
  await page.keyboard.type(CASHIER_PIN);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('scan-input')).toBeFocused();
  await page.keyboard.press('F7');
  await expect(page.getByTestId('receipts-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('receipts-dialog')).toHaveCount(0);
  await expect(page.getByTestId('scan-input')).toBeFocused();
});

test('a search word with several matches and Enter: the text stays and the first match takes the focus, Enter adds it', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByTestId('pin-input')).toBeFocused();
  await page.keyboard.type(CASHIER_PIN);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('scan-input')).toBeFocused();
  await page.keyboard.type('kaff', { delay: 60 });
  const results = page.getByRole('group', { name: 'Treff' });
  await expect(results.getByRole('button')).toHaveCount(2);
  // Before: the word went as a code («Ukjent kode») and the field and its matches were cleared.
  await page.keyboard.press('Enter');
  await expect(results.getByRole('button').first()).toBeFocused();
  await expect(page.getByTestId('scan-input')).toHaveValue('kaff');
  await shootSizes(page, 'checkout-search-matches');
  await results.getByRole('button').first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(results.getByRole('button').nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('basket-line')).toHaveCount(1);
  await expect(page.getByTestId('basket-line')).toContainText('Kaffe, stor');
  await expect(page.getByTestId('scan-input')).toBeFocused();
  await expect(page.getByTestId('scan-input')).toHaveValue('');
});
