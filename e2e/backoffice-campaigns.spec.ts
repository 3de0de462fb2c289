/**
 * Campaigns end to end, in Chromium against a real cloud of its own (fresh
 * embedded database, the built back office at /bo/), its members pushed by a
 * till paired to it: the owner opens "Kampanjer" from a saved segment's link
 * (/campaigns/new?segment=<id>, where the reports' "Lag kampanje" leads),
 * writes an SMS, sees the parts counted and the reach and cost after consent,
 * saves the draft and sends it after the confirmation; the outbox then holds
 * one SMS per consenting member. A second campaign offers the programme's
 * bonus campaign (its multiplier and window in the form; one already ended is
 * not offered) and, once sent, shows
 * a messaged member's sale in the window with its points. Screenshots at
 * 800×600 and 1920×1080, the bonus offer's form at 1024×768.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addOwner } from '../cloud/accounts/admin';
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
import { BACKOFFICE_BUILT, ensureBackofficeBuilt } from './builds';

const CHAIN = 'Garn Kampanje';
const OWNER_EMAIL = 'eier@garn-kampanje.no';
const OWNER_PASSWORD = 'strikk hver kveld';
const SEGMENT_ID = 'seg-topp';

let cloud: RunningCloudServer;
let dataDir = '';
let chainId = '';
let tillToken = '';
let tillOrigin = { chainId: '', storeId: '', terminalId: '' };
/** The programme's bonus campaign: from yesterday to a week ahead, so a sale today is in it. */
const BONUS = {
  id: 'dobbel-poeng',
  name: { nb: 'Dobbel poeng på brød', en: 'Double points on bread' },
  multiplier: 2,
  validFrom: isoDate(localDateOf(Date.now() - 1 * DAY, 'Europe/Oslo')),
  validTo: isoDate(localDateOf(Date.now() + 7 * DAY, 'Europe/Oslo')),
  categories: [],
  tiers: [],
};
/** One that ended ten days ago: listed first in the programme, never offered by the form. */
const ENDED_BONUS = {
  ...BONUS,
  id: 'trippel-poeng',
  name: { nb: 'Trippel poeng i høstferien', en: 'Triple points in the autumn break' },
  multiplier: 3,
  validFrom: isoDate(localDateOf(Date.now() - 20 * DAY, 'Europe/Oslo')),
  validTo: isoDate(localDateOf(Date.now() - 10 * DAY, 'Europe/Oslo')),
};

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
  dataDir = mkdtempSync(join(tmpdir(), 'lojal-e2e-bo-campaigns-'));
  cloud = await startCloudServer({
    port: 0,
    dataDir,
    backofficeDir: BACKOFFICE_BUILT,
    // A provider configured (never called: nothing runs the sender here), so the campaign may be sent.
    messaging: {
      sms: {
        provider: 'sveve',
        baseUrl: 'http://127.0.0.1:9',
        user: 'u',
        password: 'p',
        from: 'Garn',
      },
      secret: 'e2e-campaigns-secret',
    },
  });
  const store = await cloud.admin.addStore(CHAIN, 'Sentrum');
  const added = await addOwner(
    cloud.database,
    { chain: CHAIN, email: OWNER_EMAIL, name: 'Kari Eier' },
    Date.now(),
  );
  chainId = added.account.chainId;
  await post('/bo/rpc/account.acceptInvite', { token: added.link.token, password: OWNER_PASSWORD });
  await saveProgramme(
    cloud.database,
    chainId,
    {
      programme: {
        ...programmeTemplate('bakeri')!.programme,
        bonusCampaigns: [ENDED_BONUS, BONUS],
      },
      staffId: null,
    },
    Date.now() - 60 * DAY,
  );
  const till = (await post(ROUTES.pair, {
    storeCode: store.storeCode,
    terminalName: 'Kasse 1',
  })) as PairResponse;
  const origin = { chainId: till.chainId, storeId: till.storeId, terminalId: till.terminalId };
  tillToken = till.token;
  tillOrigin = origin;
  const people = [
    { id: 'm-aase', sms: true, email: true },
    { id: 'm-bjorn', sms: true, email: false },
    { id: 'm-cecilie', sms: false, email: false },
  ];
  const events = people.map((p, i) =>
    memberEvents(p.id).enrolled(
      Date.now() - 100 * DAY,
      {
        memberNumber: memberNumberFor('29', 20 + i),
        qrToken: `qr-${p.id}-token`,
        phoneE164: `+479000002${i}`,
        profile: {
          firstName: p.id.slice(2),
          lastName: null,
          email: `${p.id}@example.no`,
          birthDate: null,
          postalCode: null,
          gender: null,
        },
        consents: { sms: p.sms, email: p.email },
      },
      origin,
    ),
  );
  const pushed = (await post(ROUTES.push, { events }, till.token)) as { rejected: unknown[] };
  expect(pushed.rejected).toEqual([]);
  // The segment "Lag kampanje" saves from the top list: these members by id.
  await cloud.database.query(
    `INSERT INTO saved_segments (chain_id, id, name, rule, created_by, created_at, updated_at)
     VALUES ($1, $2, 'Topp 3 garnkunder', $3::jsonb, $4, $5, $5)`,
    [
      chainId,
      SEGMENT_ID,
      JSON.stringify({ memberIds: people.map((p) => p.id) }),
      added.account.accountId,
      Date.now(),
    ],
  );
});

