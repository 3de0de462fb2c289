/**
 * The customer-facing display (issue 13 point 5) in Chromium beside the till:
 * the /display/ page follows the till's basket, the member's first name, the
 * stamps filling in and the points earned, says thank you after payment and
 * is cleared by the next sale. Nothing of the member but the first name ever
 * reaches its page. No join QR while the till gives no join link.
 */
import type { Page } from '@playwright/test';
import { idleDisplay } from '../src/contract/commands/display';
import {
  CASHIER_PIN,
  completeSale,
  expect,
  logIn,
  products,
  rpcAs,
  shoot,
  tapQuickKey,
  test,
} from './fixtures';

/** Ingrid Haugen in the demo (README). */
const INGRID_PHONE = '48000001';

/** The display page at a size, without motion for steady pictures once the motion was seen. */
async function openDisplay(page: Page): Promise<Page> {
  const display = await page.context().newPage();
  await display.setViewportSize({ width: 1920, height: 1080 });
  await display.goto('/display/');
  return display;
}

/** Both sizes the display is drawn for: a 24" screen and a small 7" one. */
async function shootDisplay(display: Page, name: string): Promise<void> {
  for (const [width, height] of [
    [1920, 1080],
    [1024, 600],
  ] as const) {
    await display.setViewportSize({ width, height });
    await shoot(display, `display-${name}-${width}x${height}`);
  }
  await display.setViewportSize({ width: 1920, height: 1080 });
}

/** Everything the display page holds, as text and as markup. */
async function displayDom(display: Page): Promise<string> {
  return display.evaluate(
    () => `${document.body.innerText}\n${document.documentElement.outerHTML}`,
  );
}

