/**
 * Build the UI when it is stale, then start the real browser-mode entry
 * (src/host/main.ts) on a fresh temporary data folder and a free port. Tests
 * read the address and folder from the environment; the returned function
 * stops the host and removes the folder.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const START_TIMEOUT_MS = 60_000;

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (max, name) => Math.max(max, newest(join(path, name))),
    stat.mtimeMs,
  );
}

function ensureUiBuilt(): void {
  const index = join(ROOT, 'dist', 'index.html');
  const source = Math.max(newest(join(ROOT, 'src', 'ui')), newest(join(ROOT, 'vite.config.ts')));
  if (existsSync(index) && statSync(index).mtimeMs >= source) return;
  const build = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) throw new Error('the UI build failed');
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  ensureUiBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'lojal-e2e-'));
  const host = spawn(
    process.execPath,
    [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'src', 'host', 'main.ts')],
    {
      cwd: ROOT,
      env: { ...process.env, LOJAL_DATA_DIR: dataDir, LOJAL_PORT: '0', LOJAL_DEMO: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );

  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
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
    host.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the host exited (${code}) before it started:\n${output}`));
    });
  });
  host.stderr.on('data', (chunk: Buffer) => process.stderr.write(`[host] ${chunk.toString()}`));

  process.env.LOJAL_E2E_URL = url;
  process.env.LOJAL_E2E_DATA_DIR = dataDir;

  return async () => {
    const exited = new Promise<void>((resolve) => host.once('exit', () => resolve()));
    host.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    rmSync(dataDir, { recursive: true, force: true });
  };
}
