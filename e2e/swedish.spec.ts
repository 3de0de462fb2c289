/**
 * Swedish, the till's third language: chosen on the switch (by touch or by
 * keyboard), remembered, and said everywhere: the sale screen, a benefit's
 * reason from the basket, and the service's refusals (a wrong PIN, a wrong
 * postal code).
 */
import type { Page } from '@playwright/test';
import type { MemberDetail } from '../src/service/commands';
import { apiCall, expect, shoot, test, uniquePhone } from './fixtures';

const COFFEE = 'kaffe-liten';

/** The keypad, the way a Swedish cashier reads it. */
async function typeOnKeypad(scope: Page | ReturnType<Page['getByTestId']>, digits: string) {
  for (const digit of digits)
    await scope.getByRole('button', { name: `Siffra ${digit}`, exact: true }).click();
}

test('Swedish on the switch: the sale screen, a benefit and an error in Swedish', async ({
  page,
  request,
}) => {
  // A member whose coffee card is full: the next coffee is the reward.
  const phone = uniquePhone();
  const enrolled = await apiCall<{ member: MemberDetail }>(request, 'POST', '/members', {
    phone,
    acceptTerms: true,
    profile: { firstName: 'Astrid' },
  });
  const memberId = enrolled.body.member.memberId;
  const sale = await apiCall(request, 'POST', '/sales', {
    idempotencyKey: `swedish-${phone}`,
    paymentMethod: 'card',
    memberId,
    lines: [{ sku: COFFEE, quantity: 9 }],
  });
  expect(sale.status).toBe(201);

  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
  const languages = page.getByRole('group', { name: 'Språk' });
  await expect(languages.locator('span[lang]')).toHaveText(['English', 'Svenska']);
  await languages.getByRole('button', { name: 'Svenska' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await expect(languages.locator('span[lang]')).toHaveText(['Norsk', 'English']);
  await expect(page.getByText('Slå in din PIN-kod')).toBeVisible();

  // The service's refusal of a wrong PIN, in Swedish; one already on screen follows a switch.
  await page.getByTestId('pin-input').fill('4321');
  await page.keyboard.press('Enter');
  const loginError = page.getByTestId('login-error');
  await expect(loginError).toHaveText('Fel PIN-kod. Försök igen, eller fråga en chef.');
  await languages.getByRole('button', { name: 'Norsk' }).click();
  await expect(loginError).toHaveText('Feil PIN-kode. Prøv igjen, eller spør en leder.');
  await languages.getByRole('button', { name: 'Svenska' }).click();
  await expect(loginError).toHaveText('Fel PIN-kod. Försök igen, eller fråga en chef.');

  // Remembered across a reload.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
  await typeOnKeypad(page, '1111');
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(page.getByTestId('scan-input')).toBeVisible();

  // The sale screen.
  await expect(page.getByTestId('club-button')).toContainText('Kundklubb');
  await expect(page.getByTestId('complete-sale')).toContainText('Slutför köp');
  await expect(page.getByTestId('pay-cash')).toHaveText('Kontant');
  await expect(page.getByText('Varukorgen är tom.', { exact: false })).toBeVisible();
  await page.getByTestId(`quick-key-${COFFEE}`).click();
  await expect(page.getByTestId('basket-line')).toHaveCount(1);
  await expect(page.getByText('Att betala', { exact: true })).toBeVisible();

  // A benefit's reason, from the basket: the full card's free coffee.
  await page.getByTestId('club-button').click();
  const club = page.getByTestId('club-dialog');
  await typeOnKeypad(club, phone);
  await club.getByRole('button', { name: 'Hitta medlem', exact: true }).click();
  await expect(page.getByTestId('member-name')).toHaveText('Astrid');
  const reward = page.getByTestId('reward');
  await reward.getByRole('button').click();
  await expect(reward.getByRole('button')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('benefit').filter({ hasText: /^Stämpelkort / })).toContainText(
    /Stämpelkort Kaffe: 10:e .+ gratis/,
  );
  await expect(page.getByTestId('total')).toHaveText('0,00 kr');
  await shoot(page, 'swedish-sale');
  // The longer Swedish words on a small till screen and a wide one.
  for (const [width, height] of [
    [1024, 768],
    [1366, 768],
  ] as const) {
    await page.setViewportSize({ width, height });
    await expect(page.getByRole('button', { name: /Slutför köp/ })).toBeVisible();
    await shoot(page, `swedish-sale-${width}x${height}`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });

  // The service's refusal, in Swedish: a postal code that is not Norwegian.
  await page.getByRole('button', { name: 'Töm varukorgen', exact: true }).click();
  await expect(page.getByTestId('member-name')).toHaveCount(0);
  await page.getByTestId('club-button').click();
  await club.getByTestId('enrol-button').click();
  const enrol = page.getByTestId('enrol-dialog');
  await enrol.getByTestId('enrol-phone').fill(uniquePhone());
  await enrol.getByTestId('enrol-terms').check();
  await enrol.getByRole('button', { name: 'Fler fält' }).click();
  await enrol.getByLabel('Postnummer').fill('12');
  await enrol.getByTestId('enrol-submit').click();
  await expect(enrol.getByRole('alert')).toHaveText('Ett norskt postnummer har 4 siffror.');
  await shoot(page, 'swedish-error');

  // Back to Norwegian by keyboard (Tab to the button, Enter).
  await page.keyboard.press('Escape');
  await expect(enrol).toHaveCount(0);
  await page.getByRole('group', { name: 'Språk' }).getByRole('button', { name: 'Norsk' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
  await expect(page.getByTestId('complete-sale')).toContainText('Fullfør salg');
});