test('the display follows the sale: lines, total, Ingrid, stamps, points, thank you, next sale', async ({
  page,
}) => {
  await logIn(page, CASHIER_PIN);
  const display = await openDisplay(page);
  const screen = display.getByTestId('customer-display');

  // Idle: the store's name and a welcome; no join QR without a join link.
  await expect(screen).toHaveAttribute('data-phase', 'idle');
  await expect(display.getByTestId('display-store')).toHaveText('Bakeriet');
  await expect(screen).toContainText('Velkommen!');
  await expect(display.getByTestId('display-join-qr')).toHaveCount(0);
  await display.emulateMedia({ reducedMotion: 'reduce' });
  await shootDisplay(display, 'idle');

  // The cashier taps two coffees and a bun: the lines and the till's own total.
  await tapQuickKey(page, 'kaffe-stor', 2);
  await tapQuickKey(page, 'kanelbolle');
  await expect(screen).toHaveAttribute('data-phase', 'sale');
  const lines = display.getByTestId('display-line');
  await expect(lines).toHaveCount(2);
  await expect(lines.nth(0)).toContainText('2 ×');
  await expect(lines.nth(0)).toContainText('Kaffe, stor');
  await expect(lines.nth(0)).toContainText('90,00');
  await expect(lines.nth(1)).toContainText('Kanelbolle');
  await expect(display.getByTestId('display-total')).toHaveText(
    (await page.getByTestId('total').textContent())!,
  );
  await expect(display.getByTestId('display-welcome')).toHaveText('Velkommen!');
  await expect(display.getByTestId('display-join-qr')).toHaveCount(0);

  // Ingrid is found by her phone: her first name, her coffee card filling in, her points.
  await display.emulateMedia({ reducedMotion: 'no-preference' });
  await page.getByTestId('club-button').click();
  await page.getByTestId('member-query').fill(INGRID_PHONE);
  await page.getByTestId('member-query').press('Enter');
  await expect(page.getByTestId('member-name')).toContainText('Ingrid');
  const memberNumber = /\d{13}/.exec(
    (await page.getByTestId('member-panel').locator('.member-sub').first().textContent())!,
  )![0];
  await expect(display.getByTestId('display-welcome')).toHaveText('Velkommen, Ingrid!');
  const card = display.getByTestId('display-card');
  await expect(card).toHaveCount(1);
  await expect(card).toContainText('Kaffe');
  await expect(card.locator('.cd-stamp')).toHaveCount(9);
  const fresh = card.locator('[data-stamp="fresh"]');
  await expect(fresh).not.toHaveCount(0);
  // The new stamps are drawn filling in (an animation), the old ones filled, the rest empty.
  expect(await fresh.first().evaluate((stamp) => getComputedStyle(stamp).animationName)).toBe(
    'cd-stamp-in',
  );
  const filled = (await card.locator('[data-stamp="filled"]').count()) + (await fresh.count());
  await expect(display.getByTestId('display-stamp-count')).toHaveText(`${filled} av 9`);
  await expect(display.getByTestId('display-points')).toHaveText(/^\+\d+ poeng på dette kjøpet$/);
  // The member's savings, and the total the till shows, whatever her tier takes off.
  await expect(display.getByTestId('display-saved')).toContainText('Du sparer');
  await expect(display.getByTestId('display-total')).toHaveText(
    (await page.getByTestId('total').textContent())!,
  );
  await display.emulateMedia({ reducedMotion: 'reduce' });
  await shootDisplay(display, 'sale-member');

  // Her first name only: no surname, phone, member number on the display's page.
  const dom = await displayDom(display);
  for (const secret of ['Haugen', INGRID_PHONE, '48 00 00 01', '+4748000001', memberNumber])
    expect(dom, secret).not.toContain(secret);

  // Paid: the thank-you, with what she paid and earned.
  const total = (await page.getByTestId('total').textContent())!;
  await completeSale(page);
  await expect(screen).toHaveAttribute('data-phase', 'paid');
  await expect(display.getByTestId('display-thanks')).toHaveText('Takk, Ingrid!');
  await expect(display.getByTestId('display-paid')).toHaveText(`Betalt ${total}`);
  await expect(display.getByTestId('display-points')).toHaveText(/^Du fikk \d+ poeng$/);
  await expect(display.getByTestId('display-card')).toHaveCount(1);
  await shootDisplay(display, 'paid');
  expect(await displayDom(display)).not.toContain('Haugen');

  // The next customer: the display is cleared, and the next sale is theirs alone.
  await page.getByTestId('next-customer').click();
  await expect(screen).toHaveAttribute('data-phase', 'idle');
  await tapQuickKey(page, 'kaffe-liten');
  await expect(screen).toHaveAttribute('data-phase', 'sale');
  await expect(display.getByTestId('display-line')).toHaveCount(1);
  await expect(display.getByTestId('display-line')).toContainText('Kaffe, liten');
  await expect(display.getByTestId('display-welcome')).toHaveText('Velkommen!');
  await expect(display.getByTestId('display-card')).toHaveCount(0);
  expect(await displayDom(display)).not.toContain('Ingrid');
  await expect(display.getByTestId('display-join-qr')).toHaveCount(0);
});

