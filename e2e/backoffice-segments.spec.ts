/**
 * Segments end to end, in Chromium against a real cloud of its own (fresh
 * embedded database, the built back office at /bo/), its members pushed by a
 * till paired to it: the owner builds a segment by keyboard and pointer
 * (postal codes 0001–1299 and at least one purchase in the last 30 days), sees
 * the count follow each change, lists the members, saves it, and exports it
 * to CSV: the download's bytes are checked (byte-order mark, `;`, CRLF, æøå).
 * The saved segment is then copied into a bonus campaign in the programme
 * editor. Screenshots at 800×600 and 1920×1080.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveProgramme } from '../cloud/programme-change';
import type { RunningCloudServer } from '../cloud/server';
import { startCloudServer } from '../cloud/server';
import { memberNumberFor } from '../src/core/ean13';
import { DAY, memberEvents, saleLine } from '../src/core/member/test-events';
import { programmeTemplate } from '../src/core/templates';
import { ROUTES } from '../src/sync/protocol';
import type { PairResponse } from '../src/sync/protocol';
import { expect, shoot, test } from './fixtures';
import { addOwnerAccount, logInPage } from './backoffice-accounts';
import { BACKOFFICE_BUILT, ensureBackofficeBuilt } from './builds';

const CHAIN = 'Bakeri Segment';
const OWNER_EMAIL = 'eier@bakeri-segment.no';
const OWNER_PASSWORD = 'surdeig hver morgen';

const OWNER = { email: OWNER_EMAIL, name: 'Kari Eier', password: OWNER_PASSWORD };

let cloud: RunningCloudServer;
let dataDir = '';

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
  dataDir = mkdtempSync(join(tmpdir(), 'lojal-e2e-bo-segments-'));
  cloud = await startCloudServer({ port: 0, dataDir, backofficeDir: BACKOFFICE_BUILT });
  const store = await cloud.admin.addStore(CHAIN, 'Sentrum');
  await addOwnerAccount(cloud, { ...OWNER, chain: CHAIN });
  await saveProgramme(
    cloud.database,
    store.chainId,
    { programme: programmeTemplate('bakeri')!.programme, staffId: null },
    Date.now() - 60 * DAY,
  );
  const till = (await post(ROUTES.pair, {
    storeCode: store.storeCode,
    terminalName: 'Kasse 1',
  })) as PairResponse;
  const origin = { chainId: till.chainId, storeId: till.storeId, terminalId: till.terminalId };
  const now = Date.now();
  const people = [
    { id: 'm-aase', first: 'Åse', last: 'Ødegård', postal: '0150', bought: 2 },
    { id: 'm-bjorn', first: 'Bjørn', last: 'Æsøy', postal: '0560', bought: 1 },
    { id: 'm-cecilie', first: 'Cecilie', last: 'Berg', postal: '0180', bought: 0 },
    { id: 'm-dag', first: 'Dag', last: 'Vik', postal: '5003', bought: 3 },
  ];
  const events = people.flatMap((p, i) => {
    const m = memberEvents(p.id);
    return [
      m.enrolled(
        now - 200 * DAY,
        {
          memberNumber: memberNumberFor('29', 10 + i),
          qrToken: `qr-${p.id}-token`,
          phoneE164: `+479000001${i}`,
          profile: {
            firstName: p.first,
            lastName: p.last,
            email: `${p.id}@example.no`,
            birthDate: '1985-03-01',
            postalCode: p.postal,
            gender: null,
          },
          consents: { sms: true, email: true },
        },
        origin,
      ),
      ...Array.from({ length: p.bought }, (_, k) =>
        m.sale(now - (3 + k * 5) * DAY, {
          ...origin,
          lines: [
            saleLine({ category: 'Brød', unitPriceOre: 8_900, listOre: 8_900, paidOre: 8_900 }),
          ],
        }),
      ),
    ];
  });
  const pushed = (await post(ROUTES.push, { events }, till.token)) as { rejected: unknown[] };
  expect(pushed.rejected).toEqual([]);
});

test.afterAll(async () => {
  await cloud?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('a segment is built, counted as it is edited, listed, saved and exported to a CSV file Excel opens', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await logInPage(page, cloud, OWNER);

  await page.getByTestId('nav-segments').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Segmenter' })).toBeVisible();
  await page.getByTestId('segments-new').click();
  const count = page.getByTestId('segment-count');
  await expect(count).toHaveText('4 medlemmer');

  // Geography: postal codes 0001–1299 (Oslo), chosen by keyboard.
  const kind = page.getByTestId('segment-group-0-kind');
  await kind.focus();
  await kind.selectOption('postalRange');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('segment-group-0-c0-from-0')).toHaveValue('0001');
  await expect(count).toHaveText('3 medlemmer');
  // Behaviour: at least one purchase in the last 30 days.
  await kind.selectOption('visits');
  await page.getByTestId('segment-group-0-add').click();
  const days = page.getByTestId('segment-group-0-c1-days');
  await days.fill('30');
  await expect(count).toHaveText('2 medlemmer');
  // At least two: Åse only.
  await page.getByTestId('segment-group-0-c1-min').fill('2');
  await expect(count).toHaveText('1 medlem');
  await page.getByTestId('segment-group-0-c1-min').fill('1');
  await expect(count).toHaveText('2 medlemmer');
  // "Minst ett av vilkårene": Oslo or bought lately: everyone but Cecilie… and Cecilie lives in Oslo.
  await page.getByTestId('segment-group-0-mode-any').check();
  await expect(count).toHaveText('4 medlemmer');
  await page.getByTestId('segment-group-0-mode-all').check();
  await expect(count).toHaveText('2 medlemmer');
  // A bound the wrong way round is said, and counted again once right.
  await page.getByTestId('segment-group-0-c1-max').fill('0');
  await expect(page.getByTestId('segment-problem')).toBeVisible();
  await page.getByTestId('segment-group-0-c1-max').fill('');
  await expect(count).toHaveText('2 medlemmer');

  await page.getByTestId('segment-show').click();
  const rows = page.getByTestId('segment-member');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Åse Ødegård');
  await expect(rows.nth(1)).toContainText('Bjørn Æsøy');
  await expect(rows.nth(0)).toContainText('+4790000010');

  await page.getByTestId('segment-name').fill('Oslo-kunder siste måned');
  await page.getByTestId('segment-save').click();
  await expect(page.getByTestId('segment-notice')).toContainText('er lagret');
  await expect(page).toHaveURL(/\/bo\/segments\/[^/?]+\?saved=1$/);
  await expect(count).toHaveText('2 medlemmer');
  await shoot(page, 'backoffice-segments-builder-1920x1080');

  const downloading = page.waitForEvent('download');
  await page.getByTestId('segment-export').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^oslo-kunder-siste-måned-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  const lines = text.split('\r\n');
  expect(lines).toHaveLength(4);
  expect(lines[0]!.split(';')[0]).toBe('"Medlemsnummer"');
  expect(lines[1]).toContain('"Åse Ødegård"');
  expect(lines[2]).toContain('"Bjørn Æsøy"');
  expect(lines[1]!.split(';')).toHaveLength(12);
  expect(bytes.includes(Buffer.from('Ø', 'utf8'))).toBe(true);
  await expect(page.getByTestId('segment-notice')).toContainText('2 medlemmer');

  await page.setViewportSize({ width: 800, height: 600 });
  await shoot(page, 'backoffice-segments-builder-800x600');
  await page.getByTestId('segment-count').scrollIntoViewIfNeeded();
  await shoot(page, 'backoffice-segments-count-800x600');

  // The saved segment is in the list, and opens with its conditions.
  await page.getByRole('link', { name: /Alle segmenter/ }).click();
  await expect(page.getByTestId('segment-row')).toHaveCount(1);
  await expect(page.getByTestId('segment-row')).toContainText('Oslo-kunder siste måned');
  await shoot(page, 'backoffice-segments-list-800x600');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await shoot(page, 'backoffice-segments-list-1920x1080');
  await page.getByRole('link', { name: 'Oslo-kunder siste måned' }).click();
  await expect(page.getByTestId('segment-group-0-c0-from-0')).toHaveValue('0001');
  await expect(page.getByTestId('segment-group-0-c1-days')).toHaveValue('30');
  await expect(count).toHaveText('2 medlemmer');

  // In the programme editor a bonus campaign takes the saved segment: its conditions are copied in.
  await page.getByTestId('nav-programme').click();
  await page.getByRole('button', { name: '+ Legg til bonuskampanje' }).click();
  const picker = page.getByTestId('pe-saved-segment-bonusCampaigns.0.segment');
  await picker.scrollIntoViewIfNeeded();
  await picker.selectOption({ label: 'Oslo-kunder siste måned' });
  const campaign = page.getByTestId('pe-section-campaigns');
  await expect(campaign).toContainText('Vilkårene fra «Oslo-kunder siste måned» er kopiert inn.');
  await expect(campaign).toContainText('Segmentet har også vilkår som ikke vises her');
  await shoot(page, 'backoffice-segments-programme-1920x1080');
});
