/**
 * Enheter: the serial scanner, the receipt printer, the receipt header and the
 * till's own checkout settings (use rewards automatically).
 * Everyone sees the live state (and may print the test page); only a manager
 * changes anything, and the service refuses anyone else whatever this shows.
 */
import { useEffect } from 'react';
import type { StaffSummary } from '../../../contract/commands';
import { Dialog } from '../../components/Dialog';
import type { DeviceState } from '../../hooks/useDevices';
import { useI18n } from '../../i18n';
import { CheckoutSection } from './CheckoutSection';
import { PrinterSection } from './PrinterSection';
import { ReceiptHeaderSection } from './ReceiptHeaderSection';
import { ScannerSection } from './ScannerSection';

export function DevicesDialog({
  staff,
  devices,
  programmeName,
  onClose,
}: {
  staff: StaffSummary;
  devices: DeviceState;
  programmeName: string | null;
  onClose(): void;
}) {
  const { t } = useI18n();
  const canEdit = staff.role === 'manager';
  const { refresh } = devices;
  // Opening the screen reads the devices afresh (a manager may have changed them elsewhere).
  useEffect(() => refresh(), [refresh]);
  return (
    <Dialog title={t('devices.title')} onClose={onClose} wide testId="devices-dialog">
      {!canEdit && (
        <div className="notice notice-warn" role="note" data-testid="devices-manager-only">
          <span>{t('devices.managerOnly')}</span>
        </div>
      )}
      <div className="devices">
        {devices.scanner && (
          <ScannerSection status={devices.scanner} canEdit={canEdit} onSaved={devices.refresh} />
        )}
        {devices.printer && (
          <PrinterSection status={devices.printer} canEdit={canEdit} onSaved={devices.refresh} />
        )}
        <ReceiptHeaderSection canEdit={canEdit} programmeName={programmeName} />
        <CheckoutSection canEdit={canEdit} />
      </div>
    </Dialog>
  );
}
