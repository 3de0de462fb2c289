/**
 * The loyalty calculator end to end in Chromium, against a real cloud of its
 * own (fresh embedded database, the built back office at /bo/): the owner
 * opens it from the navigation, types the seeds' example (350 kr, 5 visits a
 * year, 3 years; +100 kr, +1 visit, +6 months) and reads +80 %, the revenue
 * before and after, the formula with the figures filled in, and a chart whose
 * bars are drawn in proportion (after / before = 1.8). A lever moves with the
 * arrow keys on its slider; a negative baseline is refused beside its field;
 * English from the same catalogue. A store manager reaches it too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { addOwner } from '../cloud/accounts/admin';
import type { RunningCloudServer } from '../cloud/server';
import { startCloudServer } from '../cloud/server';
import { BO_RPC_PREFIX } from '../src/contract/backoffice';
import { expect, shoot, test } from './fixtures';
import { BACKOFFICE_BUILT, ensureBackofficeBuilt } from './builds';

const CHAIN = 'Garn og Gaver';
const OWNER_EMAIL = 'eier@garn-og-gaver.no';
const OWNER_PASSWORD = 'strikkepinner og garnnøster';
const MANAGER_EMAIL = 'leder@garn-og-gaver.no';

let cloud: RunningCloudServer;
let dataDir = '';
let storeId = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  ensureBackofficeBuilt();
  dataDir = mkdtempSync(join(tmpdir(), 'lojal-e2e-calculator-'));
  cloud = await startCloudServer({ port: 0, dataDir, backofficeDir: BACKOFFICE_BUILT });
  ({ storeId } = await cloud.admin.addStore(CHAIN, 'Sentrum'));
  const added = await addOwner(
    cloud.database,
    { chain: CHAIN, email: OWNER_EMAIL, name: 'Eva Eier' },
    Date.now(),
  );
  const accepted = await boCall('account.acceptInvite', {
    token: added.link.token,
    password: OWNER_PASSWORD,
  });
  expect(accepted.status).toBe(200);
});

test.afterAll(async () => {
  await cloud?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
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

async function logIn(page: Page, email: string, who: string): Promise<void> {
  await page.goto(`${cloud.url}/bo/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(OWNER_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('bo-who')).toContainText(who);
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
  await logIn(page, OWNER_EMAIL, 'Eva Eier');
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
  await logIn(page, OWNER_EMAIL, 'Eva Eier');
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
  const login = await boCall('session.logIn', { email: OWNER_EMAIL, password: OWNER_PASSWORD });
  expect(login.status).toBe(200);
  const owner = { cookie: login.cookie!, csrf: (login.body as { csrfToken: string }).csrfToken };
  const invited = await boCall(
    'account.invite',
    { email: MANAGER_EMAIL, name: 'Lise Leder', role: 'store_manager', storeIds: [storeId] },
    owner,
  );
  expect(invited.status, JSON.stringify(invited.body)).toBe(200);
  const link = (invited.body as { link: string }).link;
  const token = new URLSearchParams(new URL(link).hash.slice(1)).get('token')!;
  expect((await boCall('account.acceptInvite', { token, password: OWNER_PASSWORD })).status).toBe(
    200,
  );

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await logIn(page, MANAGER_EMAIL, 'Lise Leder');
  await page.getByTestId('nav-calculator').click();
  await typeSeedsExample(page);
  await expect(page.getByTestId('calc-change')).toHaveText('+80 %');
  await expect(page.getByTestId('calc-chart').locator('.recharts-bar-rectangle path')).toHaveCount(
    5,
  );
  await context.close();
});
