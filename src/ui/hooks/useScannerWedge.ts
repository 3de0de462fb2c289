/**
 * A keyboard-wedge (HID) scanner "types" a code a few milliseconds per key and
 * ends with Enter. When focus is not in a text field, such a burst is a scan,
 * wherever the cashier is; slow human typing is not. Text fields handle their
 * own Enter (the scan field classifies what was typed).
 */
import { useEffect, useRef } from 'react';

const MAX_GAP_MS = 40;
const MIN_LENGTH = 6;

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target.isContentEditable
  );
}

export function useScannerWedge(onScan: (code: string) => void, enabled = true): void {
  const latest = useRef(onScan);
  useEffect(() => {
    latest.current = onScan;
  });
  useEffect(() => {
    if (!enabled) return;
    let buffer = '';
    let lastAt = 0;
    const onKey = (event: KeyboardEvent) => {
      if (isTextField(event.target)) {
        buffer = '';
        return;
      }
      const now = performance.now();
      if (now - lastAt > MAX_GAP_MS) buffer = '';
      lastAt = now;
      if (event.key === 'Enter') {
        if (buffer.length >= MIN_LENGTH) {
          event.preventDefault();
          latest.current(buffer);
        }
        buffer = '';
      } else if (event.key.length === 1) {
        buffer += event.key;
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [enabled]);
}
