/**
 * The till's sync on screen, against the real cloud server (embedded
 * database in a temporary folder, a free port on 127.0.0.1) and real tills
 * (their own hosts on fresh data folders): the top bar's badge, the sync
 * screen, pairing from it with the service's refusals at the field, the till
 * going offline when the cloud stops and catching up when it comes back on
 * the same port and data, a cashier reading the screen, and a welcome coupon
 * redeemed at two offline tills explained to the manager.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { startCloudServer } from '../cloud/server';
import type { RunningCloudServer } from '../cloud/server';
import { programmeTemplate } from '../src/core/templates';
import type { CommandOutputs } from '../src/service/commands';
import {
  CASHIER_PIN,
  MANAGER_PIN,
  completeSale,
  expect,
  logIn,
  rpcAs,
  scrollDialogToTop,
  shoot,
  tapQuickKey,
  test,
  uniquePhone,
} from './fixtures';
import { startTillHost } from './host';
import type { TillHost } from './host';

test.describe.configure({ mode: 'serial' });

const bakery = programmeTemplate('bakeri')!;
const CHAIN = 'Bakeri Nord AS';

/** The cloud: stopped and started again on the same port and the same data, as after an outage. */
const world: {
  dataDir: string;
  cloud: RunningCloudServer | null;
  port: number;
  url: string;
  codes: Record<string, string>;
} = { dataDir: '', cloud: null, port: 0, url: '', codes: {} };
const tills: TillHost[] = [];
let tillA: TillHost;

async function startCloud(): Promise<void> {
  world.cloud = await startCloudServer({ port: world.port, dataDir: world.dataDir });
  world.port = world.cloud.port;
  world.url = world.cloud.url;
}

async function stopCloud(): Promise<void> {
  await world.cloud?.close();
  world.cloud = null;
}

test.beforeAll(async () => {
  world.dataDir = mkdtempSync(join(tmpdir(), 'lojal-e2e-cloud-'));
  await startCloud();
  const cloud = world.cloud!;
  for (const store of ['Sentrum', 'Torget']) {
    world.codes[store] = (await cloud.admin.addStore(CHAIN, store)).storeCode;
  }
  // The chain's programme, as its back office sets it: the tills pull it.
  const admin = await cloud.admin.addAdminToken(CHAIN);
  const saved = await fetch(`${world.url}/v1/programme`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      programme: { ...bakery.programme, name: 'Bakeri Nord' },
      staffId: null,
    }),
  });
  expect(saved.status).toBe(200);
});

test.afterAll(async () => {
  for (const till of tills.splice(0)) await till.stop();
  await stopCloud();
  if (world.dataDir) rmSync(world.dataDir, { recursive: true, force: true });
});

async function newTill(env: Record<string, string> = {}): Promise<TillHost> {
  const till = await startTillHost(env);
  tills.push(till);
  return till;
}

