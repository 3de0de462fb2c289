/**
 * The back office end to end in Chromium against a real cloud of its own
 * (started here on a fresh embedded database, serving the built back office
 * at /bo/): the chain's owner made by the command line's function sets a
 * password through the link and logs in, sees the stores and a till paired
 * through the API, revokes it (the cloud refuses it from then on), invites a
 * store manager who sees only their store; a wrong password is throttled.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { addOwner } from '../cloud/accounts/admin';
import { linkUrl } from '../cloud/accounts/links';
import type { RunningCloudServer } from '../cloud/server';
import { startCloudServer } from '../cloud/server';
import { staffLoggedInEvent, staffSavedEvent } from '../cloud/test/staff-events';
import { ROUTES } from '../src/sync/protocol';
import type { PairResponse } from '../src/sync/protocol';
import { expect, shootSizes, test } from './fixtures';
import { BACKOFFICE_BUILT, ensureBackofficeBuilt } from './builds';

const OWNER_EMAIL = 'kari@bakeri-lojal.no';
const OWNER_PASSWORD = 'rug og rosiner hver dag';
const MANAGER_EMAIL = 'per@bakeri-lojal.no';
const MANAGER_PASSWORD = 'kanelsnurr til kaffen';

let cloud: RunningCloudServer;
let dataDir = '';
let ownerLink = '';
let gruner: { storeId: string; storeCode: string };
let majorstuen: { storeId: string; storeCode: string };
let grunerTill: PairResponse;
let majorstuenTill: PairResponse;

async function pair(storeCode: string, terminalName: string): Promise<PairResponse> {
  const response = await fetch(cloud.url + ROUTES.pair, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ storeCode, terminalName }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as PairResponse;
}

async function push(till: PairResponse, events: unknown[]): Promise<void> {
  const response = await fetch(cloud.url + ROUTES.push, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${till.token}` },
    body: JSON.stringify({ events }),
  });
  expect(response.status).toBe(200);
  expect(((await response.json()) as { rejected: unknown[] }).rejected).toEqual([]);
}

/** Whether the cloud still takes a till's token. */
async function tillStatus(till: PairResponse): Promise<number> {
  const response = await fetch(cloud.url + ROUTES.conflicts, {
    headers: { authorization: `Bearer ${till.token}` },
  });
  return response.status;
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  ensureBackofficeBuilt();
  dataDir = mkdtempSync(join(tmpdir(), 'lojal-e2e-backoffice-'));
  cloud = await startCloudServer({ port: 0, dataDir, backofficeDir: BACKOFFICE_BUILT });
  const chain = 'Bakeri Lojal';
  gruner = await cloud.admin.addStore(chain, 'Grünerløkka');
  majorstuen = await cloud.admin.addStore(chain, 'Majorstuen');
  // The owner as `npm run cloud -- add-owner` makes them: the same function, the link it prints.
  const added = await addOwner(
    cloud.database,
    { chain, email: OWNER_EMAIL, name: 'Kari Nordmann' },
    Date.now(),
  );
  ownerLink = linkUrl(cloud.publicUrl, 'invite', added.link.token);
  // A till paired with each store through the cloud's API, with the staff it saved.
  grunerTill = await pair(gruner.storeCode, 'Kasse 1 ved døra');
  majorstuenTill = await pair(majorstuen.storeCode, 'Kasse Majorstuen');
  const now = Date.now();
  const g = {
    chainId: grunerTill.chainId,
    storeId: grunerTill.storeId,
    terminalId: grunerTill.terminalId,
  };
  const m = {
    chainId: majorstuenTill.chainId,
    storeId: majorstuenTill.storeId,
    terminalId: majorstuenTill.terminalId,
  };
  const anne = staffSavedEvent(g, 'anne', {
    name: 'Anne Berg',
    role: 'manager',
    at: now - 3_600_000,
  });
  const ola = staffSavedEvent(g, 'ola', {
    name: 'Ola Å. Ødegård',
    author: 'anne',
    at: now - 3_500_000,
  });
  await push(grunerTill, [anne, ola, staffLoggedInEvent(g, 'anne', now - 600_000)]);
  const siri = staffSavedEvent(m, 'siri', {
    name: 'Siri Majorstua',
    author: 'anne',
    at: now - 3_000_000,
  });
  await push(majorstuenTill, [siri, staffLoggedInEvent(m, 'siri', now - 120_000)]);
});

test.afterAll(async () => {
  await cloud?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'nb-NO',
  });
  return context.newPage();
}

