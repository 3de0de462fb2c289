/**
 * A real serial line for tests: `socat` joins two pseudo-terminals. The app
 * opens one end by path (as it would /dev/ttyUSB0); the test plays the scanner
 * on the other. Both ends are symlinks (`link=`) at fixed paths, so a pair
 * started again on the same paths looks like the same device plugged back in.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { constants, promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PtyPair {
  /** The end the app opens (a symlink to /dev/pts/N). */
  readonly appPath: string;
  /** The end the test writes to, playing the device. */
  readonly devicePath: string;
  readonly pid: number;
  /** Write bytes as the device would send them (one write, one chunk on the line). */
  write(data: string | Buffer): Promise<void>;
  /** Kill socat (the device is unplugged) and wait until it has exited and its links are gone. */
  stop(): Promise<void>;
}

export interface PtyPairOptions {
  /** Fixed link paths; give the same ones again to "plug the device back in". */
  appPath?: string;
  devicePath?: string;
  /** How long to wait for socat to set up both ends. */
  timeoutMs?: number;
}

/** A fresh temp dir with link paths for a pair (`app` and `device`). */
export async function ptyPaths(): Promise<{ dir: string; appPath: string; devicePath: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'lojal-pty-'));
  return { dir, appPath: join(dir, 'app'), devicePath: join(dir, 'device') };
}

export async function startPtyPair(options: PtyPairOptions = {}): Promise<PtyPair> {
  const paths =
    options.appPath && options.devicePath
      ? { appPath: options.appPath, devicePath: options.devicePath }
      : await ptyPaths();
  const { appPath, devicePath } = paths;
  const timeoutMs = options.timeoutMs ?? 5_000;

  const child = spawn(
    'socat',
    ['-d', '-d', `pty,raw,echo=0,link=${appPath}`, `pty,raw,echo=0,link=${devicePath}`],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let log = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => (log += chunk));

  await waitForReady(child, () => log, timeoutMs, [appPath, devicePath]);

  let handle: FileHandle | null = null;
  let stopped = false;
  return {
    appPath,
    devicePath,
    pid: child.pid!,
    async write(data) {
      if (stopped) throw new Error('the pty pair is stopped');
      // O_NOCTTY: the test process must not adopt the pty as its controlling terminal.
      handle ??= await fs.open(devicePath, constants.O_WRONLY | constants.O_NOCTTY);
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      await handle.write(bytes);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await handle?.close().catch(() => undefined);
      handle = null;
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      // socat removes its links on exit; wait so a restart on the same paths cannot race it.
      for (const link of [appPath, devicePath]) {
        await fs.rm(link, { force: true });
      }
    },
  };
}

async function waitForReady(
  child: ChildProcess,
  log: () => string,
  timeoutMs: number,
  links: string[],
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`socat exited before the ptys were ready:\n${log()}`);
    }
    const linked = await Promise.all(
      links.map((l) =>
        fs.lstat(l).then(
          () => true,
          () => false,
        ),
      ),
    );
    if (linked.every(Boolean) && log().includes('starting data transfer loop')) return;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`socat did not set up the ptys within ${timeoutMs} ms:\n${log()}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}
