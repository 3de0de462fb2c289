#!/usr/bin/env node
/**
 * `npm start`: build the UI when it is missing or older than its source, then
 * start the desktop app where Electron can run, and browser mode where it
 * cannot — saying in one line why.
 *
 * On the full demo (LOJAL_DEMO unset or `1`) it first starts the demo cloud
 * (`npm run cloud -- demo`, cloud/demo.ts) on an embedded database in the
 * till's data folder (`cloud/`), with its back office (built when stale), and
 * has the till pair with it on start (LOJAL_CLOUD_URL + LOJAL_STORE_CODE, the
 * till's own pairing from the environment): the till's members and sales reach
 * the cloud by its normal push. When both are up it prints the addresses and
 * the demo logins. Not on `LOJAL_DEMO=0` or `minimal`, `LOJAL_DEMO_CLOUD=0`, a
 * till the environment pairs with a real cloud, or a data folder whose till
 * was made before without the demo cloud. Ctrl+C (SIGINT, SIGTERM) stops both.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const ELECTRON_FETCH_TIMEOUT_MS = 20_000;
/** A first start makes the cloud's database (initdb: up to half a minute on a busy machine). */
const DEMO_CLOUD_START_TIMEOUT_MS = 180_000;
/** How long a child has to stop after Ctrl+C before it is killed. */
const STOP_GRACE_MS = 10_000;
/** The till's database file in its data folder (src/service/till-service.ts DATABASE_FILE). */
const TILL_DATABASE_FILE = 'lojal.db';

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

export function ensureUiBuilt() {
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

/** The back office (dist-backoffice, served by the cloud at /bo/) when older than anything it bundles. */
export function ensureBackofficeBuilt() {
  const built = join(root, 'dist-backoffice', 'index.html');
  const sources = Math.max(
    ...['backoffice', 'contract', 'core', 'i18n', join('ui', 'components'), join('ui', 'i18n')].map(
      (folder) => newestMtime(join(root, 'src', folder)),
    ),
    newestMtime(join(root, 'vite.config.ts')),
  );
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  console.log('lojal: building the back office (vite) …');
  run(process.execPath, [
    join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
    'build',
    '--mode',
    'backoffice',
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

/**
 * The till's data folder, as the till itself picks it: LOJAL_DATA_DIR, else
 * browser mode's default (src/host/settings.ts defaultDataDir) or Electron's
 * userData folder (its appData folder and the package's name).
 */
export function tillDataDir(
  kind,
  env = process.env,
  platform = process.platform,
  home = homedir(),
) {
  if (env.LOJAL_DATA_DIR) return resolve(env.LOJAL_DATA_DIR);
  if (kind === 'electron') {
    const appData =
      platform === 'win32'
        ? (env.APPDATA ?? join(home, 'AppData', 'Roaming'))
        : platform === 'darwin'
          ? join(home, 'Library', 'Application Support')
          : env.XDG_CONFIG_HOME || join(home, '.config');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    return join(appData, pkg.productName ?? pkg.name);
  }
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Lojal');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Lojal');
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'lojal');
}

/** Whether to start the demo cloud beside this till, and when not, why (null: nothing to say). */
export function demoCloudPlan(dataDir, env = process.env) {
  const demo = (env.LOJAL_DEMO ?? '').trim().toLowerCase();
  if (demo === '0' || demo === 'minimal') return { start: false, why: null };
  if (env.LOJAL_DEMO_CLOUD === '0') return { start: false, why: null };
  if (env.LOJAL_CLOUD_URL?.trim() || env.LOJAL_STORE_CODE?.trim())
    return { start: false, why: null };
  const cloudDir = join(dataDir, 'cloud');
  if (existsSync(join(dataDir, TILL_DATABASE_FILE)) && !existsSync(cloudDir))
    return {
      start: false,
      why:
        `no demo cloud: the till in ${dataDir} was made without one ` +
        '(a new LOJAL_DATA_DIR gets the demo with its cloud and back office)',
    };
  return { start: true, cloudDir };
}

/**
 * Node's arguments to run a TypeScript entry: tsx as a loader in the one
 * process, not its command line, which runs a second process and kills it
 * with SIGKILL when it has not answered a relayed Ctrl+C within 30 ms (a
 * busy till or cloud would be stopped mid-write instead of closing).
 */
function typescript(entry) {
  return ['--import', 'tsx', entry];
}

const children = new Set();
let stopping = false;

function stopAll(signal) {
  stopping = true;
  for (const child of children) {
    child.kill(signal);
    setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS).unref();
  }
}

function track(child) {
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

/** Exits as the till did once every other child has stopped too. */
function exitWithTill(till) {
  till.on('exit', (code, signal) => {
    const status = signal ? 1 : (code ?? 0);
    stopAll('SIGTERM');
    const done = () => (children.size === 0 ? process.exit(status) : setTimeout(done, 50));
    done();
  });
}

/**
 * The demo cloud as a child process; resolves with what it says once it serves
 * (its address, store code and logins), or null when it could not start — the
 * till then starts unpaired, as without it.
 */
function startDemoCloud(cloudDir) {
  ensureBackofficeBuilt();
  console.log('lojal: starting the demo cloud and its back office …');
  const env = { ...process.env, LOJAL_CLOUD_DATA: cloudDir };
  // The demo's own embedded database on this machine, whatever a real cloud's settings say.
  delete env.DATABASE_URL;
  delete env.LOJAL_CLOUD_PUBLIC_URL;
  delete env.LOJAL_CLOUD_HOST;
  const child = track(
    spawn(process.execPath, [...typescript(join(root, 'cloud', 'main.ts')), 'demo'], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env,
    }),
  );
  return new Promise((resolvePromise) => {
    let settled = false;
    const settle = (value) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolvePromise(value);
    };
    const timer = setTimeout(() => {
      console.error('lojal: the demo cloud did not start in time; the till starts without it');
      child.kill('SIGTERM');
      settle(null);
    }, DEMO_CLOUD_START_TIMEOUT_MS);
    child.on('message', (message) => {
      if (message?.type === 'lojal-demo-cloud-ready') settle(message);
    });
    child.on('exit', (code, signal) => {
      if (!settled) {
        if (!stopping)
          console.error(
            `lojal: the demo cloud could not start (${signal ?? `exit ${code}`}); the till starts without it`,
          );
        settle(null);
      } else if (!stopping) {
        console.error('lojal: the demo cloud stopped; the till goes on offline');
      }
    });
  });
}

