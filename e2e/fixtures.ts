/**
 * What every end-to-end test shares: the live host started by the global
 * setup, its API token, and the till's everyday moves done the way a cashier
 * does them (log in with the keypad, tap quick keys, Kundeklubb, pay).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect } from '@playwright/test';
import type { APIRequestContext, Page } from '@playwright/test';
import type { Product } from '../src/core/catalogue';
import type { CommandInput, CommandName } from '../src/service/commands';
import { decodeEscPos } from '../test/helpers/escpos-decoder';
import { sendWedgeScan } from './wedge';

export const HOST_URL = process.env.LOJAL_E2E_URL ?? '';
export const DATA_DIR = process.env.LOJAL_E2E_DATA_DIR ?? '';
/**
 * Where screenshots go: the committed e2e/screenshots/ only when asked
 * (LOJAL_UPDATE_SCREENSHOTS=1), so an ordinary test run changes no tracked file.
 */
const SHOTS = fileURLToPath(
  new URL(
    process.env.LOJAL_UPDATE_SCREENSHOTS === '1'
      ? './screenshots/'
      : '../test-results/screenshots/',
    import.meta.url,
  ),
);
export const CASHIER_PIN = '1111';
export const MANAGER_PIN = '9999';

// Every page opens on the host the global setup started.
export const test = base.extend({
  baseURL: HOST_URL,
});
export { expect };

export function apiToken(): string {
  return readFileSync(join(DATA_DIR, 'api-token'), 'utf8').trim();
}

/** Call the local integration API with the real token (of the shared host, or `at`). */
export async function apiCall<T>(
  request: APIRequestContext,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
  at: { url: string; apiToken(): string } = { url: HOST_URL, apiToken },
): Promise<{ status: number; body: T }> {
  const response = await request.fetch(`${at.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${at.apiToken()}` },
    ...(body === undefined ? {} : { data: body }),
  });
  return { status: response.status(), body: (await response.json()) as T };
}

/** A staff member's own session on a host, for calling /rpc as they would (roles). */
export async function rpcAs(
  request: APIRequestContext,
  pin: string,
  at = HOST_URL,
): Promise<
  <N extends CommandName>(
    name: N,
    input: CommandInput<N>,
  ) => Promise<{ status: number; body: unknown }>
> {
  const login = await request.post(`${at}/rpc/session.login`, { data: { pin } });
  const { sessionToken } = (await login.json()) as { sessionToken: string };
  return async (name, input) => {
    const response = await request.post(`${at}/rpc/${name}`, {
      headers: { authorization: `Bearer ${sessionToken}` },
      data: input,
    });
    return { status: response.status(), body: (await response.json()) as unknown };
  };
}

/** The open dialog scrolled back to its top (for a picture of a long one). */
export async function scrollDialogToTop(page: Page): Promise<void> {
  await page.locator('.dialog-body').evaluate((body) => body.scrollTo(0, 0));
}

/** A picture of the screen as it is now, into SHOTS (see above). */
export async function shoot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), ...options });
}

/** `name`-1024x768 and `name`-1366x768: a small till screen and a wide one (the last stays set). */
export async function shootSizes(page: Page, name: string): Promise<void> {
  for (const [width, height] of [
    [1024, 768],
    [1366, 768],
  ] as const) {
    await page.setViewportSize({ width, height });
    await shoot(page, `${name}-${width}x${height}`);
  }
}

/** What came out on paper: the text lines of one ESC/POS job (device specs' printers). */
export function paper(job: Buffer): string {
  return decodeEscPos(job)
    .lines.map((line) => line.text)
    .join('\n');
}

export async function products(request: APIRequestContext): Promise<Product[]> {
  return (await apiCall<Product[]>(request, 'GET', '/products')).body;
}

let phoneCounter = 0;
/** A valid Norwegian mobile number no other test in this run uses. */
export function uniquePhone(): string {
  phoneCounter += 1;
  const tail = (Date.now() % 100_000) * 10 + (phoneCounter % 10);
  return `9${String(tail).padStart(7, '0').slice(-7)}`;
}

/** Log in with the keypad; `at` is another host's address (device specs start their own). */
export async function logIn(page: Page, pin: string, at = '/'): Promise<void> {
  await page.goto(at);
  for (const digit of pin)
    await page.getByRole('button', { name: new RegExp(`^(Siffer|Digit) ${digit}$`) }).click();
  await page.getByRole('button', { name: /^(Logg inn|Log in)$/ }).click();
  await expect(page.getByTestId('scan-input')).toBeVisible();
}

export async function tapQuickKey(page: Page, sku: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await page.getByTestId(`quick-key-${sku}`).click();
}

/** A keyboard-wedge scanner reading `digits` (see wedge.ts), keys `gapMs` apart. */
export async function scanWithWedge(page: Page, digits: string, gapMs = 4): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await sendWedgeScan(cdp, digits, gapMs);
  await cdp.detach();
}

/** Kundeklubb → phone on the keypad → Finn medlem. */
export async function findMemberByPhone(page: Page, phone: string): Promise<void> {
  await page.getByTestId('club-button').click();
  const dialog = page.getByTestId('club-dialog');
  for (const digit of phone)
    await dialog.getByRole('button', { name: new RegExp(`^(Siffer|Digit) ${digit}$`) }).click();
  await dialog.getByRole('button', { name: /^(Finn medlem|Find member)$/ }).click();
}

export async function completeSale(page: Page): Promise<void> {
  await page.getByTestId('complete-sale').click();
  await expect(page.getByTestId('sale-complete')).toBeVisible();
}
