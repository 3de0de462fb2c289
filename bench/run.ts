/**
 * `npm run bench [-- name ...]`: runs the benchmarks (all, or those named) and
 * writes bench/results.json and bench/RESULTS.md.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeResults, type Figure } from './lib';

export interface Benchmark {
  name: string;
  /** What it measures, one line. */
  about: string;
  run(): Promise<Figure[]>;
}

const here = dirname(fileURLToPath(import.meta.url));

/**
 * Each module default-exports a Benchmark. Listed here so the order is stable.
 * The browser ones first: till-store copies and writes gigabytes and leaves the
 * disk and page cache busy for a while after it, and keys sent to Chromium over
 * the DevTools protocol get their timestamps when the browser gets to them (a
 * real scanner's get theirs from the USB interrupt), so a busy machine splits a
 * typed scan into slow typing. The fuzz run last (`npm run fuzz` runs it alone).
 */
const modules = [
  'scan-to-member',
  'hid-back-to-back',
  'taps',
  'serial-scan',
  'till-store',
  'sync',
  'sync-peer',
  'sync-visibility',
  'sync-replica',
  'backoffice-member-search',
  'backoffice-first-paint',
  'reports',
  'import',
  'campaign-send',
  'fuzz',
];

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const figures: Figure[] = [];
  for (const name of modules) {
    if (wanted.length && !wanted.includes(name)) continue;
    const file = join(here, `${name}.ts`);
    if (!existsSync(file)) {
      console.log(`bench: ${name} — not written yet, skipped`);
      continue;
    }
    const bench = ((await import(pathToFileURL(file).href)) as { default: Benchmark }).default;
    console.log(`\nbench: ${bench.name} — ${bench.about}`);
    const started = Date.now();
    const out = await bench.run();
    for (const f of out) {
      console.log(
        `  ${f.name.padEnd(38)} ${String(f.value).padStart(10)} ${f.unit.padEnd(6)} floor ${String(f.floor ?? '—').padStart(8)}  ratio ${String(f.ratio ?? '—').padStart(6)}  ${f.met ? 'met' : 'NOT MET'} (${f.goal})`,
      );
    }
    console.log(`  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    figures.push(...out);
    writeResults(here, out, new Date());
  }
  if (figures.length === 0) console.log('bench: nothing ran');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