test('the owner sets a password through the link, logs in, sees the stores and tills, and revokes one', async ({
  browser,
}) => {
  const page = await newPage(browser);
  // The link from the command line: whose it is, then the password twice.
  await page.goto(ownerLink);
  await expect(page.getByTestId('set-password-whom')).toHaveText(
    `Hei, Kari Nordmann. Velg et passord for ${OWNER_EMAIL} i Bakeri Lojal.`,
  );
  await page.getByTestId('set-password-new').fill('kort');
  await page.getByTestId('set-password-again').fill('kort');
  await page.getByTestId('set-password-submit').click();
  await expect(page.getByTestId('set-password-new-error')).toHaveText(
    'Passordet må ha minst 12 tegn.',
  );
  await page.getByTestId('set-password-new').fill(OWNER_PASSWORD);
  await page.getByTestId('set-password-again').fill(`${OWNER_PASSWORD}!`);
  await page.getByTestId('set-password-submit').click();
  await expect(page.getByTestId('set-password-again-error')).toHaveText(
    'Passordene er ikke like. Skriv det samme to ganger.',
  );
  await page.getByTestId('set-password-again').fill(OWNER_PASSWORD);
  await shootSizes(page, 'backoffice-set-password');
  await page.getByTestId('set-password-submit').click();

  // The log-in, the address filled; the token is gone from the address bar.
  await expect(page).toHaveURL(/\/bo\/login\?email=/);
  expect(page.url()).not.toContain('token');
  await expect(page.getByTestId('login-password-set')).toBeVisible();
  await expect(page.getByTestId('login-email')).toHaveValue(OWNER_EMAIL);
  await shootSizes(page, 'backoffice-login');
  await page.getByTestId('login-password').fill(OWNER_PASSWORD);
  await page.getByTestId('login-submit').click();

  // Stores and tills: both stores, their codes, the tills and staff.
  await expect(page).toHaveURL(/\/bo\/stores$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Butikker og kasser');
  await expect(page.getByTestId('bo-chain')).toHaveText('Bakeri Lojal');
  // The keyboard's first stop skips the top bar and the navigation: Enter lands in the page.
  await page.locator('body').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('bo-skip')).toBeFocused();
  await expect(page.getByTestId('bo-skip')).toHaveText('Hopp til innholdet');
  await expect(page.getByTestId('bo-skip')).toBeInViewport();
  await shootSizes(page, 'backoffice-skip-link');
  await page.keyboard.press('Enter');
  await expect(page.locator('#bo-main')).toBeFocused();
  const cards = page.getByTestId('store-card');
  await expect(cards).toHaveCount(2);
  const grunerCard = cards.filter({ hasText: 'Grünerløkka' });
  await expect(grunerCard.getByTestId('store-code')).toHaveText(gruner.storeCode);
  const tillRow = grunerCard.getByTestId('till-row');
  await expect(tillRow).toHaveCount(1);
  await expect(tillRow).toContainText('Kasse 1 ved døra');
  await expect(tillRow.getByTestId('till-state')).toHaveText('Aktiv');
  await expect(tillRow).toContainText(/Akkurat nå|For \d+ minutt(er)? siden/);
  await expect(grunerCard.getByTestId('staff-row')).toHaveCount(2);
  await expect(grunerCard.getByTestId('staff-row').first()).toContainText('Anne Berg');
  await expect(grunerCard.getByTestId('staff-row').first()).toContainText('Leder');
  await expect(cards.filter({ hasText: 'Majorstuen' }).getByTestId('staff-row')).toHaveText([
    /Siri Majorstua/,
  ]);
  // Every part of the back office is a link; the page's own is marked.
  await expect(page.getByTestId('nav-programme')).toHaveAttribute('href', '/bo/programme');
  await expect(page.getByTestId('nav-stores')).toHaveAttribute('aria-current', 'page');
  await shootSizes(page, 'backoffice-stores');

  // Revoke, confirmed: the cloud refuses the till from now on.
  expect(await tillStatus(grunerTill)).toBe(200);
  await tillRow.getByTestId('till-revoke').click();
  const dialog = page.getByTestId('revoke-dialog');
  await expect(dialog).toContainText(
    'Kasse 1 ved døra i Grünerløkka blir avvist av skyen fra nå av.',
  );
  await shootSizes(page, 'backoffice-revoke');
  await dialog.getByTestId('revoke-confirm').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('stores-notice')).toHaveText('Kasse 1 ved døra er tilbakekalt.');
  await expect(tillRow.getByTestId('till-state')).toHaveText('Tilbakekalt');
  await expect(tillRow.getByTestId('till-revoke')).toHaveCount(0);
  expect(await tillStatus(grunerTill)).toBe(401);
  expect(await tillStatus(majorstuenTill)).toBe(200);

  // A bookmark: the page's own address opens it again after a reload.
  await page.reload();
  await expect(page.getByTestId('store-card')).toHaveCount(2);

  // English on the switch, and back.
  await page.getByTestId('language-switch').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stores and tills');
  await expect(tillRow.getByTestId('till-state')).toHaveText('Revoked');
  await page.getByTestId('language-switch').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Butikker og kasser');
  await page.context().close();
});

