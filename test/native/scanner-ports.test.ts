import type { Shown } from '../../src/core/i18n';
import { render } from '../../src/i18n/render';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listSerialPorts } from '../../native/scanner/ports';
import { startPtyPair } from '../helpers/pty';

/** What the screen shows, in one language (null when there is nothing to say). */
const say = (said: Shown | null | undefined, locale: 'nb' | 'en') =>
  said ? render(said, locale) : '';

const originalPath = process.env.PATH;
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lojal-ports-'));
});
afterEach(async () => {
  process.env.PATH = originalPath;
  await fs.rm(dir, { recursive: true, force: true });
});

/** A /dev and /sys/class/tty look-alike on the real file system. */
async function fakeDev(): Promise<{ devDir: string; sysTtyDir: string }> {
  const devDir = join(dir, 'dev');
  const sysTtyDir = join(dir, 'sys');
  await fs.mkdir(join(devDir, 'serial', 'by-id'), { recursive: true });
  for (const name of ['ttyUSB0', 'ttyACM10', 'ttyACM2', 'ttyS0', 'ttyS1', 'tty0', 'null']) {
    await fs.writeFile(join(devDir, name), '');
  }
  await fs.symlink('../../ttyACM2', join(devDir, 'serial', 'by-id', 'usb-Honeywell_1900-if00'));
  await fs.mkdir(join(sysTtyDir, 'ttyS1', 'device'), { recursive: true }); // only ttyS1 is real
  return { devDir, sysTtyDir };
}

describe('listSerialPorts', () => {
  it('does not crash without udevadm: lists what /dev has and says why', async () => {
    const emptyBin = join(dir, 'bin');
    await fs.mkdir(emptyBin);
    process.env.PATH = emptyBin; // no udevadm anywhere on PATH
    const result = await listSerialPorts(await fakeDev());
    expect(say(result.note, 'nb')).toBe(
      'Datamaskinen ga ingen liste over porter, så kassen viser portene den fant selv.',
    );
    expect(say(result.note, 'en')).not.toMatch(/udevadm|ENOENT/);
    expect(result.ports.map((p) => p.path.slice(dir.length))).toEqual([
      '/dev/ttyACM2',
      '/dev/ttyACM10',
      '/dev/ttyS1',
      '/dev/ttyUSB0',
      '/dev/serial/by-id/usb-Honeywell_1900-if00',
    ]);
    expect(result.ports.every((p) => p.source === 'dev')).toBe(true);
  });

  it('uses the system listing when udevadm answers', async () => {
    const bin = join(dir, 'bin');
    await fs.mkdir(bin);
    const udevadm = join(bin, 'udevadm');
    await fs.writeFile(
      udevadm,
      [
        '#!/bin/sh',
        'cat <<EOF',
        'P: /devices/pci0000:00/usb1/1-1/ttyACM0',
        'N: ttyACM0',
        'E: DEVNAME=/dev/ttyACM0',
        'E: ID_VENDOR_ENC=Honeywell',
        'E: ID_SERIAL_SHORT=17345B1234',
        'E: ID_VENDOR_ID=0c2e',
        'E: ID_MODEL_ID=0b61',
        '',
        'P: /devices/virtual/tty/tty0',
        'N: tty0',
        '',
        'EOF',
      ].join('\n'),
    );
    await fs.chmod(udevadm, 0o755);
    process.env.PATH = `${bin}:${originalPath}`;
    const result = await listSerialPorts();
    expect(result.note).toBeNull();
    expect(result.ports).toEqual([
      {
        path: '/dev/ttyACM0',
        manufacturer: 'Honeywell',
        serialNumber: '17345B1234',
        vendorId: '0c2e',
        productId: '0b61',
        source: 'system',
      },
    ]);
  });

  it('adds configured paths that exist (ptys are never listed by the OS)', async () => {
    const pair = await startPtyPair();
    try {
      const emptyBin = join(dir, 'bin');
      await fs.mkdir(emptyBin);
      process.env.PATH = emptyBin;
      const result = await listSerialPorts({
        ...(await fakeDev()),
        include: [pair.appPath, join(dir, 'not-there')],
      });
      const configured = result.ports.filter((p) => p.source === 'configured');
      expect(configured.map((p) => p.path)).toEqual([pair.appPath]);
    } finally {
      await pair.stop();
    }
  });
});
