/**
 * Automatic messages end to end, in Chromium against a real cloud of its own
 * (fresh embedded database, the built back office at /bo/), with the pet
 * shop's programme (it has a birthday coupon) and two members whose birthday
 * is today in Oslo pushed by a paired till: the owner opens "Automatiske
 * meldinger", sees the four automations off and the birthday coupon named,
 * turns the birthday greeting on, edits its SMS text (the parts counted as
 * typed) and saves; the day's run then puts the edited greeting in the outbox
 * for the member who consented, and only for her. Screenshots at 800×600 and
 * 1280×800.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDueAutomations } from '../cloud/automations/run';
import { outboxMessages } from '../cloud/messaging/outbox';
import { saveProgramme } from '../cloud/programme-change';
import type { RunningCloudServer } from '../cloud/server';
import { startCloudServer } from '../cloud/server';
import { memberNumberFor } from '../src/core/ean13';
import { DAY, memberEvents } from '../src/core/member/test-events';
import { programmeTemplate } from '../src/core/templates';
import { isoDate, localDateOf } from '../src/core/time';
import { ROUTES } from '../src/sync/protocol';
import type { PairResponse } from '../src/sync/protocol';
import { expect, shoot, test } from './fixtures';
import { addOwnerAccount, logInPage } from './backoffice-accounts';
import { BACKOFFICE_BUILT, ensureBackofficeBuilt } from './builds';

const CHAIN = 'Dyrebutikken Auto';
const OWNER_EMAIL = 'eier@dyrebutikken-auto.no';
const OWNER_PASSWORD = 'bjeffing hver morgen';
const OWNER = { email: OWNER_EMAIL, name: 'Kari Eier', password: OWNER_PASSWORD };
const GREETING =
  'Gratulerer med dagen, {fornavn}! Hent {kupong} hos oss før {gyldig_til}. Hilsen {kundeklubb}';

let cloud: RunningCloudServer;
let dataDir = '';
let chainId = '';

test.describe.configure({ mode: 'serial' });

async function post(path: string, body: unknown, token?: string): Promise<unknown> {
  const response = await fetch(`${cloud.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(path.startsWith('/bo/') ? { origin: cloud.url } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json();
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  ensureBackofficeBuilt();
  dataDir = mkdtempSync(join(tmpdir(), 'lojal-e2e-bo-automations-'));
  cloud = await startCloudServer({ port: 0, dataDir, backofficeDir: BACKOFFICE_BUILT });
  const store = await cloud.admin.addStore(CHAIN, 'Sentrum');
  await addOwnerAccount(cloud, { ...OWNER, chain: CHAIN });
  chainId = store.chainId;
  await saveProgramme(
    cloud.database,
    chainId,
    { programme: programmeTemplate('dyrebutikk')!.programme, staffId: null },
    Date.now() - 60 * DAY,
  );
  const till = (await post(ROUTES.pair, {
    storeCode: store.storeCode,
    terminalName: 'Kasse 1',
  })) as PairResponse;
  const origin = { chainId: till.chainId, storeId: till.storeId, terminalId: till.terminalId };
  const today = localDateOf(Date.now(), 'Europe/Oslo');
  const born = isoDate({ ...today, year: 1990 }).replace(/^1990-02-29$/, '1992-02-29');
  const people = [
    { id: 'm-aase', firstName: 'Åse', sms: true },
    { id: 'm-bjorn', firstName: 'Bjørn', sms: false },
  ];
  const events = people.map((p, i) =>
    memberEvents(p.id).enrolled(
      Date.now() - 100 * DAY,
      {
        memberNumber: memberNumberFor('29', 30 + i),
        qrToken: `qr-${p.id}-token`,
        phoneE164: `+479000003${i}`,
        profile: {
          firstName: p.firstName,
          lastName: null,
          email: null,
          birthDate: born,
          postalCode: null,
          gender: null,
        },
        consents: { sms: p.sms, email: false },
      },
      origin,
    ),
  );
  const pushed = (await post(ROUTES.push, { events }, till.token)) as { rejected: unknown[] };
  expect(pushed.rejected).toEqual([]);
});

test.afterAll(async () => {
  await cloud?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('the owner turns the birthday greeting on with her own text, and the day’s run sends it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await logInPage(page, cloud, OWNER);

  await page.getByTestId('nav-automations').click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Automatiske meldinger' }),
  ).toBeVisible();
  for (const kind of ['birthday', 'points_expiring', 'reward_ready', 'win_back'])
    await expect(page.getByTestId(`automation-${kind}-enabled`)).not.toBeChecked();
  await expect(page.getByTestId('automation-coupon')).toContainText('Bursdagskupong');

  const birthday = page.getByTestId('automation-birthday');
  // By keyboard: the switch is a focusable checkbox.
  await page.getByTestId('automation-birthday-enabled').focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('automation-birthday-enabled')).toBeChecked();
  await expect(birthday.getByText('På', { exact: true })).toBeVisible();
  await page.getByTestId('automation-birthday-email-on').uncheck();
  await page.getByTestId('automation-birthday-sms').fill(GREETING);
  await expect(page.getByTestId('automation-birthday-parts')).toContainText('1 SMS');
  await shoot(page, 'backoffice-automations-1280x800');
  await page.getByTestId('automation-birthday-save').click();
  await expect(birthday.getByText('Lagret.')).toBeVisible();
  await page.setViewportSize({ width: 800, height: 600 });
  await shoot(page, 'backoffice-automations-800x600');
  await page.getByTestId('automation-birthday-counts').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('automation-birthday-counts')).toContainText('0 levert');
  await shoot(page, 'backoffice-automations-counts-800x600');

  // A placeholder this automation cannot fill is refused with the words why.
  await page.getByTestId('automation-birthday-sms').fill('Hei {fornavn}, du har {poeng} poeng');
  await page.getByTestId('automation-birthday-save').click();
  await expect(birthday.getByText('{poeng} kan ikke brukes her.', { exact: false })).toBeVisible();
  await shoot(page, 'backoffice-automations-refused-800x600');

  // After a reload the saved text is what the page shows.
  await page.reload();
  await expect(page.getByTestId('automation-birthday-enabled')).toBeChecked();
  await expect(page.getByTestId('automation-birthday-sms')).toHaveValue(GREETING);
  await expect(page.getByTestId('automation-birthday-email-on')).not.toBeChecked();

  await expect(page.getByTestId('automations-last-run')).toHaveCount(0);
  const reports = await runDueAutomations(cloud.database, Date.now());
  expect(reports.get(chainId)).toEqual({ birthday: { decided: 1, enqueued: 1 } });
  await page.reload();
  await expect(page.getByTestId('automations-last-run')).toContainText('Sist kjørt');
  await expect(page.getByTestId('automation-birthday-counts')).toContainText('1 venter');
  const queued = await outboxMessages(cloud.database, chainId);
  expect(queued.map((m) => `${m.memberId}:${m.channel}`)).toEqual(['m-aase:sms']);
  const [row] = await cloud.database.query<{ body: string }>(
    'SELECT body FROM outbox WHERE chain_id = $1',
    [chainId],
  );
  expect(row!.body).toMatch(
    /^Gratulerer med dagen, Åse! Hent Bursdagskupong hos oss før \d\d\.\d\d\.\d{4}\. Hilsen /,
  );
});