test('a store manager invited by the owner sees only their store', async ({ browser }) => {
  const owner = await newPage(browser);
  await owner.goto(`${cloud.url}/bo/stores`);
  // No session: the log-in, which comes back to the page asked for.
  await expect(owner).toHaveURL(/\/bo\/login\?next=%2Fstores$/);
  await logIn(owner, OWNER_EMAIL, OWNER_PASSWORD);
  await expect(owner).toHaveURL(/\/bo\/stores$/);
  const majorstuenCard = owner.getByTestId('store-card').filter({ hasText: 'Majorstuen' });
  await majorstuenCard.getByTestId('store-invite').click();
  const invite = owner.getByTestId('invite-dialog');
  await invite.getByTestId('invite-name').fill('Per Hansen');
  await invite.getByTestId('invite-email').fill('ikke-en-adresse');
  await invite.getByTestId('invite-submit').click();
  await expect(invite.getByTestId('invite-email-error')).toHaveText(
    'Skriv en gyldig e-postadresse, som navn@butikk.no.',
  );
  await invite.getByTestId('invite-email').fill(MANAGER_EMAIL);
  await invite.getByTestId('invite-submit').click();
  const link = await invite.getByTestId('invite-link').inputValue();
  expect(link).toMatch(/\/bo\/set-password#token=lojal_l_[\w-]{43}&kind=invite$/);
  await shootSizes(owner, 'backoffice-invite');
  await invite.getByTestId('invite-done').click();
  await owner.getByTestId('bo-logout').click();
  await expect(owner).toHaveURL(/\/bo\/login/);
  await owner.context().close();

  const manager = await newPage(browser);
  await manager.goto(link);
  await expect(manager.getByTestId('set-password-whom')).toContainText('Hei, Per Hansen.');
  await manager.getByTestId('set-password-new').fill(MANAGER_PASSWORD);
  await manager.getByTestId('set-password-again').fill(MANAGER_PASSWORD);
  await manager.getByTestId('set-password-submit').click();
  await expect(manager.getByTestId('login-email')).toHaveValue(MANAGER_EMAIL);
  await manager.getByTestId('login-password').fill(MANAGER_PASSWORD);
  await manager.getByTestId('login-submit').click();
  await expect(manager).toHaveURL(/\/bo\/stores$/);
  await expect(manager.getByTestId('bo-who')).toHaveText('Per Hansen (butikksjef)');
  const cards = manager.getByTestId('store-card');
  await expect(cards).toHaveCount(1);
  await expect(cards.getByRole('heading', { level: 2 })).toHaveText('Majorstuen');
  await expect(cards.getByTestId('till-row')).toHaveText([/Kasse Majorstuen/]);
  await expect(cards.getByTestId('staff-row')).toHaveText([/Siri Majorstua/]);
  await expect(manager.getByText('Grünerløkka')).toHaveCount(0);
  await expect(manager.getByTestId('store-invite')).toHaveCount(0);
  await shootSizes(manager, 'backoffice-manager');
  // The used link is used.
  await manager.goto(link);
  await expect(manager.getByTestId('set-password-invalid')).toHaveText(
    'Lenken er brukt, utløpt eller ukjent. Be om en ny.',
  );
  await manager.context().close();
});

test('a wrong password is said so five times, then throttled with the time to wait', async ({
  browser,
}) => {
  const page = await newPage(browser);
  await page.goto(`${cloud.url}/bo/login`);
  for (let i = 0; i < 5; i++) {
    await logIn(page, OWNER_EMAIL, 'feil passord');
    await expect(page.getByTestId('login-error')).toHaveText(
      'E-postadressen eller passordet er feil.',
    );
    await expect(page.getByTestId('login-submit')).toBeEnabled();
  }
  // The right password too is refused now, until the lock is over.
  await logIn(page, OWNER_EMAIL, OWNER_PASSWORD);
  await expect(page.getByTestId('login-error')).toHaveText(
    /^For mange forsøk\. Prøv igjen om (30|[12]\d) sekunder\.$/,
  );
  await expect(page).toHaveURL(/\/bo\/login$/);
  await shootSizes(page, 'backoffice-throttled');
  // "Forgot password" answers the same for any address.
  await page.getByTestId('login-forgot').click();
  await expect(page).toHaveURL(/\/bo\/forgot-password/);
  await page.getByTestId('forgot-email').fill('ingen@bakeri-lojal.no');
  await page.getByTestId('forgot-submit').click();
  await expect(page.getByTestId('forgot-sent')).toContainText(
    'Hvis ingen@bakeri-lojal.no har en konto',
  );
  await shootSizes(page, 'backoffice-forgot');
  await page.context().close();
});
