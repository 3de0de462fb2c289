/**
 * The real browser-mode entry (src/host/main.ts) in a child process, on a
 * fresh temporary data folder and a free port, with the environment a test
 * gives it (LOJAL_SCANNER_PORT, LOJAL_PRINTER, …), exactly as a till is started.
 * The global setup starts the shared one (the full demo: members and history);
 * device specs start their own, on the minimal demo (programme, catalogue and
 * staff: no seconds spent making history) unless they give LOJAL_DEMO.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const START_TIMEOUT_MS = 60_000;

export interface TillHost {
  url: string;
  dataDir: string;
  /** The local integration API token (Authorization: Bearer …). */
  apiToken(): string;
  /** What the host wrote to stderr so far (for a failing test's message). */
  log(): string;
  /** SIGTERM, wait for the exit, remove the data folder. */
  stop(): Promise<void>;
}

export async function startTillHost(
  env: Record<string, string> = {},
  options: { echoStderr?: boolean } = {},
): Promise<TillHost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lojal-e2e-'));
  const host = spawn(
    process.execPath,
    [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'src', 'host', 'main.ts')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        LOJAL_DATA_DIR: dataDir,
        LOJAL_PORT: '0',
        LOJAL_DEMO: 'minimal',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const exited = new Promise<void>((resolve) => host.once('exit', () => resolve()));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the host did not start in time:\n${output}`)),
      START_TIMEOUT_MS,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    host.stdout.on('data', read);
    host.stderr.on('data', read);
    host.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the host exited (${code}) before it started:\n${output}`));
    });
  }).catch(async (error: unknown) => {
    host.kill('SIGKILL');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  host.stdout.removeAllListeners('data');
  host.stdout.resume();
  host.stderr.removeAllListeners('data');
  host.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (options.echoStderr) process.stderr.write(`[host] ${chunk.toString()}`);
  });

  return {
    url,
    dataDir,
    apiToken: () => readFileSync(join(dataDir, 'api-token'), 'utf8').trim(),
    log: () => output,
    async stop() {
      if (host.exitCode === null && host.signalCode === null) host.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (host.exitCode === null && host.signalCode === null) {
        host.kill('SIGKILL');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
