/**
 * Spending points at the till: with a programme where points are worth money,
 * the member panel offers a points picker; "Maks" covers what it can, the
 * totals show the redemption with its reason, and the balance goes down.
 */
import type { MemberDetail, SaleRecord } from '../src/service/commands';
import type { Programme } from '../src/core/programme';
import {
  CASHIER_PIN,
  apiCall,
  completeSale,
  expect,
  findMemberByPhone,
  logIn,
  tapQuickKey,
  test,
  uniquePhone,
} from './fixtures';

test('a member spends points with the picker', async ({ page, request }) => {
  const original = (await apiCall<Programme>(request, 'GET', '/programme')).body;
  const worthTen = { ...original, points: { ...original.points!, redeemValueOre: 10 } };
  expect((await apiCall(request, 'PUT', '/programme', worthTen)).status).toBe(200);
  try {
    const phone = uniquePhone();
    const enrolled = await apiCall<{ member: MemberDetail }>(request, 'POST', '/members', {
      phone,
      acceptTerms: true,
      profile: { firstName: 'Poeng' },
    });
    const memberId = enrolled.body.member.memberId;
    const sale = await apiCall<SaleRecord>(request, 'POST', '/sales', {
      idempotencyKey: `points-${phone}`,
      paymentMethod: 'card',
      memberId,
      lines: [{ sku: 'skolebolle', quantity: 20 }],
    });
    expect(sale.status).toBe(201);
    const before = (await apiCall<MemberDetail>(request, 'GET', `/members/${memberId}`)).body;
    expect(before.points.balance).toBeGreaterThan(50);

    await logIn(page, CASHIER_PIN);
    await tapQuickKey(page, 'kaffe-liten');
    await findMemberByPhone(page, phone);
    const picker = page.getByTestId('points-picker');
    await expect(picker).toBeVisible();
    const totalBefore = await page.getByTestId('total').innerText();

    await picker.getByRole('button', { name: 'Maks' }).click();
    const chosen = Number(
      (await page.getByTestId('points-to-redeem').innerText()).match(/^(\d+)/)![1],
    );
    expect(chosen).toBeGreaterThan(0);
    expect(chosen).toBeLessThanOrEqual(before.points.balance);
    await expect(page.getByTestId('total')).not.toHaveText(totalBefore);
    await expect(page.getByTestId('benefit')).toHaveCount(2); // tier discount + points

    await completeSale(page);
    const after = (await apiCall<MemberDetail>(request, 'GET', `/members/${memberId}`)).body;
    expect(after.points.balance).toBeLessThan(before.points.balance);
  } finally {
    await apiCall(request, 'PUT', '/programme', original);
  }
});
