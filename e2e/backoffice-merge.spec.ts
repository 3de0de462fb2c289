/**
 * Merging two members who are one person, end to end in Chromium against a
 * real cloud of its own (fresh embedded database, the built back office at
 * /bo/) with a real till paired to it (the browser-mode host): Anne joins at
 * the till; another till of the chain (offline then) enrolled her phone too,
 * with a sale that earned her points there. The owner opens Anne's page, sees
 * the other as a possible duplicate, is told what a merge does and merges;
 * after the till syncs, the other card's member number scanned at the till
 * (a keyboard-wedge scanner) gives Anne, with the points of both.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import { addOwner } from '../cloud/accounts/admin';
import { saveProgramme } from '../cloud/programme-change';
import type { RunningCloudServer } from '../cloud/server';
import { startCloudServer } from '../cloud/server';
import { memberNumberFor } from '../src/core/ean13';
import { memberEvents } from '../src/core/member/test-events';
import { programmeTemplate } from '../src/core/templates';
import type { CommandOutputs } from '../src/service/commands';
import { PairResponse, ROUTES } from '../src/sync/protocol';
import {
  CASHIER_PIN,
  MANAGER_PIN,
  expect,
  logIn as tillLogIn,
  rpcAs,
  scanWithWedge,
  shootSizes,
  test,
  uniquePhone,
} from './fixtures';
import { BACKOFFICE_BUILT, ensureBackofficeBuilt } from './builds';
import { startTillHost } from './host';
import type { TillHost } from './host';

const CHAIN = 'Bakeri Dobbel';
const OWNER_EMAIL = 'eier@bakeri-dobbel.no';
const OWNER_PASSWORD = 'surdeig hver morgen';

let cloud: RunningCloudServer;
let dataDir = '';
let till: TillHost;
let otherStoreCode = '';
const phone = uniquePhone();

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  ensureBackofficeBuilt();
  dataDir = mkdtempSync(join(tmpdir(), 'lojal-e2e-bo-merge-'));
  cloud = await startCloudServer({ port: 0, dataDir, backofficeDir: BACKOFFICE_BUILT });
  const store = await cloud.admin.addStore(CHAIN, 'Sentrum');
  otherStoreCode = (await cloud.admin.addStore(CHAIN, 'Torget')).storeCode;
  const added = await addOwner(
    cloud.database,
    { chain: CHAIN, email: OWNER_EMAIL, name: 'Kari Eier' },
    Date.now(),
  );
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

async function boLogIn(page: Page): Promise<void> {
  await page.goto(`${cloud.url}/bo/login`);
  await page.getByTestId('login-email').fill(OWNER_EMAIL);
  await page.getByTestId('login-password').fill(OWNER_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('bo-who')).toContainText('Kari Eier');
}

async function onlineTill(request: APIRequestContext): Promise<TillCall> {
  await expect
    .poll(
      async () => {
        const call = await rpcAs(request, MANAGER_PIN, till.url);
        return ((await call('sync.status', {})).body as CommandOutputs['sync.status']).state;
      },
      { timeout: 30_000 },
    )
    .toBe('online');
  return rpcAs(request, MANAGER_PIN, till.url);
}

async function syncNow(call: TillCall): Promise<void> {
  await expect
    .poll(async () => ((await call('sync.now', {})).body as { ok: boolean }).ok)
    .toBe(true);
}

/**
 * The till at Torget, offline when Anne came in: it enrolled her phone again
 * and sold to her (45 points), and pushes that now, as a paired till does.
 */
