/**
 * Pairing with the chain's cloud: the cloud's address, the store code (typed
 * any way: case, spaces and dashes do not matter) and the till's name, with
 * the service's refusals at the field they are about; or, when paired,
 * "Koble fra" behind a confirmation. A pairing the environment makes
 * (LOJAL_CLOUD_URL + LOJAL_STORE_CODE) says so.
 */
import { useEffect, useRef, useState } from 'react';
import type { CommandOutputs } from '../../../contract/commands';
import { api } from '../../api';
import { CloudFields } from '../../components/CloudFields';
import { TextField } from '../../components/TextField';
import { problemAt, problemElsewhere } from '../../errors';
import { useSaveCommand } from '../../hooks/useSaveCommand';
import type { SyncStatus } from '../../hooks/useSync';
import { useI18n } from '../../i18n';
import { pairedFromEnvironment } from './SyncStatePanel';

/** The pairing form's fields as the service names them (a problem at one is shown there). */
const PAIR_FIELDS = ['cloudUrl', 'storeCode', 'terminalName'];

type Done =
  | { kind: 'paired'; info: CommandOutputs['sync.pair'] }
  | { kind: 'unpaired'; info: CommandOutputs['sync.unpair'] }
  | null;

export function PairingPanel({
  status,
  canEdit,
  onChanged,
}: {
  status: SyncStatus;
  canEdit: boolean;
  onChanged(): void;
}) {
  const { t } = useI18n();
  const [done, setDone] = useState<Done>(null);
  const paired = status.cloud !== null;
  // The form or the button the keyboard was on is gone: carry on from the heading.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (done) heading.current?.focus();
  }, [done]);
  return (
    <section
      className="panel stack"
      aria-labelledby="sync-pairing-title"
      data-testid="sync-pairing"
    >
      <h2 id="sync-pairing-title" ref={heading} tabIndex={-1}>
        {paired ? t('pairing.pairedTitle') : t('pairing.title')}
      </h2>
      <EnvironmentNote status={status} />
      {done?.kind === 'paired' && (
        <div className="notice notice-info" role="status" data-testid="pairing-done">
          <span>
            {t('pairing.done', {
              chain: done.info.chainName,
              store: done.info.storeName,
              slot: done.info.slot,
            })}
          </span>
        </div>
      )}
      {done?.kind === 'unpaired' && (
        <div className="notice notice-info" role="status" data-testid="unpair-done">
          <span>
            {done.info.revoked ? t('pairing.unpairedRevoked') : t('pairing.unpairedNotRevoked')}
            {done.info.pending > 0 &&
              ` ${t('pairing.unpairedPending', { count: done.info.pending })}`}
          </span>
        </div>
      )}
      {paired ? (
        <Unpair
          status={status}
          canEdit={canEdit}
          onUnpaired={(info) => {
            setDone({ kind: 'unpaired', info });
            onChanged();
          }}
        />
      ) : (
        <PairForm
          status={status}
          canEdit={canEdit}
          onPaired={(info) => {
            setDone({ kind: 'paired', info });
            onChanged();
          }}
        />
      )}
    </section>
  );
}

/** What the environment does about pairing, when it sets a cloud. */
function EnvironmentNote({ status }: { status: SyncStatus }) {
  const { t } = useI18n();
  const env = status.environment;
  if (!env) return null;
  if (env.suspended)
    return (
      <div className="notice notice-warn" role="note" data-testid="pairing-env-suspended">
        <span>{t('pairing.envSuspended', { url: env.cloudUrl })}</span>
      </div>
    );
  if (!pairedFromEnvironment(status)) return null;
  return status.cloud === null ? (
    <div className="notice notice-warn" role="note" data-testid="pairing-env-pending">
      <span>{t('pairing.envPending', { url: env.cloudUrl })}</span>
    </div>
  ) : (
    <div className="notice notice-info" role="note" data-testid="sync-from-env">
      <span>{t('pairing.fromEnv')}</span>
    </div>
  );
}

