/**
 * Build the UI and the back office when they are stale, then start the real browser-mode entry
 * (src/host/main.ts, see ./host.ts) on a fresh temporary data folder and a free
 * port. Tests read the address and folder from the environment; the returned
 * function stops the host and removes the folder.
 */
import { ensureBackofficeBuilt, ensureUiBuilt } from './builds';
import { startTillHost } from './host';

export default async function globalSetup(): Promise<() => Promise<void>> {
  ensureUiBuilt();
  // Built once here, before any spec starts a cloud that serves it.
  ensureBackofficeBuilt();
  // The demo as `npm start` makes it: 300 members (phones 4800 0001 …, never a test's
  // uniquePhone()) and 90 days of sales, so the specs run against a store with history.
  const host = await startTillHost({ LOJAL_DEMO: '1' }, { echoStderr: true });
  process.env.LOJAL_E2E_URL = host.url;
  process.env.LOJAL_E2E_DATA_DIR = host.dataDir;
  return () => host.stop();
}
