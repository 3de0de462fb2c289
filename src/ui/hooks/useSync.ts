/**
 * The till's sync as a logged-in screen shows it (top bar badge, sync screen):
 * the whole `sync.status` (state, events waiting, last sync, last error, what
 * the cloud refused, whom the till is paired with), read on start and kept
 * live by the service's `sync` notifications: the notification's own fields
 * are shown at once, and the rest is read again. Read again whenever the
 * notification link comes (back) up, and every little while as a safety net.
 */
import { useCallback, useEffect, useState } from 'react';
import type { CommandOutputs } from '../../contract/commands';
import type { Notification } from '../../contract/notifications';
import { api } from '../api';
import { useLiveRead } from './useLiveRead';

export type SyncStatus = CommandOutputs['sync.status'];

export interface SyncView {
  /** null until the first answer. */
  status: SyncStatus | null;
  /** Read the status again (after "Synkroniser nå", pairing, unpairing). */
  refresh(): void;
}

const readStatus = () => api.call('sync.status', {});

export function useSync(): SyncView {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const notice = useCallback((n: Notification) => {
    if (n.type !== 'sync') return false;
    setStatus((current) =>
      current
        ? { ...current, state: n.state, pending: n.pending, lastSyncAt: n.lastSyncAt }
        : current,
    );
    return true;
  }, []);
  const { refresh } = useLiveRead(readStatus, setStatus, notice);
  return { status, refresh };
}

/** The time now, moved on every `everyMs` (for "for 3 min siden"). */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
