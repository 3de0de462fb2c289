/**
 * Serial scan to member on screen, in browser mode: a socat pseudo-terminal
 * pair plays a USB-serial scanner; the till service (configured on the app end,
 * as LOJAL_SCANNER_PORT would) reads it, and the UI in Debian's Chromium shows
 * the member. The clock runs from the bytes written into the scanner end of the
 * pty (member number + CR) to the member's first name in the page's member
 * panel (a MutationObserver in the page). Node's and the page's clocks are both
 * `performance.timeOrigin + performance.now()`; their offset is measured by
 * round trips and taken out.
 *
 * Floor: the same bytes into the same pty → the service's `scan` notification
 * (no browser): what the serial line, framing and classification cost.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import { openTillService } from '../src/service/index';
import type { Notification, Session, TillService } from '../src/service/index';
import { startHost } from '../src/host/server';
import { startPtyPair } from '../test/helpers/pty';
import type { PtyPair } from '../test/helpers/pty';
import { CHROMIUM_ARGS } from '../playwright.config';
import { figure, percentile } from './lib';
import type { Figure } from './lib';
import type { Benchmark } from './run';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SYSTEM: Session = { role: 'system', staffId: null };
const GOAL_MS = 100;
const MEMBER_NAME = '[data-testid="member-name"]';

export interface SerialScanResult {
  samples: number[];
  floorSamples: number[];
  p95Ms: number;
  floorP95Ms: number;
  /** Half the best round trip used to line up the page's clock with Node's. */
  clockUncertaintyMs: number;
}

/** The current UI, built into a private folder (dist/ may be stale or in use). */
function buildUi(): string {
  const out = mkdtempSync(join(tmpdir(), 'lojal-bench-ui-'));
  const build = spawnSync(
    process.execPath,
    [
      join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--logLevel',
      'warn',
      '--outDir',
      out,
      '--emptyOutDir',
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (build.status !== 0) throw new Error('the UI build failed');
  return out;
}

const nowMs = () => performance.timeOrigin + performance.now();

/** Page clock minus Node clock, from the round trip with the smallest delay. */
async function clockOffset(page: Page): Promise<{ offsetMs: number; uncertaintyMs: number }> {
  let best = { offsetMs: 0, uncertaintyMs: Infinity };
  for (let i = 0; i < 30; i++) {
    const t1 = nowMs();
    const tp = await page.evaluate(() => performance.timeOrigin + performance.now());
    const t2 = nowMs();
    const half = (t2 - t1) / 2;
    if (half < best.uncertaintyMs) best = { offsetMs: tp - (t1 + half), uncertaintyMs: half };
  }
  return best;
}

/** In the page: record when the member panel first shows the expected name. */
async function installWatcher(page: Page): Promise<void> {
  await page.evaluate((selector) => {
    const state = { expected: '', shownAt: 0 };
    Object.assign(window, { __serialScan: state });
    new MutationObserver(() => {
      if (state.shownAt !== 0 || state.expected === '') return;
      if (document.querySelector(selector)?.textContent === state.expected)
        state.shownAt = performance.timeOrigin + performance.now();
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, MEMBER_NAME);
}

function arm(page: Page, expected: string): Promise<void> {
  return page.evaluate((name) => {
    const state = (window as unknown as { __serialScan: { expected: string; shownAt: number } })
      .__serialScan;
    state.expected = name;
    state.shownAt = 0;
  }, expected);
}

async function shownAt(page: Page, timeoutMs: number): Promise<number> {
  await page.waitForFunction(
    () => (window as unknown as { __serialScan: { shownAt: number } }).__serialScan.shownAt > 0,
    undefined,
    { timeout: timeoutMs, polling: 'raf' },
  );
  return page.evaluate(
    () => (window as unknown as { __serialScan: { shownAt: number } }).__serialScan.shownAt,
  );
}

/** The next `scan` notification, timed in the subscriber. */
function nextScan(service: TillService): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error('no scan notification within 5 s'));
    }, 5_000);
    const stop = service.subscribe((n: Notification) => {
      if (n.type !== 'scan') return;
      const at = nowMs();
      clearTimeout(timer);
      stop();
      resolve(at);
    });
  });
}

async function enrolMembers(service: TillService, count: number) {
  const members: Array<{ number: string; name: string }> = [];
  for (let i = 0; i < count; i++) {
    const name = `Skann${String.fromCharCode(65 + (i % 26))}${i + 1}`;
    const { member } = await service.call(
      'member.enrol',
      {
        phone: `4${String(2000000 + i).padStart(7, '0')}`,
        acceptTerms: true,
        profile: { firstName: name },
      },
      SYSTEM,
    );
    members.push({ number: member.memberNumber, name });
  }
  return members;
}

