#!/usr/bin/env node
/**
 * `npm start`: build the UI when it is missing or older than its source, then
 * start the desktop app where Electron can run, and browser mode where it
 * cannot — saying in one line why.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const ELECTRON_FETCH_TIMEOUT_MS = 20_000;

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestMtime(join(path, name))),
    stat.mtimeMs,
  );
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`lojal: "${[command, ...args].join(' ')}" failed`);
    process.exit(result.status ?? 1);
  }
}

function ensureUiBuilt() {
  const built = join(root, 'dist', 'index.html');
  const sources = Math.max(
    newestMtime(join(root, 'src', 'ui')),
    newestMtime(join(root, 'vite.config.ts')),
  );
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  console.log('lojal: building the UI (vite) …');
  run(process.execPath, [
    join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
    'build',
    '--logLevel',
    'warn',
  ]);
}

/** The Electron binary's path, or the reason there is none. */
function findElectron() {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  const distDir = join(root, 'node_modules', 'electron', 'dist');
  if (!existsSync(join(root, 'node_modules', 'electron')))
    return { reason: 'the electron package is not installed' };
  if (!existsSync(distDir) || !existsSync(pathFile)) {
    // npm may have skipped the download (allowScripts); try once, briefly.
    const fetch = spawnSync(
      process.execPath,
      [join(root, 'node_modules', 'electron', 'install.js')],
      {
        cwd: root,
        stdio: 'ignore',
        timeout: ELECTRON_FETCH_TIMEOUT_MS,
      },
    );
    if (!existsSync(distDir) || !existsSync(pathFile)) {
      const why = fetch.error?.code === 'ETIMEDOUT' ? 'download timed out' : 'no network';
      return { reason: `binary not downloaded: ${why}` };
    }
  }
  try {
    const binary = require('electron');
    return existsSync(binary) ? { binary } : { reason: 'binary missing after download' };
  } catch (error) {
    return { reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * better-sqlite3 must be built for Electron's ABI, but `npm test` needs it built
 * for Node. Keep an Electron build beside the bundle (dist-electron/node_modules
 * wins module resolution for main.cjs) and leave node_modules untouched.
 * (@serialport/bindings-cpp is N-API: one build serves both.)
 */
function ensureNativeModulesForElectron(binary) {
  const target = join(root, 'dist-electron', 'node_modules', 'better-sqlite3');
  if (existsSync(join(target, 'build', 'Release', 'better_sqlite3.node'))) return true;
  console.log('lojal: building better-sqlite3 for Electron (once) …');
  rmSync(target, { recursive: true, force: true });
  cpSync(join(root, 'node_modules', 'better-sqlite3'), target, {
    recursive: true,
    filter: (path) => !path.includes(join('better-sqlite3', 'build')),
  });
  const version = spawnSync(binary, ['--version'], {
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  const electronVersion = (version.stdout ?? '').trim().replace(/^v/, '');
  if (!electronVersion) return false;
  const bin = (name) => join(root, 'node_modules', '.bin', name);
  // A prebuilt binary for this Electron when one exists, else compile against its headers.
  const prebuilt = spawnSync(
    bin('prebuild-install'),
    ['--runtime=electron', `--target=${electronVersion}`],
    {
      cwd: target,
      stdio: 'inherit',
    },
  );
  if (prebuilt.status === 0) return true;
  const compiled = spawnSync(
    bin('node-gyp'),
    [
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${electronVersion}`,
      '--dist-url=https://electronjs.org/headers',
    ],
    { cwd: target, stdio: 'inherit' },
  );
  return compiled.status === 0;
}

function startBrowserMode(reason) {
  const port = process.env.LOJAL_PORT || '4780';
  const where = port === '0' ? 'on a free port (address below)' : `at http://127.0.0.1:${port}`;
  console.log(`lojal: Electron is not available (${reason}) — starting browser mode ${where}`);
  const child = spawn(
    process.execPath,
    [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'src', 'host', 'main.ts')],
    {
      cwd: root,
      stdio: 'inherit',
      env: process.env,
    },
  );
  forwardSignals(child);
}

function startElectron(binary) {
  run(process.execPath, [join(root, 'scripts', 'build-electron.mjs')], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (!ensureNativeModulesForElectron(binary))
    return startBrowserMode('better-sqlite3 could not be built for Electron');
  console.log('lojal: starting the desktop app (Electron)');
  const child = spawn(binary, [root], { cwd: root, stdio: 'inherit', env: process.env });
  forwardSignals(child);
}

function forwardSignals(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
}

ensureUiBuilt();
if (process.env.LOJAL_BROWSER === '1') {
  startBrowserMode('LOJAL_BROWSER=1 asks for browser mode');
} else {
  const electron = findElectron();
  if (electron.binary) startElectron(electron.binary);
  else startBrowserMode(electron.reason);
}
