/**
 * The back office's reports end to end in Chromium, against a real cloud of
 * its own (fresh embedded database, the built back office at /bo/) to which
 * two tills of two stores have pushed a small month of sales (members and
 * not, a void): the owner opens "Rapporter" from the navigation and reads the
 * members' share as a headline, a chart and a table; saves it as CSV (a
 * byte-order mark, `;`, CRLF, decimal commas: Norwegian Excel's); turns to the
 * top members, saves the CSV (names with æøå), and "Lag kampanje" saves a
 * segment of these members that then opens. On paper the navigation is gone.
 * Pictures at 800×600 and 1920×1080.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { saveProgramme } from '../cloud/programme-change';
import type { RunningCloudServer } from '../cloud/server';
import { startCloudServer } from '../cloud/server';
import { memberNumberFor } from '../src/core/ean13';
import type { LojalEvent } from '../src/core/events';
import { DAY, HOUR, memberEvents, saleLine } from '../src/core/member/test-events';
import { programmeTemplate } from '../src/core/templates';
import { ROUTES } from '../src/sync/protocol';
import { expect, shoot, test } from './fixtures';
import { addOwnerAccount, addStoreManager, logInPage } from './backoffice-accounts';
import { BACKOFFICE_BUILT, ensureBackofficeBuilt } from './builds';

const CHAIN = 'Bakeri Rapport';
const OWNER_EMAIL = 'eier@bakeri-rapport.no';
const OWNER_PASSWORD = 'rapporter hver måned';
const OWNER = { email: OWNER_EMAIL, name: 'Rita Rapport', password: OWNER_PASSWORD };

let cloud: RunningCloudServer;
let dataDir = '';
let sentrumId = '';

interface Origin {
  chainId: string;
  storeId: string;
  terminalId: string;
}

async function pair(storeCode: string): Promise<{ origin: Origin; token: string }> {
  const paired = await fetch(`${cloud.url}${ROUTES.pair}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ storeCode, terminalName: 'Kasse 1' }),
  });
  expect(paired.status).toBe(200);
  const till = (await paired.json()) as Origin & { token: string };
  return {
    origin: { chainId: till.chainId, storeId: till.storeId, terminalId: till.terminalId },
    token: till.token,
  };
}

async function push(token: string, events: LojalEvent[]): Promise<void> {
  const pushed = await fetch(`${cloud.url}${ROUTES.push}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      events: events.sort((x, y) => (x.hlc < y.hlc ? -1 : x.hlc > y.hlc ? 1 : 0)),
    }),
  });
  expect(pushed.status).toBe(200);
  expect(((await pushed.json()) as { rejected: unknown[] }).rejected).toEqual([]);
}

const NAMES: Array<[string, string]> = [
  ['Åse', 'Øvrebø'],
  ['Bjørn', 'Ærø'],
  ['Kåre', 'Lie'],
  ['Siv', 'Hågensen'],
];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  ensureBackofficeBuilt();
  dataDir = mkdtempSync(join(tmpdir(), 'lojal-e2e-reports-'));
  cloud = await startCloudServer({ port: 0, dataDir, backofficeDir: BACKOFFICE_BUILT });
  const sentrum = await cloud.admin.addStore(CHAIN, 'Sentrum');
  const torget = await cloud.admin.addStore(CHAIN, 'Torget');
  await addOwnerAccount(cloud, { ...OWNER, chain: CHAIN });
  sentrumId = sentrum.storeId;
  await saveProgramme(
    cloud.database,
    sentrum.chainId,
    { programme: programmeTemplate('bakeri')!.programme, staffId: null },
    Date.now(),
  );
  const a = await pair(sentrum.storeCode);
  const b = await pair(torget.storeCode);
  const now = Date.now();
  const fromA: LojalEvent[] = [];
  const fromB: LojalEvent[] = [];
  NAMES.forEach(([firstName, lastName], m) => {
    const member = memberEvents(`e2e-rep-${m}`);
    const enrolledAt = now - 20 * DAY + m * HOUR;
    fromA.push(
      member.enrolled(
        enrolledAt,
        {
          memberNumber: memberNumberFor('29', 500 + m),
          phoneE164: `+47930000${String(m).padStart(2, '0')}`,
          qrToken: `qr-e2e-rep-${m}`,
          profile: {
            firstName,
            lastName,
            email: null,
            birthDate: null,
            postalCode: null,
            gender: null,
          },
        },
        a.origin,
      ),
    );
    for (let s = 0; s <= m + 1; s++) {
      const at = enrolledAt + (s + 1) * DAY + 2 * HOUR;
      const till = s % 2 === 0 ? a : b;
      (s % 2 === 0 ? fromA : fromB).push(
        member.sale(at, {
          ...till.origin,
          saleId: `e2e-rep-${m}-${s}`,
          lines: [saleLine({ unitPriceOre: 12_345 * (m + 1) })],
        }),
      );
    }
  });
  // Customers who are not members, and one sale voided.
  for (let s = 0; s < 6; s++) {
    const sale = memberEvents('nobody').sale(now - (s + 1) * DAY, {
      ...a.origin,
      saleId: `e2e-anon-${s}`,
      lines: [saleLine({ unitPriceOre: 9_950 })],
      effects: null,
    });
    fromA.push({ ...sale, memberId: null } as unknown as LojalEvent);
  }
  fromA.push({
    ...memberEvents('nobody').voided(now - DAY + HOUR, 'e2e-anon-0', a.origin),
    memberId: null,
  } as unknown as LojalEvent);
  await push(
    a.token,
    fromA.filter((e) => e.type === 'member.enrolled'),
  );
  await push(
    a.token,
    fromA.filter((e) => e.type !== 'member.enrolled'),
  );
  await push(b.token, fromB);
});

test.afterAll(async () => {
  await cloud?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function logIn(page: Page): Promise<void> {
  await logInPage(page, cloud, OWNER);
}

async function downloaded(page: Page): Promise<Buffer> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('rep-csv').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    /^rapport-[a-z]+-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/,
  );
  return readFileSync((await download.path())!);
}

test('members’ share: headline, chart and table, saved as CSV for Excel, printed without the navigation', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await logIn(page);
  await page.getByTestId('nav-reports').click();
  await expect(page).toHaveURL(/\/bo\/reports/);
  const report = page.getByTestId('rep-share');
  await expect(report).toBeVisible();
  await expect(report.getByRole('heading', { name: 'Medlemmenes andel av salget' })).toBeVisible();
  await expect(page.getByTestId('rep-note')).toContainText('telles ikke som personer');
  await expect(page.getByTestId('rep-headline')).toContainText('Medlemmene sto for');
  await expect(
    page.getByTestId('rep-chart').locator('.recharts-bar-rectangle').first(),
  ).toBeVisible();
  // 30 days and the total.
  await expect(page.getByTestId('rep-table').locator('tbody tr')).toHaveCount(30);
  await expect(page.getByTestId('rep-table').locator('tfoot')).toContainText('Sum');
  await shoot(page, 'backoffice-reports-share-1920x1080');

  const csv = await downloaded(page);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = csv.subarray(3).toString('utf8');
  const lines = text.split('\r\n');
  expect(lines.at(-1)).toBe('');
  expect(lines[0]).toBe(
    'Dag;Salg;Salg til medlemmer;Medlemmenes andel av salget;Kvitteringer;Medlemskvitteringer;Andel kvitteringer;Ulike medlemmer',
  );
  expect(lines).toHaveLength(30 + 3);
  // Kroner with a decimal comma, no thousands separator; the total last.
  expect(lines.at(-2)).toMatch(/^Sum;\d+,\d{2};\d+,\d{2};\d+,\d;\d+;\d+;\d+,\d;\d+$/);
  expect(text).not.toContain('\n\n');

  // On paper: A4's width (186 mm between margins at 96 dpi) and print media.
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.bo-nav')).toBeHidden();
  await expect(page.getByTestId('rep-filters')).toBeHidden();
  await expect(page.getByTestId('rep-table')).toBeVisible();
  // The table fits the page's width: nothing of it beyond 186 mm.
  const width = await page
    .getByTestId('rep-table')
    .evaluate((t) => t.getBoundingClientRect().width);
  expect(width).toBeLessThanOrEqual(704);
  await shoot(page, 'backoffice-reports-print-a4');
  await page.emulateMedia({ media: 'screen' });
});

test('top members: a table and chart, CSV with æøå, and "Lag kampanje" saves a segment that opens', async ({
  page,
}) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await logIn(page);
  await page.goto(`${cloud.url}/bo/reports?report=top`);
  const report = page.getByTestId('rep-top');
  await expect(
    report.getByRole('heading', { name: 'De 10 medlemmene som handlet mest' }),
  ).toBeVisible();
  const rows = page.getByTestId('rep-table').locator('tbody tr');
  await expect(rows).toHaveCount(4);
  // The most spent first: Siv (4 × 5 sales of 493,80 kr).
  await expect(rows.first()).toContainText('Siv Hågensen');
  await expect(rows.first()).toContainText('2\u00a0469');
  await report.scrollIntoViewIfNeeded();
  await page.getByTestId('rep-create-campaign').scrollIntoViewIfNeeded();
  await shoot(page, 'backoffice-reports-top-800x600');

  const csv = await downloaded(page);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = csv.subarray(3).toString('utf8').split('\r\n');
  expect(lines[0]).toBe('Nr.;Medlem;Medlemsnummer;Telefon;Handlet for;Kjøp');
  expect(lines[1]).toMatch(/^1;Siv Hågensen;\d{13};\+4793000003;2469,00;5$/);
  expect(lines.join('\n')).toContain('Åse Øvrebø');
  expect(lines.join('\n')).toContain('Bjørn Ærø');

  await page.getByTestId('rep-create-campaign').click();
  const saved = page.getByTestId('rep-campaign-saved');
  await expect(saved).toContainText('Topp 4 kunder');
  await expect(page.getByTestId('rep-new-campaign')).toBeVisible();
  await page.setViewportSize({ width: 1920, height: 1080 });
  await shoot(page, 'backoffice-reports-top-saved-1920x1080');
  await page.getByTestId('rep-open-segment').click();
  await expect(page).toHaveURL(/\/bo\/segments\/.+/);
  // The segment's page: its name, and the four members it holds.
  await expect(page.getByLabel('Navn på segmentet')).toHaveValue(/^Topp 4 kunder /);
  await expect(page.locator('main')).toContainText('4 medlemmer valgt');
  await page.setViewportSize({ width: 800, height: 600 });
  await shoot(page, 'backoffice-reports-segment-800x600');
});

test('every report opens from its tab with a table or its empty note', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await logIn(page);
  await page.goto(`${cloud.url}/bo/reports`);
  for (const id of ['enrolments', 'coupons', 'punch', 'liability', 'tiers'] as const) {
    await page.getByTestId(`rep-tab-${id}`).click();
    await expect(page.getByTestId(`rep-${id}`)).toBeVisible();
    await expect(page.getByTestId('rep-table').or(page.getByTestId('rep-empty'))).toBeVisible();
  }
  await page.getByTestId('rep-tab-enrolments').click();
  await expect(page.getByTestId('rep-table').locator('tfoot')).toContainText('4');
  await page.getByTestId('rep-enrolments').scrollIntoViewIfNeeded();
  await shoot(page, 'backoffice-reports-enrolments-800x600');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByTestId('rep-tab-liability').click();
  await expect(page.getByTestId('rep-headline')).toContainText('poeng til gode');
  await shoot(page, 'backoffice-reports-liability-1920x1080');
});

test('a store manager saves the top members as a segment, with no link to campaigns (the owner’s)', async ({
  browser,
}) => {
  const manager = { email: 'leder@bakeri-rapport.no', name: 'Sindre Sentrum' };
  await addStoreManager(cloud, OWNER, {
    ...manager,
    password: OWNER_PASSWORD,
    storeIds: [sentrumId],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await logInPage(page, cloud, { ...manager, password: OWNER_PASSWORD });
  // The top 3, so the segment's name is not the owner's top 4 of the same days.
  await page.goto(`${cloud.url}/bo/reports?report=top&n=3`);
  await page.getByTestId('rep-create-campaign').click();
  await expect(page.getByTestId('rep-campaign-saved')).toContainText('Topp 3 kunder');
  await expect(page.getByTestId('rep-open-segment')).toBeVisible();
  await expect(page.getByTestId('rep-new-campaign')).toHaveCount(0);
  await context.close();
});
