import type { Shown } from '../../src/core/i18n';
import { render } from '../../src/i18n/render';
import { afterEach, describe, expect, it } from 'vitest';
import { SerialScanner } from '../../native/scanner/serial-scanner';
import type { ScannerState, SerialScannerOptions } from '../../native/scanner/serial-scanner';
import { ptyPaths, startPtyPair } from '../helpers/pty';
import type { PtyPair } from '../helpers/pty';
import { memberNumberFor } from '../../src/core/ean13';
import { classifyScan } from '../../src/core/scan';

/** What the screen shows, in one language (null when there is nothing to say). */
const say = (said: Shown | null | undefined, locale: 'nb' | 'en') =>
  said ? render(said, locale) : '';

const member = memberNumberFor('29', 42);
const product = '7038010001234'.slice(0, 12) + '7';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function pty(paths?: { appPath: string; devicePath: string }): Promise<PtyPair> {
  const pair = await startPtyPair(paths);
  cleanup.push(() => pair.stop());
  return pair;
}

/** A scanner on the pair, started, with everything it emits recorded. */
async function scannerOn(
  path: string,
  options: Partial<SerialScannerOptions> = {},
): Promise<{ scanner: SerialScanner; codes: string[]; states: ScannerState[] }> {
  const scanner = new SerialScanner({
    path,
    baudRate: 9600,
    suffix: 'CR',
    retryMinMs: 50,
    retryMaxMs: 200,
    ...options,
  });
  const codes: string[] = [];
  const states: ScannerState[] = [];
  scanner.on('code', (c) => codes.push(c));
  scanner.on('state', (s) => states.push(s));
  cleanup.push(() => scanner.close());
  scanner.start();
  await until(() => scanner.state.state === 'connected', 'the scanner to connect');
  return { scanner, codes, states };
}

async function until(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('SerialScanner over a socat pty pair', () => {
  it.each([
    ['CR', '\r'],
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ] as const)(
    'reads codes terminated by %s, with nothing left over in front of the next',
    async (suffix, end) => {
      const pair = await pty();
      const { codes } = await scannerOn(pair.appPath, { suffix });
      await pair.write(`${member}${end}`);
      await pair.write(`${product}${end}`);
      await pair.write(`LJM-aB3_x-Z9qQ${end}`);
      await until(() => codes.length === 3, 'three codes');
      expect(codes).toEqual([member, product, 'LJM-aB3_x-Z9qQ']);
    },
  );

  it('reads several codes arriving in one chunk', async () => {
    const pair = await pty();
    const { codes } = await scannerOn(pair.appPath, { suffix: 'CRLF' });
    await pair.write(`${member}\r\n${product}\r\n`);
    await until(() => codes.length === 2, 'two codes');
    expect(codes).toEqual([member, product]);
  });

  it('joins a code split across writes, including a CRLF split between CR and LF', async () => {
    const pair = await pty();
    const { codes } = await scannerOn(pair.appPath, { suffix: 'CRLF' });
    await pair.write(member.slice(0, 5));
    await pause(30);
    await pair.write(member.slice(5));
    await pause(30);
    await pair.write('\r');
    await pause(30);
    await pair.write(`\n${product}\r\n`);
    await until(() => codes.length === 2, 'two codes');
    expect(codes).toEqual([member, product]);
  });

  it('frames codes by silence when the scanner sends no suffix', async () => {
    const pair = await pty();
    // Wide margins (10 ms gap vs 300 ms timeout vs 1 s silence) so a loaded CI machine
    // cannot turn the in-code gap into a code boundary.
    const { codes } = await scannerOn(pair.appPath, { suffix: 'none', interByteTimeoutMs: 300 });
    await pair.write(member.slice(0, 6));
    await pause(10); // shorter than the inter-byte timeout: still the same code
    await pair.write(member.slice(6));
    await pause(1000);
    await pair.write(product);
    await until(() => codes.length === 2, 'two codes');
    expect(codes).toEqual([member, product]);
  });

  it('passes noise through as it is, so the classifier can reject it', async () => {
    const pair = await pty();
    const { codes } = await scannerOn(pair.appPath, { suffix: 'CR', partialTimeoutMs: 100 });
    await pair.write(Buffer.from([0x00, 0x13, 0xff, 0x0d]));
    await pair.write(`${member}\r`);
    await pair.write('29000'); // cut off, no suffix ever comes
    await until(() => codes.length === 3, 'three reads');
    const ctx = { memberNumberPrefix: '29', campaignCodes: [] };
    expect(codes.map((c) => classifyScan(c, ctx).kind)).toEqual([
      'rejected',
      'member_number',
      'rejected',
    ]);
    expect(classifyScan(codes[0]!, ctx)).toMatchObject({ code: 'noise' });
    expect(classifyScan(codes[2]!, ctx)).toMatchObject({ code: 'incomplete' });
  });

  it('reports an unplug, reconnects when the device is back on the same path, and reads on', async () => {
    const paths = await ptyPaths();
    const first = await startPtyPair(paths);
    const { scanner, codes, states } = await scannerOn(paths.appPath);
    await first.write(`${member}\r`);
    await until(() => codes.length === 1, 'the first code');

    await first.stop(); // unplug
    await until(() => scanner.state.state === 'disconnected', 'the scanner to notice the unplug');
    expect(say(scanner.state.reason, 'nb')).toMatch(/koblet fra|lukket/);
    // While the device is away the scanner keeps retrying without giving up.
    await pause(400);
    expect(scanner.state.state).not.toBe('connected');

    const second = await pty(paths); // plugged back in: same link path, new /dev/pts/N
    await until(() => scanner.state.state === 'connected', 'the scanner to reconnect');
    await second.write(`${product}\r`);
    await until(() => codes.length === 2, 'the code after reconnecting');
    expect(codes).toEqual([member, product]);
    // The reason may be refined while away ("unplugged", then "not found"): one outage, one return.
    const kinds = states.map((s) => s.state).filter((k, i, all) => k !== all[i - 1]);
    expect(kinds).toEqual(['connected', 'disconnected', 'connected']);
    expect(states.some((s) => say(s.reason, 'en') === 'The scanner was unplugged')).toBe(true);
  });

  it('reports a missing port and connects once it appears', async () => {
    const paths = await ptyPaths();
    const scanner = new SerialScanner({
      path: paths.appPath,
      baudRate: 9600,
      suffix: 'CR',
      retryMinMs: 50,
      retryMaxMs: 100,
    });
    cleanup.push(() => scanner.close());
    const codes: string[] = [];
    scanner.on('code', (c) => codes.push(c));
    scanner.start();
    await until(
      () => say(scanner.state.reason, 'en').includes('No scanner found'),
      'a missing-port report',
    );
    expect(scanner.state.state).toBe('disconnected');
    const pair = await pty(paths);
    await until(() => scanner.state.state === 'connected', 'the scanner to connect');
    await pair.write(`${member}\r`);
    await until(() => codes.length === 1, 'a code');
    expect(codes).toEqual([member]);
  });

  it('closes cleanly: no more codes, no more retries, the port is free again', async () => {
    const pair = await pty();
    const { scanner, codes, states } = await scannerOn(pair.appPath);
    await scanner.close();
    const statesAtClose = states.length;
    await pair.write(`${member}\r`);
    await pause(200);
    expect(codes).toEqual([]);
    expect(states.length).toBe(statesAtClose);
    // Another scanner can open the same port (the exclusive lock was released).
    const again = await scannerOn(pair.appPath);
    await pair.write(`${member}\r`);
    await until(() => again.codes.length === 1, 'a code on the reopened port');
  });
});
