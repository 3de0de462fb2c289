/**
 * Stores and staff in the back office end to end in Chromium against a real
 * cloud of its own and a real till paired to it (the browser-mode host,
 * paired by its environment): the owner adds a store and is shown its code
 * (a name the chain has is refused beside the field) and renames it, adds a
 * cashier with a PIN typed twice (typed differently, refused beside the second
 * field), and the cashier logs in at the till with that PIN once it has
 * synced; disabled after a confirmation, the PIN no longer logs in there;
 * enabled, it does again. A store manager adds and changes staff of their
 * store only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { addOwner } from '../cloud/accounts/admin';
import type { RunningCloudServer } from '../cloud/server';
import { startCloudServer } from '../cloud/server';
import { MANAGER_PIN, expect, logIn as tillLogIn, rpcAs, shootSizes, test } from './fixtures';
import { BACKOFFICE_BUILT, ensureBackofficeBuilt } from './builds';
import { startTillHost } from './host';
import type { TillHost } from './host';

const CHAIN = 'Bakeri Butikk';
const OWNER_EMAIL = 'eier@bakeri-butikk.no';
const OWNER_PASSWORD = 'rundstykker til frokost';
const NEW_PIN = '482193';

let cloud: RunningCloudServer;
let dataDir = '';
let till: TillHost;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  ensureBackofficeBuilt();
  dataDir = mkdtempSync(join(tmpdir(), 'lojal-e2e-bo-stores-'));
  cloud = await startCloudServer({ port: 0, dataDir, backofficeDir: BACKOFFICE_BUILT });
  const store = await cloud.admin.addStore(CHAIN, 'Sentrum');
  const added = await addOwner(
    cloud.database,
    { chain: CHAIN, email: OWNER_EMAIL, name: 'Kari Eier' },
    Date.now(),
  );
  // The owner sets the password through the invitation's link, as the page would.
  const accepted = await fetch(`${cloud.url}/bo/rpc/account.acceptInvite`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: cloud.url },
    body: JSON.stringify({ token: added.link.token, password: OWNER_PASSWORD }),
  });
  expect(accepted.status).toBe(200);
  till = await startTillHost({
    LOJAL_CLOUD_URL: cloud.url,
    LOJAL_STORE_CODE: store.storeCode,
    LOJAL_TERMINAL_NAME: 'Kasse 1',
  });
});

test.afterAll(async () => {
  await till?.stop();
  await cloud?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function boLogIn(page: Page): Promise<void> {
  await page.goto(`${cloud.url}/bo/login`);
  await page.getByTestId('login-email').fill(OWNER_EMAIL);
  await page.getByTestId('login-password').fill(OWNER_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('bo-who')).toContainText('Kari Eier');
}

/** The till syncs (as its manager) until a log-in with `pin` answers `status`. */
async function tillAnswersPin(request: APIRequestContext, pin: string, status: number) {
  await expect
    .poll(
      async () => {
        const call = await rpcAs(request, MANAGER_PIN, till.url);
        await call('sync.now', {});
        return (await request.post(`${till.url}/rpc/session.login`, { data: { pin } })).status();
      },
      { timeout: 30_000 },
    )
    .toBe(status);
}

test('the owner adds a store and is shown its code to type at its first till', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await boLogIn(page);
  await expect(page).toHaveURL(/\/bo\/stores/);
  await page.getByTestId('store-add').click();
  const dialog = page.getByTestId('store-add-dialog');
  await dialog.getByTestId('store-add-name').fill('Sentrum');
  await dialog.getByTestId('store-add-submit').click();
  await expect(dialog.getByTestId('store-add-name-error')).toHaveText(
    'Kjeden har allerede en butikk med dette navnet.',
  );
  await shootSizes(page, 'backoffice-stores-add-taken');
  await dialog.getByTestId('store-add-name').fill('Bryggen');
  await dialog.getByTestId('store-add-submit').click();
  const code = dialog.getByTestId('store-add-code');
  await expect(code).toHaveText(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  const shown = await code.textContent();
  await shootSizes(page, 'backoffice-stores-added');
  await dialog.getByTestId('store-add-done').click();
  const card = page.getByTestId('store-card').filter({ hasText: 'Bryggen' });
  await expect(card.getByTestId('store-code')).toHaveText(shown!);

  // The code is one a till pairs with (the cloud's pairing, as a till's first run uses it).
  const paired = await fetch(`${cloud.url}/v1/pair`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ storeCode: shown, terminalName: 'Kasse Bryggen' }),
  });
  expect(paired.status).toBe(200);
  expect(((await paired.json()) as { storeName: string }).storeName).toBe('Bryggen');

  // Renamed: a name the chain has is refused beside the field.
  await card.getByTestId('store-rename').click();
  const rename = page.getByTestId('store-rename-dialog');
  await rename.getByTestId('store-rename-name').fill('Sentrum');
  await rename.getByTestId('store-rename-submit').click();
  await expect(rename.getByTestId('store-rename-name-error')).toHaveText(
    'Kjeden har allerede en butikk med dette navnet.',
  );
  await rename.getByTestId('store-rename-name').fill('Bryggen Øst');
  await rename.getByTestId('store-rename-submit').click();
  await expect(page.getByTestId('stores-notice')).toHaveText('Butikken heter nå Bryggen Øst.');
  await expect(card.getByRole('heading', { level: 2 })).toHaveText('Bryggen Øst');
  await expect(card.getByTestId('store-code')).toHaveText(shown!);
});