/** The environment that pairs the demo till with the demo cloud on its start. */
function pairedWith(cloud) {
  if (!cloud) return process.env;
  return {
    ...process.env,
    // Explicit: a till paired on start would otherwise get the minimal demo (src/host/settings.ts).
    LOJAL_DEMO: process.env.LOJAL_DEMO?.trim() || '1',
    LOJAL_CLOUD_URL: cloud.url,
    LOJAL_STORE_CODE: cloud.storeCode,
    LOJAL_TERMINAL_NAME: process.env.LOJAL_TERMINAL_NAME?.trim() || 'Kasse 1',
  };
}

/** The one block that says where everything is, once the till is up. */
function printDemoBlock(cloud, tillAddress) {
  const lines = [
    '',
    '──── Lojal demo: Bakeriet ─────────────────────────────────────',
    `  till:           ${tillAddress}`,
    '  staff PINs:     cashier 1111, manager 9999',
    `  back office:    ${cloud.backOffice}`,
    `  owner:          ${cloud.owner.email} / ${cloud.owner.password}`,
    `  store manager:  ${cloud.manager.email} / ${cloud.manager.password}`,
    `  store code:     ${cloud.storeCode} (${cloud.chainName}, ${cloud.storeName}; the till is paired with it)`,
    '  The logins and PINs are public: a demo, never a real store.',
    '  The till sends its members and sales to the cloud in the background.',
    '  Stop both with Ctrl+C.',
    '───────────────────────────────────────────────────────────────',
    '',
  ];
  console.log(lines.join('\n'));
}

/** Passes a child's output on, line by line, to `onLine` as well. */
function relayLines(stream, onLine) {
  let buffered = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    process.stdout.write(chunk);
    buffered += chunk;
    let newline;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      onLine(buffered.slice(0, newline));
      buffered = buffered.slice(newline + 1);
    }
  });
}

function startBrowserMode(reason, cloud) {
  const port = process.env.LOJAL_PORT || '4780';
  const where = port === '0' ? 'on a free port (address below)' : `at http://127.0.0.1:${port}`;
  console.log(`lojal: Electron is not available (${reason}) — starting browser mode ${where}`);
  const child = track(
    spawn(process.execPath, typescript(join(root, 'src', 'host', 'main.ts')), {
      cwd: root,
      stdio: ['inherit', cloud ? 'pipe' : 'inherit', 'inherit'],
      env: pairedWith(cloud),
    }),
  );
  if (cloud) {
    let shown = false;
    relayLines(child.stdout, (line) => {
      const running = /^Lojal is running at (\S+)/.exec(line);
      if (running && !shown) {
        shown = true;
        // After the till's own lines (data folder, token file), which follow at once.
        setTimeout(() => printDemoBlock(cloud, running[1]), 100);
      }
    });
  }
  exitWithTill(child);
}

function startElectron(binary, cloud) {
  console.log('lojal: starting the desktop app (Electron)');
  const child = track(
    spawn(binary, [root], { cwd: root, stdio: 'inherit', env: pairedWith(cloud) }),
  );
  if (cloud) printDemoBlock(cloud, 'the Lojal window (desktop app)');
  exitWithTill(child);
}

/** Electron where it can run (bundled, native modules built for it), else browser mode and why. */
function chooseShell() {
  if (process.env.LOJAL_BROWSER === '1')
    return { kind: 'browser', reason: 'LOJAL_BROWSER=1 asks for browser mode' };
  const electron = findElectron();
  if (!electron.binary) return { kind: 'browser', reason: electron.reason };
  run(process.execPath, [join(root, 'scripts', 'build-electron.mjs')], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (!ensureNativeModulesForElectron(electron.binary))
    return { kind: 'browser', reason: 'better-sqlite3 could not be built for Electron' };
  return { kind: 'electron', binary: electron.binary };
}

async function main() {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stopAll(signal));
  ensureUiBuilt();
  const shell = chooseShell();
  const plan = demoCloudPlan(tillDataDir(shell.kind));
  if (plan.why) console.log(`lojal: ${plan.why}`);
  const cloud = plan.start ? await startDemoCloud(plan.cloudDir) : null;
  if (stopping) return;
  if (shell.kind === 'electron') startElectron(shell.binary, cloud);
  else startBrowserMode(shell.reason, cloud);
}

// Run as `npm start`; imported (by a test), it only lends its functions.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href)
  await main();
