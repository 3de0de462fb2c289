#!/usr/bin/env node
/**
 * Bundle the desktop shell with esbuild: electron/main.ts → dist-electron/main.cjs
 * and electron/preload.ts → dist-electron/preload.cjs. Native modules (and the
 * rest of node_modules) stay external for main: electron-builder packs them,
 * rebuilt for Electron's ABI. The sandboxed preload may only require
 * 'electron', so it is bundled whole.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const dependencies = Object.keys(pkg.dependencies ?? {});

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: true,
  logLevel: 'info',
  absWorkingDir: root,
};

await build({
  ...common,
  entryPoints: ['electron/main.ts'],
  outfile: 'dist-electron/main.cjs',
  external: ['electron', ...dependencies, '@serialport/*'],
  // Code written as ESM may ask for its own URL; in the CommonJS bundle that is the bundle's.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});

// A snapshot's pages are read on a worker thread (src/sync/snapshot-reader.ts), beside main.cjs.
await build({
  ...common,
  entryPoints: ['src/sync/snapshot-reader-worker.ts'],
  outfile: 'dist-electron/snapshot-reader-worker.cjs',
  external: [...dependencies],
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});

await build({
  ...common,
  entryPoints: ['electron/preload.ts'],
  outfile: 'dist-electron/preload.cjs',
  external: ['electron'],
});
