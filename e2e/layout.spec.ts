/**
 * The checkout at every till screen (issue 13, point 1), checked by the
 * elements' boxes rather than by eye: every quick key and button on the screen
 * and free to tap (inside the viewport, under nothing, at least 44 px), at
 * least six basket lines in view, the member panel never over the basket.
 * 800×600 and the landscape screens under 860 px show the member or the quick
 * keys behind two tabs (both are checked); a portrait tablet stacks the basket,
 * the keys, then the member beside the payment. Up to 900 px wide, Enheter and
 * the languages are behind the top bar's "Mer".
 */
import type { Locator, Page } from '@playwright/test';
import {
  apiCall,
  CASHIER_PIN,
  MANAGER_PIN,
  expect,
  findMemberByPhone,
  logIn,
  shoot,
  tapQuickKey,
  test,
  uniquePhone,
} from './fixtures';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

// Landscape tills, then portrait tablets. Six basket lines at each, 800×600 too (the issue
// asks six at 1024×768; 800×600 has them with the member's tabs and one-line totals).
const SIZES = [
  [800, 600],
  [1024, 768],
  [1280, 800],
  [1366, 768],
  [1920, 1080],
  [768, 1024],
  [800, 1280],
] as const;

/** Where the member panel and the quick keys share a place behind two tabs (styles.css). */
function tabbed(width: number, height: number): boolean {
  return (width <= 860 && width > height) || height <= 640;
}

/** Ingrid Haugen in the demo (README): a member with coupons, cards and points. */
const INGRID_PHONE = '48000001';

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  expect(box, 'the element is laid out').not.toBeNull();
  return box!;
}

function overlap(a: Box, b: Box): boolean {
  const eps = 0.5;
  return (
    a.x + a.width > b.x + eps &&
    b.x + b.width > a.x + eps &&
    a.y + a.height > b.y + eps &&
    b.y + b.height > a.y + eps
  );
}

function inside(inner: Box, outer: Box): boolean {
  const eps = 0.5;
  return (
    inner.x >= outer.x - eps &&
    inner.y >= outer.y - eps &&
    inner.x + inner.width <= outer.x + outer.width + eps &&
    inner.y + inner.height <= outer.y + outer.height + eps
  );
}

/** The element is the one a tap at its centre reaches (nothing lies over it). */
async function tappable(page: Page, locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
    return hit !== null && (hit === el || el.contains(hit));
  });
}

/** Every visible button of `buttons`: on the screen, clear of the strip, free to tap, 44 px. */
async function checkButtons(
  page: Page,
  buttons: Locator,
  where: string,
  viewport: Box,
  strip: Box,
): Promise<void> {
  const count = await buttons.count();
  for (let i = 0; i < count; i++) {
    const button = buttons.nth(i);
    const name = `${where} ${(await button.innerText()).replace(/\s+/g, ' ')}`;
    const box = await boxOf(button);
    // Inside a scrolled panel (the member panel, the basket), a button may sit below its fold.
    const scrolled = await button.evaluate((el) => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const style = getComputedStyle(p);
        if (/(auto|scroll)/.test(style.overflowY) && p.scrollHeight > p.clientHeight) return true;
      }
      return false;
    });
    if (scrolled) continue;
    expect(inside(box, viewport), `${name}: on the screen`).toBe(true);
    expect(overlap(box, strip), `${name}: clear of the status strip`).toBe(false);
    expect(box.height, `${name}: at least 44 px tall`).toBeGreaterThanOrEqual(44);
    expect(await tappable(page, button), `${name}: nothing over it`).toBe(true);
  }
}

/** Text that would be cut (an ellipsis, or wider than its box): the top bar's names. */
async function cut(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
}

/** An offer's name wraps between words or after a hyphen, never inside a word ("Velkoms/tkupong"). */
async function offerNamesWhole(page: Page, where: string): Promise<void> {
  const names = page.locator('.offer-text strong:visible');
  for (let i = 0; i < (await names.count()); i++) {
    const broken = await names.nth(i).evaluate((el) => {
      const text = el.firstChild;
      if (!(text instanceof Text)) return [];
      const found: string[] = [];
      const range = document.createRange();
      for (const match of text.data.matchAll(/[^\s-]+-?/g)) {
        range.setStart(text, match.index);
        range.setEnd(text, match.index + match[0].length);
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (tops.size > 1) found.push(match[0]);
      }
      return found;
    });
    expect(broken, `${where}: words broken in an offer's name`).toEqual([]);
  }
}