async function openSync(page: Page): Promise<Locator> {
  await page.getByTestId('sync-badge').click();
  const dialog = page.getByTestId('sync-dialog');
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Store code as a person might type it off a note: lower case, a space for the dash. */
const loosely = (code: string) => ` ${code.toLowerCase().replace('-', ' ')} `;

async function pair(dialog: Locator, url: string, code: string, name = ''): Promise<void> {
  await dialog.getByTestId('pair-cloud-url').fill(url);
  await dialog.getByTestId('pair-store-code').fill(code);
  await dialog.getByTestId('pair-terminal-name').fill(name);
  await dialog.getByTestId('pair-submit').click();
}

/** Bli medlem from the front screen; the welcome coupon lands on the basket. */
async function enrol(page: Page, phone: string, firstName: string): Promise<void> {
  await page.getByTestId('enrol-front').click();
  await page.getByTestId('enrol-phone').fill(phone);
  await page.getByRole('button', { name: 'Flere felt' }).click();
  await page.getByTestId('enrol-first-name').fill(firstName);
  await page.getByTestId('enrol-terms').check();
  await page.getByTestId('enrol-submit').click();
  await expect(page.getByTestId('member-name')).toHaveText(firstName);
}

async function syncStatus(
  request: APIRequestContext,
  till: TillHost,
): Promise<CommandOutputs['sync.status']> {
  const call = await rpcAs(request, MANAGER_PIN, till.url);
  return (await call('sync.status', {})).body as CommandOutputs['sync.status'];
}

test('a manager pairs a new till from the sync screen; it goes offline with the cloud and catches up when it is back', async ({
  page,
  request,
}) => {
  test.setTimeout(150_000);
  tillA = await newTill();
  await logIn(page, MANAGER_PIN, tillA.url);
  const badge = page.getByTestId('sync-badge');
  await expect(badge).toHaveAttribute('data-state', 'unpaired');
  // A till without a cloud is told neutrally, with no count of events "waiting".
  await expect(badge).toContainText('Lokal kasse');
  await expect(badge).not.toContainText('venter');

  let dialog = await openSync(page);
  await expect(dialog.getByTestId('sync-state')).toHaveText('Ikke koblet til kjeden');
  await expect(dialog.getByTestId('sync-now')).toBeDisabled();
  await shoot(page, '22-sync-unpaired');

  // A wrong store code: the service's Norwegian words, under the code.
  await pair(dialog, world.url, '0000-0000');
  await expect(dialog.getByTestId('pair-store-code-error')).toHaveText(
    /^Ingen butikk har denne butikkoden\. Sjekk koden med kjeden/,
  );
  await expect(dialog.getByTestId('pair-store-code')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByTestId('pair-cloud-url-error')).toHaveCount(0);
  await shoot(page, '23-sync-wrong-code');

  // Plain http to another machine, and a cloud that does not answer: under the address.
  await pair(dialog, 'http://sky.eksempel.no', world.codes.Sentrum!);
  await expect(dialog.getByTestId('pair-cloud-url-error')).toHaveText(
    /^Skyadressen er ikke gyldig: den skal se ut som https:\/\//,
  );
  await expect(dialog.getByTestId('pair-store-code-error')).toHaveCount(0);
  await pair(dialog, 'http://127.0.0.1:1', world.codes.Sentrum!);
  await expect(dialog.getByTestId('pair-cloud-url-error')).toHaveText(/^Skyen svarer ikke/);
  expect((await syncStatus(request, tillA)).state).toBe('unpaired');

  // The right code, typed loosely.
  await pair(dialog, world.url, loosely(world.codes.Sentrum!), 'Kasse 1');
  await expect(dialog.getByTestId('pairing-done')).toHaveText(
    `Koblet til ${CHAIN}, Sentrum. Nye medlemmer får numre i blokk 1.`,
  );
  await expect(dialog.getByTestId('sync-state')).toHaveText('Tilkoblet');
  await expect(dialog.getByTestId('sync-store')).toHaveText('Sentrum');
  await expect(dialog.getByTestId('sync-terminal')).toHaveText('Kasse 1');
  await expect(dialog.getByTestId('sync-cloud-url')).toHaveText(world.url);
  await expect(dialog.getByTestId('sync-from-env')).toHaveCount(0);
  await expect(dialog.getByTestId('sync-paired-at')).toHaveText(/^\d\d:\d\d$/);
  await expect(badge).toHaveAttribute('data-state', 'online');

  // The chain's catalogue, saved at this till (it goes to the cloud like any change).
  const manager = await rpcAs(request, MANAGER_PIN, tillA.url);
  expect((await manager('catalogue.save', { products: bakery.catalogue })).status).toBe(200);
  await dialog.getByTestId('sync-now').click();
  await expect(dialog.getByTestId('sync-report')).toHaveText(
    /^Synkronisert: \d+ sendt, \d+ nye hentet\.$/,
  );
  await expect(dialog.getByTestId('sync-pending')).toHaveAttribute('data-count', '0');
  await expect(dialog.getByTestId('sync-pending')).toHaveText('0 registreringer');
  await expect(dialog.getByTestId('sync-last')).toContainText('(nå nettopp)');
  await expect(badge).toHaveAttribute('data-pending', '0');
  await expect(badge).toContainText('Synkronisert nå nettopp');
  await expect(badge).toHaveAttribute('data-problem', 'false');
  const cloudHas = await syncStatus(request, tillA);
  expect([cloudHas.state, cloudHas.pending, cloudHas.lastError]).toEqual(['online', 0, null]);
  await scrollDialogToTop(page);
  await shoot(page, '24-sync-paired');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('quick-key-kaffe-liten')).toBeVisible();

  // The cloud goes away: the till notices at its next sync (every 15 s), in the warning colour.
  await stopCloud();
  await expect(badge).toHaveAttribute('data-state', 'offline', { timeout: 30_000 });
  await expect(badge).toContainText('Frakoblet');
  await expect(badge).toHaveAttribute('data-problem', 'true');
  await shoot(page, '25-sync-badge-offline');

  // Work goes on: a member enrolled now waits on the till.
  await enrol(page, uniquePhone(), 'Solveig');
  await expect(badge).toHaveAttribute('data-pending', '1');
  await expect(badge).toContainText('1 venter');
  dialog = await openSync(page);
  await expect(dialog.getByTestId('sync-state')).toHaveText('Frakoblet');
  await expect(dialog.getByTestId('sync-pending')).toHaveText('1 registrering');
  await expect(dialog.getByTestId('sync-last-error')).toHaveText(
    /^Siste feil: Skyen svarer ikke\. Kassen prøver igjen av seg selv/,
  );
  await shoot(page, '26-sync-offline');

  // Back on the same port and data: the till finds it within its backoff and sends what waited.
  await startCloud();
  await expect(dialog.getByTestId('sync-state')).toHaveText('Tilkoblet', { timeout: 45_000 });
  await expect(dialog.getByTestId('sync-pending')).toHaveAttribute('data-count', '0');
  await expect(dialog.getByTestId('sync-last-error')).toHaveCount(0);
  await expect(badge).toHaveAttribute('data-state', 'online');
  await expect(badge).toHaveAttribute('data-pending', '0');
  await expect(badge).toHaveAttribute('data-problem', 'false');
});

