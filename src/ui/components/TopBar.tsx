/**
 * The bar across the top: store, sync state (opens the sync screen), the scanner and any receipts
 * waiting to print, who is logged in, staff and "Dagens tall" (a manager's), devices, receipts,
 * language, log out.
 */
import { useEffect, useId, useRef, useState } from 'react';
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
  /** "Dagens tall"; given for a manager only. */
  onDayReport?: () => void;
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
  onDayReport,
  onLogout,
}: TopBarProps) {
  const { t } = useI18n();
  // An 800 px screen: Enheter and the languages behind "Mer" (styles.css shows them in the bar
  // on a wider one). A tap on one of them, outside the menu or Escape closes it.
  const [more, setMore] = useState(false);
  const moreId = useId();
  const moreRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!more) return;
    const away = (event: PointerEvent) => {
      if (!moreRef.current?.parentElement?.contains(event.target as Node)) setMore(false);
    };
    const escape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setMore(false);
    };
    document.addEventListener('pointerdown', away);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('pointerdown', away);
      document.removeEventListener('keydown', escape);
    };
  }, [more]);
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
      <button type="button" className="btn" onClick={onReceipts} data-testid="receipts-button">
        {t('header.receipts')} <span className="kbd">F7</span>
      </button>
      <span className="topbar-more-anchor">
        <button
          type="button"
          className="btn topbar-more-toggle"
          aria-expanded={more}
          aria-controls={moreId}
          onClick={() => setMore((open) => !open)}
          data-testid="topbar-more"
        >
          {t('layout.more')} <span aria-hidden="true">▾</span>
        </button>
        <div
          ref={moreRef}
          id={moreId}
          className={more ? 'topbar-more topbar-more-open' : 'topbar-more'}
          role="group"
          aria-label={t('layout.moreLabel')}
          onClick={() => setMore(false)}
        >
          {onDayReport && (
            <button
              type="button"
              className="btn"
              onClick={onDayReport}
              data-testid="day-report-button"
            >
              {t('dayReport.open')}
            </button>
          )}
          <button type="button" className="btn" onClick={onDevices} data-testid="devices-button">
            {t('header.devices')} <span className="kbd">F8</span>
          </button>
          <LanguageSwitch />
        </div>
      </span>
      <button type="button" className="btn" onClick={onLogout} data-testid="logout">
        {t('header.logout')}
      </button>
    </header>
  );
}
