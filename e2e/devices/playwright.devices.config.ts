/**
 * The renderer's device modules (HID wedge, camera scanner) in Debian's
 * Chromium, on their own harness page; separate from the app's end-to-end
 * run. `npx playwright test -c e2e/devices/playwright.devices.config.ts`
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
// The same Chromium flags as the app's run: one list to keep.
import { CHROMIUM_ARGS } from '../../playwright.config';

export const DEVICES_CHROMIUM = '/usr/bin/chromium';

export default defineConfig({
  testDir: '.',
  // Not *.spec.ts: the app's own config (testDir e2e) must not pick these up.
  testMatch: '*.e2e.ts',
  globalSetup: './global-setup.ts',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  // Not under test-results/: the app's own run empties that folder when it starts.
  outputDir: join(tmpdir(), 'lojal-devices-e2e-results'),
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: DEVICES_CHROMIUM, args: CHROMIUM_ARGS },
    locale: 'nb-NO',
    trace: 'retain-on-failure',
  },
});