test('a cashier reads the sync screen and may sync now, but cannot unpair or see conflicts; nor can the service', async ({
  page,
  request,
}) => {
  await logIn(page, CASHIER_PIN, tillA.url);
  await page.keyboard.press('F9');
  const dialog = page.getByTestId('sync-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('sync-manager-only')).toBeVisible();
  await expect(dialog.getByTestId('sync-state')).toHaveText('Tilkoblet');
  await expect(dialog.getByTestId('sync-store')).toHaveText('Sentrum');
  await expect(dialog.getByTestId('sync-unpair')).toBeDisabled();
  await expect(dialog.getByTestId('conflicts-manager-only')).toBeVisible();
  await expect(dialog.getByTestId('conflict-list')).toHaveCount(0);
  await dialog.getByTestId('sync-now').click();
  await expect(dialog.getByTestId('sync-report')).toHaveAttribute('data-ok', 'true');

  const cashier = await rpcAs(request, CASHIER_PIN, tillA.url);
  const unpair = await cashier('sync.unpair', { force: true });
  expect(unpair.status).toBe(403);
  expect((await cashier('sync.conflicts', {})).status).toBe(403);
  expect((await syncStatus(request, tillA)).state).toBe('online');
});

test('a welcome coupon redeemed at two offline tills, and one phone enrolled at both, are explained to the manager', async ({
  page,
  request,
}) => {
  test.setTimeout(150_000);
  // Till B is paired by its environment, in the chain's other store.
  const tillB = await newTill({
    LOJAL_CLOUD_URL: world.url,
    LOJAL_STORE_CODE: world.codes.Torget!,
    LOJAL_TERMINAL_NAME: 'Kasse 2',
  });
  await expect.poll(async () => (await syncStatus(request, tillB)).state).toBe('online');
  const b = await rpcAs(request, MANAGER_PIN, tillB.url);

  // Ingrid joins at till A with the welcome coupon on her basket; till B gets her from the cloud.
  await logIn(page, MANAGER_PIN, tillA.url);
  const badge = page.getByTestId('sync-badge');
  await tapQuickKey(page, 'kaffe-liten');
  const phone = uniquePhone();
  await enrol(page, phone, 'Ingrid');
  await expect(page.getByTestId('coupon').first()).toHaveAttribute('data-source', 'welcome');
  await expect(badge).toHaveAttribute('data-pending', '0');
  const a = await rpcAs(request, MANAGER_PIN, tillA.url);
  const found = (await a('member.lookup', { query: phone }))
    .body as CommandOutputs['member.lookup'];
  const memberId = found.member!.memberId;
  await expect
    .poll(async () => {
      await b('sync.now', {});
      return ((await b('member.lookup', { query: phone })).body as CommandOutputs['member.lookup'])
        .member?.memberId;
    })
    .toBe(memberId);

  // Both tills lose the cloud, and both take the same coupon.
  await stopCloud();
  await completeSale(page);
  await page.getByTestId('next-customer').click();
  const atA = (await a('sale.recent', { limit: 1 })).body as CommandOutputs['sale.recent'];
  expect(atA[0]!.evaluation.benefits.map((x) => x.couponId)).toContain(`W-${memberId}`);
  const soldAtB = await b('sale.commit', {
    lines: [{ sku: 'kaffe-liten', quantity: 1 }],
    memberId,
    selections: { couponIds: [`W-${memberId}`] },
    idempotencyKey: `e2e-sync-${Date.now()}`,
    paymentMethod: 'card',
  });
  expect(soldAtB.status).toBe(200);
  const atB = soldAtB.body as CommandOutputs['sale.commit'];
  expect(atB.evaluation.benefits.map((x) => x.couponId)).toContain(`W-${memberId}`);
  // And one phone number joins at both.
  const shared = uniquePhone();
  const enrolAt = (call: typeof a, firstName: string) =>
    call('member.enrol', { phone: shared, acceptTerms: true, profile: { firstName } });
  expect((await enrolAt(a, 'Ola')).status).toBe(200);
  expect((await enrolAt(b, 'Kari')).status).toBe(200);

  // The cloud is back: B sends its sale, then A syncs from the screen and explains.
  await startCloud();
  await expect.poll(async () => ((await b('sync.now', {})).body as { ok: boolean }).ok).toBe(true);
  const dialog = await openSync(page);
  await dialog.getByTestId('sync-now').click();
  await expect(dialog.getByTestId('sync-report')).toHaveAttribute('data-ok', 'true');
  const list = dialog.getByTestId('conflict-list');
  const coupon = list.locator('[data-kind="coupon_redeemed_twice"]');
  // Receipt numbers keep their dash on one line (a non-breaking hyphen).
  const receipt = (no: string) => no.replace('-', '\u2011');
  const receiptA = receipt(atA[0]!.receiptNo);
  const receiptB = receipt(atB.receiptNo);
  expect([receiptA.split('\u2011')[0], receiptB.split('\u2011')[0]]).toEqual(['1', '2']);
  await expect(coupon.getByTestId('conflict-text')).toHaveText(
    `Kupongen «Velkomstkupong» ble brukt to ganger (kvittering ${receiptA} på Kasse 1 og ${receiptB} på en annen kasse)`,
  );
  const phoneClash = list.locator('[data-kind="duplicate_phone"]');
  await expect(phoneClash.getByTestId('conflict-text')).toHaveText(
    `To medlemmer har mobilnummeret +47 ${shared.slice(0, 3)} ${shared.slice(3, 5)} ${shared.slice(5)}: Ola og Kari. Oppslag på nummeret gir Ola, som meldte seg inn først.`,
  );
  await expect(phoneClash.getByTestId('conflict-member')).toHaveCount(2);
  await expect(list.getByTestId('conflict')).toHaveCount(2);
  await dialog.getByTestId('conflicts').scrollIntoViewIfNeeded();
  await shoot(page, '27-sync-conflicts');

  // In English after the switch.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Bytt språk til engelsk' }).click();
  const inEnglish = await openSync(page);
  await expect(
    inEnglish.locator('[data-kind="coupon_redeemed_twice"]').getByTestId('conflict-text'),
  ).toHaveText(
    `The coupon “Welcome coupon” was used twice (receipt ${receiptA} at Kasse 1 and ${receiptB} at another till)`,
  );
  await expect(inEnglish.getByTestId('sync-state')).toHaveText('Online');
  await inEnglish.getByTestId('conflicts').scrollIntoViewIfNeeded();
  await shoot(page, '28-sync-conflicts-english');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Switch language to Norwegian' }).click();
  await openSync(page);

  // The member opens in the member panel, flagged; nothing was changed.
  await coupon.getByTestId('conflict-member').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('member-name')).toHaveText('Ingrid');
  await expect(page.getByTestId('member-flags')).toHaveText(/Kupong brukt to ganger/);
  const sales = (await a('sale.recent', { limit: 5 })).body as CommandOutputs['sale.recent'];
  expect(sales.filter((s) => s.voided)).toHaveLength(0);

  // Till B's screen says its pairing came from the environment.
  await logIn(page, MANAGER_PIN, tillB.url);
  const atTillB = await openSync(page);
  await expect(atTillB.getByTestId('sync-terminal')).toHaveText('Kasse 2');
  await expect(atTillB.getByTestId('sync-from-env')).toHaveText(
    /^Koblet til kjeden ved installasjonen \(LOJAL_CLOUD_URL og LOJAL_STORE_CODE\)\./,
  );
  await shoot(page, '29-sync-paired-from-environment');
});

