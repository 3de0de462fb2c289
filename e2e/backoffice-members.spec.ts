/**
 * The back office's members end to end, in Chromium against a real cloud of
 * its own (fresh embedded database, the built back office at /bo/) with a real
 * till paired to it (the browser-mode host, paired by its environment): a
 * member who joined at the till is found by phone in the back office; an SMS
 * consent withdrawn there is seen in the till's member care after the till
 * syncs; points adjusted with a reason (a missing reason said beside its
 * field) reach the till and are in the member's log with who did it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { addOwner } from '../cloud/accounts/admin';
import { saveProgramme } from '../cloud/programme-change';
import type { RunningCloudServer } from '../cloud/server';
import { startCloudServer } from '../cloud/server';
import { programmeTemplate } from '../src/core/templates';
import type { CommandOutputs } from '../src/service/commands';
import {
  MANAGER_PIN,
  expect,
  findMemberByPhone,
  logIn as tillLogIn,
  rpcAs,
  shootSizes,
  test,
  uniquePhone,
} from './fixtures';
import { BACKOFFICE_BUILT, ensureBackofficeBuilt } from './builds';
import { startTillHost } from './host';
import type { TillHost } from './host';

const CHAIN = 'Bakeri Medlem';
const OWNER_EMAIL = 'eier@bakeri-medlem.no';
const OWNER_PASSWORD = 'surdeig hver morgen';

let cloud: RunningCloudServer;
let dataDir = '';
let till: TillHost;
const phone = uniquePhone();

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  ensureBackofficeBuilt();
  dataDir = mkdtempSync(join(tmpdir(), 'lojal-e2e-bo-members-'));
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
  // The chain's programme in the cloud: the bakery's, points and all.
  await saveProgramme(
    cloud.database,
    added.account.chainId,
    { programme: programmeTemplate('bakeri')!.programme, staffId: null },
    Date.now(),
  );
});

test.afterAll(async () => {
  await till?.stop();
  await cloud?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

type TillCall = Awaited<ReturnType<typeof rpcAs>>;

/** The till syncs until what it holds of the member passes `check`. */
async function tillSees(
  call: TillCall,
  memberId: string,
  check: (member: CommandOutputs['member.get']) => boolean,
): Promise<void> {
  await expect
    .poll(
      async () => {
        await call('sync.now', {});
        return check((await call('member.get', { memberId })).body as CommandOutputs['member.get']);
      },
      { timeout: 30_000 },
    )
    .toBe(true);
}

async function boLogIn(page: Page): Promise<void> {
  await page.goto(`${cloud.url}/bo/login`);
  await page.getByTestId('login-email').fill(OWNER_EMAIL);
  await page.getByTestId('login-password').fill(OWNER_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('bo-who')).toContainText('Kari Eier');
}

async function enrolAtTill(request: APIRequestContext): Promise<{ call: TillCall; id: string }> {
  await expect
    .poll(
      async () => {
        const call = await rpcAs(request, MANAGER_PIN, till.url);
        return ((await call('sync.status', {})).body as CommandOutputs['sync.status']).state;
      },
      { timeout: 30_000 },
    )
    .toBe('online');
  const call = await rpcAs(request, MANAGER_PIN, till.url);
  const enrolled = await call('member.enrol', {
    phone,
    acceptTerms: true,
    consents: { sms: true, email: true },
    profile: { firstName: 'Ingrid', lastName: 'Haugen', email: 'ingrid@example.no' },
  });
  expect(enrolled.status).toBe(200);
  const id = (enrolled.body as CommandOutputs['member.enrol']).member.memberId;
  await expect
    .poll(async () => ((await call('sync.now', {})).body as { ok: boolean }).ok)
    .toBe(true);
  return { call, id };
}

