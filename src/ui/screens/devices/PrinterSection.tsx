/**
 * The receipt printer: where it is (tcp://HOST:PORT, a device path or
 * lp:NAME), the paper width in columns and the command set; and the test page,
 * which a cashier may print too. A printer set by the environment is locked.
 */
import type { PrinterSettings, PrinterStatus } from '../../../contract/devices';
import { api } from '../../api';
import { PrintJobNotice } from '../../components/PrintJobNotice';
import type { PrintJobWords } from '../../components/PrintJobNotice';
import { problemAt, problemElsewhere } from '../../errors';
import { useDraft } from '../../hooks/useDraft';
import { usePrintJob } from '../../hooks/usePrintJob';
import { useSaveCommand } from '../../hooks/useSaveCommand';
import { useI18n } from '../../i18n';
import { FieldNotes, TextField } from '../../components/TextField';
import { Choice, DeviceStatusLine, SaveFooter } from './parts';

const TEST_PAGE_WORDS: PrintJobWords = {
  sending: 'devices.testSending',
  printed: 'devices.testPrinted',
  waiting: 'devices.testWaiting',
  failed: 'devices.testFailed',
};

const FIELDS = ['printer.target', 'printer.width', 'printer.type'];

function draftOf(saved: PrinterSettings | null): PrinterSettings {
  return { target: saved?.target ?? '', width: saved?.width ?? 48, type: saved?.type ?? 'epson' };
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
  const { t } = useI18n();
  const saved = status.config;
  const [draft, setDraft] = useDraft(saved, draftOf);
  const { busy, problem, done, save } = useSaveCommand();
  const testPage = usePrintJob();
  const locked = status.source === 'env';
  const editable = canEdit && !locked;

  const saveAs = (printer: PrinterSettings | null) =>
    void save(async () => {
      await api.call('devices.save', { printer });
      onSaved();
    });
  const edit = (change: Partial<PrinterSettings>) => setDraft((now) => ({ ...now, ...change }));
  const lock = (variable: string) => (locked ? variable : null);

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
      <PrintJobNotice
        status={testPage.status}
        words={TEST_PAGE_WORDS}
        testId="printer-test-status"
      />
      {locked && (
        <div className="notice notice-warn" role="note" data-testid="printer-locked">
          <span>{t('devices.lockedDevice', { variable: 'LOJAL_PRINTER' })}</span>
        </div>
      )}
      <form
        noValidate
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          saveAs(draft);
        }}
      >
        {(canEdit || saved) && (
          <>
            <TextField
              label={t('devices.target')}
              spellCheck={false}
              disabled={!editable}
              testId="printer-target"
              value={draft.target}
              onChange={(target) => edit({ target })}
              hint={editable ? t('devices.targetHint') : null}
              lockedBy={lock('LOJAL_PRINTER')}
              error={problemAt(problem, 'printer.target')}
            />
            <Choice<PrinterSettings['width']>
              label={t('devices.width')}
              value={draft.width}
              options={[
                // 42 columns: 80 mm printers with a narrower print area (512 dots).
                { value: 48, label: '80 mm', hint: t('devices.columns', { count: 48 }) },
                { value: 42, label: '80 mm', hint: t('devices.columns', { count: 42 }) },
                { value: 32, label: '58 mm', hint: t('devices.columns', { count: 32 }) },
              ]}
              onChange={(width) => edit({ width })}
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
              value={draft.type}
              options={[
                { value: 'epson', label: 'Epson' },
                { value: 'star', label: 'Star' },
              ]}
              onChange={(type) => edit({ type })}
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
        <SaveFooter
          problem={problemElsewhere(problem, FIELDS)}
          done={done}
          disabled={!editable || busy}
          saveLabel={canEdit || saved ? t('devices.savePrinter') : null}
          remove={saved && { label: t('devices.removePrinter'), onRemove: () => saveAs(null) }}
          testId="printer"
        />
      </form>
    </section>
  );
}
