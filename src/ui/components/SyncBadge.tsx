/**
 * The top bar's sync state: online / offline / a local till, events waiting to
 * be sent, when the till last synced ("for 3 min siden", "Synkronisert 12:04"), and
 * a warning colour when the last attempt failed or the cloud refused events.
 * Tapping it opens the sync screen.
 */
import type { SyncStatus } from '../hooks/useSync';
import { useNow } from '../hooks/useSync';
import { useI18n } from '../i18n';
import { lastSyncText } from '../screens/sync-screen/sync-text';

/** The last attempt failed, or the cloud refused events: the manager should look. */
export function syncProblem(sync: SyncStatus): boolean {
  if (sync.rejected > 0 || sync.state === 'offline') return true;
  // Paired from the environment, and that pairing keeps failing.
  return sync.state === 'unpaired' && sync.lastError !== null;
}

export function SyncBadge({ sync, onOpen }: { sync: SyncStatus | null; onOpen(): void }) {
  const { t, say } = useI18n();
  const now = useNow();
  if (!sync) return null;
  const problem = syncProblem(sync);
  // A till that was never paired is a shop without a cloud, not a problem: a neutral
  // word and no count of events "waiting" for a cloud it may never have.
  const local = sync.state === 'unpaired' && !problem;
  const label = local ? t('sync.localOnly') : t(`sync.${sync.state}`);
  const last = say(lastSyncText(sync.lastSyncAt, now));
  const details = [
    sync.pending > 0 && !local ? t('sync.pending', { count: sync.pending }) : null,
    sync.rejected > 0 ? t('sync.rejected', { count: sync.rejected }) : null,
    sync.state === 'unpaired' && sync.lastSyncAt === null ? null : last,
  ].filter((d): d is string => d !== null);
  const reason = sync.lastError ? say(sync.lastError.text) : null;
  return (
    <button
      type="button"
      className={`badge sync-badge sync-${sync.state}${problem ? ' badge-warn' : ''}`}
      aria-label={[t('sync.label'), label, ...details, reason].filter(Boolean).join(', ')}
      title={reason ?? last}
      data-testid="sync-badge"
      data-state={sync.state}
      data-pending={sync.pending}
      data-problem={problem}
      onClick={onOpen}
    >
      <span className="sync-dot" aria-hidden="true" />
      <span className="badge-lines">
        <span>{label}</span>
        {details.length > 0 && <small>{details.join(' · ')}</small>}
      </span>
    </button>
  );
}
