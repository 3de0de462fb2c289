/** The till’s status. */
import { z } from 'zod';
import type { DevicesStatus } from '../devices';
import { command, returns } from './define';

export const statusCommands = {
  'status.get': command({
    input: z.object({}),
    output: returns<{
      storeName: string;
      terminalId: string;
      sync: {
        state: 'online' | 'offline' | 'unpaired';
        pending: number;
        lastSyncAt: number | null;
      };
      devices: DevicesStatus;
    }>(),
    role: 'none',
    access: 'read',
    session: false,
  }),
};
