/**
 * The programme editor end to end: a real cloud started here (fresh embedded
 * database, the built back office at /bo/) and a real till (its own host,
 * the minimal demo) paired with it. In Chromium the owner starts from the
 * bakery template, changes the points per amount (a wrong value said beside
 * its field first), previews a basket ("Denne kurven ville gitt N poeng",
 * N worked out by the engine here), publishes; the till pulls the new
 * version and its own basket evaluation gives the new points. The version
 * list then offers the roll-back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { addOwner } from '../cloud/accounts/admin';
import type { RunningCloudServer } from '../cloud/server';
import { startCloudServer } from '../cloud/server';
import { BO_RPC_PREFIX } from '../src/contract/backoffice';
import type { Evaluation } from '../src/core/basket-types';
import type { Programme } from '../src/core/programme';
import { programmeTemplate } from '../src/core/templates';
import { evaluatePreview, newMemberLedger } from '../src/backoffice/pages/programme/evaluate';
import { MANAGER_PIN, expect, rpcAs, shoot, shootSizes, test } from './fixtures';
import { BACKOFFICE_BUILT, ensureBackofficeBuilt } from './builds';
import { startTillHost } from './host';
import type { TillHost } from './host';

const CHAIN = 'Bakeri Lojal';
const OWNER_EMAIL = 'kari@kundeklubb-lojal.no';
const OWNER_PASSWORD = 'rug og rosiner hver dag';
const bakery = programmeTemplate('bakeri')!;
/** The membership terms the owner writes: plain text, line breaks kept. */
const TERMS = '1. Medlemskapet er gratis.\n2. Poengene varer i to år.';

let cloud: RunningCloudServer;
let dataDir = '';
let till: TillHost;
let storeCode = '';
let storeId = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  ensureBackofficeBuilt();
  dataDir = mkdtempSync(join(tmpdir(), 'lojal-e2e-programme-'));
  cloud = await startCloudServer({ port: 0, dataDir, backofficeDir: BACKOFFICE_BUILT });
  ({ storeCode, storeId } = await cloud.admin.addStore(CHAIN, 'Sentrum'));
  const added = await addOwner(
    cloud.database,
    { chain: CHAIN, email: OWNER_EMAIL, name: 'Kari Nordmann' },
    Date.now(),
  );
  // The owner sets a password through the link's command (the page for it has its own spec).
  const accepted = await fetch(`${cloud.url}${BO_RPC_PREFIX}account.acceptInvite`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: new URL(cloud.url).origin },
    body: JSON.stringify({ token: added.link.token, password: OWNER_PASSWORD }),
  });
  expect(accepted.status).toBe(200);
  till = await startTillHost();
});