test('the owner adds a cashier with a PIN typed twice, who then logs in at the till with it; disabled, no more', async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await boLogIn(page);
  const sentrum = page.getByTestId('store-card').filter({ hasText: 'Sentrum' });
  await sentrum.getByTestId('staff-add').click();
  const dialog = page.getByTestId('staff-dialog');
  await dialog.getByTestId('staff-name').fill('Nina Ny');
  await dialog.getByTestId('staff-pin').fill(NEW_PIN);
  await dialog.getByTestId('staff-pin-again').fill('482194');
  await dialog.getByTestId('staff-submit').click();
  await expect(dialog.getByTestId('staff-pin-again-error')).toHaveText(
    'PIN-kodene er ikke like. Skriv den samme to ganger.',
  );
  await shootSizes(page, 'backoffice-stores-staff-new');
  await dialog.getByTestId('staff-pin-again').fill(NEW_PIN);
  await dialog.getByTestId('staff-submit').click();
  await expect(page.getByTestId('stores-notice')).toContainText('Nina Ny er lagret.');
  const row = sentrum.getByTestId('staff-row').filter({ hasText: 'Nina Ny' });
  await expect(row).toContainText('Kasserer');
  await sentrum.getByTestId('staff-add').evaluate((button) => button.scrollIntoView());
  await shootSizes(page, 'backoffice-stores-staff');

  // At the till: once synced, Nina's PIN logs her in.
  await tillAnswersPin(request, NEW_PIN, 200);
  const tillPage = await page.context().newPage();
  await tillPage.setViewportSize({ width: 1366, height: 768 });
  await tillLogIn(tillPage, NEW_PIN, till.url);
  await expect(tillPage.getByText('Nina Ny').first()).toBeVisible();
  await tillPage.close();

  // Disabled after a confirmation: the till refuses the PIN once it has the change.
  await row.getByTestId('staff-toggle').click();
  await expect(page.getByTestId('staff-disable-dialog')).toContainText(
    'Nina Ny kan ikke lenger logge inn på kjedens kasser',
  );
  await page.getByTestId('staff-disable-confirm').click();
  await expect(row).toContainText('Deaktivert');
  await expect(page.getByTestId('stores-notice')).toContainText('Nina Ny er deaktivert.');
  await tillAnswersPin(request, NEW_PIN, 401);

  // Enabled again: the PIN she had logs her in again.
  await row.getByTestId('staff-toggle').click();
  await expect(page.getByTestId('stores-notice')).toContainText('Nina Ny er aktivert igjen.');
  await expect(row).toContainText('Aktiv');
  await tillAnswersPin(request, NEW_PIN, 200);
});

test('a store manager adds and changes staff of their store only, and adds no store', async ({
  browser,
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await boLogIn(page);
  const bryggen = page.getByTestId('store-card').filter({ hasText: 'Bryggen' });
  await bryggen.getByTestId('store-invite').click();
  const invite = page.getByTestId('invite-dialog');
  await invite.getByTestId('invite-name').fill('Per Brygge');
  await invite.getByTestId('invite-email').fill('per@bakeri-butikk.no');
  await invite.getByTestId('invite-submit').click();
  const link = await invite.getByTestId('invite-link').inputValue();

  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'nb-NO',
  });
  const manager = await context.newPage();
  await manager.goto(link);
  await manager.getByTestId('set-password-new').fill('kanelsnurr til kaffen');
  await manager.getByTestId('set-password-again').fill('kanelsnurr til kaffen');
  await manager.getByTestId('set-password-submit').click();
  await manager.getByTestId('login-password').fill('kanelsnurr til kaffen');
  await manager.getByTestId('login-submit').click();
  await expect(manager).toHaveURL(/\/bo\/stores$/);
  const cards = manager.getByTestId('store-card');
  await expect(cards).toHaveCount(1);
  await expect(cards.getByRole('heading', { level: 2 })).toHaveText('Bryggen Øst');
  await expect(manager.getByTestId('store-add')).toHaveCount(0);
  await expect(manager.getByTestId('store-rename')).toHaveCount(0);

  // A cashier added, then renamed with a new PIN (the first PIN Nina's: refused beside the field).
  await cards.getByTestId('staff-add').click();
  const dialog = manager.getByTestId('staff-dialog');
  await dialog.getByTestId('staff-name').fill('Ola Brygge');
  await dialog.getByTestId('staff-pin').fill(NEW_PIN);
  await dialog.getByTestId('staff-pin-again').fill(NEW_PIN);
  await dialog.getByTestId('staff-submit').click();
  await expect(dialog.getByTestId('staff-pin-error')).toHaveText('Velg en annen PIN-kode.');
  await dialog.getByTestId('staff-pin').fill('5566');
  await dialog.getByTestId('staff-pin-again').fill('5566');
  await dialog.getByTestId('staff-submit').click();
  const row = cards.getByTestId('staff-row').filter({ hasText: 'Ola Brygge' });
  await expect(row).toContainText('Kasserer');
  await row.getByTestId('staff-edit').click();
  await expect(dialog.getByTestId('staff-name')).toHaveValue('Ola Brygge');
  await dialog.getByTestId('staff-name').fill('Ola Bryggesen');
  await dialog.getByTestId('staff-role').selectOption('manager');
  await shootSizes(manager, 'backoffice-stores-manager-edit');
  await dialog.getByTestId('staff-submit').click();
  await expect(manager.getByTestId('stores-notice')).toContainText('Ola Bryggesen er lagret.');
  await expect(cards.getByTestId('staff-row')).toHaveText([/Ola Bryggesen.*Leder/]);
  await cards.getByTestId('staff-add').evaluate((button) => button.scrollIntoView());
  await shootSizes(manager, 'backoffice-stores-manager');
  await context.close();
});
