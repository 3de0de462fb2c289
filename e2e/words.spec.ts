/**
 * Issue 13 point 4: the till speaks one language at a time. Every main screen
 * is walked in bokmål (log-in, first run, checkout with and without a member,
 * Kundeklubb, enrol, member care, sale complete, receipts and return, staff,
 * the print queue, sync, devices, the error notices) and its words — the
 * visible text, and the labels, placeholders and titles a screen reader says —
 * are compared with the message catalogue: no phrase that only the English
 * catalogue has may appear, and none that only the bokmål has after a switch
 * to English. Device and network faults are made real (a printer that refuses,
 * a scanner port that does not exist) so their messages are walked too. Each
 * screen is shot as e2e/screenshots/words-*.png.
 */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { parse, TYPE } from '@formatjs/icu-messageformat-parser';
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Page } from '@playwright/test';
import { CATALOGUE } from '../src/core/messages';
import {
  CASHIER_PIN,
  MANAGER_PIN,
  completeSale,
  expect,
  findMemberByPhone,
  logIn,
  shoot,
  tapQuickKey,
  test,
  uniquePhone,
} from './fixtures';
import { startTillHost } from './host';
import type { TillHost } from './host';

type Language = 'nb' | 'en';

/** The fixed words of a message: its literal runs, in every branch of a plural or select. */
function literals(elements: MessageFormatElement[], into: string[] = []): string[] {
  for (const element of elements) {
    if (element.type === TYPE.literal) into.push(element.value);
    if (element.type === TYPE.select || element.type === TYPE.plural)
      for (const option of Object.values(element.options)) literals(option.value, into);
    if (element.type === TYPE.tag) literals(element.children, into);
  }
  return into;
}

const letters = (phrase: string) => (phrase.match(/\p{L}/gu) ?? []).length;
const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The phrases only `language` says: each literal run of its messages (trimmed
 * of punctuation) of two words or more (six letters or more), or a message that
 * is one word of five letters or more, that no other message of the other
 * language contains, and no Swedish one (names said alike: Vipps, SMS, Status).
 * The message's own other-language text does not count, so an English text
 * copied into the bokmål is still English. Addresses, paths and setting names
 * are the same in every language and left out.
 */
function phrasesOnlyIn(language: Language): string[] {
  const other = language === 'nb' ? 'en' : 'nb';
  const entries = Object.entries(CATALOGUE);
  const swedish = entries.map(([, entry]) => entry.sv.toLowerCase()).join('\n');
  const phrases = new Set<string>();
  for (const [key, entry] of entries) {
    const elsewhere = entries
      .filter(([k]) => k !== key)
      .map(([, e]) => e[other].toLowerCase())
      .join('\n');
    const runs = literals(parse(entry[language], { ignoreTag: true }));
    const whole = runs.length === 1 && /^\s*\p{L}+\s*$/u.test(entry[language]);
    for (const run of runs) {
      for (const piece of run.split(/[.:;!?()«»“”"]+|\s[–—]\s/)) {
        const phrase = squeeze(piece).replace(/^[\s,·…'’-]+|[\s,·…'’-]+$/g, '');
        if (/:\/\/|\/dev\/|LOJAL_|\d{2,}/.test(phrase)) continue;
        const words = phrase.split(' ').filter((w) => letters(w) > 0).length;
        if (!(words >= 2 && letters(phrase) >= 6) && !(whole && letters(phrase) >= 5)) continue;
        const lower = phrase.toLowerCase();
        if (elsewhere.includes(lower) || swedish.includes(lower)) continue;
        phrases.add(phrase);
      }
    }
  }
  return [...phrases];
}

const ONLY = { nb: phrasesOnlyIn('nb'), en: phrasesOnlyIn('en') };
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const MATCHERS = {
  nb: ONLY.nb.map((p) => ({
    phrase: p,
    re: new RegExp(`(?<![\\p{L}\\p{N}])${escape(p)}(?![\\p{L}\\p{N}])`, 'iu'),
  })),
  en: ONLY.en.map((p) => ({
    phrase: p,
    re: new RegExp(`(?<![\\p{L}\\p{N}])${escape(p)}(?![\\p{L}\\p{N}])`, 'iu'),
  })),
};

/**
 * Names the store wrote, in one language whatever the till's: the demo's staff
 * ("Morten (leder)") where the top bar, the log-in and the staff list show them.
 */
const NAMES =
  '[data-testid="staff"] strong, [data-testid^="staff-name-"], [data-testid^="staff-row-"]';

/** What the page says: its visible text, and the labels, placeholders and titles of its elements. */
async function wordsOn(page: Page): Promise<string> {
  const said = await page.evaluate((names) => {
    let text = document.body.innerText;
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(names)))
      if (el.innerText.trim()) text = text.split(el.innerText).join('\n');
    const parts = [text];
    for (const el of Array.from(document.querySelectorAll('[aria-label],[placeholder],[title]')))
      for (const name of ['aria-label', 'placeholder', 'title'])
        if (el.getAttribute(name)) parts.push(el.getAttribute(name)!);
    return parts.join('\n');
  }, NAMES);
  return squeeze(said);
}