async function checkScreen(page: Page, width: number, height: number): Promise<void> {
  const viewport: Box = { x: 0, y: 0, width, height };
  const strip = await boxOf(page.getByTestId('status-strip'));
  const basket = await boxOf(
    page.getByTestId('basket-lines').locator('xpath=ancestor::section[1]'),
  );
  const where = `${width}×${height}`;

  // Every button of the till: on the screen, free to tap, at least 44 px.
  const buttons = page.locator('main.checkout button:visible, header button:visible');
  expect(await buttons.count(), where).toBeGreaterThan(15);
  await checkButtons(page, buttons, where, viewport, strip);

  // Every quick key in view in its panel (the panel never scrolls them away), when shown.
  const keysPanel = page.locator('.quick-keys-panel');
  if (await keysPanel.isVisible()) {
    const panel = await boxOf(keysPanel);
    const keys = page.locator('[data-testid^="quick-key-"]');
    expect(await keys.count()).toBeGreaterThanOrEqual(9);
    for (let i = 0; i < (await keys.count()); i++)
      expect(inside(await boxOf(keys.nth(i)), panel), `${where}: quick key ${i + 1} in view`).toBe(
        true,
      );
  }

  // Who is logged in and where, never cut.
  expect(await cut(page.getByTestId('staff').locator('strong')), `${where}: staff name`).toBe(
    false,
  );

  // Six basket lines in view, inside the basket, the member panel beside it.
  const lines = page.getByTestId('basket-line');
  expect(await lines.count()).toBeGreaterThanOrEqual(6);
  for (let i = 0; i < 6; i++) {
    const line = await boxOf(lines.nth(i));
    expect(inside(line, basket), `${where}: basket line ${i + 1} in view`).toBe(true);
  }
  const member = page.getByTestId('member-panel');
  if (await member.isVisible())
    expect(overlap(await boxOf(member), basket), `${where}: member panel over the basket`).toBe(
      false,
    );
  await offerNamesWhole(page, where);
  // No page scroll: the till is one screen.
  const scrolls = await page.evaluate(() => ({
    x: document.documentElement.scrollWidth > window.innerWidth,
    y: document.documentElement.scrollHeight > window.innerHeight,
  }));
  expect(scrolls, `${where}: the page itself never scrolls`).toEqual({ x: false, y: false });
}

test('the checkout fits every till screen: keys free to tap, six basket lines, nothing covered', async ({
  page,
}) => {
  await logIn(page, CASHIER_PIN);
  // Six different lines (a quick key each), and a member with rewards attached.
  for (const sku of [
    'kaffe-liten',
    'kaffe-stor',
    'cappuccino',
    'caffe-latte',
    'grovbrod',
    'kanelbolle',
  ])
    await tapQuickKey(page, sku);
  await expect(page.getByTestId('basket-line')).toHaveCount(6);
  await page.getByTestId('club-button').click();
  await page.getByTestId('member-query').fill(INGRID_PHONE);
  await page.getByTestId('member-query').press('Enter');
  await expect(page.getByTestId('member-panel')).toBeVisible();
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    const where = `${width}×${height}`;
    const tabs = page.getByTestId('member-tab');
    if (!tabbed(width, height)) {
      // The member panel and the quick keys side by side (or stacked): no tabs.
      await expect(tabs, where).toBeHidden();
      await expect(page.getByTestId('member-panel'), where).toBeVisible();
      await expect(page.getByTestId('quick-key-kanelbolle'), where).toBeVisible();
      // A portrait tablet: the reward offered first in view in the member's own place.
      if (height > width)
        await expect(page.getByTestId('reward').first().getByRole('button'), where).toBeInViewport({
          ratio: 1,
        });
      await shoot(page, `layout-checkout-${width}x${height}`);
      await checkScreen(page, width, height);
      continue;
    }
    // The member first (the reward offered at the top of the panel), the keys a tap away.
    await expect(tabs, where).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('member-panel'), where).toBeVisible();
    await expect(page.getByTestId('reward').first().getByRole('button'), where).toBeInViewport({
      ratio: 1,
    });
    await shoot(page, `layout-checkout-${width}x${height}`);
    await checkScreen(page, width, height);
    await page.getByTestId('keys-tab').click();
    await expect(page.getByTestId('member-panel'), where).toBeHidden();
    await expect(page.getByTestId('keys-tab'), where).toHaveAttribute('aria-pressed', 'true');
    await shoot(page, `layout-checkout-${width}x${height}-keys`);
    await checkScreen(page, width, height);
    // A quick key from the keys tab, and back to the member.
    const buns = page.locator('[data-testid="basket-line"][data-sku="kanelbolle"]');
    await tapQuickKey(page, 'kanelbolle');
    await expect(buns.getByTestId('line-quantity')).toHaveText('2');
    await buns.getByRole('button', { name: /^Ett mindre/ }).click();
    await expect(buns.getByTestId('line-quantity')).toHaveText('1');
    await tabs.click();
    await expect(page.getByTestId('member-panel'), where).toBeVisible();
  }
});

