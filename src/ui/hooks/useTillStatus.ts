/** The till's name and sync state: asked on start and every little while, pushed on change. */
import { useEffect, useState } from 'react';
import { api } from '../api';
import type { CommandOutputs } from '../../service/commands';

export type SyncState = CommandOutputs['status.get']['sync'];

export interface TillStatus {
  storeName: string | null;
  sync: SyncState | null;
  reachable: boolean;
}

const POLL_MS = 15_000;

export function useTillStatus(): TillStatus {
  const [status, setStatus] = useState<TillStatus>({
    storeName: null,
    sync: null,
    reachable: true,
  });

  useEffect(() => {
    let alive = true;
    const refresh = () =>
      api
        .call('status.get', {})
        .then((s) => alive && setStatus({ storeName: s.storeName, sync: s.sync, reachable: true }))
        .catch(() => alive && setStatus((current) => ({ ...current, reachable: false })));
    void refresh();
    const timer = setInterval(refresh, POLL_MS);
    const stop = api.onNotification((n) => {
      if (n.type === 'sync') {
        setStatus((current) => ({
          ...current,
          sync: { state: n.state, pending: n.pending, lastSyncAt: n.lastSyncAt },
        }));
      }
    });
    return () => {
      alive = false;
      clearInterval(timer);
      stop();
    };
  }, []);

  return status;
}