test('a member who joined at the till is found by phone; a consent withdrawn in the back office is seen at the till; points adjusted with a reason are logged', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const { call, id } = await enrolAtTill(request);

  await page.setViewportSize({ width: 1366, height: 768 });
  await boLogIn(page);
  await page.getByTestId('nav-members').click();
  await expect(page).toHaveURL(/\/bo\/members$/);
  // The phone as a person types it; the address is the search's own (bookmarkable).
  await page
    .getByTestId('members-q')
    .fill(`${phone.slice(0, 3)} ${phone.slice(3, 5)} ${phone.slice(5)}`);
  await page.getByTestId('members-find').click();
  await expect(page).toHaveURL(/\/bo\/members\?q=/);
  const row = page.getByTestId('member-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Ingrid Haugen');
  await expect(row).toContainText(
    `+47 ${phone.slice(0, 3)} ${phone.slice(3, 5)} ${phone.slice(5)}`,
  );
  await shootSizes(page, 'backoffice-members-search');

  // Too short a search is said beside the field.
  await page.getByTestId('members-q').fill('I');
  await page.getByTestId('members-find').click();
  await expect(page.getByTestId('members-q-error')).toContainText('minst to tegn');

  await page.goBack();
  await page.getByTestId('member-row').getByRole('link', { name: 'Ingrid Haugen' }).click();
  await expect(page).toHaveURL(new RegExp(`/bo/members/${id}$`));
  await expect(page.getByTestId('member-name')).toHaveText('Ingrid Haugen');
  await expect(page.getByTestId('member-phone')).toHaveText(
    `+47 ${phone.slice(0, 3)} ${phone.slice(3, 5)} ${phone.slice(5)}`,
  );
  await shootSizes(page, 'backoffice-members-profile');

  // Consent: withdrawn here, then seen at the till.
  await page.getByTestId('member-tab-consent').click();
  await expect(page).toHaveURL(/\?tab=consent$/);
  await expect(page.getByTestId('consent-sms-state')).toHaveText('Ja');
  await page.getByTestId('consent-sms-withdraw').click();
  await expect(page.getByTestId('consent-sms-state')).toHaveText('Nei');
  await expect(page.getByTestId('member-notice')).toContainText('Samtykket er lagret');
  await shootSizes(page, 'backoffice-members-consent');
  await tillSees(call, id, (m) => m.consents.sms === false);

  const tillPage = await page.context().newPage();
  await tillPage.setViewportSize({ width: 1366, height: 768 });
  await tillLogIn(tillPage, MANAGER_PIN, till.url);
  await findMemberByPhone(tillPage, phone);
  await tillPage.getByTestId('member-care-open').click();
  const care = tillPage.getByTestId('member-care');
  await care.getByTestId('care-tab-consent').click();
  await expect(care.getByTestId('care-consent-sms')).toContainText('Har ikke samtykket');
  await expect(care.getByTestId('care-consent-email')).toContainText('Har samtykket');
  await tillPage.close();

  // Points: a missing reason is said beside its field; then 150 points with a reason.
  await page.getByTestId('member-tab-points').click();
  await page.getByTestId('points-amount').fill('150');
  await page.getByTestId('points-submit').click();
  await expect(page.getByTestId('points-reason-error')).toContainText('Skriv hvorfor');
  await shootSizes(page, 'backoffice-members-points-error');
  await page.getByTestId('points-reason').fill('Glemte medlemskortet 3. desember');
  await page.getByTestId('points-submit').click();
  await expect(page.getByTestId('member-notice')).toContainText('Poengene er endret');
  await expect(page.getByTestId('points-reason-error')).toHaveCount(0);
  await expect(page.getByTestId('member-entries')).toContainText('Glemte medlemskortet');
  await tillSees(call, id, (m) => m.points.balance === 150);

  // The log: what, where and who.
  await page.getByTestId('member-tab-log').click();
  const log = page.getByTestId('member-log');
  const first = log.getByTestId('member-entry').first();
  await expect(first).toContainText('Poeng endret: Glemte medlemskortet 3. desember');
  await expect(first).toContainText('+150');
  await expect(first).toContainText('Kari Eier');
  await expect(log.getByTestId('member-entry').nth(1)).toContainText(
    'Trakk tilbake ja til tilbud på SMS',
  );
  await expect(log.getByTestId('member-entry').last()).toContainText('Ble medlem');
  await expect(log.getByTestId('member-entry').last()).toContainText('Sentrum');
  await shootSizes(page, 'backoffice-members-log');

  // The owner's own changes, from the members' page.
  await page.getByTestId('member-tab-history').click();
  await shootSizes(page, 'backoffice-members-history');
  await page.goto(`${cloud.url}/bo/members?log=mine`);
  const mine = page.getByTestId('members-mine');
  await expect(mine.getByTestId('member-entry')).toHaveCount(2);
  await shootSizes(page, 'backoffice-members-mine');

  // Erasure asks first, and says why it will not go on without the tick.
  await page.goto(`${cloud.url}/bo/members/${id}?tab=privacy`);
  await page.getByTestId('member-erase').click();
  await page.getByTestId('member-erase-confirm').click();
  await expect(page.getByText('Kryss av at medlemmet har bedt om det.')).toBeVisible();
  await shootSizes(page, 'backoffice-members-erase');
  await page.getByTestId('member-erase-asked').check();
  await page.getByTestId('member-erase-confirm').click();
  await expect(page.getByTestId('members-erased')).toBeVisible();
  await expect
    .poll(
      async () => {
        await call('sync.now', {});
        const found = await call('member.lookup', { query: phone });
        return (found.body as CommandOutputs['member.lookup']).member;
      },
      { timeout: 30_000 },
    )
    .toBeNull();
});

