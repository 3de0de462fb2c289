/**
 * Issue 12, point 1: a till started on an empty store (LOJAL_DEMO=0, a fresh
 * data folder) asks for its first manager and how the store starts. By the
 * keyboard alone (no mouse, no tap) from the first screen to the first sale
 * with a new member; and paired with the chain's real cloud (embedded database,
 * 127.0.0.1), a wrong store code answered beside its field first. Each step is
 * shot at 1024×768 and 1366×768.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startCloudServer } from '../cloud/server';
import type { RunningCloudServer } from '../cloud/server';
import { programmeTemplate } from '../src/core/templates';
import { apiCall, expect, scanWithWedge, shootSizes, test, uniquePhone } from './fixtures';
import { startTillHost } from './host';
import type { TillHost } from './host';

test.describe.configure({ mode: 'serial' });

const tills: TillHost[] = [];
let cloud: RunningCloudServer | null = null;
let cloudDir = '';

test.afterAll(async () => {
  for (const till of tills.splice(0)) await till.stop();
  await cloud?.close();
  if (cloudDir) rmSync(cloudDir, { recursive: true, force: true });
});

async function emptyTill(): Promise<TillHost> {
  const till = await startTillHost({ LOJAL_DEMO: '0' });
  tills.push(till);
  return till;
}

/** Types into the focused field and checks it was the one meant. */
async function typeInto(page: Page, testId: string, text: string): Promise<void> {
  await expect(page.getByTestId(testId)).toBeFocused();
  await page.keyboard.type(text);
}

test('the first run by keyboard alone: manager, bakery template, then the first sale with a new member', async ({
  page,
  request,
}) => {
  const till = await emptyTill();
  const bakery = programmeTemplate('bakeri')!;
  const bun = bakery.catalogue.find((p) => p.sku === 'kanelbolle')!;

  await page.goto(till.url);
  await expect(page.getByTestId('first-run-manager')).toBeVisible();
  await expect(page.getByTestId('language-switch')).toBeVisible();
  await shootSizes(page, 'first-run-1-manager');
  await page.setViewportSize({ width: 1024, height: 768 });

  // Step 1 sent empty: every problem at once, beside its field, the first one focused.
  await expect(page.getByTestId('setup-name')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('setup-name-error')).toHaveText('Skriv navnet ditt.');
  await expect(page.getByTestId('setup-pin-error')).toHaveText('En PIN-kode er 4 til 8 sifre.');
  await expect(page.getByTestId('setup-name')).toBeFocused();

  // Step 1: the name field has the focus; PINs typed twice differently are caught before sending.
  await typeInto(page, 'setup-name', 'Ingrid Hansen');
  await page.keyboard.press('Tab');
  await typeInto(page, 'setup-pin', '4711');
  await page.keyboard.press('Tab');
  await typeInto(page, 'setup-pin-again', '4712');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('setup-pin-again-error')).toContainText('ikke like');
  await expect(page.getByTestId('first-run-manager')).toBeVisible();
  await shootSizes(page, 'first-run-1-pin-mismatch');
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.keyboard.press('Backspace');
  await page.keyboard.type('1');
  await page.keyboard.press('Enter');

  // Step 2: the first template card has the focus, each named with its count of products.
  const first = page.getByTestId('setup-template-bakeri');
  await expect(first).toBeFocused();
  await expect(first).toContainText(`${bakery.catalogue.length} varer`);
  await expect(page.getByTestId('setup-template-blank')).toContainText('Ingen varer');
  const ring = await first.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(ring).toBe('solid');
  // Every card and button is a finger's size.
  for (const id of ['setup-template-bakeri', 'setup-start-template', 'setup-start-pair']) {
    const box = (await page.getByTestId(id).boundingBox())!;
    expect(box.height, id).toBeGreaterThanOrEqual(44);
  }
  await page.keyboard.press('Enter');
  await expect(first).toHaveAttribute('aria-pressed', 'true');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
  await typeInto(page, 'setup-store-name', 'Bakeriet på Torget');
  // From a small till screen to a large one: nothing wider than the screen, the buttons in reach.
  for (const [width, height] of [
    [800, 600],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(wide, `${width}x${height}`).toBeLessThanOrEqual(width);
    await expect(page.getByTestId('setup-start-pair')).toBeVisible();
  }
  await shootSizes(page, 'first-run-2-template');
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.keyboard.press('Enter');

  // Into the till, logged in as the new manager, the store's name in the top bar.
  await expect(page.getByTestId('scan-input')).toBeFocused();
  await expect(page.locator('.topbar .store')).toHaveText('Bakeriet på Torget');
  await shootSizes(page, 'first-run-3-till');
  await page.setViewportSize({ width: 1024, height: 768 });

  // The first sale: a barcode (a keyboard-wedge scanner's burst), a new member (F6: phone, the
  // terms), paid (F4).
  await scanWithWedge(page, bun.barcodes[0]!);
  await expect(page.getByTestId('basket-line')).toContainText(bun.name);
  const phone = uniquePhone();
  await page.keyboard.press('F6');
  await typeInto(page, 'enrol-phone', phone);
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('enrol-terms')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('enrol-terms')).toBeChecked();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('member-panel')).toBeVisible();
  await expect(page.getByTestId('scan-input')).toBeFocused();
  await page.keyboard.press('F4');
  await expect(page.getByTestId('sale-complete')).toBeVisible();
  await expect(page.getByTestId('next-customer')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('basket-line')).toHaveCount(0);

  // What the till holds now: the member, their one purchase, by the manager made at first run.
  const at = { url: till.url, apiToken: till.apiToken };
  const found = await apiCall<{ member: { memberId: string } | null }>(
    request,
    'GET',
    `/members/lookup?q=${phone}`,
    undefined,
    at,
  );
  const memberId = found.body.member!.memberId;
  const member = await apiCall<{ stats: { purchases: number } }>(
    request,
    'GET',
    `/members/${memberId}`,
    undefined,
    at,
  );
  expect(member.body.stats.purchases).toBe(1);

  // Reloaded, the till asks for a PIN, not a first run again; the manager's PIN opens it.
  await page.reload();
  await expect(page.getByTestId('pin-input')).toBeFocused();
  await expect(page.getByTestId('first-run')).toHaveCount(0);
  await page.keyboard.type('4711');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('scan-input')).toBeFocused();
});

