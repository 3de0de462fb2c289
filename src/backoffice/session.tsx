/**
 * Who is signed in: asked of the cloud once on start (session.get), set by the
 * log-in, cleared by the log-out or when the cloud says the session is gone.
 * The session itself lives in an HTTP-only cookie; the page keeps only what
 * session.get answers (the account, the chain, the stores, the CSRF token).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { BoSession } from '../contract/backoffice';
import { BoCallError, call, onSignedOut, setCsrfToken } from './api';

export interface SessionState {
  /** 'checking' until the cloud has answered session.get. */
  session: BoSession | null | 'checking';
  /** Set when a session ended without a log-out here (expired, ended elsewhere). */
  endedUnasked: boolean;
  signedIn(session: BoSession): void;
  logOut(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<BoSession | null | 'checking'>('checking');
  const [endedUnasked, setEndedUnasked] = useState(false);

  const signedIn = useCallback((next: BoSession) => {
    setCsrfToken(next.csrfToken);
    setEndedUnasked(false);
    setSession(next);
  }, []);

  useEffect(() => {
    let live = true;
    call('session.get', {})
      .then((answer) => live && signedIn(answer))
      .catch((error: unknown) => {
        if (!live) return;
        if (!(error instanceof BoCallError) || error.code !== 'not_signed_in') console.error(error);
        setSession(null);
      });
    return () => {
      live = false;
    };
  }, [signedIn]);

  useEffect(
    () =>
      onSignedOut(() => {
        setCsrfToken(null);
        setEndedUnasked(true);
        setSession(null);
      }),
    [],
  );

  const logOut = useCallback(async () => {
    try {
      await call('session.logOut', {});
    } finally {
      setCsrfToken(null);
      setSession(null);
    }
  }, []);

  const value = useMemo<SessionState>(
    () => ({ session, endedUnasked, signedIn, logOut }),
    [session, endedUnasked, signedIn, logOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}