function PairForm({
  status,
  canEdit,
  onPaired,
}: {
  status: SyncStatus;
  canEdit: boolean;
  onPaired(info: CommandOutputs['sync.pair']): void;
}) {
  const { t, say } = useI18n();
  const [cloudUrl, setCloudUrl] = useState(status.environment?.cloudUrl ?? 'https://');
  const [storeCode, setStoreCode] = useState('');
  const [terminalName, setTerminalName] = useState('');
  const { busy, problem, save } = useSaveCommand();

  const pair = () =>
    save(async () => {
      const name = terminalName.trim();
      const info = await api.call('sync.pair', {
        cloudUrl,
        storeCode,
        ...(name === '' ? {} : { terminalName: name }),
      });
      onPaired(info);
    });
  const elsewhere = problemElsewhere(problem, PAIR_FIELDS);

  return (
    <form
      noValidate
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        if (canEdit && !busy) void pair();
      }}
    >
      <p className="member-sub">{t('pairing.intro')}</p>
      <CloudFields
        testIdPrefix="pair"
        cloudUrl={cloudUrl}
        storeCode={storeCode}
        onCloudUrl={setCloudUrl}
        onStoreCode={setStoreCode}
        errors={{
          cloudUrl: problemAt(problem, 'cloudUrl'),
          storeCode: problemAt(problem, 'storeCode'),
        }}
        disabled={!canEdit}
        autofocus={canEdit}
      />
      <TextField
        label={t('pairing.terminalName')}
        maxLength={80}
        disabled={!canEdit}
        testId="pair-terminal-name"
        placeholder={t('pairing.terminalNamePlaceholder')}
        value={terminalName}
        onChange={setTerminalName}
        hint={canEdit ? t('pairing.terminalNameHint') : null}
        error={problemAt(problem, 'terminalName')}
      />
      {elsewhere && (
        <div className="notice notice-error" role="alert" data-testid="pair-error">
          <span>{say(elsewhere)}</span>
        </div>
      )}
      <div className="row">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={!canEdit || busy}
          data-testid="pair-submit"
        >
          {busy ? t('pairing.pairing') : t('pairing.submit')}
        </button>
      </div>
    </form>
  );
}

function Unpair({
  status,
  canEdit,
  onUnpaired,
}: {
  status: SyncStatus;
  canEdit: boolean;
  onUnpaired(info: CommandOutputs['sync.unpair']): void;
}) {
  const { t, say } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const { busy, problem, save } = useSaveCommand();
  const force = status.pending > 0;

  const unpair = () =>
    save(async () => {
      onUnpaired(await api.call('sync.unpair', { force }));
      setConfirming(false);
    });

  return (
    <div className="stack">
      <p className="member-sub">{t('pairing.unpairIntro')}</p>
      {!confirming ? (
        <div className="row">
          <button
            type="button"
            className="btn"
            disabled={!canEdit}
            data-testid="sync-unpair"
            onClick={() => setConfirming(true)}
          >
            {t('pairing.unpair')}
          </button>
        </div>
      ) : (
        <div
          className="verify"
          role="alertdialog"
          aria-labelledby="unpair-question"
          data-testid="unpair-confirm"
        >
          <strong id="unpair-question">{t('pairing.unpairQuestion')}</strong>
          <span>{t('pairing.unpairExplain')}</span>
          {force && (
            <span data-testid="unpair-pending">
              {t('pairing.unpairPendingWarning', { count: status.pending })}
            </span>
          )}
          {status.environment && !status.environment.suspended && (
            <span>{t('pairing.unpairEnv')}</span>
          )}
          <div className="row">
            <button
              type="button"
              className="btn btn-danger"
              disabled={busy}
              data-testid="unpair-yes"
              onClick={() => void unpair()}
            >
              {force ? t('pairing.unpairAnyway') : t('pairing.unpairYes')}
            </button>
            <button
              type="button"
              className="btn"
              disabled={busy}
              // The safe answer has the focus when the question appears.
              autoFocus
              data-testid="unpair-no"
              onClick={() => setConfirming(false)}
            >
              {t('app.cancel')}
            </button>
          </div>
        </div>
      )}
      {problem !== null && (
        <div className="notice notice-error" role="alert" data-testid="unpair-error">
          <span>{say(problem.text)}</span>
        </div>
      )}
    </div>
  );
}