test('the display speaks the till’s language', async ({ page }) => {
  await logIn(page, CASHIER_PIN);
  const display = await openDisplay(page);
  await tapQuickKey(page, 'kanelbolle');
  await expect(display.getByTestId('display-total')).toHaveText('39,00 kr');
  await page.getByTestId('language-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(display.locator('html')).toHaveAttribute('lang', 'en');
  await expect(display.getByTestId('display-welcome')).toHaveText('Welcome!');
  await expect(display.getByTestId('customer-display')).toContainText('To pay');
  await expect(display.getByTestId('display-total')).toHaveText('NOK 39.00');
});

test('a long basket keeps its newest line in view on a small display', async ({
  page,
  request,
}) => {
  await logIn(page, CASHIER_PIN);
  const display = await openDisplay(page);
  await display.setViewportSize({ width: 1024, height: 600 });
  await display.emulateMedia({ reducedMotion: 'reduce' });
  const keys = (await products(request)).filter((p) => p.quickKey).map((p) => p.sku);
  expect(keys.length).toBeGreaterThanOrEqual(9);
  for (const sku of keys) await tapQuickKey(page, sku);
  const lines = display.getByTestId('display-line');
  await expect(lines).toHaveCount(keys.length);
  await expect(display.getByTestId('display-total')).toHaveText(
    (await page.getByTestId('total').textContent())!,
  );
  // Type for two metres: lines of 32 px or more, the total of 64 px or more.
  const size = async (locator: ReturnType<Page['getByTestId']>) =>
    Number.parseFloat(await locator.evaluate((element) => getComputedStyle(element).fontSize));
  expect(await size(lines.last())).toBeGreaterThanOrEqual(32);
  expect(await size(display.getByTestId('display-total'))).toBeGreaterThanOrEqual(64);
  // The newest line in view above the total; the oldest scrolled away.
  await expect(lines.last()).toBeInViewport({ ratio: 0.99 });
  await expect(display.getByTestId('display-total')).toBeInViewport({ ratio: 1 });
  const listBottom = await display
    .locator('.cd-lines')
    .evaluate((list) => list.getBoundingClientRect().bottom);
  const lastBox = (await lines.last().boundingBox())!;
  expect(lastBox.y + lastBox.height).toBeLessThanOrEqual(listBottom + 1);
  const firstBox = (await lines.first().boundingBox())!;
  const listTop = await display
    .locator('.cd-lines')
    .evaluate((list) => list.getBoundingClientRect().top);
  expect(firstBox.y).toBeLessThan(listTop);
  await expect(display.locator('.cd-lines')).toHaveAttribute('data-more', '');
  await shoot(display, 'display-long-basket-1024x600');
  await page.getByRole('button', { name: 'Tøm kurv' }).click();
  await expect(display.getByTestId('customer-display')).toHaveAttribute('data-phase', 'idle');
});

test('a join link in the state shows its QR code while no member is there', async ({
  page,
  request,
}) => {
  // The member's page does not exist yet: a state carrying a link, as the till will send it.
  const cashier = await rpcAs(request, CASHIER_PIN);
  const display = await openDisplay(page);
  await display.emulateMedia({ reducedMotion: 'reduce' });
  const joinUrl = 'https://bakeriet.example/bli-medlem';
  expect((await cashier('display.show', idleDisplay('Bakeriet', 'nb', joinUrl))).status).toBe(200);
  const code = display.getByTestId('display-join-qr');
  await expect(code).toBeVisible();
  await expect(display.getByTestId('display-join')).toContainText('Bli medlem i kundeklubben');
  const box = (await code.boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(180);
  expect(await code.locator('path').getAttribute('d')).toMatch(/^M\d+ \d+h1v1h-1z/);
  await shootDisplay(display, 'join');
  // The same state without the link: no code.
  expect((await cashier('display.show', idleDisplay('Bakeriet'))).status).toBe(200);
  await expect(code).toHaveCount(0);
  await expect(display.getByTestId('display-store')).toHaveText('Bakeriet');
});

test('the thank-you gives way to the idle screen after a while', async ({ page }) => {
  await logIn(page, CASHIER_PIN);
  const display = await page.context().newPage();
  await display.clock.install();
  await display.goto('/display/');
  const screen = display.getByTestId('customer-display');
  await tapQuickKey(page, 'kanelbolle');
  await expect(display.getByTestId('display-total')).toHaveText('39,00 kr');
  await completeSale(page);
  await expect(screen).toHaveAttribute('data-phase', 'paid');
  await display.clock.fastForward(20_000);
  await expect(screen).toHaveAttribute('data-phase', 'paid');
  await display.clock.fastForward(11_000);
  await expect(screen).toHaveAttribute('data-phase', 'idle');
  await expect(display.getByTestId('display-store')).toHaveText('Bakeriet');
  // The till is still on "Salget er fullført": the next customer starts the next sale.
  await page.getByTestId('next-customer').click();
  await tapQuickKey(page, 'kaffe-liten');
  await expect(screen).toHaveAttribute('data-phase', 'sale');
});
