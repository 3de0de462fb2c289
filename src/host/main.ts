/**
 * Browser mode (`tsx src/host/main.ts`, or `npm start` where Electron cannot
 * run): the till service plus the host on 127.0.0.1. Settings from the
 * environment: LOJAL_DATA_DIR, LOJAL_PORT (0 = any free port), LOJAL_DEMO (0
 * an empty store, `minimal` the demo bakery without its members and history;
 * the default makes them on first start, in seconds: see settings.ts); the
 * serial scanner and receipt printer from
 * LOJAL_SCANNER_PORT/_BAUD/_SUFFIX and LOJAL_PRINTER/_WIDTH/_TYPE (these win over
 * the devices saved on the devices screen).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deviceOptionsFromEnv, openTillService } from '../service/index';
import { startHost } from './server';
import { settingsFromEnv } from './settings';

const UI_DIR = resolve(fileURLToPath(new URL('../../dist', import.meta.url)));

async function main(): Promise<void> {
  // Whatever this process creates is its user's alone; the data folder is also repaired on start.
  if (process.platform !== 'win32') process.umask(0o077);
  const settings = settingsFromEnv();
  const service = openTillService({
    dataDir: settings.dataDir,
    demo: settings.demo,
    devices: deviceOptionsFromEnv(),
    log: (line) => console.log(`lojal: ${line}`),
  });
  const host = await startHost({
    service,
    dataDir: settings.dataDir,
    port: settings.port,
    uiDir: UI_DIR,
  });

  console.log(`Lojal is running at ${host.url}`);
  console.log(`  data folder:      ${settings.dataDir}`);
  console.log(
    `  API token file:   ${host.apiTokenPath}  (Authorization: Bearer <token> for /api/v1)`,
  );
  if (settings.demo) console.log('  demo staff PINs:  cashier 1111, manager 9999');
  console.log('  stop with Ctrl+C');

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void host.close().finally(() => {
      service.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('Lojal could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
