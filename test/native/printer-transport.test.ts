import type { Shown } from '../../src/core/i18n';
import { render } from '../../src/i18n/render';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrinterError, parsePrinterTarget, sendToPrinter } from '../../native/printer/transport';
import { freePort, startTcpPrinter } from '../../native/printer/testing/tcp-printer';
import type { TcpPrinter } from '../../native/printer/testing/tcp-printer';

/** What the screen shows, in one language (null when there is nothing to say). */
const say = (said: Shown | null | undefined, locale: 'nb' | 'en') =>
  said ? render(said, locale) : '';

const bytes = Buffer.from([0x1b, 0x40, 0x42, 0x72, 0x9b, 0x64, 0x0a]);
const originalPath = process.env.PATH;
let dir: string;
const listeners: TcpPrinter[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lojal-printer-'));
});
afterEach(async () => {
  process.env.PATH = originalPath;
  await Promise.all(listeners.splice(0).map((l) => l.close()));
  await fs.rm(dir, { recursive: true, force: true });
});

async function listener(): Promise<TcpPrinter> {
  const l = await startTcpPrinter();
  listeners.push(l);
  return l;
}

async function printerError(promise: Promise<unknown>): Promise<PrinterError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof PrinterError))
    throw new Error(`expected a PrinterError, got ${String(err)}`);
  return err;
}

describe('parsePrinterTarget', () => {
  it('reads tcp, device and OS printer addresses', () => {
    expect(parsePrinterTarget('tcp://127.0.0.1:9100')).toEqual({
      kind: 'tcp',
      host: '127.0.0.1',
      port: 9100,
    });
    expect(parsePrinterTarget('tcp://printer.local')).toEqual({
      kind: 'tcp',
      host: 'printer.local',
      port: 9100,
    });
    expect(parsePrinterTarget('tcp://[::1]:9101')).toEqual({
      kind: 'tcp',
      host: '::1',
      port: 9101,
    });
    expect(parsePrinterTarget('/dev/usb/lp0')).toEqual({ kind: 'device', path: '/dev/usb/lp0' });
    expect(parsePrinterTarget('lp:TM-T20')).toEqual({ kind: 'os', name: 'TM-T20' });
    expect(parsePrinterTarget('lp://Kasse_1')).toEqual({ kind: 'os', name: 'Kasse_1' });
  });

  it('explains what it wants when the address is wrong', () => {
    expect(() => parsePrinterTarget('192.168.1.50')).toThrow(/tcp:\/\/HOST:PORT, a device path/);
    expect(() => parsePrinterTarget('tcp://host:99999')).toThrow(/not a valid printer address/);
    expect(() => parsePrinterTarget('lp:bad name;rm')).toThrow(/not a valid printer name/);
  });
});

describe('sendToPrinter over TCP', () => {
  it('delivers the bytes exactly and resolves when they are handed over', async () => {
    const l = await listener();
    await sendToPrinter({ kind: 'tcp', host: '127.0.0.1', port: l.port }, bytes);
    expect(await l.waitForJobs(1)).toEqual([bytes]);
  });

  it('fails fast and clearly when nothing listens (printer off)', async () => {
    const port = await freePort();
    const started = Date.now();
    const err = await printerError(sendToPrinter({ kind: 'tcp', host: '127.0.0.1', port }, bytes));
    expect(err.code).toBe('unreachable');
    expect(say(err.detail, 'nb')).toContain(`127.0.0.1:${port}`);
    expect(say(err.detail, 'en')).toMatch(/ECONNREFUSED/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('reports an unroutable host as unreachable (by the connect timeout or the network)', async () => {
    // 192.0.2.0/24 is TEST-NET-1: never routed, so the connection neither opens nor is refused.
    const err = await printerError(
      sendToPrinter({ kind: 'tcp', host: '192.0.2.1', port: 9100 }, bytes, {
        connectTimeoutMs: 300,
      }),
    );
    expect(err.code).toBe('unreachable');
  });

  it('asks for the paper sensor first and refuses to print on an empty roll', async () => {
    const l = await listener();
    l.paperOut = true;
    const err = await printerError(
      sendToPrinter({ kind: 'tcp', host: '127.0.0.1', port: l.port }, bytes, {
        paperCheckMs: 1_000,
      }),
    );
    expect(err.code).toBe('out_of_paper');
    expect(say(err.detail, 'nb')).toMatch(/tom for papir/);
    expect(render(err.detail, 'sv')).toMatch(/^Skrivaren på .* har slut på papper$/);
    l.paperOut = false;
    await sendToPrinter({ kind: 'tcp', host: '127.0.0.1', port: l.port }, bytes, {
      paperCheckMs: 1_000,
    });
    const jobs = await l.waitForJobs(2);
    expect(jobs[1]).toEqual(Buffer.concat([Buffer.from([0x10, 0x04, 0x04]), bytes]));
  });

  it('prints anyway when the printer does not answer the paper query', async () => {
    const l = await listener();
    l.answerStatus = false;
    await sendToPrinter({ kind: 'tcp', host: '127.0.0.1', port: l.port }, bytes, {
      paperCheckMs: 100,
    });
    expect((await l.waitForJobs(1))[0]!.subarray(3)).toEqual(bytes);
  });
});

describe('sendToPrinter to a device file', () => {
  it('writes the bytes to the device', async () => {
    const device = join(dir, 'lp0');
    await fs.writeFile(device, '');
    await sendToPrinter({ kind: 'device', path: device }, bytes);
    expect(await fs.readFile(device)).toEqual(bytes);
  });

  it('says the printer is missing instead of creating a file', async () => {
    const device = join(dir, 'usb', 'lp0');
    const err = await printerError(sendToPrinter({ kind: 'device', path: device }, bytes));
    expect(err.code).toBe('not_found');
    expect(say(err.detail, 'en')).toContain(device);
    await expect(fs.stat(device)).rejects.toThrow(/ENOENT/);
  });
});

describe('sendToPrinter to an OS printer through lp', () => {
  it('gives a clear error where lp is not installed', async () => {
    process.env.PATH = dir; // an empty directory: no lp
    const err = await printerError(sendToPrinter({ kind: 'os', name: 'TM-T20' }, bytes));
    expect(err.code).toBe('no_lp');
    expect(say(err.detail, 'nb')).toMatch(/CUPS.*ikke installert/);
  });

  it('hands the raw bytes to lp -d NAME -o raw', async () => {
    const lp = join(dir, 'lp');
    await fs.writeFile(lp, `#!/bin/sh\necho "$@" > "${dir}/args"\ncat > "${dir}/job"\n`);
    await fs.chmod(lp, 0o755);
    process.env.PATH = `${dir}:${originalPath}`;
    await sendToPrinter({ kind: 'os', name: 'TM-T20' }, bytes);
    expect((await fs.readFile(join(dir, 'args'), 'utf8')).trim()).toBe('-d TM-T20 -o raw');
    expect(await fs.readFile(join(dir, 'job'))).toEqual(bytes);
  });

  it('passes on why lp refused', async () => {
    const lp = join(dir, 'lp');
    await fs.writeFile(
      lp,
      `#!/bin/sh\necho 'lp: The printer or class does not exist.' >&2\nexit 1\n`,
    );
    await fs.chmod(lp, 0o755);
    process.env.PATH = `${dir}:${originalPath}`;
    const err = await printerError(sendToPrinter({ kind: 'os', name: 'Nope' }, bytes));
    expect(err.code).toBe('lp_failed');
    expect(say(err.detail, 'en')).toContain('The printer or class does not exist.');
  });
});