test.afterAll(async () => {
  await till?.stop();
  await cloud?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** `name`-1024x768 and `name`-1366x768 with `at` in the middle of each (the layout differs); 1366 stays set. */
async function shootAround(page: Page, name: string, at: Locator): Promise<void> {
  for (const width of [1024, 1366]) {
    await page.setViewportSize({ width, height: 768 });
    await at.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await shoot(page, `${name}-${width}x768`);
  }
}

async function logIn(page: Page): Promise<void> {
  await page.goto(`${cloud.url}/bo/login?next=%2Fprogramme`);
  await page.getByTestId('login-email').fill(OWNER_EMAIL);
  await page.getByTestId('login-password').fill(OWNER_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByRole('heading', { name: 'Kundeklubben' })).toBeVisible();
}

test('the bakery template edited, a wrong field said beside it, previewed, published, pulled and used at the till', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 768 });

  // The till joins the chain (a chain without a programme yet).
  const manager = await rpcAs(request, MANAGER_PIN, till.url);
  const paired = await manager('sync.pair', {
    cloudUrl: cloud.url,
    storeCode,
    terminalName: 'Kasse 1',
  });
  expect(paired.status, JSON.stringify(paired.body)).toBe(200);
  // The chain's products, saved at the till: the editor picks punch-card products from them.
  expect((await manager('catalogue.save', { products: bakery.catalogue })).status).toBe(200);
  expect((await manager('sync.now', {})).status).toBe(200);

  await logIn(page);
  // Nothing published yet: the templates to start from.
  await expect(page.getByTestId('pe-templates')).toContainText(
    'Kjeden har ikke publisert regler for kundeklubben ennå.',
  );
  await expect(page.getByTestId('pe-version')).toHaveCount(0);
  await shootSizes(page, 'backoffice-programme-start');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByTestId('pe-template-bakeri').click();
  await expect(page.getByTestId('pe-notice')).toHaveText('Utkastet bygger på malen Bakeri.');
  await expect(page.getByTestId('pe-bar-state')).toHaveText('Endringer som ikke er publisert');
  await expect(page.getByTestId('f-points-earn-orePerStep')).toHaveValue('10');
  await expect(page.getByTestId('f-points-earn-pointsPerStep')).toHaveValue('1');
  // The coffee card counts its category; a product is picked from the product list too.
  await expect(page.getByTestId('f-punchCards-0-qualifying-categories')).toHaveValue('Kaffe');
  const smallCoffee = page.getByTestId('f-punchCards-0-qualifying-skus-kaffe-liten');
  await expect(smallCoffee).not.toBeChecked();
  await smallCoffee.check();
  // The membership terms customers read when they join on their phone, beside their version.
  const terms = page.getByTestId('f-termsText');
  await expect(terms).toHaveValue('');
  await terms.fill(TERMS);

  // A wrong value: the schema's words beside the field, publishing held back.
  const perStep = page.getByTestId('f-points-earn-pointsPerStep');
  await perStep.fill('0');
  await expect(page.getByTestId('f-points-earn-pointsPerStep-error')).toHaveText('Mer enn 0.');
  await expect(perStep).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('pe-bar-problems')).toHaveText(
    '1 felt må rettes før du kan publisere',
  );
  await expect(page.getByTestId('pe-publish')).toBeDisabled();
  await expect(page.getByTestId('preview-result')).toContainText(
    'Rett feltene som er merket, så regnes kurven ut.',
  );
  // Kroner that are not an amount, said in the field's own words.
  const orePerStep = page.getByTestId('f-points-earn-orePerStep');
  await orePerStep.fill('ti');
  await expect(page.getByTestId('f-points-earn-orePerStep-error')).toHaveText(
    'Skriv et beløp i kroner, som 10 eller 10,50.',
  );
  await shootAround(page, 'backoffice-programme-error', perStep);
  await orePerStep.fill('10');
  await perStep.fill('3');
  await expect(page.getByTestId('f-points-earn-pointsPerStep-error')).toHaveCount(0);
  await expect(page.getByTestId('pe-bar-state')).toHaveText('Endringer som ikke er publisert');

  // Another page while changes are unpublished: asked first, and staying keeps them.
  await page.getByTestId('nav-stores').click();
  await expect(page.getByTestId('pe-leave-dialog')).toContainText(
    'Går du til en annen side nå, forsvinner endringene.',
  );
  await page.getByTestId('pe-leave-stay').click();
  await expect(page).toHaveURL(/\/bo\/programme$/);
  await expect(perStep).toHaveValue('3');

  // The preview: two cinnamon buns and a large coffee for a new member, by the engine.
  const preview = page.getByTestId('pe-preview');
  await preview.getByTestId('preview-product').selectOption('kanelbolle');
  await preview.getByTestId('preview-quantity').fill('2');
  await preview.getByTestId('preview-add').click();
  await preview.getByTestId('preview-product').selectOption('kaffe-stor');
  await preview.getByTestId('preview-quantity').fill('1');
  await preview.getByTestId('preview-add').click();
  const lines = [
    { sku: 'kanelbolle', quantity: 2 },
    { sku: 'kaffe-stor', quantity: 1 },
  ];
  const edited: Programme = {
    ...bakery.programme,
    termsText: TERMS,
    punchCards: bakery.programme.punchCards.map((card, i) =>
      i === 0 ? { ...card, qualifying: { ...card.qualifying, skus: ['kaffe-liten'] } } : card,
    ),
    points: {
      ...bakery.programme.points!,
      earn: { mode: 'per_amount', orePerStep: 1000, pointsPerStep: 3 },
    },
  };
  const worked = (programme: Programme) =>
    evaluatePreview({
      programme,
      products: bakery.catalogue,
      lines,
      ledger: newMemberLedger(Date.now(), programme.termsVersion),
      couponIds: [],
      rewardIds: [],
      now: Date.now(),
    }).evaluation;
  const expected = worked(edited);
  const before = worked(bakery.programme);
  expect(expected.effects!.pointsEarned).toBeGreaterThan(before.effects!.pointsEarned);
  await expect(preview.getByTestId('preview-result')).toContainText('Denne kurven ville gitt');
  await expect(preview.getByTestId('preview-points')).toHaveText(
    `${expected.effects!.pointsEarned} poeng`,
  );
  await expect(preview.getByTestId('preview-total')).toContainText(
    (expected.totalOre / 100).toFixed(2).replace('.', ','),
  );
  await shootAround(page, 'backoffice-programme-preview', preview.getByTestId('preview-result'));

  // Publish, to the whole chain, now (the dialog's choices by default).
  await page.getByTestId('pe-publish').click();
  const dialog = page.getByTestId('pe-publish-dialog');
  await expect(dialog).toContainText('Versjon 1 sendes til kassene så snart de er tilkoblet');
  await expect(dialog.getByTestId('pe-publish-all')).toBeChecked();
  await expect(dialog.getByTestId('pe-publish-now')).toBeChecked();
  await dialog.getByTestId('pe-publish-note').fill('Tre poeng per tier');
  await shootSizes(page, 'backoffice-programme-publish');
  await page.setViewportSize({ width: 1366, height: 768 });
  await dialog.getByTestId('pe-publish-confirm').click();
  await expect(page.getByTestId('pe-notice')).toHaveText(
    'Versjon 1 er publisert. Kassene henter den neste gang de er tilkoblet.',
  );
  await expect(page.getByTestId('pe-current')).toContainText('Siste versjon: 1');
  await expect(page.getByTestId('pe-bar-state')).toHaveText('Ingen endringer å publisere');
  await expect(page.getByTestId('pe-publish')).toBeDisabled();
  const first = page.getByTestId('pe-version').first();
  await expect(first).toContainText('Versjon 1');
  await expect(first).toContainText('Kari Nordmann');
  await expect(first).toContainText('Den første versjonen av kundeklubben.');
  await expect(first.getByTestId('pe-version-note')).toHaveText('«Tre poeng per tier»');

  // The till pulls it; a basket at the till gives the new points.
  expect((await manager('sync.now', {})).status).toBe(200);
  const programmeAtTill = (await manager('programme.get', {})).body as Programme;
  expect(programmeAtTill).toEqual(edited);
  const enrolled = await manager('member.enrol', {
    phone: '41234599',
    acceptTerms: true,
    profile: { firstName: 'Ingrid' },
  });
  expect(enrolled.status, JSON.stringify(enrolled.body)).toBe(200);
  const memberId = (enrolled.body as { member: { memberId: string } }).member.memberId;
  const atTill = await manager('basket.evaluate', {
    lines,
    memberId,
    selections: { couponIds: [], rewardIds: [] },
  });
  expect(atTill.status, JSON.stringify(atTill.body)).toBe(200);
  const tillEvaluation = atTill.body as Evaluation;
  expect(tillEvaluation.effects?.pointsEarned).toBe(expected.effects!.pointsEarned);
  expect(tillEvaluation.totalOre).toBe(expected.totalOre);

  // The member the till enrolled, found in the preview: her welcome coupon offered, used.
  expect((await manager('sync.now', {})).status).toBe(200);
  await preview.getByTestId('preview-member-query').fill('412 34 599');
  await preview.getByTestId('preview-member-find').click();
  await expect(preview.getByTestId('preview-member')).toContainText('Ingrid, medlem 29');
  const coupon = preview.getByTestId('preview-coupon');
  await expect(coupon).toHaveCount(1);
  await coupon.check();
  const withCoupon = await manager('basket.evaluate', {
    lines,
    memberId,
    selections: {
      couponIds: (
        (await manager('member.get', { memberId })).body as {
          coupons: Array<{ couponId: string }>;
        }
      ).coupons.map((c) => c.couponId),
      rewardIds: [],
    },
  });
  expect(withCoupon.status, JSON.stringify(withCoupon.body)).toBe(200);
  const tillWithCoupon = withCoupon.body as Evaluation;
  expect(tillWithCoupon.discountOre).toBeGreaterThan(tillEvaluation.discountOre);
  await expect(preview.getByTestId('preview-points')).toHaveText(
    `${tillWithCoupon.effects!.pointsEarned} poeng`,
  );
  await expect(preview.getByTestId('preview-total')).toContainText(
    (tillWithCoupon.totalOre / 100).toFixed(2).replace('.', ','),
  );
  await shootAround(page, 'backoffice-programme-member', preview.getByTestId('preview-member'));

  // A template over a published programme is asked first; not taken here.
  await page.getByTestId('pe-templates').locator('summary').click();
  await page.getByTestId('pe-template-bakeri').click();
  await expect(page.getByTestId('pe-template-dialog')).toContainText(
    'Endringer som ikke er publisert, går tapt.',
  );
  await page.getByTestId('pe-template-dialog').getByRole('button', { name: 'Avbryt' }).click();

  // Version 2: two points per 10 kr; then back to version 1, as version 3.
  await page.getByTestId('f-points-earn-pointsPerStep').fill('2');
  await page.getByTestId('pe-publish').click();
  await page.getByTestId('pe-publish-confirm').click();
  await expect(page.getByTestId('pe-current')).toContainText('Siste versjon: 2');
  await expect(page.getByTestId('pe-version').first()).toContainText('Endret: Poeng');
  await shootAround(page, 'backoffice-programme-history', page.getByTestId('pe-version').first());
  await page.getByTestId('pe-version').nth(1).getByTestId('pe-rollback').click();
  const back = page.getByTestId('pe-rollback-dialog');
  await expect(back).toContainText('Reglene i versjon 1 publiseres på nytt som en ny versjon');
  await back.getByTestId('pe-rollback-confirm').click();
  await expect(page.getByTestId('pe-notice')).toHaveText(
    'Versjon 3 er publisert med reglene fra versjon 1.',
  );
  await expect(page.getByTestId('f-points-earn-pointsPerStep')).toHaveValue('3');
  await expect(page.getByTestId('pe-version').first()).toContainText('Tilbake til versjon 1');
  expect((await manager('sync.now', {})).status).toBe(200);
  const rolledBack = (await manager('programme.get', {})).body as Programme;
  expect(rolledBack.points?.earn).toEqual(edited.points!.earn);

  // New words under the version customers accepted: the owner is told to give them a new number.
  await expect(terms).toHaveValue(TERMS);
  const newVersion = page.getByTestId('pe-terms-new-version');
  await expect(newVersion).toHaveCount(0);
  await terms.fill(`${TERMS}\n3. Vilkårene kan endres.`);
  await expect(newVersion).toHaveText('Endrer du vilkårene, gi dem et nytt versjonsnummer.');
  await page.getByTestId('f-termsVersion').fill('2026-12');
  await expect(newVersion).toHaveCount(0);
  // Both put back: nothing left to publish.
  await terms.fill(TERMS);
  await page.getByTestId('f-termsVersion').fill(bakery.programme.termsVersion);

  // The same page in English, from the one catalogue.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { name: 'Loyalty programme' })).toBeVisible();
  await expect(page.getByTestId('pe-section-points')).toContainText('Points for each amount');
  await expect(page.getByTestId('pe-bar-state')).toHaveText('No changes to publish');
});

