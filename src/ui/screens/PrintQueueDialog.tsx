/**
 * "Kvittering venter": the receipts the printer has not taken yet, why (the
 * last error), and "Prøv igjen" for each. The queue keeps trying by itself;
 * this is for the cashier who has just put paper in or switched the printer on.
 */
import { useState } from 'react';
import type { Shown } from '../../core/i18n';
import type { PrintJobSummary } from '../../contract/devices';
import { api } from '../api';
import { Dialog } from '../components/Dialog';
import { errorText } from '../errors';
import type { DeviceState } from '../hooks/useDevices';
import { useI18n } from '../i18n';

export function PrintQueueDialog({ devices, onClose }: { devices: DeviceState; onClose(): void }) {
  const { t, say, time, date } = useI18n();
  const [problem, setProblem] = useState<Shown | null>(null);
  const [retrying, setRetrying] = useState<string | null>(null);
  const { printer, waiting } = devices;

  const retry = async (jobId: string | null) => {
    setProblem(null);
    setRetrying(jobId ?? 'all');
    try {
      await api.call('print.retry', jobId ? { jobId } : {});
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setRetrying(null);
      devices.refresh();
    }
  };

  const title = (job: PrintJobSummary) =>
    job.kind === 'test'
      ? t('print.kind.test')
      : job.kind === 'report'
        ? t('dayReport.printJob', { date: date(job.createdAt) })
        : t(job.kind === 'copy' ? 'print.kind.copy' : 'print.kind.receipt', {
            number: job.receiptNo ?? '–',
          });

  return (
    <Dialog title={t('print.title')} onClose={onClose} testId="print-queue">
      {printer && printer.state !== 'connected' && (
        <div className="notice notice-warn" role="status" data-testid="print-printer-state">
          <span>
            {t('devices.printer')}: {t(`devices.state.${printer.state}`)} – {say(printer.detail)}
          </span>
        </div>
      )}
      {waiting.length === 0 && <p className="empty">{t('print.none')}</p>}
      <ul className="print-jobs" data-testid="print-jobs">
        {waiting.map((job) => (
          <li key={job.jobId} className="print-job" data-testid="print-job" data-job={job.jobId}>
            <span className="offer-text">
              <strong>{title(job)}</strong>
              <small>
                {t(`print.status.${job.status}`)} ·{' '}
                {t('print.queuedAt', { time: time(job.createdAt) })}
                {job.attempts > 0 && <> · {t('print.attempts', { count: job.attempts })}</>}
              </small>
              {job.lastError && (
                <small className="job-error" data-testid="print-job-error">
                  {t('print.lastError', { reason: say(job.lastError) })}
                </small>
              )}
            </span>
            <button
              type="button"
              className="btn"
              data-testid="print-retry"
              disabled={retrying !== null || job.status === 'printing'}
              onClick={() => void retry(job.jobId)}
            >
              {retrying === job.jobId ? t('print.retried') : t('print.retry')}
            </button>
          </li>
        ))}
      </ul>
      {waiting.length > 1 && (
        <button
          type="button"
          className="btn btn-primary"
          data-testid="print-retry-all"
          disabled={retrying !== null}
          onClick={() => void retry(null)}
        >
          {t('print.retryAll')}
        </button>
      )}
      {problem && (
        <div className="notice notice-error" role="alert">
          {say(problem)}
        </div>
      )}
    </Dialog>
  );
}
