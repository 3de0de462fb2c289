/**
 * A demo till in browser mode for the benchmarks that drive Debian's Chromium:
 * the service on a fresh data folder, its host on a free port serving the
 * built UI, and a browser; `close` takes all of it down again.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import type { Browser } from '@playwright/test';
import { startHost } from '../src/host/server';
import { openTillService } from '../src/service/index';
import type { TillService } from '../src/service/types';
import { CHROMIUM_ARGS } from '../playwright.config';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The UI bundle's folder, built first when there is none. */
export function ensureUiBuilt(): string {
  const dist = join(ROOT, 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    const build = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
      {
        cwd: ROOT,
        stdio: 'inherit',
      },
    );
    if (build.status !== 0) throw new Error('the UI build failed');
  }
  return dist;
}

export interface BrowserTill {
  service: TillService;
  /** The host's address. */
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

/** The demo bakery (no members, no history) served to a fresh Chromium. */
export async function openBrowserTill(name: string): Promise<BrowserTill> {
  const uiDir = ensureUiBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), `lojal-bench-${name}-`));
  const service = openTillService({ dataDir, demo: true });
  const host = await startHost({ service, dataDir, port: 0, uiDir });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  return {
    service,
    url: host.url,
    browser,
    async close() {
      await browser.close();
      await host.close();
      service.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
