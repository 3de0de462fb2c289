/**
 * The embedded database's folder (LOJAL_CLOUD_DATA) is its owner's alone
 * (issue 10, point 4): 700 and 600, for a new folder, for one an earlier
 * version left 755/644 (and PGlite's own 666), and for files PGlite creates
 * while it runs. Real folders, real PGlite, modes read with stat.
 */
import { chmodSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from './db/open';
import { freshPgliteDir } from './test/databases';

/** Modes found below `dir` (the folder included), counted as `f600` / `d700`. */
function modeCounts(dir: string): Record<string, number> {
  const counts: Record<string, number> = {};
  const add = (path: string) => {
    const stat = statSync(path);
    const key = `${stat.isDirectory() ? 'd' : 'f'}${(stat.mode & 0o777).toString(8)}`;
    counts[key] = (counts[key] ?? 0) + 1;
    if (stat.isDirectory()) for (const name of readdirSync(path)) add(join(path, name));
  };
  add(dir);
  return counts;
}

/** Keys of `counts` (modes) other than the private ones. */
function open(counts: Record<string, number>): string[] {
  return Object.keys(counts).filter((key) => key !== 'd700' && key !== 'f600');
}

/** Every folder 755 and every file 644, as the landed code's umask left them. */
function landedLayout(dir: string): void {
  const stat = statSync(dir);
  chmodSync(dir, stat.isDirectory() ? 0o755 : 0o644);
  if (stat.isDirectory()) for (const name of readdirSync(dir)) landedLayout(join(dir, name));
}

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe.runIf(process.platform !== 'win32')('the cloud data folder (PGlite)', () => {
  it('is repaired to 700/600 on start, with a line saying so, and stays so after running', async () => {
    const dir = await freshPgliteDir();
    dirs.push(dir);
    landedLayout(dir);
    expect(modeCounts(dir)).toMatchObject({ d755: expect.any(Number), f644: expect.any(Number) });

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const db = await openDatabase({ dataDir: dir });
    try {
      expect(open(modeCounts(dir))).toEqual([]);
      expect(warn.mock.calls.map((c) => c.join(' '))).toContainEqual(
        expect.stringMatching(/readable by other users; \d+ mode\(s\) made private/),
      );
      // New relation files while it runs (PGlite makes them 666): private again once closed.
      await db.query('CREATE TABLE scratch (x text)');
      await db.query("INSERT INTO scratch VALUES ('x')");
      await db.query('VACUUM FULL scratch');
    } finally {
      await db.close();
    }
    expect(open(modeCounts(dir))).toEqual([]);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });
});
