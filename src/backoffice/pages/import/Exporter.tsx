/** The members as a CSV file for Excel (members.exportList), saved by the browser. */
import { useState } from 'react';
import type { Shown } from '../../../core/i18n';
import { call, failureText } from '../../api';
import { Alert } from '../../components/Alert';
import { useBo } from '../../i18n';

export function download(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

export function Exporter() {
  const { t, locale } = useBo();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [problem, setProblem] = useState<Shown | null>(null);
  const exportNow = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const file = await call('members.exportList', { locale });
      download(file.fileName, file.csv);
      setDone(t('import.exported', { rows: file.rows, file: file.fileName }));
    } catch (error) {
      setProblem(failureText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="bo-card" aria-labelledby="im-export-title">
      <h2 id="im-export-title">{t('import.exportTitle')}</h2>
      <p className="bo-hint">{t('import.exportHint')}</p>
      <Alert kind="error" shown={problem} />
      <Alert kind="ok" shown={done} testId="export-done" />
      <button
        type="button"
        className="btn"
        disabled={busy}
        onClick={() => void exportNow()}
        data-testid="export-members"
      >
        {t('import.exportButton')}
      </button>
    </section>
  );
}