test.afterAll(async () => {
  await cloud?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('a campaign is made from a saved segment, its reach and cost seen, and sent once', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto(`${cloud.url}/bo/login`);
  await page.getByTestId('login-email').fill(OWNER_EMAIL);
  await page.getByTestId('login-password').fill(OWNER_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('bo-who')).toContainText('Kari Eier');

  await page.getByTestId('nav-campaigns').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kampanjer' })).toBeVisible();
  await expect(page.getByText('Ingen kampanjer ennå.')).toBeVisible();

  await page.goto(`${cloud.url}/bo/campaigns/new?segment=${SEGMENT_ID}`);
  await expect(page.getByTestId('campaign-segment')).toHaveValue(SEGMENT_ID);
  await page.getByTestId('campaign-name').fill('Garnhelg');
  await page
    .getByTestId('campaign-sms')
    .fill('Hei! 20 % på alt garn i helgen. Vis kortet i kassa.');
  await expect(page.getByTestId('sms-parts')).toContainText('1 SMS');
  // Two members consented to SMS: 1 part × 2 × 0,45 kr.
  await expect(page.getByTestId('campaign-reach')).toContainText('3 medlemmer i segmentet');
  await expect(page.getByTestId('reach-sms')).toContainText('2 nås (2 har samtykket');
  // Sent by SMS only: no e-mail reach beside it to be read as more recipients.
  await expect(page.getByTestId('reach-email')).toHaveCount(0);
  await expect(page.getByTestId('campaign-cost')).toContainText('0,90');
  // An emoji forces UCS-2: two parts, and the cost follows.
  await page
    .getByTestId('campaign-sms')
    .fill('Hei! 20 % på alt garn i helgen 🧶 Vis kortet i kassa.');
  await expect(page.getByTestId('sms-parts')).toContainText('2 SMS-deler');
  await expect(page.getByTestId('campaign-cost')).toContainText('1,80');
  await shoot(page, 'backoffice-campaigns-new-1920x1080');
  await page.setViewportSize({ width: 800, height: 600 });
  await shoot(page, 'backoffice-campaigns-new-800x600');

  await page.getByTestId('campaign-save').click();
  await expect(page.getByTestId('campaign-state')).toContainText('Utkast');
  // The draft changed: the form comes back filled in, the new name saved.
  await page.getByTestId('campaign-edit').click();
  await expect(page.getByTestId('campaign-name')).toHaveValue('Garnhelg');
  await page.getByTestId('campaign-name').fill('Garnhelg i Sentrum');
  await page.getByTestId('campaign-save').click();
  await expect(page.getByRole('heading', { level: 2, name: 'Garnhelg i Sentrum' })).toBeVisible();
  await page.getByTestId('campaign-send').click();
  await page.getByTestId('campaign-send-confirm').click();
  await expect(page.getByTestId('campaign-state')).toContainText('Sendt');
  await expect(page.getByTestId('campaign-results')).toContainText('I kø');
  await expect(page.getByTestId('campaign-send')).toHaveCount(0);
  await shoot(page, 'backoffice-campaigns-sent-800x600');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await shoot(page, 'backoffice-campaigns-sent-1920x1080');

  const queued = await outboxMessages(cloud.database, chainId);
  expect(queued.map((m) => `${m.memberId}:${m.channel}`).sort()).toEqual([
    'm-aase:sms',
    'm-bjorn:sms',
  ]);

  await page.getByRole('link', { name: /Alle kampanjer/ }).click();
  await expect(page.getByTestId('campaign-row')).toHaveCount(1);
  await expect(page.getByTestId('campaign-row')).toContainText('Garnhelg i Sentrum');

  // A draft with a time does not send itself: "Planlegg utsendelse", confirmed with its reach
  // and cost, makes it scheduled; nothing is queued before its time.
  const at = new Date(Date.now() + 3 * 24 * 60 * 60 * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const local = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T10:00`;
  await page.goto(`${cloud.url}/bo/campaigns/new?segment=${SEGMENT_ID}`);
  await page.getByTestId('campaign-name').fill('Julegarn');
  await page.getByTestId('campaign-sms').fill('Hei! Julegarn er kommet.');
  await page.getByLabel('På et tidspunkt').first().check();
  await page.getByTestId('campaign-when').fill(local);
  await page.getByTestId('campaign-save').click();
  await expect(page.getByTestId('campaign-state')).toContainText('Utkast');
  await page.getByTestId('campaign-schedule').click();
  await expect(page.getByText(/Sende til medlemmene i «.*» .*går da ut av seg selv/)).toBeVisible();
  await expect(page.getByTestId('campaign-cost')).toContainText('0,90');
  await shoot(page, 'backoffice-campaigns-schedule-1920x1080');
  await page.getByTestId('campaign-send-confirm').click();
  await expect(page.getByTestId('campaign-state')).toContainText('Planlagt');
  await expect(page.getByTestId('campaign-schedule')).toHaveCount(0);
  expect(
    (await outboxMessages(cloud.database, chainId)).filter((m) => m.memberId === 'm-aase'),
  ).toHaveLength(1);
  await page.setViewportSize({ width: 800, height: 600 });
  await shoot(page, 'backoffice-campaigns-scheduled-800x600');
  await page.setViewportSize({ width: 1920, height: 1080 });

  // A second draft, deleted (asked first); the sent one stays.
  await page.goto(`${cloud.url}/bo/campaigns/new?segment=${SEGMENT_ID}`);
  await page.getByTestId('campaign-name').fill('Prøve');
  await page.getByTestId('campaign-sms').fill('Hei!');
  await page.getByTestId('campaign-save').click();
  await expect(page.getByTestId('campaign-state')).toContainText('Utkast');
  await page.getByTestId('campaign-delete').click();
  await expect(page.getByText('Slette utkastet «Prøve»? Det er ikke sendt.')).toBeVisible();
  await shoot(page, 'backoffice-campaigns-delete-1920x1080');
  await page.getByTestId('campaign-delete-confirm').click();
  await expect(page.getByTestId('campaign-row')).toHaveCount(2);
  await expect(page.getByTestId('campaign-row').last()).toContainText('Garnhelg i Sentrum');
});

test('a campaign offers the programme’s bonus campaign and shows the sales in its window', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(`${cloud.url}/bo/login`);
  await page.getByTestId('login-email').fill(OWNER_EMAIL);
  await page.getByTestId('login-password').fill(OWNER_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('bo-who')).toContainText('Kari Eier');

  await page.goto(`${cloud.url}/bo/campaigns/new?segment=${SEGMENT_ID}`);
  await page.getByTestId('campaign-name').fill('Dobbel poeng');
  await page.getByLabel('Bonuspoeng i en periode').first().check();
  const window = `${BONUS.validFrom}–${BONUS.validTo}`;
  // The ended bonus campaign is not among the choices: a message about it would promise nothing.
  await expect(page.getByTestId('campaign-bonus')).toHaveValue(BONUS.id);
  await expect(page.getByTestId('campaign-bonus').locator('option')).toHaveText([
    `Dobbel poeng på brød: 2× poeng (${window})`,
  ]);
  await page.getByTestId('campaign-sms').fill('Hei! Dobbel poeng på alt brød denne uka.');
  await expect(page.getByTestId('reach-sms')).toContainText('2 nås');
  // The offer's choices at the top of the shot (filling the SMS text scrolled past them).
  for (const width of [1024, 1366]) {
    await page.setViewportSize({ width, height: 768 });
    await page
      .getByTestId('offer-bonus')
      .evaluate((el) => el.closest('fieldset')?.scrollIntoView({ block: 'start' }));
    await shoot(page, `backoffice-campaigns-bonus-${width}x768`);
  }
  await page.getByTestId('campaign-save').click();
  await expect(page.getByTestId('campaign-state')).toContainText('Utkast');
  await expect(page.getByTestId('campaign-offer')).toHaveText(
    `Tilbud: Dobbel poeng på brød: 2× poeng (${window})`,
  );
  // Changing the draft keeps the bonus offer chosen.
  await page.getByTestId('campaign-edit').click();
  await expect(page.getByTestId('campaign-bonus')).toHaveValue(BONUS.id);
  await page.getByTestId('campaign-save').click();
  await expect(page.getByTestId('campaign-offer')).toContainText('2× poeng');
  await page.getByTestId('campaign-send').click();
  await page.getByTestId('campaign-send-confirm').click();
  await expect(page.getByTestId('campaign-state')).toContainText('Sendt');
  await expect(page.getByTestId('campaign-bonus-results')).toContainText('I bonusperioden: 0 kjøp');

  // A messaged member buys after the send, in the window: the sale and its points count.
  const sale = memberEvents('m-aase').sale(Date.now(), {
    ...tillOrigin,
    saleId: 'bonus-sale-1',
    effects: { pointsEarned: 200 },
  });
  const pushed = (await post(ROUTES.push, { events: [sale] }, tillToken)) as {
    rejected: unknown[];
  };
  expect(pushed.rejected).toEqual([]);
  await page.reload();
  await expect(page.getByTestId('campaign-bonus-results')).toContainText(
    /I bonusperioden: 1 kjøp for 100,00\skr, 200 poeng opptjent/,
  );

  await page.getByRole('link', { name: /Alle kampanjer/ }).click();
  await expect(page.getByTestId('campaign-row')).toHaveCount(3);
  await expect(page.getByTestId('campaign-row').first()).toContainText('Dobbel poeng');
});
