/**
 * A keyboard-wedge scanner reading `digits` over a DevTools session: each key
 * stamped `gapMs` after the last, then Enter, sent in one go, as the OS stamps
 * real key presses. Playwright's own typing on a loaded machine can stretch
 * the gaps past a scanner's and split the burst; the till decides from the
 * stamps (see e2e/devices/hid.e2e.ts). Used by the specs (fixtures.ts) and the
 * back-to-back scan benchmark.
 */
import type { CDPSession } from '@playwright/test';

export async function sendWedgeScan(cdp: CDPSession, digits: string, gapMs: number): Promise<void> {
  const keys = [...digits].map((digit) => ({
    key: digit,
    code: `Digit${digit}`,
    windowsVirtualKeyCode: 48 + Number(digit),
    text: digit,
  }));
  keys.push({ key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, text: '\r' });
  const end = Date.now() / 1000;
  await Promise.all(
    keys.flatMap((key, i) => {
      const timestamp = end - ((keys.length - 1 - i) * gapMs) / 1000;
      const { text, ...common } = key;
      return [
        cdp.send('Input.dispatchKeyEvent', {
          type: 'keyDown',
          ...common,
          text,
          unmodifiedText: text,
          timestamp,
        }),
        cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...common, timestamp }),
      ];
    }),
  );
}
