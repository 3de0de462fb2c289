/**
 * Data folders readable by their owner only: the folder 700, everything in it
 * 600 (700 for folders inside). The till's folder holds phone numbers, PIN
 * hashes and the cloud terminal token; the cloud's embedded folder holds the
 * chain's members. Checked and repaired on every start, since a folder made by
 * an older version (755 and 644 under the usual umask), a copied backup or a
 * restored file may have lost its mode. Windows keeps its own ACLs: skipped there.
 */
import {
  chmodSync,
  closeSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  statSync,
} from 'node:fs';
import { join, relative } from 'node:path';

export const PRIVATE_FOLDER_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** One mode changed: the path relative to the folder ('.' for the folder itself). */
export interface ModeRepair {
  path: string;
  from: number;
  to: number;
}

const GROUP_AND_OTHERS = 0o077;

function posix(platform: NodeJS.Platform): boolean {
  return platform !== 'win32';
}

/**
 * Takes the group's and others' bits off one path when it has any. The owner's
 * bits stay as they are (a read-only file is not made writable).
 */
function makePrivate(root: string, path: string, repairs: ModeRepair[], follow = false): boolean {
  const stat = follow ? statSync(path) : lstatSync(path);
  // A link is followed by nobody here: its target is not ours to change.
  if (stat.isSymbolicLink()) return false;
  const mode = stat.mode & 0o7777;
  if ((mode & GROUP_AND_OTHERS) !== 0) {
    const to = mode & ~GROUP_AND_OTHERS & 0o777;
    chmodSync(path, to);
    repairs.push({ path: relative(root, path) || '.', from: mode & 0o777, to });
  }
  return stat.isDirectory();
}

function entries(root: string, dir: string, repairs: ModeRepair[], recursive: boolean): void {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    try {
      if (makePrivate(root, path, repairs) && recursive) entries(root, path, repairs, true);
    } catch (error) {
      // Removed while we looked (SQLite's -shm on another close): nothing left to protect.
      if ((error as { code?: unknown }).code !== 'ENOENT') throw error;
    }
  }
}

/**
 * Creates `dir` (700) when missing, and makes it and what is in it private.
 * Answers what it changed; `log` gets one line naming the paths and modes
 * (never their contents) when anything was repaired.
 *
 * Not recursive unless asked: a folder inside is made 700, which keeps others
 * out of all it holds, and a data folder set by mistake to a home folder does
 * not have every file below it changed.
 */
export function securePrivateFolder(
  dir: string,
  options: {
    log?: (line: string) => void;
    what?: string;
    platform?: NodeJS.Platform;
    recursive?: boolean;
  } = {},
): ModeRepair[] {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  if (!posix(options.platform ?? process.platform)) return [];
  const repairs: ModeRepair[] = [];
  // The folder itself may be a link to where the data really is: that folder is made private.
  makePrivate(dir, dir, repairs, true);
  entries(dir, dir, repairs, options.recursive ?? false);
  if (repairs.length > 0 && options.log) options.log(describeRepairs(dir, repairs, options.what));
  return repairs;
}

export function describeRepairs(dir: string, repairs: ModeRepair[], what = 'data folder'): string {
  const shown = repairs.slice(0, 12).map((r) => `${r.path} ${octal(r.from)}→${octal(r.to)}`);
  const more = repairs.length > shown.length ? ` and ${repairs.length - shown.length} more` : '';
  return (
    `lojal: the ${what} ${dir} was readable by other users; made private to its owner ` +
    `(${shown.join(', ')}${more})`
  );
}

function octal(mode: number): string {
  return mode.toString(8).padStart(3, '0');
}

/**
 * Creates an empty file with mode 600 when `path` does not exist, so whatever
 * opens it next (SQLite, which also gives its -wal and -shm the database
 * file's mode) starts from a private file instead of the umask's 644.
 */
export function createPrivateFile(path: string): void {
  if (path === '' || path === ':memory:') return;
  try {
    closeSync(openSync(path, 'wx', PRIVATE_FILE_MODE));
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
  }
}

/** Makes existing files private (missing ones are skipped); answers what changed. */
export function privateFiles(paths: readonly string[], root: string): ModeRepair[] {
  const repairs: ModeRepair[] = [];
  if (!posix(process.platform)) return repairs;
  for (const path of paths) {
    try {
      makePrivate(root, path, repairs);
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'ENOENT') throw error;
    }
  }
  return repairs;
}
