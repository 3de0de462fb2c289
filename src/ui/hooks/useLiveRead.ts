/**
 * State the service pushes changes of, as a screen follows it: read on start,
 * again on the notifications that say it changed, whenever the notification
 * link comes (back) up (pushes sent while it was down are lost), and every
 * little while as a safety net. Give stable functions (module level or
 * useCallback): a new one starts the following again.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Notification } from '../../contract/notifications';
import { api } from '../api';

export interface LiveRead {
  /** Notifications reach this window: the state shown is live. */
  live: boolean;
  /** Read again (after a save, a retry). */
  refresh(): void;
}

const POLL_MS = 15_000;

export function useLiveRead<T>(
  read: () => Promise<T>,
  show: (answer: T) => void,
  /** Applies what a notification says at once; true when it calls for a read. */
  notice: (notification: Notification) => boolean,
): LiveRead {
  const [live, setLive] = useState(api.live);
  const reader = useRef<() => void>(() => undefined);

  useEffect(() => {
    let alive = true;
    // One read at a time; a change while one is under way asks for one more.
    let busy = false;
    let again = false;
    const readNow = async () => {
      if (busy) {
        again = true;
        return;
      }
      busy = true;
      try {
        do {
          again = false;
          const answer = await read();
          if (!alive) return;
          // Something changed while this read was under way: its answer may be stale.
          if (again) continue;
          show(answer);
        } while (again);
      } catch {
        // The top bar says when the service is away; the next read puts this right.
      } finally {
        busy = false;
      }
    };
    reader.current = () => void readNow();
    void readNow();
    const timer = setInterval(() => void readNow(), POLL_MS);
    const stopLive = api.onLive((now) => {
      setLive(now);
      if (now) void readNow();
    });
    const stopNotices = api.onNotification((n) => {
      if (notice(n)) void readNow();
    });
    return () => {
      alive = false;
      reader.current = () => undefined;
      clearInterval(timer);
      stopLive();
      stopNotices();
    };
  }, [read, show, notice]);

  const refresh = useCallback(() => reader.current(), []);
  return { live, refresh };
}
