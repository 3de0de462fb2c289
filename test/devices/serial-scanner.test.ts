/**
 * The serial scanner inside the till service, on a real socat pseudo-terminal
 * pair: the test writes into one end as the scanner would, the service's
 * serialport reads the other.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { render } from '../helpers/said';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { ptyPaths, startPtyPair } from '../helpers/pty';
import type { PtyPair } from '../helpers/pty';
import type { Notification } from '../../src/service/types';
import { closeDeviceTills, FAST, nextNotice, openDeviceTill, pause, until } from './support';
import type { DeviceTill } from './support';
import { percentile } from '../../bench/lib';

const pairs: PtyPair[] = [];
afterEach(async () => {
  await closeDeviceTills();
  await Promise.all(pairs.splice(0).map((p) => p.stop()));
});

async function pty(paths?: { appPath: string; devicePath: string }): Promise<PtyPair> {
  const pair = await startPtyPair(paths);
  pairs.push(pair);
  return pair;
}

async function enrol(till: DeviceTill, phone: string, firstName: string) {
  const { member } = await till.call('member.enrol', {
    phone,
    acceptTerms: true,
    profile: { firstName },
  });
  return member;
}

type ScanNotice = Extract<Notification, { type: 'scan' }>;
type DeviceNotice = Extract<Notification, { type: 'device' }>;
const isScan = (n: Notification): n is ScanNotice => n.type === 'scan';
const scans = (till: DeviceTill) => till.notices.filter((n): n is ScanNotice => n.type === 'scan');
const scannerStates = (till: DeviceTill) =>
  till.notices
    .filter((n): n is DeviceNotice => n.type === 'device' && n.device === 'scanner')
    .map((n) => n.state);

describe('the serial scanner in the till service', () => {
  it('turns a member card read on the serial port into a scan notification with the member', async () => {
    const pair = await pty();
    const till = await openDeviceTill({
      ...FAST,
      scanner: { path: pair.appPath, baudRate: 9600, suffix: 'CR' },
    });
    await until(() => scannerStates(till).includes('connected'), 'the scanner to connect');
    const member = await enrol(till, '98765432', 'Åse');

    const latencies: number[] = [];
    for (let i = 0; i < 20; i++) {
      const heard = nextNotice(till.service, isScan, 'the scan notification');
      const t0 = performance.now();
      await pair.write(`${member.memberNumber}\r`);
      latencies.push((await heard).at - t0);
    }
    const scan = scans(till).at(-1)!;
    expect(scan).toMatchObject({
      type: 'scan',
      source: 'serial',
      code: member.memberNumber,
      result: {
        kind: 'member',
        via: 'member_number',
        member: { memberId: member.memberId, firstName: 'Åse' },
      },
    });
    expect(scans(till)).toHaveLength(20);
    console.log(
      `serial scan → scan notification: median ${percentile(latencies, 50).toFixed(2)} ms, ` +
        `p95 ${percentile(latencies, 95).toFixed(2)} ms, max ${Math.max(...latencies).toFixed(2)} ms (20 scans)`,
    );
    expect(percentile(latencies, 95)).toBeLessThan(100);

    const status = await till.call('devices.get', {});
    expect(status.scanner).toMatchObject({
      source: 'env',
      config: { port: pair.appPath, baudRate: 9600, suffix: 'CR' },
      state: 'connected',
    });
    expect((await till.call('status.get', {})).devices.scanner.state).toBe('connected');
  });

  it('reports the unplug, reconnects on the same link path, and reads the next code', async () => {
    const paths = await ptyPaths();
    const first = await startPtyPair(paths);
    const till = await openDeviceTill({
      ...FAST,
      scanner: { path: paths.appPath, baudRate: 9600, suffix: 'CR' },
    });
    await until(() => scannerStates(till).includes('connected'), 'the scanner to connect');
    const member = await enrol(till, '98765433', 'Øystein');

    await first.stop(); // unplugged: socat killed, both pty ends gone
    await until(() => scannerStates(till).includes('disconnected'), 'the disconnected notice');
    const lost = till.notices.find(
      (n): n is DeviceNotice => n.type === 'device' && n.state === 'disconnected',
    )!;
    expect(lost.device).toBe('scanner');
    expect(render(lost.detail, 'en')).toMatch(/unplugged|closed|No scanner found/);
    const away = await till.call('devices.get', {});
    expect(away.scanner.state).toBe('disconnected');
    expect(render(away.scanner.lastError!.detail, 'en')).toMatch(
      /unplugged|closed|No scanner found/,
    );
    // A sale goes on while the scanner is away.
    await pause(300);
    expect(scannerStates(till).at(-1)).not.toBe('connected');

    const second = await pty(paths); // plugged back in: same link, a new /dev/pts/N
    await until(() => scannerStates(till).at(-1) === 'connected', 'the scanner to reconnect');
    await second.write(`${member.memberNumber}\r`);
    await until(() => scans(till).length === 1, 'the code read after reconnecting');
    expect(scans(till)[0]!.result).toMatchObject({
      kind: 'member',
      member: { firstName: 'Øystein' },
    });
    const kinds = scannerStates(till).filter((k, i, all) => k !== all[i - 1]);
    expect(kinds).toEqual(['connected', 'disconnected', 'connected']);
  });

  it('rejects a damaged read visibly instead of guessing', async () => {
    const pair = await pty();
    const till = await openDeviceTill({
      ...FAST,
      scanner: { path: pair.appPath, baudRate: 9600, suffix: 'CR' },
    });
    await until(() => scannerStates(till).includes('connected'), 'the scanner to connect');
    const member = await enrol(till, '98765434', 'Kari');
    const damaged = member.memberNumber.slice(0, 12) + ((Number(member.memberNumber[12]) + 1) % 10);
    await pair.write(`${damaged}\r`);
    await until(() => scans(till).length === 1, 'the rejected scan');
    expect(scans(till)[0]!.result).toMatchObject({ kind: 'rejected' });
    expect(scans(till)[0]!.code).toBe(damaged);
  });

  it('takes the scanner from the devices screen (saved settings), and env wins over them', async () => {
    const pair = await pty();
    const till = await openDeviceTill({ ...FAST });
    expect((await till.call('devices.get', {})).scanner).toMatchObject({
      source: null,
      state: 'off',
    });

    const saved = await till.call(
      'devices.save',
      { scanner: { port: pair.appPath, baudRate: 19200, suffix: 'CRLF' } },
      till.manager,
    );
    expect(saved.scanner).toMatchObject({
      source: 'settings',
      config: { port: pair.appPath, baudRate: 19200, suffix: 'CRLF' },
    });
    await until(() => scannerStates(till).includes('connected'), 'the saved scanner to connect');
    const member = await enrol(till, '98765435', 'Ærlig');
    await pair.write(`${member.memberNumber}\r\n`);
    await until(() => scans(till).length === 1, 'a scan from the saved scanner');
    expect(scans(till)[0]!.result).toMatchObject({ member: { firstName: 'Ærlig' } });

    // Kept across a restart.
    await till.reopen();
    await until(() => scannerStates(till).includes('connected'), 'the scanner after a restart');
    expect((await till.call('devices.get', {})).scanner.source).toBe('settings');

    // Removed: the port is let go of, and another program may open it.
    const off = await till.call('devices.save', { scanner: null }, till.manager);
    expect(off.scanner).toMatchObject({ source: null, state: 'off', config: null });
    expect(till.notices.at(-1)).toMatchObject({
      type: 'device',
      device: 'scanner',
      state: 'disconnected',
    });

    // The environment wins: the saved settings are left alone and devices.save says why.
    await till.reopen({
      ...FAST,
      scanner: { path: pair.appPath, baudRate: 9600, suffix: 'CR' },
    });
    const refused = await till
      .call('devices.save', { scanner: { port: '/dev/ttyUSB9' } }, till.manager)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(refused).toMatchObject({
      code: 'set_by_environment',
      field: 'scanner',
      status: 409,
    });
    expect((refused as Error).message).toContain('LOJAL_SCANNER_PORT');
    expect((await till.call('devices.get', {})).scanner.source).toBe('env');
  });

  it('refuses bad scanner settings with the field, and reports a port that is not there', async () => {
    const till = await openDeviceTill({ ...FAST });
    const bad = async (scanner: Record<string, unknown>) =>
      till.call('devices.save', { scanner } as never, till.manager).then(
        () => null,
        (e: unknown) => e as { code: string; field: string; message: string },
      );
    expect(await bad({ port: '/dev/ttyACM0', baudRate: 9601 })).toMatchObject({
      code: 'invalid_input',
      field: 'scanner.baudRate',
    });
    expect(await bad({ port: 'ttyACM0' })).toMatchObject({ field: 'scanner.port' });
    expect(await bad({ port: '/dev/ttyACM0', suffix: 'TAB' })).toMatchObject({
      field: 'scanner.suffix',
    });
    expect((await till.call('devices.get', {})).scanner.state).toBe('off');

    const missing = join(till.dir.dir, 'no-such-port');
    await till.call('devices.save', { scanner: { port: missing } }, till.manager);
    await until(
      () =>
        till.notices.some(
          (n) => n.type === 'device' && n.device === 'scanner' && n.state === 'disconnected',
        ),
      'the missing-port report',
    );
    const status = await till.call('devices.get', {});
    expect(status.scanner.state).toBe('disconnected');
    expect(render(status.scanner.detail!, 'en')).toContain('No scanner found');
    // The till still works.
    expect((await till.call('member.lookup', { query: '98765432' })).member).toBeNull();
  });

  it('lists serial ports with the configured pty, and does not crash without udevadm', async () => {
    const pair = await pty();
    const till = await openDeviceTill({
      ...FAST,
      scanner: { path: pair.appPath, baudRate: 9600, suffix: 'CR' },
    });
    const originalPath = process.env.PATH;
    const emptyBin = join(till.dir.dir, 'bin');
    await fs.mkdir(emptyBin);
    process.env.PATH = emptyBin; // no udevadm anywhere
    try {
      const list = await till.call('devices.listPorts', {}, till.manager);
      expect(render(list.note!, 'nb')).toMatch(/portene den fant selv/);
      expect(list.ports).toContainEqual(
        expect.objectContaining({ path: pair.appPath, source: 'configured' }),
      );
    } finally {
      process.env.PATH = originalPath;
    }
    const cashier = await till.call('devices.listPorts', {}).then(
      () => null,
      (e: unknown) => e,
    );
    expect(cashier).toMatchObject({ code: 'forbidden', status: 403 });
  });
});
