/**
 * A modal dialog: Escape closes it, Tab stays inside it, and focus returns to
 * where it was (usually the scan field) when it closes. The screen's messages
 * show at its foot while it is open (the screen's own strip is behind it).
 */
import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';
import { NoticesOutlet } from '../hooks/useNotices';
import { useI18n } from '../i18n';

interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  wide?: boolean;
  testId?: string;
}

const FOCUSABLE =
  'button:not([disabled]):not([tabindex="-1"]), input:not([disabled]), select:not([disabled]), [tabindex="0"]';

export function Dialog({ title, onClose, children, wide = false, testId }: DialogProps) {
  const { t } = useI18n();
  const titleId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const dialog = dialogRef.current;
    if (dialog && !dialog.contains(document.activeElement)) {
      const autofocus = dialog.querySelector<HTMLElement>('[data-autofocus]');
      (autofocus ?? dialog.querySelector<HTMLElement>(FOCUSABLE))?.focus();
    }
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        onCloseRef.current();
      } else if (event.key === 'Tab' && dialog) {
        const items = Array.from(dialog.querySelectorAll<HTMLElement>(FOCUSABLE));
        const first = items[0];
        const last = items[items.length - 1];
        if (!first || !last) return;
        if (event.shiftKey && document.activeElement === first) {
          event.preventDefault();
          last.focus();
        } else if (!event.shiftKey && document.activeElement === last) {
          event.preventDefault();
          first.focus();
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      previous?.focus();
    };
  }, []);

  return (
    <div className="backdrop">
      <div
        ref={dialogRef}
        className={wide ? 'dialog dialog-wide' : 'dialog'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testId}
      >
        <div className="dialog-head">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="btn" onClick={onClose}>
            {t('app.close')} <span className="kbd">Esc</span>
          </button>
        </div>
        <div className="dialog-body">{children}</div>
        <div className="dialog-notices" data-testid="dialog-notices">
          <NoticesOutlet />
        </div>
      </div>
    </div>
  );
}