test("the top bar of a manager's 1024 px, a small and a portrait screen: everything on it, Enheter and the languages behind Mer", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await logIn(page, MANAGER_PIN);
  // A wide bar holds every button itself.
  await expect(page.getByTestId('topbar-more')).toBeHidden();
  await expect(page.getByTestId('devices-button')).toBeVisible();
  // A manager's bar up to 1100 px wide (Ansatte too), any bar up to 900 px.
  for (const [width, height] of [
    [1024, 768],
    [800, 600],
    [768, 1024],
  ] as const) {
    await page.setViewportSize({ width, height });
    const viewport: Box = { x: 0, y: 0, width, height };
    const strip = await boxOf(page.getByTestId('status-strip'));
    // The manager's bar (Ansatte too) in each language, nothing cut, every button whole.
    for (const language of ['nb', 'en', 'sv'] as const) {
      const where = `${width}×${height} ${language}`;
      if ((await page.locator('html').getAttribute('lang')) !== language) {
        await page.getByTestId('topbar-more').click();
        await page.locator(`.topbar-more [data-locale="${language}"]`).click();
        await expect(page.locator('html'), where).toHaveAttribute('lang', language);
      }
      await expect(page.getByTestId('topbar-more'), where).toHaveAttribute(
        'aria-expanded',
        'false',
      );
      await checkButtons(page, page.locator('header button:visible'), where, viewport, strip);
      await expect(page.getByTestId('staff-button'), where).toBeInViewport({ ratio: 1 });
      expect(await cut(page.getByTestId('staff').locator('strong')), `${where}: staff name`).toBe(
        false,
      );
      expect(await cut(page.locator('.topbar .store')), `${where}: store name`).toBe(false);
      // Mer opens over the till, its buttons whole and free to tap; a tap outside closes it.
      await page.getByTestId('topbar-more').click();
      const menu = page.locator('.topbar-more');
      await expect(menu.getByTestId('devices-button'), where).toBeVisible();
      await checkButtons(page, menu.locator('button'), `${where} Mer`, viewport, strip);
      if (language === 'nb') await shoot(page, `layout-topbar-more-${width}x${height}`);
      await page.mouse.click(width / 4, height / 2);
      await expect(menu.getByTestId('devices-button'), where).toBeHidden();
    }
    // Enheter from Mer opens the devices screen and closes the menu.
    await page.getByTestId('topbar-more').click();
    await page.locator('.topbar-more').getByTestId('devices-button').click();
    await expect(page.getByTestId('devices-dialog')).toBeVisible();
    await expect(page.getByTestId('topbar-more')).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('Escape');
    await page.getByTestId('topbar-more').click();
    await page.locator('.topbar-more [data-locale="nb"]').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
  }
});

test("a new member's Velkomstkupong beside its button: the name wraps between words, never inside one", async ({
  page,
  request,
}) => {
  const phone = uniquePhone();
  const enrolled = await apiCall(request, 'POST', '/members', { phone, acceptTerms: true });
  expect(enrolled.status).toBe(201);
  await logIn(page, CASHIER_PIN);
  await tapQuickKey(page, 'kaffe-liten');
  await findMemberByPhone(page, phone);
  await expect(page.getByTestId('member-panel')).toBeVisible();
  await expect(page.locator('.offer-text strong', { hasText: 'Velkomstkupong' })).toBeVisible();
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    if (tabbed(width, height)) await expect(page.getByTestId('member-panel')).toBeVisible();
    await offerNamesWhole(page, `${width}×${height}`);
  }
});

test('the log-in fits the smallest till screen: the names, every key and «Logg inn» on 800×600 without scrolling', async ({
  page,
}) => {
  // No wrong PIN here: the specs' fresh browsers share one log-in count on this till.
  for (const [width, height] of [
    [800, 600],
    [1024, 768],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto('/');
    await expect(page.getByTestId('staff-name-demo-kari')).toBeVisible();
    for (const key of [
      page.getByTestId('staff-name-demo-kari'),
      page.getByRole('button', { name: 'Siffer 0' }),
      page.getByRole('button', { name: 'Logg inn' }),
    ]) {
      const box = await boxOf(key);
      expect(box.y + box.height, `on the screen at ${width}×${height}`).toBeLessThanOrEqual(height);
      expect(box.height, `a key a finger hits at ${width}×${height}`).toBeGreaterThanOrEqual(44);
    }
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    if (width === 800) await shoot(page, 'login-800x600');
  }
});
