/** Function-key shortcuts for the till (F2 Kundeklubb, F4 Fullfør salg, …). */
import { useEffect, useRef } from 'react';

export type ShortcutMap = Partial<
  Record<'F2' | 'F3' | 'F4' | 'F6' | 'F7' | 'F8' | 'F9' | 'F10' | 'F11', () => void>
>;

export function useShortcuts(shortcuts: ShortcutMap, enabled = true): void {
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      const run = latest.current[event.key as keyof ShortcutMap];
      if (!run || event.repeat) return;
      // F3 is the browser's "find"; at the till it is ours.
      event.preventDefault();
      run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
