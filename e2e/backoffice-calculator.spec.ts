/**
 * The loyalty calculator end to end in Chromium, against a real cloud of its
 * own (fresh embedded database, the built back office at /bo/): the owner
 * opens it from the navigation, types the seeds' example (350 kr, 5 visits a
 * year, 3 years; +100 kr, +1 visit, +6 months) and reads +80 %, the revenue
 * before and after, the formula with the figures filled in, and a chart whose
 * bars are drawn in proportion (after / before = 1.8). A lever moves with the
 * arrow keys on its slider; a negative baseline is refused beside its field;
 * English from the same catalogue. A store manager reaches it too. Last, the
 * baseline is taken from the chain's own data ("Hent fra kjedens tall"):
 * before any member it says there is nothing to take; after a till has pushed
 * a small log (four members over a year and a half, a voided sale) the
 * fields hold 350 kr, 1,25 visits and 3 years, each with how it was got.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { RunningCloudServer } from '../cloud/server';
import { startCloudServer } from '../cloud/server';
import { memberNumberFor } from '../src/core/ean13';
import type { LojalEvent } from '../src/core/events';
import { DAY, memberEvents, saleLine } from '../src/core/member/test-events';
import { ROUTES } from '../src/sync/protocol';
import { expect, shoot, test } from './fixtures';
import { addOwnerAccount, addStoreManager, logInPage } from './backoffice-accounts';
import { BACKOFFICE_BUILT, ensureBackofficeBuilt } from './builds';

const CHAIN = 'Garn og Gaver';
const OWNER_EMAIL = 'eier@garn-og-gaver.no';
const OWNER_PASSWORD = 'strikkepinner og garnnøster';
const MANAGER_EMAIL = 'leder@garn-og-gaver.no';
const OWNER = { email: OWNER_EMAIL, name: 'Eva Eier', password: OWNER_PASSWORD };
const MANAGER = { email: MANAGER_EMAIL, name: 'Lise Leder' };

let cloud: RunningCloudServer;
let dataDir = '';
let storeId = '';
let storeCode = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  ensureBackofficeBuilt();
  dataDir = mkdtempSync(join(tmpdir(), 'lojal-e2e-calculator-'));
  cloud = await startCloudServer({ port: 0, dataDir, backofficeDir: BACKOFFICE_BUILT });
  ({ storeId, storeCode } = await cloud.admin.addStore(CHAIN, 'Sentrum'));
  await addOwnerAccount(cloud, { ...OWNER, chain: CHAIN });
});

test.afterAll(async () => {
  await cloud?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function logIn(page: Page, account: { email: string; name: string }): Promise<void> {
  await logInPage(page, cloud, { ...account, password: OWNER_PASSWORD });
}

/** Each bar's rectangles by their x (one bar per column), summed heights: the bars as drawn. */
async function barHeights(chart: Locator): Promise<number[]> {
  return chart.locator('.recharts-bar-rectangle path').evaluateAll((paths) => {
    const columns = new Map<number, number>();
    for (const path of paths) {
      const box = (path as SVGGraphicsElement).getBBox();
      const x = Math.round(box.x);
      columns.set(x, (columns.get(x) ?? 0) + box.height);
    }
    return [...columns.entries()].sort((a, b) => a[0] - b[0]).map(([, height]) => height);
  });
}

/** `at` in the middle of the window (for a picture of that part). */
async function scrollTo(at: Locator): Promise<void> {
  await at.evaluate((element) => element.scrollIntoView({ block: 'center' }));
}

async function typeSeedsExample(page: Page): Promise<void> {
  await page.getByTestId('calc-basketKr').fill('350');
  await page.getByTestId('calc-visitsPerYear').fill('5');
  await page.getByTestId('calc-years').fill('3');
  await page.getByTestId('calc-moreKr').fill('100');
  await page.getByTestId('calc-moreVisits').fill('1');
  await page.getByTestId('calc-moreMonths').fill('6');
}

