/**
 * Every dialog of the checkout fits a small till screen (issue 13, point 4:
 * "dialogs that fit"), checked by the elements' boxes: at 800×600 and 1024×768
 * the dialog lies inside the window, nothing in it runs out at the side, and
 * each of its buttons and fields, scrolled into view inside the dialog if need
 * be, is on the screen, under nothing and at least 44 px tall. The till here
 * has a printer that is off, so receipts wait and the print queue opens.
 */
import type { Locator, Page } from '@playwright/test';
import type { MemberDetail } from '../src/service/commands';
import { startTcpPrinter } from '../native/printer/testing/tcp-printer';
import {
  MANAGER_PIN,
  apiCall,
  completeSale,
  expect,
  logIn,
  shoot,
  tapQuickKey,
  test,
  uniquePhone,
} from './fixtures';
import { startTillHost } from './host';
import type { TillHost } from './host';

const SIZES = [
  [800, 600],
  [1024, 768],
] as const;

let till: TillHost;

test.beforeAll(async () => {
  // A printer that was there and is switched off: its address refuses, receipts wait.
  const printer = await startTcpPrinter();
  await printer.close();
  till = await startTillHost({ LOJAL_PRINTER: printer.address });
});

test.afterAll(async () => {
  await till?.stop();
});

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
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

async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  expect(box, 'the element is laid out').not.toBeNull();
  return box!;
}

/**
 * The dialog at one size: inside the window, nothing wider than it, every control usable
 * (soft: a failing run lists every dialog's faults at once).
 */
