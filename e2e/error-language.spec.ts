/**
 * The service's refusals reach the cashier in the till's language: Norwegian by
 * default, English after the switch (an error already on screen follows it).
 */
import type { Page } from '@playwright/test';
import { CASHIER_PIN, expect, logIn, shoot, test } from './fixtures';

const WRONG_PIN = {
  nb: 'Feil PIN-kode. Prøv igjen, eller spør en leder.',
  en: 'Wrong PIN. Try again, or ask a manager.',
};
const SHORT_PHONE = {
  nb: '123 har for få sifre: et norsk nummer har 8 sifre.',
  en: '123 has too few digits: a Norwegian number has 8 digits.',
};

test('a wrong PIN is refused in Norwegian, and in English after the switch', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('pin-input').fill('4321');
  await page.keyboard.press('Enter');
  const error = page.getByTestId('login-error');
  await expect(error).toHaveText(WRONG_PIN.nb);
  await shoot(page, 'error-wrong-pin-nb');

  await page.getByTestId('language-switch').click();
  await expect(error).toHaveText(WRONG_PIN.en);
  await shoot(page, 'error-wrong-pin-en');
  await page.getByTestId('language-switch').click();
  await expect(error).toHaveText(WRONG_PIN.nb);
});

/** Kundeklubb → "123" → Finn medlem, then Bli medlem with the same number. */
async function shortPhone(page: Page, language: 'nb' | 'en'): Promise<void> {
  await page.getByTestId('club-button').click();
  const club = page.getByTestId('club-dialog');
  await club.getByTestId('member-query').fill('123');
  await club.getByRole('button', { name: /^(Finn medlem|Find member)$/ }).click();
  await expect(club.getByTestId('lookup-error')).toHaveText(SHORT_PHONE[language]);
  await shoot(page, `error-lookup-phone-${language}`);

  await club.getByTestId('enrol-button').click();
  const enrol = page.getByTestId('enrol-dialog');
  await expect(enrol.getByTestId('enrol-phone')).toHaveValue('123');
  await enrol.getByTestId('enrol-terms').check();
  await enrol.getByTestId('enrol-submit').click();
  await expect(enrol.getByTestId('enrol-phone-error')).toHaveText(SHORT_PHONE[language]);
  await expect(enrol.getByTestId('enrol-phone')).toHaveAttribute('aria-invalid', 'true');
  await shoot(page, `error-enrol-phone-${language}`);
  await page.keyboard.press('Escape');
  await expect(enrol).toHaveCount(0);
}

test('an invalid phone number is refused in Norwegian, and in English after the switch', async ({
  page,
}) => {
  await logIn(page, CASHIER_PIN);
  await shortPhone(page, 'nb');
  await page.getByTestId('language-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await shortPhone(page, 'en');
});
