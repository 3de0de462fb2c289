/**
 * The till's name and whether its service answers: asked on start and every
 * little while. (The sync state is the logged-in screens' own: useSync.ts.)
 */
import { useEffect, useState } from 'react';
import { api } from '../api';

export interface TillStatus {
  storeName: string | null;
  reachable: boolean;
}

const POLL_MS = 15_000;

export function useTillStatus(): TillStatus {
  const [status, setStatus] = useState<TillStatus>({ storeName: null, reachable: true });

  useEffect(() => {
    let alive = true;
    const refresh = () =>
      api
        .call('status.get', {})
        .then((s) => alive && setStatus({ storeName: s.storeName, reachable: true }))
        .catch(() => alive && setStatus((current) => ({ ...current, reachable: false })));
    void refresh();
    const timer = setInterval(refresh, POLL_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, []);

  return status;
}
