/**
 * The reward in one tap or one key (issue 13, point 3): a ready punch-card
 * reward is offered first and stands out, with its key (Alt+1); the points and
 * their value are in view with the member's name; "6*" before a scan is shown
 * beside the scan field and gives six of the scanned item. The payment methods
 * have their keys (Ctrl+1…4) on their buttons; "use rewards automatically" (a
 * manager's, per till, off by default) puts a ready reward on by itself and
 * Angre takes it off; spending points never hides the member's name.
 */
import type { Locator, Page } from '@playwright/test';
import {
  CASHIER_PIN,
  MANAGER_PIN,
  expect,
  logIn,
  products,
  rpcAs,
  scanWithWedge,
  shoot,
  tapQuickKey,
  test,
} from './fixtures';

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

/** Kundeklubb → the phone typed → Enter: the member on the till. */
async function findByPhone(page: Page, phone: string): Promise<void> {
  await page.getByTestId('club-button').click();
  await page.getByTestId('member-query').fill(phone);
  await page.getByTestId('member-query').press('Enter');
  await expect(page.getByTestId('member-panel').getByTestId('offers')).toBeVisible();
}

test('each payment method has its key on its button, and the key never types into a field', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await logIn(page, CASHIER_PIN);
  // The key is drawn on the button (its ::after), and told to a screen reader.
  for (const [method, key] of [
    ['card', 'Ctrl+1'],
    ['cash', 'Ctrl+2'],
    ['vipps', 'Ctrl+3'],
    ['other', 'Ctrl+4'],
  ] as const) {
    const button = page.getByTestId(`pay-${method}`);
    await expect(button).toHaveAttribute('aria-keyshortcuts', key.replace('Ctrl', 'Control'));
    const drawn = await button.evaluate((el) => getComputedStyle(el, '::after').content);
    expect(drawn, method).toBe(`"${key}"`);
    await expect(button).toBeInViewport({ ratio: 1 });
  }
  await shoot(page, 'payment-keys-1024x768');

  // Typing a quantity in the scan field, then a payment key: the field keeps what was typed.
  const field = page.getByTestId('scan-input');
  await field.pressSequentially('12', { delay: 40 });
  await page.keyboard.press('Control+2');
  await expect(page.getByTestId('pay-cash')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('pay-card')).toHaveAttribute('aria-pressed', 'false');
  await expect(field).toHaveValue('12');
  await expect(field).toBeFocused();
  await page.keyboard.press('Control+4');
  await expect(page.getByTestId('pay-other')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Control+3');
  await expect(page.getByTestId('pay-vipps')).toHaveAttribute('aria-pressed', 'true');
  await field.fill('');

  // A sale paid in cash by keys alone: the key, then F4.
  await tapQuickKey(page, 'kanelbolle');
  await page.keyboard.press('Control+2');
  await page.keyboard.press('F4');
  const done = page.getByTestId('sale-complete');
  await expect(done).toBeVisible();
  await expect(done).toContainText('Kontant');
  // Under an open dialog the keys are the dialog's: the payment stays as it was.
  await page.keyboard.press('Control+1');
  await expect(page.getByTestId('pay-cash')).toHaveAttribute('aria-pressed', 'true');
});