async function checkDialog(page: Page, dialog: Locator, where: string): Promise<void> {
  const viewport = page.viewportSize()!;
  const screen: Box = { x: 0, y: 0, width: viewport.width, height: viewport.height };
  await expect(dialog, where).toBeVisible();
  const box = await boxOf(dialog);
  expect.soft(inside(box, screen), `${where}: the dialog inside the window`).toBe(true);
  // Nothing runs out at the side or is cut (a button, a word wider than its box).
  const wide = await dialog.evaluate((el) =>
    [el as HTMLElement, ...Array.from(el.querySelectorAll<HTMLElement>('*'))]
      .filter((e) => e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${e.innerText.slice(0, 40)}`),
  );
  expect.soft(wide, `${where}: nothing runs out at the side`).toEqual([]);
  const overflowing = await dialog.evaluate((el) => {
    const outer = el.getBoundingClientRect();
    return Array.from(el.querySelectorAll<HTMLElement>('button, input, select, textarea, label'))
      .filter((e) => e.getClientRects().length > 0)
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.left < outer.left - 0.5 || r.right > outer.right + 0.5;
      })
      .map((e) => e.innerText || e.getAttribute('name') || e.tagName);
  });
  expect.soft(overflowing, `${where}: every control within the dialog's width`).toEqual([]);

  // Each control scrolled into view inside the dialog (one pass in the page, to be quick).
  const faults = await dialog.evaluate((root) => {
    const out: string[] = [];
    const controls = Array.from(
      root.querySelectorAll<HTMLElement>(
        'button, input:not([type="checkbox"]):not([type="radio"]), select, textarea',
      ),
    ).filter(
      (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden',
    );
    if (controls.length === 0) out.push('no controls');
    for (const el of controls) {
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const r = el.getBoundingClientRect();
      const d = root.getBoundingClientRect();
      const name = (el.innerText || el.getAttribute('aria-label') || el.id || el.tagName)
        .replace(/\s+/g, ' ')
        .trim();
      const eps = 0.5;
      if (
        r.left < -eps ||
        r.top < -eps ||
        r.right > innerWidth + eps ||
        r.bottom > innerHeight + eps
      )
        out.push(`${name}: off the screen`);
      if (
        r.left < d.left - eps ||
        r.top < d.top - eps ||
        r.right > d.right + eps ||
        r.bottom > d.bottom + eps
      )
        out.push(`${name}: outside the dialog`);
      if (r.height < 44) out.push(`${name}: ${Math.round(r.height)} px tall`);
      const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      if (hit === null || !(hit === el || el.contains(hit))) out.push(`${name}: covered`);
    }
    return out;
  });
  expect.soft(faults, `${where}: every button and field whole, free to tap, 44 px`).toEqual([]);
}

/**
 * A crowded top bar (a manager's, a receipt waiting): every button whole on the screen, who
 * is logged in and the store (where shown) not cut; Enheter and the languages behind Mer.
 */
async function checkCrowdedBar(page: Page, where: string): Promise<void> {
  const viewport = page.viewportSize()!;
  const screen: Box = { x: 0, y: 0, width: viewport.width, height: viewport.height };
  await expect(page.getByTestId('topbar-more'), where).toBeVisible();
  const buttons = page.locator('header button:visible');
  for (let i = 0; i < (await buttons.count()); i++) {
    const button = buttons.nth(i);
    const name = `${where} ${(await button.innerText()).replace(/\s+/g, ' ')}`;
    const box = await boxOf(button);
    expect.soft(inside(box, screen), `${name}: on the screen`).toBe(true);
    expect.soft(box.height, `${name}: at least 44 px tall`).toBeGreaterThanOrEqual(44);
  }
  const cut = (locator: Locator) =>
    locator.evaluate((el) => el.scrollWidth > el.clientWidth + 1 || el.clientWidth === 0);
  expect
    .soft(await cut(page.getByTestId('staff').locator('strong')), `${where}: staff`)
    .toBe(false);
  const store = page.locator('.topbar .store');
  if (await store.isVisible()) expect.soft(await cut(store), `${where}: store`).toBe(false);
}

/** Each size in turn (a picture of each), back to 1024×768 for the next step. */
async function fits(page: Page, dialog: Locator, name: string): Promise<void> {
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await dialog.evaluate((el) => el.querySelector('.dialog-body')?.scrollTo(0, 0));
    await shoot(page, `layout-dialog-${name}-${width}x${height}`);
    await checkDialog(page, dialog, `${name} ${width}×${height}`);
  }
  await page.setViewportSize({ width: 1024, height: 768 });
}

test('every dialog of the checkout fits 800×600 and 1024×768, its buttons whole and free to tap', async ({
  page,
  request,
}) => {
  const phone = uniquePhone();
  const enrolled = await apiCall<{ member: MemberDetail }>(
    request,
    'POST',
    '/members',
    { phone, acceptTerms: true, profile: { firstName: 'Solveig' } },
    till,
  );
  expect(enrolled.status).toBe(201);
  await page.setViewportSize({ width: 1024, height: 768 });
  await logIn(page, MANAGER_PIN, till.url);

  // Kundeklubb: the keypad, the field, a manager's search by name; then a number not found.
  await page.getByTestId('club-button').click();
  const club = page.getByTestId('club-dialog');
  await fits(page, club, 'club');
  await page.getByTestId('member-query').fill(uniquePhone());
  await page.getByTestId('member-query').press('Enter');
  await expect(page.getByTestId('member-not-found')).toBeVisible();
  await fits(page, club, 'club-not-found');

  // Bli medlem with every field open, then every error at once.
  await page.getByTestId('enrol-button').click();
  const enrol = page.getByTestId('enrol-dialog');
  await enrol.getByRole('button', { name: 'Flere felt' }).click();
  await fits(page, enrol, 'enrol');
  await enrol.getByTestId('enrol-phone').fill('12');
  await page.getByTestId('enrol-submit').click();
  await expect(enrol.locator('[aria-invalid="true"]').first()).toBeVisible();
  await fits(page, enrol, 'enrol-errors');
  await page.keyboard.press('Escape');

  // The member's page, every tab.
  await tapQuickKey(page, 'kaffe-liten');
  await tapQuickKey(page, 'grovbrod');
  await page.getByTestId('club-button').click();
  await page.getByTestId('member-query').fill(phone);
  await page.getByTestId('member-query').press('Enter');
  await expect(page.getByTestId('member-name')).toHaveText('Solveig');
  await page.getByTestId('member-care-open').click();
  const care = page.getByTestId('member-care');
  for (const tab of ['history', 'profile', 'consent', 'pin', 'points', 'data']) {
    await care.getByTestId(`care-tab-${tab}`).click();
    await expect(care.getByTestId(`care-tab-${tab}`)).toHaveAttribute('aria-pressed', 'true');
    await fits(page, care, `care-${tab}`);
  }
  await page.keyboard.press('Escape');

  // Salget er fullført (its receipt waits for the printer).
  await completeSale(page);
  const done = page.getByTestId('sale-complete');
  await fits(page, done, 'sale-complete');
  await page.getByTestId('next-customer').click();

  // The print queue: the receipt waiting, Prøv igjen. Its badge crowds the manager's bar.
  await expect(page.getByTestId('print-waiting')).toBeVisible();
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await shoot(page, `layout-topbar-crowded-${width}x${height}`);
    await checkCrowdedBar(page, `top bar ${width}×${height}`);
  }
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.getByTestId('print-waiting').click();
  const queue = page.getByTestId('print-queue');
  await expect(queue.getByTestId('print-job')).toHaveCount(1);
  await fits(page, queue, 'print-queue');
  await page.keyboard.press('Escape');

  // Kvitteringer: the sale chosen, then a return of it.
  await page.getByTestId('receipts-button').click();
  const receipts = page.getByTestId('receipts-dialog');
  await receipts.getByTestId('receipt').first().click();
  await expect(receipts.getByTestId('receipt-detail')).toBeVisible();
  await fits(page, receipts, 'receipts');
  await receipts.getByTestId('return-sale').click();
  await fits(page, receipts, 'receipts-return');
  await page.keyboard.press('Escape');

  // Ansatte: the list, and someone chosen.
  await page.getByTestId('staff-button').click();
  const staff = page.getByTestId('staff-dialog');
  await expect(staff.getByTestId('staff-list')).toBeVisible();
  await fits(page, staff, 'staff');
  await staff.getByTestId('staff-add').click();
  await expect(staff.getByTestId('staff-form')).toBeVisible();
  await fits(page, staff, 'staff-add');
  await page.keyboard.press('Escape');

  // Enheter (a manager's: every setting) and the sync screen (a till not joined to a chain).
  await page.keyboard.press('F8');
  const devices = page.getByTestId('devices-dialog');
  await fits(page, devices, 'devices');
  await page.keyboard.press('Escape');
  await page.getByTestId('sync-badge').click();
  const sync = page.getByTestId('sync-dialog');
  await fits(page, sync, 'sync');
  await page.keyboard.press('Escape');

  // Dagens tall (a manager's): behind "Mer" where the bar has no room for it.
  if (!(await page.getByTestId('day-report-button').isVisible())) {
    await page.getByTestId('topbar-more').click();
  }
  await page.getByTestId('day-report-button').click();
  const dayReport = page.getByTestId('day-report');
  await expect(dayReport.getByTestId('day-report-receipts')).toHaveText('1');
  await fits(page, dayReport, 'day-report');
  await page.keyboard.press('Escape');
});
