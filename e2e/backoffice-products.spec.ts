/**
 * Products and conflicts in the back office, end to end in Chromium against a
 * real cloud started here (fresh embedded database, the built back office) and
 * a real till (its own host, paired with the chain's store by its
 * environment): the owner imports a CSV file (one wrong line reported, the
 * rest saved) and changes a price in the form; the till pulls the catalogue
 * and sells the product at the new price. Two tills offline using one welcome
 * coupon and the same points (pushed through the sync API as those two tills)
 * appear under Konflikter; the owner writes the coupon off and gives the
 * points back — the till gets the adjustment — and both stay listed as settled.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { addOwner } from '../cloud/accounts/admin';
import type { RunningCloudServer } from '../cloud/server';
import { startCloudServer } from '../cloud/server';
import { BO_RPC_PREFIX } from '../src/contract/backoffice';
import { memberNumberFor } from '../src/core/ean13';
import { HOUR, memberEvents } from '../src/core/member/test-events';
import type { CommandOutputs } from '../src/service/commands';
import { ROUTES } from '../src/sync/protocol';
import type { PairResponse } from '../src/sync/protocol';
import { MANAGER_PIN, expect, logIn, rpcAs, shootSizes, tapQuickKey, test } from './fixtures';
import { BACKOFFICE_BUILT, ensureBackofficeBuilt } from './builds';
import { startTillHost } from './host';
import type { TillHost } from './host';

const CHAIN = 'Bakeri Vest';
const OWNER_EMAIL = 'eier@bakeri-vest.no';
const OWNER_PASSWORD = 'grovbrød og gulost';

let cloud: RunningCloudServer;
let dataDir = '';
let storeCode = '';
let till: TillHost;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  ensureBackofficeBuilt();
  dataDir = mkdtempSync(join(tmpdir(), 'lojal-e2e-bo-products-'));
  cloud = await startCloudServer({ port: 0, dataDir, backofficeDir: BACKOFFICE_BUILT });
  storeCode = (await cloud.admin.addStore(CHAIN, 'Sentrum')).storeCode;
  await cloud.admin.addStore(CHAIN, 'Torget');
  const added = await addOwner(
    cloud.database,
    { chain: CHAIN, email: OWNER_EMAIL, name: 'Eva Eier' },
    Date.now(),
  );
  const accepted = await fetch(`${cloud.url}${BO_RPC_PREFIX}account.acceptInvite`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: new URL(cloud.url).origin },
    body: JSON.stringify({ token: added.link.token, password: OWNER_PASSWORD }),
  });
  expect(accepted.status).toBe(200);
  // A real till of Sentrum, paired by its environment.
  till = await startTillHost({
    LOJAL_CLOUD_URL: cloud.url,
    LOJAL_STORE_CODE: storeCode,
    LOJAL_TERMINAL_NAME: 'Kasse ved døra',
  });
});

test.afterAll(async () => {
  await till?.stop();
  await cloud?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function logInToBackOffice(page: Page, path: string): Promise<void> {
  await page.goto(`${cloud.url}/bo/login?next=${encodeURIComponent(path)}`);
  await page.getByTestId('login-email').fill(OWNER_EMAIL);
  await page.getByTestId('login-password').fill(OWNER_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page).toHaveURL(new RegExp(`/bo${path}$`));
}

const CSV = [
  'Varenummer;Strekkoder;Navn;Kategori;Pris;Medlemspris;MVA;Hurtigtast',
  'skolebolle;7040000000011;Skolebolle;Bakst;39,00;35,00;15;ja',
  'rundstykke;7040000000028|7040000000035;Grovt rundstykke;Brød;18;;15;ja',
  'kanelsnurr;7040000000042;Kanelsnurr;Bakst;45,00;40;15;nei',
  'kaffe;;Kaffe;Drikke;tretti;;25;ja',
  'kakao;;Kakao med krem;Drikke;42.50;;25;ja',
].join('\r\n');

test('the owner imports products from a CSV file and changes a price; the till sells at the new price', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  await logInToBackOffice(page, '/products');
  await expect(page.getByText('Varelisten er tom.')).toBeVisible();

  await page.getByTestId('products-import').click();
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByTestId('import-file').setInputFiles({
    name: 'varer.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`\uFEFF${CSV}`, 'utf8'),
  });
  await expect(dialog.getByTestId('import-text')).toHaveValue(/Skolebolle/);
  await dialog.getByTestId('import-check').click();
  await expect(dialog.getByTestId('import-counts')).toHaveText(
    '4 nye, 0 endret, 0 uendret, 1 med feil.',
  );
  const wrong = dialog.locator('[data-testid="import-row"][data-status="error"]');
  await expect(wrong).toHaveCount(1);
  await expect(wrong).toContainText('5');
  await expect(wrong).toContainText('Pris: Skriv beløpet i kroner, som 29,90 eller 29.90.');
  await shootSizes(page, 'backoffice-products-import-report');
  await dialog.getByTestId('import-apply').click();
  await expect(page.getByTestId('products-notice')).toHaveText(
    'Importert: 4 nye og 0 endrede varer. 1 linje med feil ble hoppet over.',
  );
  await expect(page.getByTestId('product-row')).toHaveCount(4);

  // Skolebolle costs more from today: first a price that is not kroner, then the right one.
  await page.getByTestId('product-edit').filter({ hasText: 'Skolebolle' }).click();
  const form = page.getByTestId('product-dialog');
  await form.getByTestId('product-price').fill('førtito');
  await form.getByTestId('product-save').click();
  await expect(form.getByTestId('product-price-error')).toHaveText(
    'Skriv prisen i kroner, som 29,90.',
  );
  await form.getByTestId('product-member-price').fill('50');
  await form.getByTestId('product-price').fill('42,50');
  await form.getByTestId('product-save').click();
  await expect(form.getByTestId('product-member-price-error')).toHaveText(
    'Medlemsprisen kan ikke være høyere enn ordinær pris.',
  );
  await shootSizes(page, 'backoffice-products-edit-error');
  await form.getByTestId('product-member-price').fill('38');
  await form.getByTestId('product-save').click();
  await expect(page.getByTestId('products-notice')).toHaveText(
    'Skolebolle er lagret og sendes til kassene.',
  );
  const bolle = page.getByTestId('product-row').filter({ hasText: 'Skolebolle' });
  await expect(bolle.getByTestId('product-price-cell')).toHaveText(/42,50/);
  await expect(page.getByTestId('products-saved')).toContainText('av Eva Eier');
  await page.getByTestId('products-search').fill('704000000004');
  await expect(page.getByTestId('product-row')).toHaveCount(1);
  await expect(page.getByTestId('product-row')).toContainText('Kanelsnurr');
  await page.getByTestId('products-search').fill('');
  await expect(page.getByTestId('product-row')).toHaveCount(4);
  await shootSizes(page, 'backoffice-products-list');

  // The till pulls the catalogue: the quick key says the new price and the basket costs it.
  const manager = await rpcAs(request, MANAGER_PIN, till.url);
  await expect
    .poll(async () => {
      await manager('sync.now', {});
      const listed = (await manager('catalogue.get', {})).body as CommandOutputs['catalogue.get'];
      return listed.map((p) => `${p.sku} ${p.priceOre}`).sort();
    })
    .toEqual(['kakao 4250', 'kanelsnurr 4500', 'rundstykke 1800', 'skolebolle 4250']);
  const tillPage = await page.context().newPage();
  await logIn(tillPage, MANAGER_PIN, till.url);
  await expect(tillPage.getByTestId('quick-key-skolebolle')).toContainText('Skolebolle');
  await expect(tillPage.getByTestId('quick-key-skolebolle')).toContainText('42,50');
  await expect(tillPage.getByTestId('quick-key-kanelsnurr')).toHaveCount(0);
  await tapQuickKey(tillPage, 'skolebolle', 2);
  await expect(tillPage.getByTestId('total')).toHaveText(/85,00/);
  await tillPage.close();
});

async function pairApiTill(name: string): Promise<PairResponse> {
  const response = await fetch(cloud.url + ROUTES.pair, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ storeCode, terminalName: name }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as PairResponse;
}

async function push(by: PairResponse, events: unknown[]): Promise<void> {
  const response = await fetch(cloud.url + ROUTES.push, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${by.token}` },
    body: JSON.stringify({ events }),
  });
  expect(response.status).toBe(200);
  expect(((await response.json()) as { rejected: unknown[] }).rejected).toEqual([]);
}

test('a coupon and points used by two tills offline appear under Konflikter and are settled, and stay settled', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  // Two tills of Sentrum that were offline push what they did: one welcome coupon, 80 points each.
  const one = await pairApiTill('Kasse 2');
  const two = await pairApiTill('Kasse 3');
  const origin = (p: PairResponse) => ({
    chainId: p.chainId,
    storeId: p.storeId,
    terminalId: p.terminalId,
  });
  const m = memberEvents('member-e2e-ingrid');
  const T0 = Date.now() - 5 * HOUR;
  const couponId = `W-${m.memberId}`;
  await push(one, [
    m.enrolled(
      T0,
      {
        memberNumber: memberNumberFor('29', 777),
        phoneE164: '+4798765432',
        profile: {
          firstName: 'Ingrid',
          lastName: 'Bakken',
          email: null,
          birthDate: null,
          postalCode: null,
          gender: null,
        },
      },
      origin(one),
    ),
    m.pointsAdjusted(T0 + HOUR, 100, origin(one)),
    m.sale(T0 + 2 * HOUR, {
      ...origin(one),
      saleId: 'e2e-sale-one',
      effects: { couponsRedeemed: [couponId], pointsRedeemed: 80 },
    }),
  ]);
  await push(two, [
    m.sale(T0 + 2 * HOUR + 120_000, {
      ...origin(two),
      saleId: 'e2e-sale-two',
      effects: { couponsRedeemed: [couponId], pointsRedeemed: 80 },
    }),
  ]);

  await logInToBackOffice(page, '/conflicts');
  const open = page.getByTestId('conflict-open');
  await expect(open).toHaveCount(2);
  const coupon = open.and(page.locator('[data-kind="coupon_redeemed_twice"]'));
  await expect(coupon).toContainText('Velkomstkupongen er brukt to ganger');
  await expect(coupon.getByTestId('conflict-member')).toHaveText(
    `Ingrid Bakken · ${memberNumberFor('29', 777)} · +4798765432`,
  );
  const events = coupon.getByTestId('conflict-events').locator('li');
  await expect(events).toHaveCount(2);
  await expect(events.nth(0)).toContainText('i Sentrum, Kasse 2, kvittering 1');
  await expect(events.nth(1)).toContainText('i Sentrum, Kasse 3, kvittering 2');
  const points = open.and(page.locator('[data-kind="negative_points"]'));
  await expect(points).toContainText('Poengsaldoen er 60 poeng i minus');
  await shootSizes(page, 'backoffice-conflicts-open');

  // The coupon: written off, with a note.
  await coupon.getByTestId('conflict-settle').click();
  const dialog = page.getByTestId('settle-dialog');
  await dialog.getByTestId('settle-write_off').check();
  await dialog.getByTestId('settle-submit').click();
  await expect(dialog.getByTestId('settle-note-error')).toHaveText(
    'Skriv et notat om hva som ble gjort.',
  );
  await dialog.getByTestId('settle-note').fill('Kupongen var verdt 20 kr. Butikken tar det.');
  await shootSizes(page, 'backoffice-conflicts-settle');
  await dialog.getByTestId('settle-submit').click();
  await expect(page.getByTestId('conflicts-notice')).toBeVisible();
  await expect(page.getByTestId('conflict-open')).toHaveCount(1);

  // The points: the 60 she is short are offered; the owner gives 100 back. The till gets them.
  await page.getByTestId('conflict-open').getByTestId('conflict-settle').click();
  await expect(dialog.getByTestId('settle-adjust')).toBeChecked();
  await expect(dialog.getByTestId('settle-points')).toHaveValue('60');
  await dialog.getByTestId('settle-points').fill('100');
  await dialog.getByTestId('settle-note').fill('Poengene ble brukt to ganger uten nett.');
  await dialog.getByTestId('settle-submit').click();
  await expect(page.getByTestId('conflict-open')).toHaveCount(0);
  await expect(page.getByTestId('conflicts-none')).toBeVisible();
  const settled = page.getByTestId('conflict-settled');
  await expect(settled).toHaveCount(2);
  await expect(settled.nth(0).getByTestId('conflict-settlement')).toContainText(
    'Saldoen justert med 100 poeng av Eva Eier',
  );
  await expect(settled.nth(1).getByTestId('conflict-settlement')).toContainText(
    'Avskrevet av Eva Eier',
  );
  await expect(settled.nth(1).getByTestId('conflict-settlement')).toContainText(
    'Kupongen var verdt 20 kr. Butikken tar det.',
  );
  const manager = await rpcAs(request, MANAGER_PIN, till.url);
  await expect
    .poll(async () => {
      await manager('sync.now', {});
      const found = (await manager('member.lookup', { query: '98765432' }))
        .body as CommandOutputs['member.lookup'];
      return found.member?.pointsBalance ?? null;
    })
    .toBe(40);

  // Kept: after a reload, both are still listed as settled, none open.
  await page.reload();
  await expect(page.getByTestId('conflict-settled')).toHaveCount(2);
  await expect(page.getByTestId('conflict-open')).toHaveCount(0);
  await shootSizes(page, 'backoffice-conflicts-settled');
});