test('the owner types the seeds’ example and reads +80 %, the formula and the chart', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await logIn(page, OWNER);
  await page.getByTestId('nav-calculator').click();
  await expect(page).toHaveURL(/\/bo\/calculator$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lojalitetskalkulator');
  // No baseline is made up: it waits for the owner's figures.
  await expect(page.getByTestId('calc-waiting')).toHaveText(
    'Skriv inn dagens tall, så regnes økningen ut.',
  );
  await expect(page.getByTestId('calc-chart')).toHaveCount(0);

  await typeSeedsExample(page);
  await expect(page.getByTestId('calc-change')).toHaveText('+80 %');
  await expect(page.getByTestId('calc-before')).toHaveText('5 250 kr');
  await expect(page.getByTestId('calc-after')).toHaveText('9 450 kr');
  await expect(page.getByTestId('calc-change-kr')).toHaveText('+4 200 kr per kunde');
  await expect(page.getByTestId('calc-formula')).toHaveText(
    'Omsetning per kunde = kroner per besøk × besøk i året × år som kunde',
  );
  await expect(page.getByTestId('calc-formula-before')).toHaveText(
    'I dag: 350 kr × 5 besøk × 3 år = 5 250 kr',
  );
  await expect(page.getByTestId('calc-formula-after')).toHaveText(
    'Med grepene: (350 kr + 100 kr) × (5 + 1) besøk × (3 år + 6 mnd.) = 9 450 kr',
  );
  await expect(page.getByTestId('calc-formula-change')).toHaveText(
    'Økning: 9 450 kr ÷ 5 250 kr − 1 = +80 %',
  );

  // The chart is drawn: today's bar and the stacked bar with the levers, 1.8 times as tall.
  const chart = page.getByTestId('calc-chart');
  await expect(chart.locator('.recharts-wrapper > svg.recharts-surface')).toBeVisible();
  await expect(chart.locator('.recharts-bar-rectangle path')).toHaveCount(5);
  const [today, withLevers] = await barHeights(chart);
  expect(today).toBeGreaterThan(50);
  expect(withLevers! / today!).toBeCloseTo(1.8, 1);
  await expect(chart.locator('.recharts-legend-item')).toHaveText([
    'Dagens omsetning',
    'Mer per besøk',
    'Flere besøk',
    'Lenger som kunde',
  ]);
  // (The numbers' groups are no-break spaces, as Intl writes them.)
  expect((await chart.getAttribute('aria-label'))!.replace(/\s/g, ' ')).toBe(
    'Stolpediagram. I dag: 5 250 kr. Med grepene: 9 450 kr, av det 1 791,67 kr fra mer per besøk, 1 304,17 kr fra flere besøk og 1 104,16 kr fra lengre tid som kunde.',
  );

  await page.getByTestId('calc-moreMonths').blur();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shoot(page, 'backoffice-calculator-1280x800');
  await scrollTo(page.getByTestId('calc-formula'));
  await shoot(page, 'backoffice-calculator-formula-1280x800');
  await page.setViewportSize({ width: 800, height: 600 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await shoot(page, 'backoffice-calculator-800x600');
  await scrollTo(page.getByTestId('calc-moreKr'));
  await shoot(page, 'backoffice-calculator-levers-800x600');
  await scrollTo(chart);
  await shoot(page, 'backoffice-calculator-chart-800x600');
  await scrollTo(page.getByTestId('calc-formula'));
  await shoot(page, 'backoffice-calculator-formula-800x600');
  // The chart fits the narrow page too.
  const narrow = await barHeights(chart);
  expect(narrow[1]! / narrow[0]!).toBeCloseTo(1.8, 1);
});

test('a lever moves on its slider with the arrow keys; a negative baseline is refused beside its field', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await logIn(page, OWNER);
  await page.goto(`${cloud.url}/bo/calculator`);
  await typeSeedsExample(page);
  await expect(page.getByTestId('calc-change')).toHaveText('+80 %');

  // +6 → +12 months by keyboard: 450 · 6 · 4 / 5 250 − 1 = 105.7 %.
  const months = page.getByTestId('calc-moreMonths-slider');
  await months.focus();
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('calc-moreMonths')).toHaveValue('12');
  await expect(months).toHaveAttribute('aria-valuetext', '+12 måneder');
  await expect(page.getByTestId('calc-change')).toHaveText('+105,7 %');
  // Half a visit more by keyboard on the visits' slider: 1,5.
  await page.getByTestId('calc-moreVisits-slider').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('calc-moreVisits')).toHaveValue('1,5');

  await page.getByTestId('calc-basketKr').fill('-350');
  await expect(page.getByTestId('calc-basketKr-error')).toHaveText(
    'Tallet kan ikke være negativt.',
  );
  await expect(page.getByTestId('calc-basketKr')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('calc-waiting')).toHaveText(
    'Rett opp tallene som er merket, så regnes det ut.',
  );
  await page.getByTestId('calc-visitsPerYear').fill('5000');
  await expect(page.getByTestId('calc-visitsPerYear-error')).toHaveText(
    'Kalkulatoren regner med høyst 1 000 besøk i året.',
  );
  await scrollTo(page.getByTestId('calc-basketKr'));
  await shoot(page, 'backoffice-calculator-refused-1280x800');

  // English, from the one catalogue.
  await page.getByTestId('calc-basketKr').fill('350');
  await page.getByTestId('calc-visitsPerYear').fill('5');
  await page.getByTestId('calc-moreVisits').fill('1');
  await page.getByTestId('calc-moreMonths').fill('6');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Loyalty calculator');
  await expect(page.getByTestId('calc-change')).toHaveText('+80%');
  await expect(page.getByTestId('calc-formula-after')).toHaveText(
    'With the levers: (350 kr + 100 kr) × (5 + 1) visits × (3 years + 6 months) = 9,450 kr',
  );
  await page.getByRole('button', { name: 'Norsk' }).click();
});

