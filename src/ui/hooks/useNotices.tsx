/** The screen's message line: any component can report an error or a short confirmation. */
import { createContext, useCallback, useContext, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { Notices } from '../components/Notices';
import type { NoticeItem } from '../components/Notices';
import { errorMessage } from '../api';

interface NoticesApi {
  info(text: string): void;
  warn(text: string): void;
  /** Shows the service's own message for a failed command. */
  error(error: unknown): void;
}

const NoticesContext = createContext<NoticesApi | null>(null);
const INFO_MS = 4_000;
const MAX_SHOWN = 3;

export function NoticesProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<NoticeItem[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => {
    setItems((current) => current.filter((item) => item.id !== id));
  }, []);

  const push = useCallback(
    (kind: NoticeItem['kind'], text: string) => {
      const id = nextId.current++;
      setItems((current) =>
        [...current.filter((i) => i.text !== text), { id, kind, text }].slice(-MAX_SHOWN),
      );
      if (kind === 'info') setTimeout(() => dismiss(id), INFO_MS);
    },
    [dismiss],
  );

  const value = useMemo<NoticesApi>(
    () => ({
      info: (text) => push('info', text),
      warn: (text) => push('warn', text),
      error: (error) => push('error', errorMessage(error)),
    }),
    [push],
  );

  return (
    <NoticesContext.Provider value={value}>
      {children}
      <Notices items={items} onDismiss={dismiss} />
    </NoticesContext.Provider>
  );
}

export function useNotices(): NoticesApi {
  const notices = useContext(NoticesContext);
  if (!notices) throw new Error('useNotices outside NoticesProvider');
  return notices;
}
