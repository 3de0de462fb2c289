/**
 * The built pages the end-to-end tests load: the till's UI (dist/, served by the
 * till's host) and the back office (dist-backoffice/, served by the cloud at
 * /bo/). Each is built when it is older than anything it bundles, once by the
 * global setup; a spec started alone checks again (a walk over mtimes).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BACKOFFICE_BUILT = join(ROOT, 'dist-backoffice');

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (max, name) => Math.max(max, newest(join(path, name))),
    stat.mtimeMs,
  );
}

function buildWhenStale(index: string, srcFolders: string[], mode: string[], what: string): void {
  const source = Math.max(
    ...srcFolders.map((folder) => newest(join(ROOT, 'src', folder))),
    newest(join(ROOT, 'vite.config.ts')),
  );
  if (existsSync(index) && statSync(index).mtimeMs >= source) return;
  const build = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', ...mode, '--logLevel', 'warn'],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (build.status !== 0) throw new Error(`the ${what} build failed`);
}

/** The till's UI: its own files, the contract, the catalogue and its renderer. */
export function ensureUiBuilt(): void {
  buildWhenStale(join(ROOT, 'dist', 'index.html'), ['ui', 'contract', 'core', 'i18n'], [], 'UI');
}

/** The back office: its own files and the till's components and i18n it borrows. */
export function ensureBackofficeBuilt(): void {
  buildWhenStale(
    join(BACKOFFICE_BUILT, 'index.html'),
    ['backoffice', 'contract', 'core', 'i18n', 'ui/components', 'ui/i18n'],
    ['--mode', 'backoffice'],
    'back office',
  );
}