test('a till holding another chain’s members cannot pair, and says why; a cashier sees the form locked', async ({
  page,
  request,
}) => {
  const till = await newTill();
  const manager = await rpcAs(request, MANAGER_PIN, till.url);
  const enrolled = await manager('member.enrol', { phone: uniquePhone(), acceptTerms: true });
  expect(enrolled.status).toBe(200);

  await logIn(page, MANAGER_PIN, till.url);
  const dialog = await openSync(page);
  await pair(dialog, world.url, world.codes.Sentrum!);
  await expect(dialog.getByTestId('pair-error')).toHaveText(
    /^Kassen har medlemmer eller salg fra en annen kjede, og kunder flyttes aldri mellom kjeder\./,
  );
  await expect(dialog.getByTestId('sync-state')).toHaveText('Ikke koblet til kjeden');
  expect((await syncStatus(request, till)).state).toBe('unpaired');
  await page.keyboard.press('Escape');
  await page.getByTestId('logout').click();

  await logIn(page, CASHIER_PIN, till.url);
  const readOnly = await openSync(page);
  await expect(readOnly.getByTestId('sync-manager-only')).toBeVisible();
  await expect(readOnly.getByTestId('pair-cloud-url')).toBeDisabled();
  await expect(readOnly.getByTestId('pair-store-code')).toBeDisabled();
  await expect(readOnly.getByTestId('pair-submit')).toBeDisabled();
});