test('a store manager of another store finds the member, with the phone and e-mail masked and the profile read only', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const torget = await cloud.admin.addStore(CHAIN, 'Torget');
  // The owner invites a manager of Torget (the page's own command, through the owner's session).
  const post = (name: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${cloud.url}/bo/rpc/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: cloud.url, ...headers },
      body: JSON.stringify(body),
    });
  const session = await post('session.logIn', { email: OWNER_EMAIL, password: OWNER_PASSWORD });
  const cookie = session.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const invited = await post(
    'account.invite',
    {
      email: 'tore@bakeri-medlem.no',
      name: 'Tore Torget',
      role: 'store_manager',
      storeIds: [torget.storeId],
    },
    { cookie, 'x-lojal-csrf': csrfToken },
  );
  expect(invited.status).toBe(200);
  const { link } = (await invited.json()) as { link: string };
  const token = new URLSearchParams(new URL(link).hash.slice(1)).get('token')!;
  expect(
    (await post('account.acceptInvite', { token, password: 'torget hver tirsdag' })).status,
  ).toBe(200);

  // A member who joined at Sentrum's till.
  const call = await rpcAs(request, MANAGER_PIN, till.url);
  const sverrePhone = uniquePhone();
  const enrolled = await call('member.enrol', {
    phone: sverrePhone,
    acceptTerms: true,
    profile: { firstName: 'Sverre', lastName: 'Sentrumsen', email: 'sverre@example.no' },
  });
  expect(enrolled.status).toBe(200);
  await expect
    .poll(async () => ((await call('sync.now', {})).body as { ok: boolean }).ok)
    .toBe(true);

  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'nb-NO',
  });
  const page = await context.newPage();
  await page.goto(`${cloud.url}/bo/login`);
  await page.getByTestId('login-email').fill('tore@bakeri-medlem.no');
  await page.getByTestId('login-password').fill('torget hver tirsdag');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('bo-who')).toContainText('Tore Torget');
  await page.goto(`${cloud.url}/bo/members?q=sverre`);
  const row = page.getByTestId('member-row');
  await expect(row).toContainText('Sverre Sentrumsen');
  await expect(row).toContainText(`+47 ••• •• ${sverrePhone.slice(-3)}`);
  await expect(row).not.toContainText(sverrePhone.slice(0, 5));
  await expect(page.getByText('Telefon og e-post vises bare for kunder')).toBeVisible();
  await shootSizes(page, 'backoffice-members-manager-search');
  await row.getByRole('link', { name: 'Sverre Sentrumsen' }).click();
  await expect(page.getByText('så profilen kan bare leses her')).toBeVisible();
  await expect(page.getByTestId('profile-email')).toHaveValue('•••');
  await expect(page.getByTestId('profile-email')).toBeDisabled();
  await expect(page.getByTestId('member-save')).toHaveCount(0);
  // Where she joined is not his store's to know.
  await expect(page.locator('.bo-member-head .bo-lead')).toContainText('Medlem siden');
  await expect(page.locator('.bo-member-head .bo-lead')).not.toContainText('Sentrum');
  await shootSizes(page, 'backoffice-members-manager-profile');
  await page.getByTestId('member-tab-consent').click();
  await expect(page.getByTestId('consent-sms-grant')).toHaveCount(0);
  await page.getByTestId('member-tab-privacy').click();
  await expect(
    page.getByText('Bare en eier kan laste ned innsyn og slette medlemmer.'),
  ).toBeVisible();
  await context.close();
});

test('a full punch card’s reward is on the member page: a coffee card filled at the till reads «1 belønning klar»', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const call = await rpcAs(request, MANAGER_PIN, till.url);
  const catalogue = programmeTemplate('bakeri')!.catalogue;
  expect((await call('catalogue.save', { products: catalogue })).status).toBe(200);
  const enrolled = await call('member.enrol', {
    phone: uniquePhone(),
    acceptTerms: true,
    profile: { firstName: 'Ola', lastName: 'Kaffe' },
  });
  expect(enrolled.status).toBe(200);
  const ola = (enrolled.body as CommandOutputs['member.enrol']).member;
  // Nine coffees fill «10. kaffe gratis»: the tenth is his reward, ready at any till.
  const sold = await call('sale.commit', {
    lines: [{ sku: 'kaffe-liten', quantity: 9 }],
    memberId: ola.memberId,
    idempotencyKey: 'sale-ola-nine-coffees',
    paymentMethod: 'card',
  });
  expect(sold.status).toBe(200);
  await tillSees(call, ola.memberId, () => true);

  await page.setViewportSize({ width: 1366, height: 768 });
  await boLogIn(page);
  await expect
    .poll(
      async () => {
        await page.goto(`${cloud.url}/bo/members/${ola.memberId}`);
        return page.getByTestId('member-card-kaffe').textContent();
      },
      { timeout: 30_000 },
    )
    .toMatch(/av 9, 1 belønning klar$/);
  await shootSizes(page, 'backoffice-members-card-reward');
});
