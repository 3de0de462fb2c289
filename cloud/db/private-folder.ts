/**
 * The embedded database's folder readable by its owner only: the folder and
 * every folder of the database 700, every file 600. PGlite creates its files 666 and its
 * folders 755, and a folder made by an earlier version is the same, so this
 * runs when the database is opened (before and after PGlite starts) and when
 * it is closed. The cloud keeps to src/core, so this is its own small copy of
 * the till's src/store/file-modes.ts. Windows keeps its own ACLs: skipped there.
 */
import { chmodSync, lstatSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const GROUP_AND_OTHERS = 0o077;

/**
 * Makes `dir` private, and `owned` inside it (PGlite's `pgdata`, the lock file)
 * with everything below them; answers how many modes it changed. Other entries
 * of `dir` are left alone (closed to others by the folder's 700): a data
 * folder set by mistake to a project or home folder is not rewritten.
 */
export function securePrivateFolder(
  dir: string,
  owned: readonly string[],
  platform = process.platform,
): number {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (platform === 'win32') return 0;
  let changed = 0;
  const fix = (path: string, follow: boolean): boolean => {
    const stat = follow ? statSync(path) : lstatSync(path);
    if (stat.isSymbolicLink()) return false;
    const mode = stat.mode & 0o777;
    if ((mode & GROUP_AND_OTHERS) !== 0) {
      chmodSync(path, mode & ~GROUP_AND_OTHERS);
      changed += 1;
    }
    return stat.isDirectory();
  };
  const walk = (at: string): void => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      try {
        if (fix(path, false)) walk(path);
      } catch (error) {
        // A temporary file PostgreSQL removed while we looked: nothing left to protect.
        if ((error as { code?: unknown }).code !== 'ENOENT') throw error;
      }
    }
  };
  fix(dir, true);
  for (const name of owned) {
    const path = join(dir, name);
    try {
      if (fix(path, false)) walk(path);
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'ENOENT') throw error;
    }
  }
  return changed;
}