/** A back-office command as a page sends it (Origin, the session's cookie and CSRF token). */
async function boCall(
  name: string,
  input: unknown,
  session: { cookie: string; csrf: string } | null = null,
): Promise<{ status: number; body: unknown; cookie: string | null }> {
  const response = await fetch(`${cloud.url}${BO_RPC_PREFIX}${name}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: new URL(cloud.url).origin,
      ...(session ? { cookie: session.cookie, 'x-lojal-csrf': session.csrf } : {}),
    },
    body: JSON.stringify(input),
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0] ?? null;
  return { status: response.status, body: await response.json(), cookie };
}

test('a store manager reads the rules and the versions, and changes nothing', async ({
  browser,
}) => {
  // The owner invites a manager of Sentrum; the manager sets a password through the link.
  const login = await boCall('session.logIn', { email: OWNER_EMAIL, password: OWNER_PASSWORD });
  expect(login.status).toBe(200);
  const owner = { cookie: login.cookie!, csrf: (login.body as { csrfToken: string }).csrfToken };
  const invited = await boCall(
    'account.invite',
    {
      email: 'per@kundeklubb-lojal.no',
      name: 'Per Sentrum',
      role: 'store_manager',
      storeIds: [storeId],
    },
    owner,
  );
  expect(invited.status, JSON.stringify(invited.body)).toBe(200);
  const link = (invited.body as { link: string }).link;
  const token = new URLSearchParams(new URL(link).hash.slice(1)).get('token')!;
  expect((await boCall('account.acceptInvite', { token, password: OWNER_PASSWORD })).status).toBe(
    200,
  );

  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(`${cloud.url}/bo/login?next=%2Fprogramme`);
  await page.getByTestId('login-email').fill('per@kundeklubb-lojal.no');
  await page.getByTestId('login-password').fill(OWNER_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByRole('heading', { name: 'Kundeklubben' })).toBeVisible();
  await expect(
    page.getByText('Du kan se reglene. Bare eieren kan publisere endringer.'),
  ).toBeVisible();
  await expect(page.getByTestId('f-points-earn-pointsPerStep')).toHaveValue('3');
  await expect(page.getByTestId('f-points-earn-pointsPerStep')).toBeDisabled();
  await expect(page.getByTestId('pe-templates')).toHaveCount(0);
  await expect(page.getByTestId('pe-bar')).toHaveCount(0);
  await expect(page.getByTestId('pe-version')).toHaveCount(3);
  await expect(page.getByTestId('pe-rollback')).toHaveCount(0);
  // The preview is theirs to use.
  await page.getByTestId('preview-sample').click();
  await expect(page.getByTestId('preview-points')).toHaveText(/^\d+ poeng$/);
  await shootAround(page, 'backoffice-programme-manager', page.getByTestId('pe-preview'));
  await context.close();
});

test('a version published to a chosen store from a date: planned in the list, the till keeps the rules in force', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  const torget = await cloud.admin.addStore(CHAIN, 'Torget');
  await page.setViewportSize({ width: 1366, height: 768 });
  await logIn(page);
  await page.getByTestId('f-points-earn-pointsPerStep').fill('4');
  await page.getByTestId('pe-publish').click();
  const dialog = page.getByTestId('pe-publish-dialog');

  // Chosen stores, none chosen: said beside the list, nothing published.
  await dialog.getByTestId('pe-publish-chosen').check();
  await dialog.getByTestId('pe-publish-confirm').click();
  await expect(dialog.getByTestId('pe-publish-stores-error')).toHaveText('Velg minst én butikk.');

  // Torget, from a day ten days ahead, chosen by keyboard as well as by the pointer.
  await dialog.getByTestId(`pe-publish-store-${torget.storeId}`).check();
  await dialog.getByTestId('pe-publish-later').check();
  const day = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  await dialog.getByTestId('pe-publish-date').fill(day);
  await expect(dialog).toContainText('Reglene gjelder fra midnatt denne dagen');
  await shootSizes(page, 'backoffice-programme-publish-planned');
  await page.setViewportSize({ width: 1366, height: 768 });
  await dialog.getByTestId('pe-publish-confirm').click();
  await expect(page.getByTestId('pe-notice')).toContainText(
    'Versjon 4 er publisert og gjelder fra',
  );

  const newest = page.getByTestId('pe-version').first();
  await expect(newest.getByTestId('pe-version-planned')).toContainText('Planlagt fra');
  await expect(newest.getByTestId('pe-version-where')).toHaveText('Til: Torget');
  await expect(newest.getByTestId('pe-version-in-force')).toHaveCount(0);
  const inForce = page.getByTestId('pe-version').nth(1);
  await expect(inForce.getByTestId('pe-version-in-force')).toHaveText('I kraft i alle butikkene');
  await shootAround(page, 'backoffice-programme-planned', newest);

  // The Sentrum till pulls version 4 and keeps running version 3 (three points per step).
  const manager = await rpcAs(request, MANAGER_PIN, till.url);
  expect((await manager('sync.now', {})).status).toBe(200);
  const atTill = (await manager('programme.get', {})).body as Programme;
  expect(atTill.points?.earn).toMatchObject({ pointsPerStep: 3 });
});
