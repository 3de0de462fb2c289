/**
 * The till's hardware as the screen shows it: the serial scanner and the
 * receipt printer (state and reason), and the receipts waiting to print.
 * Read with devices.get and print.list {status: 'waiting'}, then kept live by
 * the service's `device` and `print` notifications. Read again whenever the
 * notification link comes (back) up, since pushes sent while it was down are
 * lost, and every little while as a safety net.
 */
import { useCallback, useState } from 'react';
import type { Notification } from '../../contract/notifications';
import type { PrinterStatus, PrintJobSummary, ScannerStatus } from '../../contract/devices';
import { api } from '../api';
import { useLiveRead } from './useLiveRead';

export interface DeviceState {
  /** null until the first answer. */
  scanner: ScannerStatus | null;
  printer: PrinterStatus | null;
  /** Receipts not printed yet (pending, being sent, failed), oldest first. */
  waiting: PrintJobSummary[];
  waitingCount: number;
  /** Notifications reach this window: the state shown is live. */
  live: boolean;
  /** Read everything again (after a save, a retry). */
  refresh(): void;
}

type DeviceNotice = Extract<Notification, { type: 'device' }>;

/** What a `device` notification changes in the state read earlier. */
function applyDeviceNotice<T extends ScannerStatus | PrinterStatus>(
  status: T | null,
  notice: DeviceNotice,
  at: number,
): T | null {
  if (!status) return status;
  return {
    ...status,
    state: notice.state,
    detail: notice.detail,
    lastError: notice.state === 'connected' ? status.lastError : { detail: notice.detail, at },
  };
}

/** The devices and the receipts waiting, read together. */
const readDevices = () =>
  Promise.all([api.call('devices.get', {}), api.call('print.list', { status: 'waiting' })]);

export function useDevices(): DeviceState {
  const [scanner, setScanner] = useState<ScannerStatus | null>(null);
  const [printer, setPrinter] = useState<PrinterStatus | null>(null);
  const [waiting, setWaiting] = useState<{ jobs: PrintJobSummary[]; count: number }>({
    jobs: [],
    count: 0,
  });
  const show = useCallback(([devices, list]: Awaited<ReturnType<typeof readDevices>>) => {
    setScanner(devices.scanner);
    setPrinter(devices.printer);
    setWaiting({ jobs: list.jobs, count: list.waiting });
  }, []);
  const notice = useCallback((n: Notification) => {
    if (n.type === 'device') {
      const at = Date.now();
      if (n.device === 'scanner') setScanner((s) => applyDeviceNotice(s, n, at));
      else setPrinter((p) => applyDeviceNotice(p, n, at));
      // Counts and the configuration (a device removed) come with the next read.
      return true;
    }
    return n.type === 'print';
  }, []);
  const { live, refresh } = useLiveRead(readDevices, show, notice);

  return {
    scanner,
    printer,
    waiting: waiting.jobs,
    waitingCount: waiting.count,
    live,
    refresh,
  };
}
