// probe: electron/lint-probe.ts
// expect: nothing
import { app } from 'electron';
import { join } from 'node:path';
import { openTillService } from '../src/service/index';
import { startHost } from '../src/host/server';
import { BRIDGE_CHANNELS } from '../src/ui/bridge';

export { app, join, openTillService, startHost, BRIDGE_CHANNELS };
