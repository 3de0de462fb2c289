/**
 * The keyboard-wedge scanner in real Chromium: Playwright types like a scanner
 * (a few ms per key, then Enter) and like a person (human gaps); only the
 * first is a scan, and neither garbles or loses what the focused field holds.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

const MEMBER_NUMBER = '2990000012340';
const SCANNER_GAP_MS = 5;
const HUMAN_GAP_MS = 150;

async function openHarness(page: Page): Promise<void> {
  await page.goto(process.env.LOJAL_DEVICES_URL ?? '');
  await expect(page.getByTestId('text')).toBeVisible();
}

const scans = (page: Page) => page.getByTestId('scans').locator('li');
const submitted = (page: Page) => page.getByTestId('submitted').locator('li');

/** One physical key as a given layout reports it: its US position and the character it prints. */
interface LayoutKey {
  code: string;
  key: string;
  shift?: boolean;
}

const VIRTUAL_KEY: Record<string, number> = { Minus: 189, Semicolon: 186, Enter: 13 };
function virtualKeyOf(code: string): number {
  const digit = /^Digit(\d)$/.exec(code);
  if (digit) return 48 + Number(digit[1]);
  const letter = /^Key([A-Z])$/.exec(code);
  if (letter) return letter[1]!.charCodeAt(0);
  return VIRTUAL_KEY[code] ?? 0;
}

/** What a US layout reports for each character of `text` (`\n` is Enter). */
function usKeys(text: string): LayoutKey[] {
  return [...text].map((char) => {
    if (char === '\n') return { code: 'Enter', key: 'Enter' };
    if (/\d/.test(char)) return { code: `Digit${char}`, key: char };
    if (/[a-z]/i.test(char))
      return { code: `Key${char.toUpperCase()}`, key: char, shift: char !== char.toLowerCase() };
    if (char === '-' || char === '_') return { code: 'Minus', key: char, shift: char === '_' };
    throw new Error(`usKeys: no key for ${char}`);
  });
}

/**
 * Press keys through the DevTools protocol, each stamped with the time a
 * scanner `gapMs` apart would have sent it (the burst ending now), as the OS
 * stamps real key presses. Sent in one go, so the test driver's own jitter on
 * a busy machine (tens of ms) cannot stretch the gaps; the page decides from
 * the stamps. `key` is what a non-US layout prints, which Playwright's own
 * keyboard cannot produce.
 */
async function pressKeys(
  page: Page,
  keys: LayoutKey[],
  gapMs: number,
  stall?: { afterKeys: number; ms: number },
): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  type KeyEvent = NonNullable<Parameters<typeof cdp.send<'Input.dispatchKeyEvent'>>[1]>;
  const SHIFT = 8;
  const shiftKey = { key: 'Shift', code: 'ShiftLeft', windowsVirtualKeyCode: 16 };
  const end = Date.now() / 1000;
  const eventsPerKey = keys.map(({ code, key, shift = false }, i): KeyEvent[] => {
    const timestamp = end - ((keys.length - 1 - i) * gapMs) / 1000;
    const modifiers = shift ? SHIFT : 0;
    const common = { key, code, windowsVirtualKeyCode: virtualKeyOf(code), modifiers, timestamp };
    const text = key === 'Enter' ? '\r' : key;
    return [
      ...(shift ? [{ type: 'rawKeyDown' as const, ...shiftKey, modifiers, timestamp }] : []),
      { type: 'keyDown', ...common, text, unmodifiedText: text },
      { type: 'keyUp', ...common },
      ...(shift ? [{ type: 'keyUp' as const, ...shiftKey, modifiers: 0, timestamp }] : []),
    ];
  });
  const send = (events: KeyEvent[][]) =>
    // The protocol delivers in the order sent.
    Promise.all(events.flat().map((event) => cdp.send('Input.dispatchKeyEvent', event)));
  if (stall) {
    await send(eventsPerKey.slice(0, stall.afterKeys));
    await new Promise((resolve) => setTimeout(resolve, stall.ms));
    await send(eventsPerKey.slice(stall.afterKeys));
  } else {
    await send(eventsPerKey);
  }
  await cdp.detach();
}

