/**
 * The screen's message line: any component can report an error or a short
 * confirmation; `NoticesOutlet` shows them in a strip of the layout (never over
 * the controls a cashier is about to tap).
 */
import { createContext, useCallback, useContext, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { Notices } from '../components/Notices';
import type { NoticeItem } from '../components/Notices';
import type { Shown } from '../../core/i18n';
import { errorText } from '../errors';

interface NoticesApi {
  info(text: string): void;
  warn(text: string | Shown): void;
  /** Shows the service's own text for a failed command. */
  error(error: unknown): void;
}

/** The same words (a message and its parameters, or the same store-written text). */
const sameText = (a: string | Shown, b: string | Shown) =>
  typeof a === 'string' || typeof b === 'string'
    ? a === b
    : JSON.stringify(a) === JSON.stringify(b);

interface NoticesState {
  items: NoticeItem[];
  dismiss(id: number): void;
}

const NoticesContext = createContext<NoticesApi | null>(null);
const NoticesStateContext = createContext<NoticesState>({ items: [], dismiss: () => undefined });
const INFO_MS = 4_000;
const MAX_SHOWN = 2;

export function NoticesProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<NoticeItem[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => {
    setItems((current) => current.filter((item) => item.id !== id));
  }, []);

  const push = useCallback(
    (kind: NoticeItem['kind'], text: string | Shown) => {
      const id = nextId.current++;
      setItems((current) =>
        [...current.filter((i) => !sameText(i.text, text)), { id, kind, text }].slice(-MAX_SHOWN),
      );
      if (kind === 'info') setTimeout(() => dismiss(id), INFO_MS);
    },
    [dismiss],
  );

  const api = useMemo<NoticesApi>(
    () => ({
      info: (text) => push('info', text),
      warn: (text) => push('warn', text),
      error: (error) => push('error', errorText(error)),
    }),
    [push],
  );
  const state = useMemo<NoticesState>(() => ({ items, dismiss }), [items, dismiss]);

  return (
    <NoticesContext.Provider value={api}>
      <NoticesStateContext.Provider value={state}>{children}</NoticesStateContext.Provider>
    </NoticesContext.Provider>
  );
}

export function useNotices(): NoticesApi {
  const notices = useContext(NoticesContext);
  if (!notices) throw new Error('useNotices outside NoticesProvider');
  return notices;
}

/** Where the messages appear; `fallback` fills the strip when there are none. */
export function NoticesOutlet({ fallback }: { fallback?: ReactNode }) {
  const { items, dismiss } = useContext(NoticesStateContext);
  if (items.length === 0) return <>{fallback}</>;
  return <Notices items={items} onDismiss={dismiss} />;
}
