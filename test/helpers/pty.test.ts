import { afterEach, describe, expect, it } from 'vitest';
import { constants, promises as fs } from 'node:fs';
import { ptyPaths, startPtyPair } from './pty';
import type { PtyPair } from './pty';

const started: PtyPair[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((p) => p.stop()));
});

async function start(options?: Parameters<typeof startPtyPair>[0]): Promise<PtyPair> {
  const pair = await startPtyPair(options);
  started.push(pair);
  return pair;
}

/** Read from the app end until `expected` bytes have arrived. */
async function readAppEnd(path: string, expected: number): Promise<string> {
  const handle = await fs.open(path, constants.O_RDONLY | constants.O_NOCTTY);
  return new Promise((resolve, reject) => {
    const stream = handle.createReadStream();
    let got = '';
    stream.on('data', (chunk) => {
      got += chunk.toString();
      if (got.length >= expected) {
        stream.destroy();
        resolve(got);
      }
    });
    stream.on('error', reject);
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('startPtyPair', () => {
  it('links both ends to pseudo-terminals and carries bytes from the device to the app', async () => {
    const pair = await start();
    expect(await fs.readlink(pair.appPath)).toMatch(/^\/dev\/pts\/\d+$/);
    expect(await fs.readlink(pair.devicePath)).toMatch(/^\/dev\/pts\/\d+$/);
    const reading = readAppEnd(pair.appPath, 'BRØD\r7040\n'.length);
    await new Promise((r) => setTimeout(r, 50));
    await pair.write('BRØD\r');
    await pair.write('7040\n');
    // raw mode: CR stays CR, no echo, no translation
    expect(await reading).toBe('BRØD\r7040\n');
  });

  it('stops cleanly: socat is gone and so are its links', async () => {
    const pair = await start();
    await pair.stop();
    expect(isAlive(pair.pid)).toBe(false);
    await expect(fs.lstat(pair.appPath)).rejects.toThrow(/ENOENT/);
    await expect(fs.lstat(pair.devicePath)).rejects.toThrow(/ENOENT/);
    await expect(pair.write('x')).rejects.toThrow(/stopped/);
  });

  it('starts again on the same link paths', async () => {
    const paths = await ptyPaths();
    const first = await start(paths);
    await first.stop();
    const second = await start(paths);
    expect(second.appPath).toBe(first.appPath);
    const reading = readAppEnd(second.appPath, 3);
    await new Promise((r) => setTimeout(r, 50));
    await second.write('ok\r');
    expect(await reading).toBe('ok\r');
  });
});
