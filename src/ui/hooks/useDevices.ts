/**
 * The till's hardware as the screen shows it: the serial scanner and the
 * receipt printer (state and reason), and the receipts waiting to print.
 * Read with devices.get and print.list {status: 'waiting'}, then kept live by
 * the service's `device` and `print` notifications. Read again whenever the
 * notification link comes (back) up, since pushes sent while it was down are
 * lost, and every little while as a safety net.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Notification } from '../../service/types';
import type { PrinterStatus, PrintJobSummary, ScannerStatus } from '../../service/devices/types';
import { api } from '../api';

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

const POLL_MS = 15_000;

type DeviceNotice = Extract<Notification, { type: 'device' }>;

/** What a `device` notification changes in the state read earlier. */
export function applyDeviceNotice<T extends ScannerStatus | PrinterStatus>(
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

export function useDevices(): DeviceState {
  const [scanner, setScanner] = useState<ScannerStatus | null>(null);
  const [printer, setPrinter] = useState<PrinterStatus | null>(null);
  const [waiting, setWaiting] = useState<{ jobs: PrintJobSummary[]; count: number }>({
    jobs: [],
    count: 0,
  });
  const [live, setLive] = useState(api.live);
  const reader = useRef<() => void>(() => undefined);

  useEffect(() => {
    let alive = true;
    // One read at a time; a change while one is under way asks for one more.
    let busy = false;
    let again = false;
    const read = async () => {
      if (busy) {
        again = true;
        return;
      }
      busy = true;
      try {
        do {
          again = false;
          const [devices, list] = await Promise.all([
            api.call('devices.get', {}),
            api.call('print.list', { status: 'waiting' }),
          ]);
          if (!alive) return;
          // Something changed while this read was under way: its answer may be stale.
          if (again) continue;
          setScanner(devices.scanner);
          setPrinter(devices.printer);
          setWaiting({ jobs: list.jobs, count: list.waiting });
        } while (again);
      } catch {
        // The top bar says when the service is away; the next read puts this right.
      } finally {
        busy = false;
      }
    };
    reader.current = () => void read();
    void read();
    const timer = setInterval(() => void read(), POLL_MS);
    const stopLive = api.onLive((now) => {
      setLive(now);
      if (now) void read();
    });
    const stopNotices = api.onNotification((n) => {
      if (n.type === 'device') {
        const at = Date.now();
        if (n.device === 'scanner') setScanner((s) => applyDeviceNotice(s, n, at));
        else setPrinter((p) => applyDeviceNotice(p, n, at));
        // Counts and the configuration (a device removed) come with the next read.
        void read();
      } else if (n.type === 'print') {
        void read();
      }
    });
    return () => {
      alive = false;
      reader.current = () => undefined;
      clearInterval(timer);
      stopLive();
      stopNotices();
    };
  }, []);

  const refresh = useCallback(() => reader.current(), []);

  return {
    scanner,
    printer,
    waiting: waiting.jobs,
    waitingCount: waiting.count,
    live,
    refresh,
  };
}