/** The phrases of the other language found on the page (the page is in `language`). */
async function foreignOn(page: Page, language: Language): Promise<string[]> {
  const words = await wordsOn(page);
  const other = language === 'nb' ? 'en' : 'nb';
  return MATCHERS[other].filter(({ re }) => re.test(words)).map(({ phrase }) => phrase);
}

/** The screen says nothing in the other language; then its picture. */
async function check(page: Page, language: Language, shot: string): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  expect(await foreignOn(page, language), `${shot}: words of the other language`).toEqual([]);
  await shoot(page, `words-${shot}`);
}

/** A TCP port on 127.0.0.1 nobody listens on: a printer that is off. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const tills: TillHost[] = [];
test.afterAll(async () => {
  for (const till of tills.splice(0)) await till.stop();
});

test('the comparison has phrases to look for, and finds one planted on a screen', async ({
  page,
}) => {
  // Enough of each language to mean something, with the everyday words in them.
  expect(ONLY.en.length).toBeGreaterThan(300);
  expect(ONLY.nb.length).toBeGreaterThan(300);
  expect(ONLY.en).toEqual(expect.arrayContaining(['Complete sale', 'Log out', 'Loyalty club']));
  expect(ONLY.nb).toEqual(expect.arrayContaining(['Fullfør salg', 'Logg ut', 'Kundeklubb']));
  await page.goto('/');
  await expect(page.getByTestId('pin-input')).toBeVisible();
  expect(await foreignOn(page, 'nb')).toEqual([]);
  // An English word left in a Norwegian screen, as text and as a button's label.
  await page.evaluate(() => {
    const planted = document.createElement('p');
    planted.textContent = 'Trykk Complete sale for å fullføre.';
    const button = document.createElement('button');
    button.setAttribute('aria-label', 'Log out');
    document.body.append(planted, button);
  });
  expect(await foreignOn(page, 'nb')).toEqual(expect.arrayContaining(['Complete sale', 'Log out']));
});

test('every main screen in Norwegian, without English; a few in English, without Norwegian', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 800 });

  // Log-in, and a wrong PIN.
  await page.goto('/');
  await expect(page.getByTestId('pin-input')).toBeVisible();
  await check(page, 'nb', 'nb-01-login');
  await page.getByTestId('pin-input').fill('4321');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('login-error')).toBeVisible();
  await check(page, 'nb', 'nb-02-login-wrong-pin');

  // Checkout, empty; a search with no match; an unknown barcode's notice; a basket.
  await logIn(page, CASHIER_PIN);
  await check(page, 'nb', 'nb-03-checkout-empty');
  await page.getByTestId('scan-input').fill('xyzzy');
  await expect(page.getByText('Ingen varer passer «xyzzy»')).toBeVisible();
  await check(page, 'nb', 'nb-04-checkout-no-match');
  await page.getByTestId('scan-input').fill('7040000000009');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('status-strip')).toContainText(/Ukjent/);
  await check(page, 'nb', 'nb-05-checkout-unknown-code');
  await tapQuickKey(page, 'kaffe-liten', 2);
  await tapQuickKey(page, 'grovbrod');
  await expect(page.getByTestId('basket-line')).toHaveCount(2);
  await check(page, 'nb', 'nb-06-checkout-basket');

  // Kundeklubb: a number too short, then one nobody has.
  await page.getByTestId('club-button').click();
  const club = page.getByTestId('club-dialog');
  await club.getByTestId('member-query').fill('123');
  await club.getByRole('button', { name: 'Finn medlem' }).click();
  await expect(club.getByTestId('lookup-error')).toBeVisible();
  await check(page, 'nb', 'nb-07-club-short-number');
  const phone = uniquePhone();
  await club.getByTestId('member-query').fill(phone);
  await club.getByRole('button', { name: 'Finn medlem' }).click();
  await expect(club.getByTestId('member-not-found')).toBeVisible();
  await check(page, 'nb', 'nb-08-club-not-found');

  // Enrol: every problem beside its field, then the new member on the sale.
  await club.getByTestId('enrol-button').click();
  const enrol = page.getByTestId('enrol-dialog');
  await enrol.getByRole('button', { name: 'Flere felt' }).click();
  await enrol.getByTestId('enrol-email').fill('ikke-en-adresse');
  await enrol.getByTestId('enrol-postal-code').fill('12');
  await enrol.getByTestId('enrol-submit').click();
  await expect(enrol.getByTestId('enrol-terms-error')).toBeVisible();
  await expect(enrol.getByTestId('enrol-email-error')).toBeVisible();
  await check(page, 'nb', 'nb-09-enrol-errors');
  await enrol.getByTestId('enrol-email').fill('');
  await enrol.getByTestId('enrol-postal-code').fill('0150');
  await enrol.getByTestId('enrol-first-name').fill('Ingrid');
  await enrol.getByTestId('enrol-terms').check();
  await enrol.getByTestId('enrol-submit').click();
  await expect(page.getByTestId('member-name')).toHaveText('Ingrid');
  await check(page, 'nb', 'nb-10-checkout-member');

  // Member care, every part.
  await page.getByTestId('member-care-open').click();
  const care = page.getByTestId('member-care');
  await expect(care.getByTestId('care-history')).toBeVisible();
  await check(page, 'nb', 'nb-11-care-history');
  for (const part of ['profile', 'consent', 'pin', 'points', 'data']) {
    await care.getByTestId(`care-tab-${part}`).click();
    await check(page, 'nb', `nb-12-care-${part}`);
  }
  await page.keyboard.press('Escape');
  await expect(care).toHaveCount(0);

  // Sale complete.
  await completeSale(page);
  await check(page, 'nb', 'nb-13-sale-complete');
  const receiptNo = await page.getByTestId('done-receipt').innerText();
  await page.getByTestId('next-customer').click();

  // Receipts as a cashier; sync and devices as a cashier.
  await page.getByTestId('receipts-button').click();
  await page.getByTestId('receipt').filter({ hasText: receiptNo }).click();
  await expect(page.getByTestId('manager-only')).toBeVisible();
  await check(page, 'nb', 'nb-14-receipts-cashier');
  await page.keyboard.press('Escape');
  await page.getByTestId('sync-badge').click();
  await expect(page.getByTestId('sync-dialog')).toBeVisible();
  await check(page, 'nb', 'nb-15-sync-cashier');
  await page.keyboard.press('Escape');
  await page.getByTestId('devices-button').click();
  await expect(page.getByTestId('devices-manager-only')).toBeVisible();
  await check(page, 'nb', 'nb-16-devices-cashier');
  await page.keyboard.press('Escape');

  // A manager: return and void, staff, the pairing form, the devices' forms.
  await page.getByTestId('logout').click();
  await logIn(page, MANAGER_PIN);
  await page.getByTestId('receipts-button').click();
  await page.getByTestId('receipt').filter({ hasText: receiptNo }).click();
  await page.getByTestId('return-sale').click();
  await expect(page.getByRole('button', { name: 'Registrer retur' })).toBeVisible();
  await check(page, 'nb', 'nb-17-return');
  await page.keyboard.press('Escape');
  await page.getByTestId('receipts-button').click();
  await page.getByTestId('receipt').filter({ hasText: receiptNo }).click();
  await page.getByTestId('void-sale').click();
  await expect(page.getByTestId('void-reason')).toBeVisible();
  await check(page, 'nb', 'nb-18-void');
  await page.keyboard.press('Escape');

  await page.getByTestId('staff-button').click();
  const staff = page.getByTestId('staff-dialog');
  await staff.getByTestId('staff-add').click();
  await staff.getByTestId('staff-pin').fill('12');
  await staff.getByTestId('staff-save').click();
  await expect(staff.getByRole('alert').first()).toBeVisible();
  await check(page, 'nb', 'nb-19-staff-errors');
  await page.keyboard.press('Escape');

  await page.getByTestId('sync-badge').click();
  const sync = page.getByTestId('sync-dialog');
  await sync.getByTestId('pair-cloud-url').fill('sky.eksempel.no');
  await sync.getByTestId('pair-store-code').fill('7K4M-Q2XP');
  await sync.getByTestId('pair-submit').click();
  await expect(sync.getByTestId('pair-cloud-url-error')).toBeVisible();
  await check(page, 'nb', 'nb-20-sync-pairing-error');
  await page.keyboard.press('Escape');

  await page.getByTestId('devices-button').click();
  const devices = page.getByTestId('devices-dialog');
  await devices.getByTestId('scanner-port').fill('ttyUSB0');
  await devices.getByTestId('scanner-save').click();
  await expect(devices.getByRole('alert').first()).toBeVisible();
  await check(page, 'nb', 'nb-21-devices-manager');
  await page.keyboard.press('Escape');

  // The same till in English: no Norwegian left behind.
  await page.getByTestId('language-switch').click();
  await tapQuickKey(page, 'cappuccino');
  await findMemberByPhone(page, phone);
  await expect(page.getByTestId('member-name')).toHaveText('Ingrid');
  await check(page, 'en', 'en-01-checkout-member');
  await page.getByTestId('sync-badge').click();
  await expect(page.getByTestId('sync-dialog')).toBeVisible();
  await check(page, 'en', 'en-02-sync-manager');
  await page.keyboard.press('Escape');
  await page.getByTestId('member-care-open').click();
  await page.getByTestId('care-tab-consent').click();
  await check(page, 'en', 'en-03-care-consent');
  await page.keyboard.press('Escape');
  await page.getByTestId('language-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
});

test('a printer that is off and a scanner that is not there, in Norwegian', async ({ page }) => {
  const till = await startTillHost({
    LOJAL_PRINTER: `tcp://127.0.0.1:${await deadPort()}`,
    LOJAL_SCANNER_PORT: '/dev/ttyLOJALNOPE',
  });
  tills.push(till);
  await logIn(page, CASHIER_PIN, till.url);
  await expect(page.getByTestId('scanner-badge')).toBeVisible();
  await tapQuickKey(page, 'grovbrod');
  await completeSale(page);
  await page.getByTestId('next-customer').click();
  await expect(page.getByTestId('print-waiting')).toBeVisible();
  await check(page, 'nb', 'nb-22-checkout-device-faults');
  await page.getByTestId('print-waiting').click();
  await expect(page.getByTestId('print-job-error').first()).toContainText('Siste feil');
  await check(page, 'nb', 'nb-23-print-queue');
  await page.keyboard.press('Escape');
  await page.getByTestId('logout').click();
  await logIn(page, MANAGER_PIN, till.url);
  await page.getByTestId('devices-button').click();
  await expect(page.getByTestId('printer-locked')).toBeVisible();
  await check(page, 'nb', 'nb-24-devices-faults');
  await page.keyboard.press('Escape');
  await page.getByTestId('language-switch').click();
  await page.getByTestId('devices-button').click();
  await expect(page.getByTestId('printer-locked')).toBeVisible();
  await check(page, 'en', 'en-04-devices-faults');
});

test('the first run in Norwegian: the first manager, then the store', async ({ page }) => {
  const till = await startTillHost({ LOJAL_DEMO: '0' });
  tills.push(till);
  await page.goto(till.url);
  await expect(page.getByTestId('first-run-manager')).toBeVisible();
  await page.getByTestId('setup-name').fill('Ingrid Hansen');
  await page.getByTestId('setup-pin').fill('4711');
  await page.getByTestId('setup-pin-again').fill('4712');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('setup-pin-again-error')).toBeVisible();
  await check(page, 'nb', 'nb-25-first-run-manager');
  await page.getByTestId('setup-pin-again').fill('4711');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('first-run-template')).toBeVisible();
  await check(page, 'nb', 'nb-26-first-run-store');
});
