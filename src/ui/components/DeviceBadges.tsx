/**
 * The top bar's device state: the serial scanner (connected / disconnected,
 * the reason on hover and on the devices screen) and "Kvittering venter (N)"
 * while receipts wait for the printer. Both open where the cashier can act.
 */
import type { PrinterStatus, ScannerStatus } from '../../contract/devices';
import { useI18n } from '../i18n';

export function ScannerBadge({
  scanner,
  onOpen,
}: {
  scanner: ScannerStatus | null;
  onOpen(): void;
}) {
  const { t, say } = useI18n();
  // No serial scanner set up: HID and camera scanners have no state to show.
  if (!scanner || scanner.state === 'off') return null;
  const label =
    scanner.state === 'connected'
      ? t('badge.scannerConnected')
      : scanner.state === 'error'
        ? t('badge.scannerError')
        : t('badge.scannerDisconnected');
  const reason = say(scanner.detail);
  return (
    <button
      type="button"
      className={`badge badge-${scanner.state === 'connected' ? 'ok' : 'bad'}`}
      data-testid="scanner-badge"
      data-state={scanner.state}
      title={reason}
      aria-label={`${label}: ${reason}`}
      onClick={onOpen}
    >
      <span className="sync-dot" aria-hidden="true" />
      <BadgeLines text={label} />
    </button>
  );
}

/** "Skanner tilkoblet" on two short lines ("Skanner" / "tilkoblet"): the top bar is narrow. */
function BadgeLines({ text }: { text: string }) {
  const space = text.indexOf(' ');
  if (space < 0) return <>{text}</>;
  return (
    <span className="badge-lines">
      <span>{text.slice(0, space)}</span> <small>{text.slice(space + 1)}</small>
    </span>
  );
}

export function PrintWaitingBadge({
  count,
  printer,
  onOpen,
}: {
  count: number;
  printer: PrinterStatus | null;
  onOpen(): void;
}) {
  const { t, say } = useI18n();
  if (count === 0) return null;
  const label = t('badge.printWaiting', { count });
  const reason = printer?.lastError ? say(printer.lastError.detail) : null;
  return (
    <button
      type="button"
      className="badge badge-warn"
      data-testid="print-waiting"
      title={reason ?? undefined}
      aria-label={reason ? `${label}: ${reason}` : label}
      onClick={onOpen}
    >
      <span className="sync-dot" aria-hidden="true" />
      <BadgeLines text={label} />
    </button>
  );
}
