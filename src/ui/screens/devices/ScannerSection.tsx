/**
 * The serial scanner: the port (from the ports found, or typed as a path),
 * the baud rate and the character the scanner ends each code with. A scanner
 * set by the environment is shown locked with the variables that set it.
 */
import { useCallback, useEffect, useState } from 'react';
import { SCANNER_BAUD_RATES, SCANNER_SUFFIXES } from '../../../contract/devices';
import type { PortList, ScannerSettings, ScannerStatus } from '../../../contract/devices';
import { api } from '../../api';
import { problemAt, problemElsewhere } from '../../errors';
import { useDraft } from '../../hooks/useDraft';
import { useSaveCommand } from '../../hooks/useSaveCommand';
import { useI18n } from '../../i18n';
import { FieldNotes, TextField } from '../../components/TextField';
import { Choice, DeviceStatusLine, SaveFooter } from './parts';

/** The lists devices.save's schema checks against, from the contract: the form offers no other. */
const BAUD_RATES = SCANNER_BAUD_RATES;
const SUFFIXES = SCANNER_SUFFIXES;
const FIELDS = ['scanner.port', 'scanner.baudRate', 'scanner.suffix'];

function draftOf(saved: ScannerSettings | null): ScannerSettings {
  return {
    port: saved?.port ?? '',
    baudRate: saved?.baudRate ?? 9600,
    suffix: saved?.suffix ?? 'CR',
  };
}

export function ScannerSection({
  status,
  canEdit,
  onSaved,
}: {
  status: ScannerStatus;
  canEdit: boolean;
  onSaved(): void;
}) {
  const { t, say } = useI18n();
  const saved = status.config;
  const [draft, setDraft] = useDraft(saved, draftOf);
  const { busy, problem, done, save, fail } = useSaveCommand();
  const locked = status.source === 'env';
  const editable = canEdit && !locked;
  const [ports, setPorts] = useState<PortList | null>(null);
  // Only a manager may list the ports (and only a manager can pick one).
  const [looking, setLooking] = useState(editable);

  const listPorts = useCallback(
    () =>
      api
        .call('devices.listPorts', {})
        .then(setPorts, fail)
        .finally(() => setLooking(false)),
    [fail],
  );

  useEffect(() => {
    if (editable) void listPorts();
  }, [editable, listPorts]);

  const lookForPorts = () => {
    setLooking(true);
    void listPorts();
  };

  const saveAs = (scanner: ScannerSettings | null) =>
    void save(async () => {
      await api.call('devices.save', { scanner });
      onSaved();
    });
  const edit = (change: Partial<ScannerSettings>) => setDraft((now) => ({ ...now, ...change }));
  const lock = (variable: string) => (locked ? variable : null);

  return (
    <section
      className="panel stack"
      aria-labelledby="devices-scanner"
      data-testid="scanner-section"
    >
      <h2 id="devices-scanner">{t('devices.scanner')}</h2>
      <DeviceStatusLine device="scanner" status={status} />
      {locked && (
        <div className="notice notice-warn" role="note" data-testid="scanner-locked">
          <span>{t('devices.lockedDevice', { variable: 'LOJAL_SCANNER_PORT' })}</span>
        </div>
      )}
      {/* A cashier at a till without a serial scanner has nothing to read here. */}
      {(canEdit || saved) && (
        <form
          noValidate
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            saveAs(draft);
          }}
        >
          <TextField
            label={t('devices.port')}
            spellCheck={false}
            disabled={!editable}
            testId="scanner-port"
            value={draft.port}
            onChange={(port) => edit({ port })}
            hint={editable ? t('devices.portHint') : null}
            lockedBy={lock('LOJAL_SCANNER_PORT')}
            error={problemAt(problem, 'scanner.port')}
          />
          {editable && (
            <div className="stack" data-testid="scanner-ports">
              <div className="row">
                <span className="member-sub">
                  {ports && ports.ports.length === 0
                    ? t('devices.portsNone')
                    : t('devices.portsFound')}
                </span>
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={looking}
                  onClick={lookForPorts}
                >
                  {looking ? t('devices.findingPorts') : t('devices.findPorts')}
                </button>
              </div>
              {ports?.note && (
                <small className="member-sub" role="note" data-testid="ports-note">
                  {say(ports.note)}
                </small>
              )}
              <div className="row">
                {ports?.ports.map((found) => (
                  <button
                    key={found.path}
                    type="button"
                    className="btn btn-small"
                    aria-pressed={found.path === draft.port}
                    data-testid="port-option"
                    onClick={() => edit({ port: found.path })}
                  >
                    {found.path}
                    {found.manufacturer ? ` (${found.manufacturer})` : ''}
                  </button>
                ))}
              </div>
            </div>
          )}
          <label className="field">
            <span>{t('devices.baud')}</span>
            <select
              className="input"
              disabled={!editable}
              aria-invalid={problemAt(problem, 'scanner.baudRate') !== null}
              data-testid="scanner-baud"
              value={draft.baudRate}
              onChange={(event) => edit({ baudRate: Number(event.target.value) })}
            >
              {BAUD_RATES.map((rate) => (
                <option key={rate} value={rate}>
                  {rate}
                </option>
              ))}
            </select>
            <FieldNotes
              lockedBy={lock('LOJAL_SCANNER_BAUD')}
              error={problemAt(problem, 'scanner.baudRate')}
              testId="scanner-baud"
            />
          </label>
          <Choice<ScannerSettings['suffix']>
            label={t('devices.suffix')}
            value={draft.suffix}
            options={SUFFIXES.map((value) => ({
              value,
              label: value === 'none' ? t('devices.suffixNone') : value,
            }))}
            onChange={(suffix) => edit({ suffix })}
            disabled={!editable}
            testId="scanner-suffix"
          >
            <FieldNotes
              lockedBy={lock('LOJAL_SCANNER_SUFFIX')}
              error={problemAt(problem, 'scanner.suffix')}
              testId="scanner-suffix"
            />
          </Choice>
          <SaveFooter
            problem={problemElsewhere(problem, FIELDS)}
            done={done}
            disabled={!editable || busy}
            saveLabel={t('devices.saveScanner')}
            remove={saved && { label: t('devices.removeScanner'), onRemove: () => saveAs(null) }}
            testId="scanner"
          />
        </form>
      )}
    </section>
  );
}
