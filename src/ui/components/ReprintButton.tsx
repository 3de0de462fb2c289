/** "Skriv ut kopi": a copy of a sale's receipt, marked KOPI, and what became of it. */
import { api } from '../api';
import { usePrintJob } from '../hooks/usePrintJob';
import { useI18n } from '../i18n';
import { PrintJobNotice } from './PrintJobNotice';
import type { PrintJobWords } from './PrintJobNotice';

const COPY_WORDS: PrintJobWords = {
  sending: 'print.copySending',
  printed: 'print.copyPrinted',
  waiting: 'print.copyWaiting',
  failed: 'print.copyFailed',
};

export function ReprintButton({ saleId }: { saleId: string }) {
  const { t } = useI18n();
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
        {t('print.reprint')}
      </button>
      <PrintJobNotice status={status} words={COPY_WORDS} testId="reprint-status" />
    </div>
  );
}
