/**
 * The camera scanner in real Chromium: its fake camera plays a .y4m drawn by
 * the test (a member QR, an EAN-13), and the page decodes it with @zxing.
 * Each test launches its own Chromium, because the video file is a launch flag.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { barcodeLuma, blankLuma, encodeY4mSequence, writeBarcodeY4m } from '../../test/helpers/y4m';
import type { BarcodeFrameOptions } from '../../test/helpers/y4m';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { DEVICES_CHROMIUM } from './playwright.devices.config';

const MEMBER_QR = 'LJM-q3Xb7_Zk-Wm2N9pL0vRt5A';
const PRODUCT_EAN = '7038010069307';

const FAKE_CAMERA = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

// Made in the worker, not at import: Playwright also imports this file to list the tests.
let folder = '';
test.beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'lojal-camera-e2e-'));
});
test.afterAll(() => rmSync(folder, { recursive: true, force: true }));

let browser: Browser | null = null;
test.afterEach(async () => {
  await browser?.close();
  browser = null;
});

/** A Chromium whose camera shows `frame`, or with extra flags instead of a picture. */
async function launch(options: { frame?: BarcodeFrameOptions; args?: string[] }): Promise<Page> {
  const args = [...CHROMIUM_ARGS, ...(options.args ?? [])];
  if (options.frame) {
    const file = writeBarcodeY4m(join(folder, `${options.frame.text}.y4m`), options.frame);
    args.push(...FAKE_CAMERA, `--use-file-for-fake-video-capture=${file}`);
  }
  browser = await chromium.launch({ executablePath: DEVICES_CHROMIUM, args });
  return browser.newPage({ locale: 'nb-NO' });
}

const harness = (query: string) => `${process.env.LOJAL_DEVICES_URL ?? ''}${query}`;
const cameraScans = (page: Page) => page.getByTestId('camera-scans').locator('li');
const camera = (page: Page) => page.locator('[data-camera-state]');

/** Whether every camera stream the page opened has been stopped. */
const allStreamsStopped = (page: Page) =>
  page.evaluate(() =>
    window.openedStreams.every((s) => s.getTracks().every((t) => t.readyState === 'ended')),
  );

test('reports a member QR held in front of the camera once, and stops the camera when closed', async () => {
  const page = await launch({ frame: { symbology: 'qrcode', text: MEMBER_QR } });
  await page.goto(harness('?camera'));

  await expect(camera(page)).toHaveAttribute('data-camera-state', 'scanning');
  await expect(camera(page).getByRole('status')).toHaveText(/Hold medlemskortet/);
  await expect(cameraScans(page)).toHaveText([MEMBER_QR]);
  // The fake camera keeps showing the card: ~8 decodes a second, still one scan.
  await page.waitForTimeout(2_000);
  await expect(cameraScans(page)).toHaveText([MEMBER_QR]);
  expect(await allStreamsStopped(page)).toBe(false);

  await page.getByRole('button', { name: 'Lukk kameraet' }).click();
  await expect(camera(page)).toHaveCount(0);
  await expect.poll(() => allStreamsStopped(page)).toBe(true);
  // StrictMode opened (and stopped) the camera twice at mount; nothing is left running.
  expect(await page.evaluate(() => window.openedStreams.length)).toBeGreaterThanOrEqual(1);
});

test('reports an EAN-13 barcode', async () => {
  const page = await launch({ frame: { symbology: 'ean13', text: PRODUCT_EAN } });
  await page.goto(harness('?camera&lang=en'));

  await expect(cameraScans(page)).toHaveText([PRODUCT_EAN]);
  await expect(camera(page).getByRole('status')).toHaveText(/Hold the member card/);
});

test('a card taken away and shown again counts again, once per showing', async () => {
  // 0.5 s of the card, 2 s of nothing, looped by the fake camera: each showing
  // is ~4 decoded frames, and the gap is longer than the 1.5 s quiet time.
  const card = barcodeLuma({ symbology: 'qrcode', text: MEMBER_QR }).luma;
  const file = join(folder, 'card-shown-and-taken-away.y4m');
  writeFileSync(
    file,
    encodeY4mSequence([...Array(15).fill(card), ...Array(60).fill(blankLuma())], 640, 480, 30),
  );
  const page = await launch({
    args: [...FAKE_CAMERA, `--use-file-for-fake-video-capture=${file}`],
  });
  await page.goto(harness('?camera'));

  await expect(cameraScans(page)).toHaveCount(1);
  // The next showing is 2.5 s later; polled at least every second, the count
  // is seen at 2 (one per showing), never jumping past it.
  await expect.poll(() => cameraScans(page).count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
  await expect(cameraScans(page)).toHaveText([MEMBER_QR, MEMBER_QR]);
});

test('closed and opened again, the camera starts again and reads the card', async () => {
  const page = await launch({ frame: { symbology: 'ean13', text: PRODUCT_EAN } });
  await page.goto(harness('?camera'));
  await expect(cameraScans(page)).toHaveText([PRODUCT_EAN]);

  await page.getByTestId('camera-toggle').click();
  await expect.poll(() => allStreamsStopped(page)).toBe(true);
  await page.getByTestId('camera-toggle').click();
  await expect(camera(page)).toHaveAttribute('data-camera-state', 'scanning');
  await expect(cameraScans(page)).toHaveText([PRODUCT_EAN, PRODUCT_EAN]);
});

test('a refused camera permission says so, in Norwegian', async () => {
  const page = await launch({
    args: ['--use-fake-device-for-media-stream', '--deny-permission-prompts'],
  });
  await page.goto(harness('?camera'));

  await expect(camera(page)).toHaveAttribute('data-camera-state', 'denied');
  await expect(page.getByTestId('camera-problem')).toHaveText(/ikke lov til å bruke kameraet/);
  await expect(page.getByRole('button', { name: 'Prøv igjen' })).toBeVisible();
});

test('a camera that is not there says so, and "try again" asks again', async () => {
  const page = await launch({ frame: { symbology: 'qrcode', text: MEMBER_QR } });
  await page.goto(harness('?camera&lang=en&device=no-such-camera'));

  await expect(camera(page)).toHaveAttribute('data-camera-state', 'no-camera');
  await expect(page.getByTestId('camera-problem')).toHaveText(/No camera found/);
  const asked = await page.evaluate(() => window.cameraRequests);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect.poll(() => page.evaluate(() => window.cameraRequests)).toBe(asked + 1);
  await expect(camera(page)).toHaveAttribute('data-camera-state', 'no-camera');
  expect(await page.evaluate(() => window.openedStreams.length)).toBe(0);
});

test('on an address that is not secure the camera is unavailable, and it says why', async () => {
  const page = await launch({ args: ['--host-resolver-rules=MAP till.lojal.test 127.0.0.1'] });
  const url = new URL(harness('?camera'));
  url.hostname = 'till.lojal.test';
  await page.goto(url.toString());

  await expect(camera(page)).toHaveAttribute('data-camera-state', 'unsupported');
  await expect(page.getByTestId('camera-problem')).toHaveText(/ikke åpnet på en sikker adresse/);
});
