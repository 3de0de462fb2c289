/** Short messages in the status strip: errors stay until dismissed, info fades. */
import type { Shown } from '../../core/i18n';
import { useI18n } from '../i18n';

export interface NoticeItem {
  id: number;
  kind: 'error' | 'info' | 'warn';
  /** A message (from the service or the UI), shown in the language of the moment. */
  text: string | Shown;
}

export function Notices({
  items,
  onDismiss,
}: {
  items: NoticeItem[];
  onDismiss(id: number): void;
}) {
  const { t, say } = useI18n();
  if (items.length === 0) return null;
  return (
    <div className="notices" aria-live="assertive">
      {items.map((item) => (
        <div
          key={item.id}
          className={`notice notice-${item.kind}`}
          role={item.kind === 'error' ? 'alert' : 'status'}
        >
          <span>{typeof item.text === 'string' ? item.text : say(item.text)}</span>
          <button type="button" className="btn" onClick={() => onDismiss(item.id)}>
            {t('app.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
