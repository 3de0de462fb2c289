/** The bar across the top: store, sync state, who is logged in, receipts, language, log out. */
import type { StaffSummary } from '../../service/commands';
import type { TillStatus } from '../hooks/useTillStatus';
import { useI18n } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { SyncBadge } from './SyncBadge';

interface TopBarProps {
  staff: StaffSummary;
  status: TillStatus;
  onReceipts(): void;
  onLogout(): void;
}

export function TopBar({ staff, status, onReceipts, onLogout }: TopBarProps) {
  const { t } = useI18n();
  return (
    <header className="topbar">
      <span className="brand">{t('app.name')}</span>
      {status.storeName && <span className="store">{status.storeName}</span>}
      <SyncBadge sync={status.sync} />
      {!status.reachable && (
        <span className="sync-badge sync-offline" role="alert">
          {t('app.offlineService')}
        </span>
      )}
      <span className="spacer" />
      <span className="staff" data-testid="staff">
        <strong>{staff.name}</strong>
        <small>{t(`role.${staff.role}`)}</small>
      </span>
      <button type="button" className="btn" onClick={onReceipts} data-testid="receipts-button">
        {t('header.receipts')} <span className="kbd">F7</span>
      </button>
      <LanguageSwitch />
      <button type="button" className="btn" onClick={onLogout} data-testid="logout">
        {t('header.logout')}
      </button>
    </header>
  );
}
