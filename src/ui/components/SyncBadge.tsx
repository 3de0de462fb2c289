/** Online / offline / unpaired, events waiting to be sent, and the last sync. */
import { useI18n } from '../i18n';
import type { SyncState } from '../hooks/useTillStatus';

export function SyncBadge({ sync }: { sync: SyncState | null }) {
  const { t, time } = useI18n();
  if (!sync) return null;
  const label = t(`sync.${sync.state}`);
  const last =
    sync.lastSyncAt === null ? t('sync.never') : t('sync.last', { time: time(sync.lastSyncAt) });
  return (
    <span
      className={`sync-badge sync-${sync.state}`}
      role="status"
      aria-label={`${t('sync.label')}: ${label}, ${t('sync.pending', { count: sync.pending })}, ${last}`}
      title={last}
      data-testid="sync-badge"
    >
      <span className="sync-dot" aria-hidden="true" />
      <span className="badge-lines">
        <span>{label}</span>
        <small>
          {sync.pending > 0 && <>{t('sync.pending', { count: sync.pending })} · </>}
          {last}
        </small>
      </span>
    </span>
  );
}