/** A USB scanner reading `code`: 5 ms a key, then Enter. */
const scan = (page: Page, code: string) => pressKeys(page, usKeys(`${code}\n`), SCANNER_GAP_MS);

test.describe('HID keyboard-wedge scanner', () => {
  test.beforeEach(async ({ page }) => openHarness(page));

  test('a scanner burst into a focused React input is a scan and leaves the input as it was', async ({
    page,
  }) => {
    const input = page.getByTestId('text');
    await input.click();
    await page.keyboard.type('kaffe', { delay: HUMAN_GAP_MS });
    await expect(input).toHaveValue('kaffe');

    await scan(page, MEMBER_NUMBER);

    await expect(scans(page)).toHaveText([MEMBER_NUMBER]);
    await expect(input).toHaveValue('kaffe');
    await expect(page.getByTestId('react-value')).toHaveText('kaffe');
    await expect(input).toBeFocused();
    // The field's own Enter handler never saw the scanner's Enter.
    await expect(submitted(page)).toHaveCount(0);
  });

  test('the same digits typed at human speed stay text in the input, and Enter reaches it', async ({
    page,
  }) => {
    const input = page.getByTestId('text');
    await input.click();
    await page.keyboard.type(`${MEMBER_NUMBER}\n`, { delay: HUMAN_GAP_MS });

    await expect(input).toHaveValue(MEMBER_NUMBER);
    await expect(page.getByTestId('react-value')).toHaveText(MEMBER_NUMBER);
    await expect(submitted(page)).toHaveText([MEMBER_NUMBER]);
    await expect(scans(page)).toHaveCount(0);
  });

  test('the decision follows the key stamps: a burst stamped 60 ms apart is typing even when it arrives at once', async ({
    page,
  }) => {
    await page.getByTestId('text').click();
    await pressKeys(page, usKeys(`${MEMBER_NUMBER}\n`), 60);

    await expect(page.getByTestId('text')).toHaveValue(MEMBER_NUMBER);
    await expect(submitted(page)).toHaveText([MEMBER_NUMBER]);
    await expect(scans(page)).toHaveCount(0);
  });

  test('keys a busy page typed out before the rest of the scan arrived are taken back out of the field', async ({
    page,
  }) => {
    const input = page.getByTestId('text');
    await input.click();
    await page.keyboard.type('kaffe', { delay: HUMAN_GAP_MS });
    // Stamped 5 ms apart, but the last 8 keys and Enter reach the page 300 ms late.
    await pressKeys(page, usKeys(`${MEMBER_NUMBER}\n`), SCANNER_GAP_MS, { afterKeys: 5, ms: 300 });

    await expect(scans(page)).toHaveText([MEMBER_NUMBER]);
    await expect(input).toHaveValue('kaffe');
    await expect(page.getByTestId('react-value')).toHaveText('kaffe');
    await expect(submitted(page)).toHaveCount(0);
  });

  test('a member QR read on a US layout keeps its capitals, "-" and "_"', async ({ page }) => {
    await page.getByTestId('text').click();
    await scan(page, 'LJM-q3Xb7_Zk-Wm2N9pL0vRt5A');
    await expect(scans(page)).toHaveText(['LJM-q3Xb7_Zk-Wm2N9pL0vRt5A']);
    await expect(page.getByTestId('text')).toHaveValue('');
  });

  test('a short fast burst then Enter is typing: React has the text before its Enter handler runs', async ({
    page,
  }) => {
    await page.getByTestId('text').click();
    await pressKeys(page, usKeys('12\n'), SCANNER_GAP_MS);

    await expect(submitted(page)).toHaveText(['12']);
    await expect(page.getByTestId('react-value')).toHaveText('12');
    await expect(scans(page)).toHaveCount(0);
  });

  test('a fast burst without Enter is typed out into the field once it goes quiet', async ({
    page,
  }) => {
    await page.getByTestId('text').click();
    await pressKeys(page, usKeys('1234567890'), SCANNER_GAP_MS);

    await expect(page.getByTestId('text')).toHaveValue('1234567890');
    await expect(page.getByTestId('react-value')).toHaveText('1234567890');
    await expect(scans(page)).toHaveCount(0);
  });

  test('keys after held ones keep their order (Backspace right after a letter)', async ({
    page,
  }) => {
    const input = page.getByTestId('text');
    await input.click();
    await page.keyboard.type('ab');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('c');
    await expect(input).toHaveValue('ac');
  });

  test('typing replaces the selection in an uncontrolled textarea as usual', async ({ page }) => {
    const notes = page.getByTestId('notes');
    await notes.fill('gammel tekst');
    await notes.selectText();
    await page.keyboard.type('ny', { delay: HUMAN_GAP_MS });
    await expect(notes).toHaveValue('ny');

    await scan(page, MEMBER_NUMBER);
    await expect(scans(page)).toHaveText([MEMBER_NUMBER]);
    await expect(notes).toHaveValue('ny');
  });

  test('a scan is caught with a button focused, or nothing focused, and clicks nothing', async ({
    page,
  }) => {
    await page.getByTestId('button').focus();
    await scan(page, MEMBER_NUMBER);
    await page.getByTestId('button').blur();
    await scan(page, '7038010069307');

    await expect(scans(page)).toHaveText([MEMBER_NUMBER, '7038010069307']);
    await expect(submitted(page)).toHaveCount(0);
  });

  test('a Norwegian layout does not garble a member QR: "-" and "_" are read from the key position', async ({
    page,
  }) => {
    const input = page.getByTestId('text');
    await input.click();
    // What a scanner sends for LJM-Ab_9x: US positions, printed by a Norwegian layout.
    const norwegian: LayoutKey[] = [
      { code: 'KeyL', key: 'L', shift: true },
      { code: 'KeyJ', key: 'J', shift: true },
      { code: 'KeyM', key: 'M', shift: true },
      { code: 'Minus', key: '+' },
      { code: 'KeyA', key: 'A', shift: true },
      { code: 'KeyB', key: 'b' },
      { code: 'Minus', key: '?', shift: true },
      { code: 'Digit9', key: '9' },
      { code: 'KeyX', key: 'x' },
      { code: 'Enter', key: 'Enter' },
    ];
    await pressKeys(page, norwegian, SCANNER_GAP_MS);
    await expect(scans(page)).toHaveText(['LJM-Ab_9x']);
    await expect(input).toHaveValue('');

    // Typed by a person on that layout, each key prints what its keycap says.
    await pressKeys(page, [{ code: 'Minus', key: '+' }], 0);
    await expect(input).toHaveValue('+');
    await pressKeys(page, [{ code: 'Semicolon', key: 'ø' }], 0);
    await expect(input).toHaveValue('+ø');
    await expect(page.getByTestId('react-value')).toHaveText('+ø');
  });

  test('a layout that prints symbols on the digit row still yields the digits', async ({
    page,
  }) => {
    await page.getByTestId('text').click();
    // AZERTY's unshifted digit row: & é " ' ( - è _ ç à for 1 2 3 4 5 6 7 8 9 0.
    const azerty = '&é"\'(-è_çà';
    const keys: LayoutKey[] = [...'2990000012340'].map((d) => ({
      code: `Digit${d}`,
      key: azerty[(Number(d) + 9) % 10]!,
    }));
    await pressKeys(page, [...keys, { code: 'Enter', key: 'Enter' }], SCANNER_GAP_MS);
    await expect(scans(page)).toHaveText([MEMBER_NUMBER]);
    await expect(page.getByTestId('text')).toHaveValue('');
  });

  test('switched off, a scan is plain typing; switched on again, it is a scan', async ({
    page,
  }) => {
    await page.getByTestId('hid-enabled').uncheck();
    const input = page.getByTestId('text');
    await input.click();
    await scan(page, MEMBER_NUMBER);
    await expect(input).toHaveValue(MEMBER_NUMBER);
    await expect(submitted(page)).toHaveText([MEMBER_NUMBER]);

    await page.getByTestId('hid-enabled').check();
    await input.fill('');
    await input.click();
    await scan(page, MEMBER_NUMBER);
    await expect(scans(page)).toHaveText([MEMBER_NUMBER]);
    await expect(input).toHaveValue('');
  });
});