test('"use rewards automatically": off by default; on, a ready reward goes on by itself and Angre takes it off', async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const manager = await rpcAs(request, MANAGER_PIN);
  try {
    // Off on a new till: the member and a coffee, and the reward waits for a tap.
    await logIn(page, MANAGER_PIN);
    await tapQuickKey(page, 'kaffe-liten');
    await findByPhone(page, INGRID_PHONE);
    const offers = page.getByTestId('member-panel').getByTestId('offers');
    const first = offers.locator('.offer').first();
    await expect(first.getByRole('button')).toHaveAttribute('aria-pressed', 'false');
    await expect(first).not.toHaveAttribute('data-auto');
    await page.getByRole('button', { name: 'Tøm kurv' }).click();

    // A manager turns it on under Enheter → Ved kassen (a cashier sees it, cannot change it).
    await page.keyboard.press('F8');
    const section = page.getByTestId('checkout-section');
    await expect(section.getByTestId('auto-rewards-off')).toHaveAttribute('aria-pressed', 'true');
    await section.getByTestId('auto-rewards-on').click();
    await expect(section.getByTestId('checkout-section-saved')).toBeVisible();
    await expect(section.getByTestId('auto-rewards-on')).toHaveAttribute('aria-pressed', 'true');
    expect((await manager('checkoutSettings.get', {})).body).toEqual({ autoRewards: true });
    await section.scrollIntoViewIfNeeded();
    await shoot(page, 'auto-rewards-setting');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('devices-dialog')).toHaveCount(0);

    // The member first, then the coffee: the reward goes on with the coffee.
    await findByPhone(page, INGRID_PHONE);
    await expect(first.getByRole('button')).toHaveAttribute('aria-pressed', 'false');
    await tapQuickKey(page, 'kaffe-liten');
    const undo = first.getByRole('button');
    await expect(first).toHaveAttribute('data-auto', 'true');
    await expect(undo).toHaveAttribute('aria-pressed', 'true');
    await expect(undo).toHaveText(/^Angre\s*Alt\+1$/);
    await expect(first).toContainText('Lagt på av seg selv');
    const reward = page.getByTestId('benefit').filter({ hasText: 'Klippekort Kaffe' });
    await expect(reward).toHaveCount(1);
    await expect(page.getByTestId('basket-line').locator('.line-amount')).toContainText('0,00');
    await shoot(page, 'auto-reward-applied');

    // Angre: off, and it stays off for this sale when more coffee comes.
    await undo.click();
    await expect(undo).toHaveAttribute('aria-pressed', 'false');
    await expect(first).not.toHaveAttribute('data-auto');
    await expect(reward).toHaveCount(0);
    await tapQuickKey(page, 'kaffe-stor');
    await expect(page.getByTestId('basket-line')).toHaveCount(2);
    await expect(page.getByTestId('total')).not.toHaveText('0,00 kr');
    await expect(undo).toHaveAttribute('aria-pressed', 'false');
    await expect(reward).toHaveCount(0);

    // The next customer: the coffee first, then the member; the coffee leaving takes it off.
    await page.getByRole('button', { name: 'Tøm kurv' }).click();
    await tapQuickKey(page, 'kaffe-liten');
    await findByPhone(page, INGRID_PHONE);
    await expect(first).toHaveAttribute('data-auto', 'true');
    await expect(reward).toHaveCount(1);
    await page
      .getByTestId('basket-line')
      .getByRole('button', { name: /^Ett mindre av/ })
      .click();
    await expect(page.getByTestId('basket-line')).toHaveCount(0);
    await expect(first.getByRole('button')).toHaveAttribute('aria-pressed', 'false');
    await expect(first).not.toHaveAttribute('data-auto');
    await expect(page.getByTestId('rejected')).toHaveCount(0);
  } finally {
    // The shared till goes back to its default for every other spec.
    expect((await manager('checkoutSettings.save', { autoRewards: false })).status).toBe(200);
  }
});

/** The box of a locator, which must be on screen. */
async function boxOf(locator: Locator) {
  const box = await locator.boundingBox();
  expect(box).not.toBeNull();
  return box!;
}

for (const [width, height] of [
  [1024, 768],
  [1366, 768],
] as const) {
  test(`the points picker is reached without hiding the member's name at ${width}×${height}`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await logIn(page, CASHIER_PIN);
    await tapQuickKey(page, 'kaffe-stor', 2);
    await findByPhone(page, INGRID_PHONE);
    const panel = page.getByTestId('member-panel');
    const picker = panel.getByTestId('points-picker');
    const more = picker.getByRole('button', { name: 'Flere poeng' });
    // Scrolled to and used, as a cashier's finger does.
    await picker.scrollIntoViewIfNeeded();
    // (Its box may fall a fraction of a pixel short of the scrolled area's edge.)
    await expect(picker).toBeInViewport({ ratio: 0.99 });
    await expect(more).toBeInViewport({ ratio: 1 });
    await expect(picker.getByRole('button', { name: 'Maks' })).toBeInViewport({ ratio: 1 });
    await more.click();
    await expect(panel.getByTestId('points-to-redeem')).not.toHaveText(/^0 poeng/);
    await shoot(page, `points-picker-${width}x${height}`);

    // The name: whole on the screen, inside the panel, above the picker, and on top there.
    const name = panel.getByTestId('member-name');
    await expect(name).toBeInViewport({ ratio: 1 });
    const [nameBox, panelBox, pickerBox] = await Promise.all([
      boxOf(name),
      boxOf(panel),
      boxOf(picker),
    ]);
    expect(nameBox.y).toBeGreaterThanOrEqual(panelBox.y);
    expect(nameBox.y + nameBox.height).toBeLessThanOrEqual(pickerBox.y);
    expect(pickerBox.y + pickerBox.height).toBeLessThanOrEqual(panelBox.y + panelBox.height + 1);
    const onTop = await page.evaluate(
      ([x, y]) =>
        document.elementFromPoint(x!, y!)?.closest('[data-testid="member-name"]') !== null,
      [nameBox.x + nameBox.width / 2, nameBox.y + nameBox.height / 2],
    );
    expect(onTop).toBe(true);
    // And the picker's buttons are free to tap (nothing of the head over them).
    const moreBox = await boxOf(more);
    const free = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x!, y!)?.closest('button')?.getAttribute('aria-label'),
      [moreBox.x + moreBox.width / 2, moreBox.y + moreBox.height / 2],
    );
    expect(free).toBe('Flere poeng');
  });
}
