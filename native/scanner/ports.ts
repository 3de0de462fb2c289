/**
 * Which serial ports this machine has, for the devices screen. serialport's own
 * list spawns `udevadm` on Linux and rejects where it is missing (containers,
 * minimal images); then we read /dev ourselves and say so. Pseudo-terminals
 * (/dev/pts/N) are never listed by anyone: pass such paths in `include`.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { msg } from '../../src/core/i18n';
import type { Msg } from '../../src/core/i18n';
import type {
  PortEntry as SerialPortEntry,
  PortList as SerialPortList,
} from '../../src/contract/devices';

/** As devices.listPorts answers them (the contract's PortList). */
export type { SerialPortEntry, SerialPortList };

export interface ListSerialPortsOptions {
  /** Paths to report when they exist (the configured scanner port, pty links). */
  include?: string[];
  /** For tests: where to look instead of /dev and /sys/class/tty. */
  devDir?: string;
  sysTtyDir?: string;
}

const DEVICE_NAME = /^(ttyUSB\d+|ttyACM\d+|ttyAMA\d+|ttyXRUSB\d+|rfcomm\d+|ttyS\d+)$/;

export async function listSerialPorts(
  options: ListSerialPortsOptions = {},
): Promise<SerialPortList> {
  let ports: SerialPortEntry[];
  let note: Msg | null = null;
  try {
    const listed = await SerialPort.list();
    ports = listed.map((p) => ({
      path: p.path,
      manufacturer: p.manufacturer ?? null,
      serialNumber: p.serialNumber ?? null,
      vendorId: p.vendorId ?? null,
      productId: p.productId ?? null,
      source: 'system' as const,
    }));
  } catch (err) {
    ports = await scanDevDir(options.devDir ?? '/dev', options.sysTtyDir ?? '/sys/class/tty');
    // Why, for whoever reads the log; the cashier is told what it means, in their words.
    console.warn(`lojal: the system's serial port list failed (${shortReason(err)}); read /dev`);
    note = msg('devices.scanner.portListUnavailable');
  }
  for (const path of options.include ?? []) {
    if (ports.some((p) => p.path === path)) continue;
    if (await exists(path)) {
      ports.push({
        path,
        manufacturer: null,
        serialNumber: null,
        vendorId: null,
        productId: null,
        source: 'configured',
      });
    }
  }
  return { ports, note };
}

async function scanDevDir(devDir: string, sysTtyDir: string): Promise<SerialPortEntry[]> {
  const entry = (path: string): SerialPortEntry => ({
    path,
    manufacturer: null,
    serialNumber: null,
    vendorId: null,
    productId: null,
    source: 'dev',
  });
  const names = await fs.readdir(devDir).catch(() => [] as string[]);
  const found: SerialPortEntry[] = [];
  for (const name of names.filter((n) => DEVICE_NAME.test(n)).sort(naturalOrder)) {
    // Every PC has ttyS0-31 nodes; only those backed by a device are worth showing.
    if (name.startsWith('ttyS') && !(await exists(join(sysTtyDir, name, 'device')))) continue;
    found.push(entry(join(devDir, name)));
  }
  // Stable names for USB adapters (survive replugging into another socket).
  const byId = join(devDir, 'serial', 'by-id');
  for (const name of (await fs.readdir(byId).catch(() => [] as string[])).sort()) {
    found.push({ ...entry(join(byId, name)), serialNumber: name });
  }
  return found;
}

function naturalOrder(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

async function exists(path: string): Promise<boolean> {
  return fs.stat(path).then(
    () => true,
    () => false,
  );
}

function shortReason(err: unknown): string {
  const e = err as { code?: string; message?: string };
  if (e.code === 'ENOENT') return 'udevadm not found';
  return e.message ?? String(err);
}
