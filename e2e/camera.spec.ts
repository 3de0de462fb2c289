/**
 * A member shows the QR code on their card to the till's camera: Chromium's
 * fake camera plays a picture of the member's real card QR (`LJM-` and their
 * QR token, as printed on receipts; drawn by the test), the page decodes it,
 * and the member is attached as verified, through the same scan path as a
 * serial or keyboard-wedge scanner.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { MEMBER_QR_PREFIX } from '../src/core/scan';
import type { MemberDetail } from '../src/service/commands';
import { writeBarcodeY4m } from '../test/helpers/y4m';
import { CHROMIUM_ARGS } from '../playwright.config';
import { CASHIER_PIN, HOST_URL, apiCall, expect, test, uniquePhone } from './fixtures';

test('a member card shown to the camera attaches the member', async ({ request }) => {
  const enrolled = await apiCall<{ member: MemberDetail }>(request, 'POST', '/members', {
    phone: uniquePhone(),
    acceptTerms: true,
    profile: { firstName: 'Kamilla' },
  });
  const folder = mkdtempSync(join(tmpdir(), 'lojal-camera-'));
  const video = writeBarcodeY4m(join(folder, 'card.y4m'), {
    symbology: 'qrcode',
    text: MEMBER_QR_PREFIX + enrolled.body.member.qrToken,
  });
  // The picture is a launch flag, so this test has a Chromium of its own.
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      ...CHROMIUM_ARGS,
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  try {
    const page = await browser.newPage({
      baseURL: HOST_URL,
      viewport: { width: 1280, height: 800 },
    });
    await page.goto('/');
    await page.getByTestId('pin-input').fill(CASHIER_PIN);
    await page.keyboard.press('Enter');
    await page.getByTestId('club-button').click();
    await page.getByTestId('camera-button').click();
    await expect(page.getByTestId('member-name')).toHaveText('Kamilla', { timeout: 20_000 });
    await expect(page.getByTestId('member-panel')).toContainText('Bekreftet');
    // The dialog (and with it the camera) is gone once the member is found.
    await expect(page.getByTestId('club-dialog')).toHaveCount(0);
  } finally {
    await browser.close();
    rmSync(folder, { recursive: true, force: true });
  }
});