test("paired with the chain's cloud: a wrong store code at its field, then the chain's first manager; a second till is sent to the chain's PIN", async ({
  page,
}) => {
  cloudDir = mkdtempSync(join(tmpdir(), 'lojal-e2e-cloud-'));
  cloud = await startCloudServer({ port: 0, dataDir: cloudDir });
  const chain = 'Bakeri Vest AS';
  const storeCode = (await cloud.admin.addStore(chain, 'Sentrum')).storeCode;
  const secondCode = (await cloud.admin.addStore(chain, 'Kaien')).storeCode;
  const admin = await cloud.admin.addAdminToken(chain);
  const saved = await fetch(`${cloud.url}/v1/programme`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      programme: { ...programmeTemplate('bakeri')!.programme, name: 'Bakeri Vest' },
      staffId: null,
    }),
  });
  expect(saved.status).toBe(200);

  const till = await emptyTill();
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(till.url);
  await page.getByTestId('setup-name').fill('Siri Leder');
  await page.getByTestId('setup-pin').fill('8642');
  await page.getByTestId('setup-pin-again').fill('8642');
  await page.getByTestId('setup-next').click();

  // An address typed without https://: the till's own words at the field, not the browser's.
  await page.getByTestId('setup-cloud-url').fill('sky.eksempel.no');
  await page.getByTestId('setup-store-code').fill('ZZZZ-ZZZZ');
  await page.getByTestId('setup-start-pair').click();
  await expect(page.getByTestId('setup-cloud-url-error')).toBeVisible();
  await expect(page.getByTestId('setup-cloud-url')).toHaveAttribute('aria-invalid', 'true');

  await page.getByTestId('setup-cloud-url').fill(cloud.url);
  await page.getByTestId('setup-store-code').fill('ZZZZ-ZZZZ');
  await page.getByTestId('setup-start-pair').click();
  await expect(page.getByTestId('setup-store-code-error')).toBeVisible();
  await expect(page.getByTestId('setup-store-code')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('setup-cloud-url-error')).toHaveCount(0);
  await shootSizes(page, 'first-run-2-pair-wrong-code');
  await page.setViewportSize({ width: 1024, height: 768 });

  await page.getByTestId('setup-store-code').fill(storeCode);
  await page.getByTestId('setup-start-pair').click();
  await expect(page.getByTestId('scan-input')).toBeVisible();
  await expect(page.locator('.topbar .store')).toHaveText('Bakeri Vest');

  // A second empty till of the chain: the chain has its manager, so no new one; log in with theirs.
  const second = await emptyTill();
  await page.goto(second.url);
  await page.getByTestId('setup-name').fill('Noen Andre');
  await page.getByTestId('setup-pin').fill('1357');
  await page.getByTestId('setup-pin-again').fill('1357');
  await page.getByTestId('setup-next').click();
  await page.getByTestId('setup-cloud-url').fill(cloud.url);
  await page.getByTestId('setup-store-code').fill(secondCode);
  await page.getByTestId('setup-start-pair').click();
  await expect(page.getByTestId('pin-input')).toBeVisible();
  // Inside the log-in card, above the PIN, where the manager looks.
  await expect(page.getByTestId('login-note')).toHaveText(/Bakeri Vest AS.*1 ansatt fra før/);
  await expect(page.getByTestId('login-note')).toBeInViewport({ ratio: 1 });
  await shootSizes(page, 'first-run-4-chain-has-staff');
  await page.getByTestId('pin-input').fill('8642');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('scan-input')).toBeVisible();
});