async function enrolAgainAtTorget(): Promise<{ memberNumber: string; qrToken: string }> {
  const paired = await fetch(cloud.url + ROUTES.pair, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ storeCode: otherStoreCode, terminalName: 'Kasse Torget' }),
  });
  expect(paired.status).toBe(200);
  const pair = PairResponse.parse(await paired.json());
  const origin = { chainId: pair.chainId, storeId: pair.storeId, terminalId: pair.terminalId };
  const anne = memberEvents('member-anne-torget');
  const at = Date.now() - 10 * 60_000;
  const memberNumber = memberNumberFor('29', 424_242);
  const qrToken = 'qr-anne-torget-token';
  const pushed = await fetch(cloud.url + ROUTES.push, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${pair.token}` },
    body: JSON.stringify({
      events: [
        anne.enrolled(
          at,
          {
            memberNumber,
            qrToken,
            phoneE164: `+47${phone}`,
            profile: {
              firstName: 'Anne',
              lastName: 'Dobbel',
              email: null,
              birthDate: null,
              postalCode: null,
              gender: null,
            },
          },
          origin,
        ),
        anne.sale(at + 60_000, { ...origin, effects: { pointsEarned: 45 } }),
      ],
    }),
  });
  expect(pushed.status).toBe(200);
  expect(((await pushed.json()) as { rejected: unknown[] }).rejected).toEqual([]);
  return { memberNumber, qrToken };
}

test('two members with one phone merged in the back office; the old card scans to the member kept, with the points of both', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const call = await onlineTill(request);
  const enrolled = await call('member.enrol', {
    phone,
    acceptTerms: true,
    profile: { firstName: 'Anne', lastName: 'Dobbel' },
  });
  expect(enrolled.status).toBe(200);
  const anne = (enrolled.body as CommandOutputs['member.enrol']).member;
  // She buys at the till here too (the bakery's products): points on both sides.
  const catalogue = programmeTemplate('bakeri')!.catalogue;
  expect((await call('catalogue.save', { products: catalogue })).status).toBe(200);
  const sold = await call('sale.commit', {
    lines: [{ sku: 'kaffe-liten', quantity: 3 }],
    memberId: anne.memberId,
    idempotencyKey: 'sale-anne-sentrum-1',
    paymentMethod: 'card',
  });
  expect(sold.status).toBe(200);
  await syncNow(call);
  const other = await enrolAgainAtTorget();
  const before = (
    (await call('member.get', { memberId: anne.memberId })).body as CommandOutputs['member.get']
  ).points.balance;
  expect(before).toBeGreaterThan(0);

  await page.setViewportSize({ width: 1366, height: 768 });
  await boLogIn(page);
  await page.goto(`${cloud.url}/bo/members/${anne.memberId}`);
  await expect(page.getByTestId('member-name')).toHaveText('Anne Dobbel');
  const candidate = page.getByTestId('merge-candidate');
  await expect(candidate).toHaveCount(1);
  await expect(candidate).toContainText(`Mulig duplikat: medlem ${other.memberNumber}`);
  await expect(candidate).toContainText('45 poeng');
  await shootSizes(page, 'backoffice-merge-candidate');

  // Asked first, with what a merge does; cancelling changes nothing.
  await candidate.getByTestId('merge-start').click();
  const confirm = page.getByTestId('merge-confirm');
  await expect(confirm).toContainText('Slå sammen to medlemmer?');
  await expect(confirm).toContainText('Dette kan ikke angres');
  await expect(confirm).toContainText(other.memberNumber);
  await shootSizes(page, 'backoffice-merge-confirm');
  await confirm.getByRole('button', { name: 'Avbryt' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(candidate).toHaveCount(1);

  await candidate.getByTestId('merge-start').click();
  await page.getByTestId('merge-confirm-yes').click();
  await expect(page.getByTestId('member-notice')).toContainText('Medlemmene er slått sammen');
  await expect(page.getByTestId('merge-candidate')).toHaveCount(0);
  await expect(page.getByTestId('member-absorbed')).toContainText(other.memberNumber);
  await expect(page.getByTestId('member-balance')).toContainText(String(before + 45));
  await shootSizes(page, 'backoffice-merge-done');

  // The till pulls the merge; the other card's number, scanned, gives Anne with both members' points.
  await expect
    .poll(
      async () => {
        await call('sync.now', {});
        const found = (await call('member.lookup', { query: other.memberNumber }))
          .body as CommandOutputs['member.lookup'];
        return [found.member?.memberId, found.member?.pointsBalance, found.remote ?? false];
      },
      { timeout: 30_000 },
    )
    .toEqual([anne.memberId, before + 45, false]);
  const tillPage = await page.context().newPage();
  await tillPage.setViewportSize({ width: 1366, height: 768 });
  await tillLogIn(tillPage, CASHIER_PIN, till.url);
  await tillPage.getByTestId('scan-input').blur();
  await scanWithWedge(tillPage, other.memberNumber);
  await expect(tillPage.getByTestId('member-name')).toHaveText('Anne');
  await expect(tillPage.getByTestId('member-panel')).toContainText(anne.memberNumber);
  await expect(tillPage.getByTestId('member-panel')).toContainText(String(before + 45));
  await shootSizes(tillPage, 'backoffice-merge-till');
  await tillPage.close();

  // The merged member's page says where it went.
  await page.goto(`${cloud.url}/bo/members/member-anne-torget`);
  await expect(page.getByTestId('member-merged-into')).toContainText(anne.memberNumber);
});
