/**
 * The bar across the top: store, sync state (opens the sync screen), the scanner and any receipts
 * waiting to print, who is logged in, staff (a manager's), devices, receipts, language, log out.
 */
import type { StaffSummary } from '../../contract/commands';
import type { DeviceState } from '../hooks/useDevices';
import type { SyncStatus } from '../hooks/useSync';
import type { TillStatus } from '../hooks/useTillStatus';
import { useI18n } from '../i18n';
import { PrintWaitingBadge, ScannerBadge } from './DeviceBadges';
import { LanguageSwitch } from './LanguageSwitch';
import { SyncBadge } from './SyncBadge';

interface TopBarProps {
  staff: StaffSummary;
  status: TillStatus;
  devices: DeviceState;
  sync: SyncStatus | null;
  onSync(): void;
  onDevices(): void;
  onPrintQueue(): void;
  onReceipts(): void;
  /** The staff screen; given for a manager only (no button otherwise). */
  onStaff?: () => void;
  onLogout(): void;
}

export function TopBar({
  staff,
  status,
  devices,
  sync,
  onSync,
  onDevices,
  onPrintQueue,
  onReceipts,
  onStaff,
  onLogout,
}: TopBarProps) {
  const { t } = useI18n();
  return (
    <header className="topbar" data-live={devices.live}>
      <span className="brand-block">
        <span className="brand">{t('app.name')}</span>
        {status.storeName && <span className="store">{status.storeName}</span>}
      </span>
      <SyncBadge sync={sync} onOpen={onSync} />
      {!status.reachable && (
        <span className="sync-badge sync-offline" role="alert">
          {t('app.offlineService')}
        </span>
      )}
      <ScannerBadge scanner={devices.scanner} onOpen={onDevices} />
      <PrintWaitingBadge
        count={devices.waitingCount}
        printer={devices.printer}
        onOpen={onPrintQueue}
      />
      <span className="spacer" />
      <span className="staff" data-testid="staff">
        <strong>{staff.name}</strong>
        <small>{t(`role.${staff.role}`)}</small>
      </span>
      {onStaff && (
        <button type="button" className="btn" onClick={onStaff} data-testid="staff-button">
          {t('staff.open')} <span className="kbd">F11</span>
        </button>
      )}
      <button type="button" className="btn" onClick={onDevices} data-testid="devices-button">
        {t('header.devices')} <span className="kbd">F8</span>
      </button>
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