async function untilScannerConnected(service: TillService): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((await service.call('devices.get', {}, SYSTEM)).scanner.state !== 'connected') {
    if (Date.now() > deadline) throw new Error('the serial scanner did not connect');
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function measureSerialScan(
  options: { samples?: number; warmup?: number } = {},
): Promise<SerialScanResult> {
  const sampleCount = options.samples ?? 60;
  const warmup = options.warmup ?? 5;
  const uiDir = buildUi();
  const dataDir = mkdtempSync(join(tmpdir(), 'lojal-bench-serial-'));
  let pair: PtyPair | null = null;
  let service: TillService | null = null;
  let host: Awaited<ReturnType<typeof startHost>> | null = null;
  let browser: Awaited<ReturnType<typeof chromium.launch>> | null = null;
  try {
    pair = await startPtyPair();
    const tty = pair;
    service = openTillService({
      dataDir,
      demo: true,
      devices: { scanner: { path: tty.appPath, baudRate: 9600, suffix: 'CR' } },
    });
    const till = service;
    await untilScannerConnected(till);
    const members = await enrolMembers(till, 25);

    // Floor: bytes into the pty → the service's scan notification.
    const floorSamples: number[] = [];
    for (let i = 0; i < warmup + sampleCount; i++) {
      const member = members[i % members.length]!;
      const heard = nextScan(till);
      const t0 = nowMs();
      await tty.write(`${member.number}\r`);
      const ms = (await heard) - t0;
      if (i >= warmup) floorSamples.push(ms);
    }

    host = await startHost({ service: till, dataDir, port: 0, uiDir });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(host.url);
    await page.getByTestId('pin-input').fill('1111');
    await page.keyboard.press('Enter');
    await page.getByTestId('club-button').waitFor();
    await installWatcher(page);
    const clock = await clockOffset(page);

    const samples: number[] = [];
    for (let i = 0; i < warmup + sampleCount; i++) {
      const member = members[i % members.length]!;
      await arm(page, member.name);
      const t0 = nowMs();
      await tty.write(`${member.number}\r`);
      // The first scans may race the notification socket's log-in: those are warm-up.
      const at = await shownAt(page, i < warmup ? 15_000 : 5_000);
      if (i >= warmup) samples.push(at - clock.offsetMs - t0);
      // Next customer: the member leaves, the Kundeklubb button is back.
      await page.getByRole('button', { name: 'Fjern medlem' }).click();
      await page.getByTestId('club-button').waitFor();
    }
    return {
      samples,
      floorSamples,
      p95Ms: percentile(samples, 95),
      floorP95Ms: percentile(floorSamples, 95),
      clockUncertaintyMs: clock.uncertaintyMs,
    };
  } finally {
    await browser?.close();
    await host?.close();
    if (service) {
      service.close();
      await service.whenClosed();
    }
    await pair?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(uiDir, { recursive: true, force: true });
  }
}

const benchmark: Benchmark = {
  name: 'serial-scan',
  about:
    'member card read by a USB-serial scanner (socat pty) → first name on screen (Chromium, browser mode), p95',
  async run(): Promise<Figure[]> {
    const load = loadavg()[0]!;
    const r = await measureSerialScan();
    const median = percentile(r.samples, 50);
    return [
      figure({
        name: 'serial_scan_to_member_ms_p95',
        value: r.p95Ms,
        unit: 'ms',
        floor: r.floorP95Ms,
        goal: `p95 under ${GOAL_MS} ms from the bytes on the serial line to the name on screen`,
        met: r.p95Ms < GOAL_MS,
        note:
          `${r.samples.length} scans (median ${median.toFixed(1)} ms, max ${Math.max(...r.samples).toFixed(1)} ms) ` +
          `of 13 digits + CR written into a socat pty, 9600 baud, service → WebSocket → UI renders the scan's member summary, ` +
          `Debian's Chromium; clocks lined up to ±${r.clockUncertaintyMs.toFixed(2)} ms; ` +
          `floor = the same bytes → the service's scan notification (median ${percentile(r.floorSamples, 50).toFixed(2)} ms); ` +
          `load average ${load.toFixed(1)} at the start`,
      }),
    ];
  },
};

export default benchmark;
