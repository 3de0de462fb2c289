/**
 * The bakery's everyday loyalty story, end to end through the real till:
 * enrol at the till → the welcome coupon lands on the basket → pay → found
 * again by phone → coffee stamps → a full card → the free coffee used on the
 * next visit.
 */
import type { Page } from '@playwright/test';
import type { MemberDetail } from '../src/service/commands';
import {
  CASHIER_PIN,
  apiCall,
  completeSale,
  expect,
  findMemberByPhone,
  logIn,
  scanWithWedge,
  shoot,
  tapQuickKey,
  test,
  uniquePhone,
} from './fixtures';

const COFFEE = 'kaffe-liten';

async function coffeeCard(page: Page): Promise<{ stamps: number; of: number }> {
  const text = await page.getByTestId('punch-card-kaffe').getByTestId('stamp-count').innerText();
  const [stamps, of] = text.split('/').map(Number);
  return { stamps: stamps!, of: of! };
}

async function nextCustomer(page: Page): Promise<void> {
  await page.getByTestId('next-customer').click();
  await expect(page.getByTestId('basket-line')).toHaveCount(0);
  await expect(page.getByTestId('club-button')).toBeVisible();
}

test('enrol, welcome coupon, stamps, a full card and the free coffee next visit', async ({
  page,
  request,
}) => {
  const phone = uniquePhone();
  await logIn(page, CASHIER_PIN);

  // Visit 1: not a member yet → Bli medlem from the lookup, phone carried over.
  await tapQuickKey(page, COFFEE);
  await findMemberByPhone(page, phone);
  await expect(page.getByTestId('member-not-found')).toContainText(phone);
  await page.getByTestId('enrol-button').click();
  await expect(page.getByTestId('enrol-phone')).toHaveValue(phone);
  await expect(page.getByTestId('enrol-sms')).not.toBeChecked();
  await expect(page.getByTestId('enrol-email-consent')).not.toBeChecked();

  // The terms are required: the till says so and enrols nobody.
  await page.getByTestId('enrol-submit').click();
  await expect(page.getByTestId('enrol-terms-error')).toContainText('medlemsvilkårene');
  const before = await apiCall<{ member: unknown }>(request, 'GET', `/members/lookup?q=${phone}`);
  expect(before.body.member).toBeNull();

  await page.getByTestId('enrol-terms').check();
  await page.getByTestId('enrol-submit').click();
  await expect(page.getByTestId('member-panel')).toBeVisible();

  // The welcome coupon is on the open basket, applied, with its reason in the totals.
  const welcome = page.locator('[data-testid="coupon"][data-source="welcome"]');
  await expect(welcome.getByRole('button')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('benefit').filter({ hasText: 'Velkomstkupong' })).toBeVisible();
  const listPrice = await page.locator('.totals dd').first().innerText();
  await expect(page.getByTestId('total')).not.toHaveText(listPrice);

  await completeSale(page);
  await expect(page.getByTestId('done-saved')).toBeVisible();
  await nextCustomer(page);

  const found = await apiCall<{ member: { memberId: string } | null; via: string }>(
    request,
    'GET',
    `/members/lookup?q=${phone}`,
  );
  expect(found.body.via).toBe('phone');
  const memberId = found.body.member!.memberId;
  const afterFirst = await apiCall<MemberDetail>(request, 'GET', `/members/${memberId}`);
  expect(afterFirst.body.coupons.some((c) => c.source === 'welcome')).toBe(false);
  expect(afterFirst.body.punchCards.find((c) => c.cardId === 'kaffe')?.stamps).toBe(1);

  // Visit 2: found again by phone; coffees fill the card.
  await findMemberByPhone(page, phone);
  await expect(page.getByTestId('member-panel')).toBeVisible();
  const card = await coffeeCard(page);
  expect(card.stamps).toBe(1);
  const toFill = card.of - card.stamps;
  await tapQuickKey(page, COFFEE, toFill);
  await expect(page.getByTestId('line-quantity')).toHaveText(String(toFill));
  await expect(page.getByTestId('earns')).toContainText('kortet er fullt');
  await completeSale(page);
  await expect(page.getByTestId('done-rewards')).toBeVisible();
  await nextCustomer(page);

  const full = await apiCall<MemberDetail>(request, 'GET', `/members/${memberId}`);
  const rewards = full.body.punchCards.find((c) => c.cardId === 'kaffe')!.rewardsAvailable;
  expect(rewards).toHaveLength(1);

  // Visit 3: the free coffee, applied with one tap.
  await tapQuickKey(page, COFFEE);
  await findMemberByPhone(page, phone);
  const reward = page.getByTestId('reward');
  await expect(reward).toHaveCount(1);
  await expect(reward.getByRole('button')).toHaveAttribute('aria-pressed', 'false');
  await reward.getByRole('button').click();
  await expect(reward.getByRole('button')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('benefit').filter({ hasText: /kaffe/i })).toBeVisible();
  await expect(page.getByTestId('total')).toHaveText('0,00 kr');
  await completeSale(page);
  await nextCustomer(page);

  const after = await apiCall<MemberDetail>(request, 'GET', `/members/${memberId}`);
  expect(after.body.punchCards.find((c) => c.cardId === 'kaffe')!.rewardsAvailable).toHaveLength(0);
});

test('a member card scanned anywhere on the till attaches the member', async ({
  page,
  request,
}) => {
  const enrolled = await apiCall<{ member: MemberDetail }>(request, 'POST', '/members', {
    phone: uniquePhone(),
    acceptTerms: true,
    profile: { firstName: 'Sigrid' },
  });
  expect(enrolled.status).toBe(201);
  await logIn(page, CASHIER_PIN);
  await page.getByTestId('scan-input').blur();
  // A keyboard-wedge scanner: a few milliseconds per key, then Enter.
  await scanWithWedge(page, enrolled.body.member.memberNumber);
  await expect(page.getByTestId('member-name')).toHaveText('Sigrid');
  await expect(page.getByTestId('member-panel')).toContainText('Bekreftet');
});

test('the enrol form shows every problem at once, each beside its field', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await logIn(page, CASHIER_PIN);
  await page.getByRole('button', { name: /^Bli medlem/ }).click();
  const enrol = page.getByTestId('enrol-dialog');
  await enrol.getByTestId('enrol-phone').fill('123');
  await enrol.getByRole('button', { name: 'Flere felt' }).click();
  await enrol.getByTestId('enrol-email').fill('ikke-en-adresse');
  await enrol.getByTestId('enrol-postal-code').fill('12');
  await enrol.getByTestId('enrol-submit').click();
  // Terms, phone, e-mail and postal code: all four told together, none at the bottom.
  await expect(enrol.getByTestId('enrol-terms-error')).toContainText('medlemsvilkårene');
  await expect(enrol.getByTestId('enrol-phone-error')).toBeVisible();
  await expect(enrol.getByTestId('enrol-email-error')).toBeVisible();
  await expect(enrol.getByTestId('enrol-postal-code-error')).toBeVisible();
  await expect(enrol.getByTestId('enrol-error')).toHaveCount(0);
  await expect(enrol.getByTestId('enrol-phone')).toHaveAttribute('aria-invalid', 'true');
  // The first field at fault has the focus, so the cashier starts there.
  await expect(enrol.getByTestId('enrol-phone')).toBeFocused();
  await shoot(page, 'enrol-all-errors-1024x768');
});
