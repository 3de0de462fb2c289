/** Test support: the real till service on a fresh data folder behind a live host on a free port. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTillService } from '../service/index';
import type { TillService } from '../service/types';
import { startHost } from './server';
import type { RunningHost } from './server';

export interface LiveHost {
  host: RunningHost;
  service: TillService;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startLiveHost(): Promise<LiveHost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lojal-host-'));
  const service = openTillService({ dataDir, demo: true });
  const host = await startHost({ service, dataDir, port: 0, uiDir: null });
  return {
    host,
    service,
    dataDir,
    stop: async () => {
      await host.close();
      service.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
