/**
 * Synkronisering: the till's sync state and what it is paired with, "Synkroniser nå",
 * pairing (cloud address and store code) or unpairing, and the conflicts
 * explained to a manager. Everyone reads it and may sync now; only a manager
 * pairs, unpairs and sees the conflicts (the service refuses anyone else
 * whatever this shows).
 */
import { useState } from 'react';
import type { StaffSummary } from '../../../contract/commands';
import { Dialog } from '../../components/Dialog';
import type { SyncView } from '../../hooks/useSync';
import { useI18n } from '../../i18n';
import { ConflictsPanel } from './ConflictsPanel';
import { PairingPanel } from './PairingPanel';
import { SyncStatePanel } from './SyncStatePanel';

export function SyncDialog({
  staff,
  sync,
  onOpenMember,
  onClose,
}: {
  staff: StaffSummary;
  sync: SyncView;
  /**
   * No longer read: the service names the conflicts' coupons and rewards
   * (src/sync/conflicts.ts). Kept optional until the checkout stops passing it.
   */
  programme?: unknown;
  /** Show a member from a conflict in the member panel. */
  onOpenMember(memberId: string): void;
  onClose(): void;
}) {
  const { t } = useI18n();
  const canEdit = staff.role === 'manager';
  const status = sync.status;
  // Conflicts are read again after a sync that may have brought new ones.
  const [synced, setSynced] = useState(0);
  return (
    <Dialog title={t('syncScreen.title')} onClose={onClose} wide testId="sync-dialog">
      {!canEdit && (
        <div className="notice notice-warn" role="note" data-testid="sync-manager-only">
          <span>{t('syncScreen.managerOnly')}</span>
        </div>
      )}
      {status === null ? (
        <p className="empty">{t('syncScreen.loading')}</p>
      ) : (
        <>
          <div className="sync-grid">
            <SyncStatePanel
              status={status}
              onSynced={() => {
                sync.refresh();
                setSynced((n) => n + 1);
              }}
            />
            <PairingPanel status={status} canEdit={canEdit} onChanged={sync.refresh} />
          </div>
          {canEdit ? (
            <ConflictsPanel status={status} reload={synced} onOpenMember={onOpenMember} />
          ) : (
            <section className="panel stack" aria-labelledby="sync-conflicts">
              <h2 id="sync-conflicts">{t('conflicts.title')}</h2>
              <p className="member-sub" data-testid="conflicts-manager-only">
                {t('conflicts.managerOnly')}
              </p>
            </section>
          )}
        </>
      )}
    </Dialog>
  );
}
