/**
 * Send something to the printer (a receipt copy, the test page) and follow
 * that one job: on its way, printed, waiting for the printer (and why), or
 * failed. Print notifications are collected from before the command is sent,
 * so a job that prints before its command answers is still seen.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Shown } from '../../core/i18n';
import type { PrintJobSummary } from '../../contract/devices';
import type { Notification } from '../../contract/notifications';
import { api } from '../api';
import { errorText } from '../errors';

export type PrintJobStatus =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'printed' }
  | { kind: 'waiting'; reason: Shown }
  | { kind: 'failed'; reason: Shown }
  | { kind: 'refused'; reason: Shown };

type PrintNotice = Extract<Notification, { type: 'print' }>;

function statusOf(state: PrintNotice['state'], reason: Shown | null): PrintJobStatus {
  if (state === 'printed') return { kind: 'printed' };
  if (state === 'failed') return reason ? { kind: 'failed', reason } : { kind: 'sending' };
  return reason ? { kind: 'waiting', reason } : { kind: 'sending' };
}

function statusOfJob(job: PrintJobSummary): PrintJobStatus {
  if (job.status === 'printed') return { kind: 'printed' };
  if (job.status === 'printing') return { kind: 'sending' };
  return statusOf(job.status, job.lastError);
}

export function usePrintJob(): {
  status: PrintJobStatus;
  /** The command is on its way (the button waits; the printer is never waited for). */
  busy: boolean;
  send(command: () => Promise<PrintJobSummary>): Promise<void>;
} {
  const [status, setStatus] = useState<PrintJobStatus>({ kind: 'idle' });
  const [busy, setBusy] = useState(false);
  const jobId = useRef<string | null>(null);
  /** The latest notice per job since this component mounted. */
  const heard = useRef(new Map<string, PrintNotice>());

  useEffect(
    () =>
      api.onNotification((n) => {
        if (n.type !== 'print') return;
        heard.current.set(n.jobId, n);
        if (n.jobId === jobId.current) setStatus(statusOf(n.state, n.detail));
      }),
    [],
  );

  const send = useCallback(async (command: () => Promise<PrintJobSummary>) => {
    jobId.current = null;
    setStatus({ kind: 'sending' });
    setBusy(true);
    try {
      const job = await command();
      jobId.current = job.jobId;
      const early = heard.current.get(job.jobId);
      setStatus(early ? statusOf(early.state, early.detail) : statusOfJob(job));
    } catch (error) {
      setStatus({ kind: 'refused', reason: errorText(error) });
    } finally {
      setBusy(false);
    }
  }, []);

  return { status, busy, send };
}
