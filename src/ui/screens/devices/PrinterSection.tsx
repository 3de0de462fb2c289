/**
 * The receipt printer: where it is (tcp://HOST:PORT, a device path or
 * lp:NAME), the paper width in columns and the command set; and the test page,
 * which a cashier may print too. A printer set by the environment is locked.
 */
import { useState } from 'react';
import type { PrinterSettings, PrinterStatus } from '../../../service/devices/types';
import { api } from '../../api';
import { PrintStatusNotice } from '../../components/ReprintButton';
import { problemAt, problemOf } from '../../errors';
import type { Problem } from '../../errors';
import { usePrintJob } from '../../hooks/usePrintJob';
import type { PrintJobStatus } from '../../hooks/usePrintJob';
import { useI18n } from '../../i18n';
import type { I18n } from '../../i18n';
import { Choice, DeviceStatusLine, FieldNotes } from './parts';

function testPageMessage(status: PrintJobStatus, { t, pick }: I18n): string | null {
  switch (status.kind) {
    case 'idle':
      return null;
    case 'sending':
      return t('devices.testSending');
    case 'printed':
      return t('devices.testPrinted');
    case 'waiting':
      return t('devices.testWaiting', { reason: pick(status.reason) });
    case 'failed':
      return t('devices.testFailed', { reason: pick(status.reason) });
    case 'refused':
      return pick(status.reason);
  }
}

export function PrinterSection({
  status,
  canEdit,
  onSaved,
}: {
  status: PrinterStatus;
  canEdit: boolean;
  onSaved(): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const saved = status.config;
  const [target, setTarget] = useState(saved?.target ?? '');
  const [width, setWidth] = useState<PrinterSettings['width']>(saved?.width ?? 48);
  const [type, setType] = useState<PrinterSettings['type']>(saved?.type ?? 'epson');
  // Changed elsewhere (another window, the environment at a restart): show what is set now.
  const [shown, setShown] = useState(saved);
  if (JSON.stringify(shown) !== JSON.stringify(saved)) {
    setShown(saved);
    setTarget(saved?.target ?? '');
    setWidth(saved?.width ?? 48);
    setType(saved?.type ?? 'epson');
  }
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const testPage = usePrintJob();
  const locked = status.source === 'env';
  const editable = canEdit && !locked;

  const save = async (printer: PrinterSettings | null) => {
    setBusy(true);
    setProblem(null);
    setDone(false);
    try {
      await api.call('devices.save', { printer });
      setDone(true);
      onSaved();
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };

  const lock = (variable: string) => (locked ? variable : null);
  const deviceProblem = problem !== null && (problem.field === null || problem.field === 'printer');

  return (
    <section
      className="panel stack"
      aria-labelledby="devices-printer"
      data-testid="printer-section"
    >
      <h2 id="devices-printer">{t('devices.printer')}</h2>
      <DeviceStatusLine device="printer" status={status} />
      <div className="row">
        <button
          type="button"
          className="btn"
          disabled={testPage.busy}
          data-testid="printer-test"
          onClick={() => void testPage.send(() => api.call('printer.test', {}))}
        >
          {t('devices.testPage')}
        </button>
      </div>
      <PrintStatusNotice
        status={testPage.status}
        message={testPageMessage(testPage.status, i18n)}
        testId="printer-test-status"
      />
      {locked && (
        <div className="notice notice-warn" role="note" data-testid="printer-locked">
          <span>{t('devices.lockedDevice', { variable: 'LOJAL_PRINTER' })}</span>
        </div>
      )}
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          void save({ target, width, type });
        }}
      >
        {(canEdit || saved) && (
          <>
            <label className="field">
              <span>{t('devices.target')}</span>
              <input
                className="input"
                autoComplete="off"
                spellCheck={false}
                disabled={!editable}
                aria-invalid={problemAt(problem, 'printer.target') !== null}
                data-testid="printer-target"
                value={target}
                onChange={(event) => setTarget(event.target.value)}
              />
              {editable && <small className="member-sub">{t('devices.targetHint')}</small>}
              <FieldNotes
                lockedBy={lock('LOJAL_PRINTER')}
                error={problemAt(problem, 'printer.target')}
                testId="printer-target"
              />
            </label>
            <Choice<PrinterSettings['width']>
              label={t('devices.width')}
              value={width}
              options={[
                // 42 columns: 80 mm printers with a narrower print area (512 dots).
                { value: 48, label: '80 mm', hint: t('devices.columns', { count: 48 }) },
                { value: 42, label: '80 mm', hint: t('devices.columns', { count: 42 }) },
                { value: 32, label: '58 mm', hint: t('devices.columns', { count: 32 }) },
              ]}
              onChange={setWidth}
              disabled={!editable}
              testId="printer-width"
            >
              <FieldNotes
                lockedBy={lock('LOJAL_PRINTER_WIDTH')}
                error={problemAt(problem, 'printer.width')}
                testId="printer-width"
              />
            </Choice>
            <Choice<PrinterSettings['type']>
              label={t('devices.type')}
              value={type}
              options={[
                { value: 'epson', label: 'Epson' },
                { value: 'star', label: 'Star' },
              ]}
              onChange={setType}
              disabled={!editable}
              testId="printer-type"
            >
              <FieldNotes
                lockedBy={lock('LOJAL_PRINTER_TYPE')}
                error={problemAt(problem, 'printer.type')}
                testId="printer-type"
              />
            </Choice>
          </>
        )}
        {deviceProblem && (
          <div className="notice notice-error" role="alert" data-testid="printer-error">
            {i18n.pick(problem.text)}
          </div>
        )}
        {done && (
          <div className="notice notice-info" role="status" data-testid="printer-saved">
            {t('devices.saved')}
          </div>
        )}
        <div className="row">
          {(canEdit || saved) && (
            <button
              type="submit"
              className="btn btn-primary"
              disabled={!editable || busy}
              data-testid="printer-save"
            >
              {t('devices.savePrinter')}
            </button>
          )}
          {saved && (
            <button
              type="button"
              className="btn"
              disabled={!editable || busy}
              data-testid="printer-remove"
              onClick={() => void save(null)}
            >
              {t('devices.removePrinter')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
