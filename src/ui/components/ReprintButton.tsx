/** "Skriv ut kopi": a copy of a sale's receipt, marked KOPI, and what became of it. */
import { api } from '../api';
import { usePrintJob } from '../hooks/usePrintJob';
import type { PrintJobStatus } from '../hooks/usePrintJob';
import { useI18n } from '../i18n';
import type { I18n } from '../i18n';

function copyMessage(status: PrintJobStatus, { t, pick }: I18n): string | null {
  switch (status.kind) {
    case 'idle':
      return null;
    case 'sending':
      return t('print.copySending');
    case 'printed':
      return t('print.copyPrinted');
    case 'waiting':
      return t('print.copyWaiting', { reason: pick(status.reason) });
    case 'failed':
      return t('print.copyFailed', { reason: pick(status.reason) });
    case 'refused':
      return pick(status.reason);
  }
}

export function PrintStatusNotice({
  status,
  message,
  testId,
}: {
  status: PrintJobStatus;
  message: string | null;
  testId: string;
}) {
  if (message === null) return null;
  const bad = status.kind === 'refused' || status.kind === 'failed';
  const tone = bad ? 'error' : status.kind === 'waiting' ? 'warn' : 'info';
  return (
    <div
      className={`notice notice-${tone}`}
      role={bad ? 'alert' : 'status'}
      data-testid={testId}
      data-state={status.kind}
    >
      <span>{message}</span>
    </div>
  );
}

export function ReprintButton({ saleId }: { saleId: string }) {
  const i18n = useI18n();
  const { status, busy, send } = usePrintJob();
  return (
    <div className="stack">
      <button
        type="button"
        className="btn"
        data-testid="reprint"
        disabled={busy}
        onClick={() => void send(() => api.call('sale.reprint', { saleId }))}
      >
        {i18n.t('print.reprint')}
      </button>
      <PrintStatusNotice
        status={status}
        message={copyMessage(status, i18n)}
        testId="reprint-status"
      />
    </div>
  );
}