test('a store manager reaches the calculator from the navigation', async ({ browser }) => {
  await addStoreManager(cloud, OWNER, {
    ...MANAGER,
    password: OWNER_PASSWORD,
    storeIds: [storeId],
  });

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await logIn(page, MANAGER);
  await page.getByTestId('nav-calculator').click();
  await typeSeedsExample(page);
  await expect(page.getByTestId('calc-change')).toHaveText('+80 %');
  await expect(page.getByTestId('calc-chart').locator('.recharts-bar-rectangle path')).toHaveCount(
    5,
  );
  await context.close();
});

/** A till of the store, paired as a till pairs, pushing these events. */
async function pushFromTill(events: (origin: Origin) => LojalEvent[]): Promise<void> {
  const paired = await fetch(`${cloud.url}${ROUTES.pair}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ storeCode, terminalName: 'Kasse 1' }),
  });
  expect(paired.status).toBe(200);
  const till = (await paired.json()) as Origin & { token: string };
  const origin = { chainId: till.chainId, storeId: till.storeId, terminalId: till.terminalId };
  const pushed = await fetch(`${cloud.url}${ROUTES.push}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${till.token}` },
    body: JSON.stringify({
      events: events(origin).sort((x, y) => (x.hlc < y.hlc ? -1 : x.hlc > y.hlc ? 1 : 0)),
    }),
  });
  expect(pushed.status).toBe(200);
  expect(((await pushed.json()) as { rejected: unknown[] }).rejected).toEqual([]);
}

interface Origin {
  chainId: string;
  storeId: string;
  terminalId: string;
}

const OSLO_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' });
/** "7. des. 2025": a day as the page writes it. */
const shownDay = (at: number) =>
  new Intl.DateTimeFormat('nb-NO', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.parse(`${OSLO_DAY.format(at)}T00:00:00Z`));
const spaced = (text: string | null) => (text ?? '').replace(/\s/g, ' ');

test('the baseline is taken from the chain’s own figures, with how each was got', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await logIn(page, OWNER);
  await page.goto(`${cloud.url}/bo/calculator`);
  // No members yet: nothing to take, and nothing is filled in.
  await page.getByTestId('calc-from-data').click();
  await expect(page.getByTestId('calc-source')).toHaveText(
    'Kjeden har ingen medlemmer ennå, så det er ingen tall å hente. Skriv inn tallene selv.',
  );
  await expect(page.getByTestId('calc-basketKr')).toHaveValue('');

  // Noon in Oslo today, and days before it (whole days: the local day is the one meant).
  const today = OSLO_DAY.format(Date.now());
  const noon = Date.parse(`${today}T11:00:00Z`);
  const daysAgo = (n: number) => noon - n * DAY;
  const kr = (amount: number) => [saleLine({ unitPriceOre: amount * 100 })];
  await pushFromTill((origin) => {
    const [a, b, c, d] = ['anne', 'bjorn', 'cecilie', 'dag'].map((name) =>
      memberEvents(`calc-e2e-${name}`),
    );
    const enrol = (m: typeof a, n: number, at: number) =>
      m!.enrolled(
        at,
        {
          memberNumber: memberNumberFor('29', 700 + n),
          phoneE164: `+479100070${n}`,
          qrToken: `qr-calc-e2e-${n}`,
        },
        origin,
      );
    return [
      // Customers the day before the year read: Anne, Bjørn and Dag (bought within 180 days before it).
      enrol(a, 1, daysAgo(420)),
      a!.sale(daysAgo(400), { ...origin, lines: kr(200) }),
      a!.sale(daysAgo(100), { ...origin, lines: kr(300) }),
      a!.sale(daysAgo(20), { ...origin, lines: kr(400) }),
      // Bjørn has not bought for 300 days: lost.
      enrol(b, 2, daysAgo(390)),
      b!.sale(daysAgo(380), { ...origin, lines: kr(500) }),
      b!.sale(daysAgo(300), { ...origin, lines: kr(350) }),
      // Cecilie joined this autumn; her 999 kr sale was voided.
      enrol(c, 3, daysAgo(50)),
      c!.sale(daysAgo(10), { ...origin, lines: kr(250) }),
      c!.sale(daysAgo(5), { ...origin, saleId: 'calc-e2e-voided', lines: kr(999) }),
      c!.voided(daysAgo(5) + 60_000, 'calc-e2e-voided', origin),
      enrol(d, 4, daysAgo(395)),
      d!.sale(daysAgo(390), { ...origin, lines: kr(600) }),
      d!.sale(daysAgo(30), { ...origin, lines: kr(450) }),
    ];
  });

  await page.getByTestId('calc-from-data').click();
  // In the year: 300 + 400 + 350 + 250 + 450 = 1 750 kr on 5 purchases by 4 members.
  await expect(page.getByTestId('calc-basketKr')).toHaveValue('350');
  await expect(page.getByTestId('calc-visitsPerYear')).toHaveValue('1,25');
  // Of the 3 customers then, 1 is lost: 33,3 % a year, 1 ÷ 1/3 = 3 years.
  await expect(page.getByTestId('calc-years')).toHaveValue('3');
  const fromAt = noon - 364 * DAY;
  expect(spaced(await page.getByTestId('calc-source-period').textContent())).toBe(
    `Medlemmenes kjøp fra ${shownDay(fromAt)} til og med ${shownDay(noon)} (Alle butikkene). Annullerte kjøp og returer er trukket fra.`,
  );
  expect(spaced(await page.getByTestId('calc-source-basket').textContent())).toBe(
    'Kroner per besøk: 1 750 kr ÷ 5 kjøp = 350 kr.',
  );
  await expect(page.getByTestId('calc-source-visits')).toHaveText(
    'Besøk i året: 5 kjøp ÷ 4 medlemmer som handlet = 1,25.',
  );
  expect(spaced(await page.getByTestId('calc-source-life').textContent())).toBe(
    `År som kunde: Av 3 medlemmer som var kunder ${shownDay(fromAt - DAY)} (handlet i løpet av de 180 dagene før), er 1 tapt nå (ikke handlet på 180 dager). Frafallet er 33,3 % i året, og en kunde blir i snitt 1 ÷ 33,3 % = 3 år.`,
  );
  // The seeds' levers on the chain's own baseline: 450 kr × 2,25 × 3,5 år ÷ (350 kr × 1,25 × 3 år) = 2,7.
  await expect(page.getByTestId('calc-change')).toHaveText('+170 %');
  await expect(page.getByTestId('calc-formula-before')).toHaveText(
    'I dag: 350 kr × 1,25 besøk × 3 år = 1 312,50 kr',
  );
  await page.getByTestId('calc-from-data').blur();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shoot(page, 'backoffice-calculator-from-data-1280x800');
  await page.setViewportSize({ width: 800, height: 600 });
  await scrollTo(page.getByTestId('calc-source'));
  await shoot(page, 'backoffice-calculator-from-data-800x600');

  // A figure is still the owner's to change after it was taken.
  await page.getByTestId('calc-years').fill('4');
  await expect(page.getByTestId('calc-formula-before')).toHaveText(
    'I dag: 350 kr × 1,25 besøk × 4 år = 1 750 kr',
  );
});
