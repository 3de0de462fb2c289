/**
 * Build the UI when it is stale, then start the real browser-mode entry
 * (src/host/main.ts, see ./host.ts) on a fresh temporary data folder and a free
 * port. Tests read the address and folder from the environment; the returned
 * function stops the host and removes the folder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTillHost } from './host';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

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
  // Everything the UI bundle holds: its own files, the contract, the catalogue and its renderer.
  const source = Math.max(
    ...['ui', 'contract', 'core', 'i18n'].map((folder) => newest(join(ROOT, 'src', folder))),
    newest(join(ROOT, 'vite.config.ts')),
  );
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
  // The demo as `npm start` makes it: 300 members (phones 4800 0001 …, never a test's
  // uniquePhone()) and 90 days of sales, so the specs run against a store with history.
  const host = await startTillHost({ LOJAL_DEMO: '1' }, { echoStderr: true });
  process.env.LOJAL_E2E_URL = host.url;
  process.env.LOJAL_E2E_DATA_DIR = host.dataDir;
  return () => host.stop();
}