test('a manager unpairs a till after confirming; with events waiting only "anyway", and the environment does not pair it again', async ({
  page,
  request,
}) => {
  // Till A: asked first, the safe answer has the focus; then unpaired for real.
  await logIn(page, MANAGER_PIN, tillA.url);
  let dialog = await openSync(page);
  await dialog.getByTestId('sync-unpair').click();
  await expect(dialog.getByTestId('unpair-confirm')).toContainText('Koble kassen fra skyen?');
  await expect(dialog.getByTestId('unpair-no')).toBeFocused();
  await expect(dialog.getByTestId('unpair-pending')).toHaveCount(0);
  await shoot(page, '30-sync-unpair-confirm');
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('unpair-confirm')).toHaveCount(0);
  expect((await syncStatus(request, tillA)).state).toBe('online');
  await dialog.getByTestId('sync-unpair').click();
  await dialog.getByTestId('unpair-yes').click();
  await expect(dialog.getByTestId('unpair-done')).toHaveText(
    'Kassen er koblet fra, og skyen har trukket tilbake nøkkelen.',
  );
  await expect(dialog.getByTestId('sync-state')).toHaveText('Ikke koblet til kjeden');
  await expect(dialog.getByTestId('pair-store-code')).toBeVisible();
  await expect(page.getByTestId('sync-badge')).toHaveAttribute('data-state', 'unpaired');
  expect((await syncStatus(request, tillA)).cloud).toBeNull();

  // Till B (paired by its environment), with an enrolment the cloud has not had.
  const tillB = tills[1]!;
  await stopCloud();
  const b = await rpcAs(request, MANAGER_PIN, tillB.url);
  expect((await b('member.enrol', { phone: uniquePhone(), acceptTerms: true })).status).toBe(200);
  await logIn(page, MANAGER_PIN, tillB.url);
  await expect(page.getByTestId('sync-badge')).toHaveAttribute('data-pending', '1');
  dialog = await openSync(page);
  await dialog.getByTestId('sync-unpair').click();
  await expect(dialog.getByTestId('unpair-pending')).toHaveText(
    /^Registreringer som ikke er sendt ennå: 1\. Synkroniser først, eller koble fra likevel/,
  );
  await dialog.getByTestId('unpair-yes').click();
  await expect(dialog.getByTestId('unpair-done')).toHaveText(
    'Kassen er koblet fra. Skyen svarte ikke, så nøkkelen er bare slettet på denne kassen. Registreringer som ikke ble sendt, blir liggende på kassen: 1.',
  );
  await expect(dialog.getByTestId('pairing-env-suspended')).toHaveText(
    `Ved installasjonen ble kassen satt opp mot skyen ${world.url}, men en leder koblet den fra. Den kobles ikke til derfra igjen før en leder kobler den til her.`,
  );
  await expect(dialog.getByTestId('pair-cloud-url')).toHaveValue(world.url);
  await expect(dialog.getByTestId('sync-pending')).toHaveText('1 registrering');
  // The cloud comes back; the till stays unpaired until a manager pairs it.
  await startCloud();
  await expect(dialog.getByTestId('sync-now')).toBeDisabled();
  const status = await syncStatus(request, tillB);
  expect([status.state, status.environment]).toEqual([
    'unpaired',
    { cloudUrl: world.url, suspended: true },
  ]);
});
