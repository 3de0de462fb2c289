/** What the top bar shows: store, terminal, and how much waits for the cloud. */
import { getSyncState, pendingCount, SyncStateKeys } from '../../store';
import type { Handlers } from '../handler-types';

function connection(value: string | null): 'online' | 'offline' | 'unpaired' {
  return value === 'online' || value === 'offline' ? value : 'unpaired';
}

export const statusHandlers: Handlers<'status.get'> = {
  'status.get': (_input, ctx) => {
    const lastSyncAt = getSyncState(ctx.db, SyncStateKeys.lastSyncAt);
    return {
      storeName: ctx.programme().name,
      terminalId: ctx.terminal.terminalId,
      sync: {
        state: connection(getSyncState(ctx.db, SyncStateKeys.connection)),
        pending: pendingCount(ctx.db),
        lastSyncAt: lastSyncAt === null ? null : Number(lastSyncAt),
      },
      devices: ctx.devices.status(),
    };
  },
};
