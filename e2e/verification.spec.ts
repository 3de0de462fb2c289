/**
 * A big redemption for a member found by phone alone needs proof: the till
 * asks for a card scan or the member's PIN, the service refuses the sale until
 * then, a wrong PIN is said so, and the right one lets the sale through.
 */
import type { MemberDetail } from '../src/service/commands';
import {
  CASHIER_PIN,
  apiCall,
  completeSale,
  expect,
  findMemberByPhone,
  logIn,
  products,
  shoot,
  test,
  uniquePhone,
} from './fixtures';

test('the member PIN unlocks a redemption above the limit', async ({ page, request }) => {
  const phone = uniquePhone();
  await apiCall<{ member: MemberDetail }>(request, 'POST', '/members', {
    phone,
    acceptTerms: true,
    memberPin: '4321',
    profile: { firstName: 'Vera' },
  });
  const bun = (await products(request)).find((p) => p.sku === 'kanelbolle')!;

  await logIn(page, CASHIER_PIN);
  // "60*<barcode>": sixty buns in one go, so 10 % off is worth more than the limit.
  await page.getByTestId('scan-input').fill(`60*${bun.barcodes[0]!}`);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('line-quantity')).toHaveText('60');

  await findMemberByPhone(page, phone);
  await expect(page.getByTestId('member-name')).toHaveText('Vera');
  const welcome = page.locator('[data-testid="coupon"][data-source="welcome"]');
  await welcome.getByRole('button').click();
  await expect(page.getByTestId('verify-prompt')).toBeVisible();
  await shoot(page, '12-verify-member');

  // The service refuses the sale until the member is verified, and the till shows why.
  await page.getByTestId('complete-sale').click();
  await expect(page.getByTestId('status-strip')).toContainText('krever at medlemmet bekreftes');
  await expect(page.getByTestId('sale-complete')).toHaveCount(0);

  const pin = page.getByTestId('verify-prompt').getByRole('textbox');
  await pin.fill('1234');
  await pin.press('Enter');
  await expect(page.getByTestId('pin-rejected')).toHaveText(
    'Feil PIN-kode for medlemmet. Be kunden prøve igjen, eller skann kortet.',
  );

  await pin.fill('4321');
  await pin.press('Enter');
  await expect(page.getByTestId('verify-prompt')).toHaveCount(0);
  await completeSale(page);
  await expect(page.getByTestId('done-saved')).toBeVisible();
});

test('a scanned card verifies the member: the service’s verification rides with the sale', async ({
  page,
  request,
}) => {
  const enrolled = await apiCall<{ member: MemberDetail }>(request, 'POST', '/members', {
    phone: uniquePhone(),
    acceptTerms: true,
    profile: { firstName: 'Siri' },
  });
  const { member } = enrolled.body;
  const bun = (await products(request)).find((p) => p.sku === 'kanelbolle')!;

  await logIn(page, CASHIER_PIN);
  await page.getByTestId('scan-input').fill(`60*${bun.barcodes[0]!}`);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('line-quantity')).toHaveText('60');

  // The card's number into the scan field, as a scanner types it.
  await page.getByTestId('scan-input').fill(member.memberNumber);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('member-name')).toHaveText('Siri');
  await expect(page.getByTestId('member-panel')).toContainText('Bekreftet');
  const welcome = page.locator('[data-testid="coupon"][data-source="welcome"]');
  await welcome.getByRole('button').click();
  await expect(page.getByTestId('verify-prompt')).toHaveCount(0);
  await completeSale(page);
  await expect(page.getByTestId('done-saved')).toBeVisible();
});
