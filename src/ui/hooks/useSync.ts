/**
 * The till's sync as a logged-in screen shows it (top bar badge, sync screen):
 * the whole `sync.status` (state, events waiting, last sync, last error, what
 * the cloud refused, whom the till is paired with), read on start and kept
 * live by the service's `sync` notifications: the notification's own fields
 * are shown at once, and the rest is read again. Read again whenever the
 * notification link comes (back) up, and every little while as a safety net.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CommandOutputs } from '../../service/commands';
import { api } from '../api';

export type SyncStatus = CommandOutputs['sync.status'];

export interface SyncView {
  /** null until the first answer. */
  status: SyncStatus | null;
  /** Read the status again (after "Synk nå", pairing, unpairing). */
  refresh(): void;
}

const POLL_MS = 15_000;

export function useSync(): SyncView {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const reader = useRef<() => void>(() => undefined);

  useEffect(() => {
    let alive = true;
    // One read at a time; a change while one is under way asks for one more.
    let busy = false;
    let again = false;
    const read = async () => {
      if (busy) {
        again = true;
        return;
      }
      busy = true;
      try {
        do {
          again = false;
          const next = await api.call('sync.status', {});
          if (!alive) return;
          // Something changed while this read was under way: its answer may be stale.
          if (again) continue;
          setStatus(next);
        } while (again);
      } catch {
        // The top bar says when the service is away; the next read puts this right.
      } finally {
        busy = false;
      }
    };
    reader.current = () => void read();
    void read();
    const timer = setInterval(() => void read(), POLL_MS);
    const stopLive = api.onLive((now) => {
      if (now) void read();
    });
    const stopNotices = api.onNotification((n) => {
      if (n.type !== 'sync') return;
      setStatus((current) =>
        current
          ? { ...current, state: n.state, pending: n.pending, lastSyncAt: n.lastSyncAt }
          : current,
      );
      void read();
    });
    return () => {
      alive = false;
      reader.current = () => undefined;
      clearInterval(timer);
      stopLive();
      stopNotices();
    };
  }, []);

  const refresh = useCallback(() => reader.current(), []);
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
