/**
 * The sync screen's state: online / offline / not paired, the cloud and what
 * the till is called there, events waiting, the last sync and the last error
 * in the till's language, the events the cloud refused and why, the events
 * set aside so that sync went on past them, and "Synkroniser nå" with what it did.
 */
import { useState } from 'react';
import type { Shown } from '../../../core/i18n';
import { api } from '../../api';
import { errorText } from '../../errors';
import type { SyncStatus } from '../../hooks/useSync';
import { useNow } from '../../hooks/useSync';
import { useI18n } from '../../i18n';
import { syncProblem } from '../../components/SyncBadge';
import { agoText, clockOrDay, reportText, sameCloud } from './sync-text';

type NowState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; ok: boolean; text: Shown };

/** The environment pairs this till, and the pairing is (or is meant to be) the environment's. */
export function pairedFromEnvironment(status: SyncStatus): boolean {
  const env = status.environment;
  if (!env || env.suspended) return false;
  return status.cloud === null || sameCloud(env.cloudUrl, status.cloud.url);
}

export function SyncStatePanel({ status, onSynced }: { status: SyncStatus; onSynced(): void }) {
  const { t, say, time, date } = useI18n();
  const now = useNow();
  const [syncNow, setSyncNow] = useState<NowState>({ kind: 'idle' });
  const cloud = status.cloud;
  const fromEnv = pairedFromEnvironment(status);
  // Unpaired, a sync pairs from the environment first; without it there is nothing to sync with.
  const canSync = cloud !== null || fromEnv;
  const when = (at: number) => clockOrDay(at, now, { time, date });
  const tone = status.state === 'online' ? 'ok' : status.state === 'offline' ? 'bad' : 'off';

  const run = async () => {
    setSyncNow({ kind: 'busy' });
    try {
      const report = await api.call('sync.now', {});
      setSyncNow({ kind: 'done', ok: report.ok, text: reportText(report) });
    } catch (error) {
      setSyncNow({ kind: 'done', ok: false, text: errorText(error) });
    } finally {
      onSynced();
    }
  };

  return (
    <section
      className="panel stack"
      aria-labelledby="sync-state-title"
      data-testid="sync-state-panel"
    >
      <h2 id="sync-state-title">{t('syncScreen.state')}</h2>
      <div className="device-state">
        <span
          className={`state-pill state-${tone}${syncProblem(status) ? ' state-warn' : ''}`}
          data-testid="sync-state"
          data-state={status.state}
        >
          <span className="sync-dot" aria-hidden="true" />
          {t(`sync.${status.state}`)}
        </span>
        <span className="device-detail">{t(`syncScreen.explain.${status.state}`)}</span>
      </div>
      <dl className="facts">
        <dt>{t('syncScreen.pending')}</dt>
        <dd data-testid="sync-pending" data-count={status.pending}>
          {status.pending === 1
            ? t('syncScreen.eventsOne')
            : t('syncScreen.events', { count: status.pending })}
        </dd>
        <dt>{t('syncScreen.lastSync')}</dt>
        <dd data-testid="sync-last">
          {status.lastSyncAt === null
            ? t('syncScreen.never')
            : `${when(status.lastSyncAt)} (${say(agoText(status.lastSyncAt, now))})`}
        </dd>
        {cloud && (
          <>
            <dt>{t('syncScreen.cloudUrl')}</dt>
            <dd data-testid="sync-cloud-url" className="breakable">
              {cloud.url}
            </dd>
            <dt>{t('syncScreen.chain')}</dt>
            <dd data-testid="sync-chain">{cloud.chainName}</dd>
            <dt>{t('syncScreen.store')}</dt>
            <dd data-testid="sync-store">{cloud.storeName}</dd>
            <dt>{t('syncScreen.terminal')}</dt>
            <dd data-testid="sync-terminal">{cloud.terminalName ?? t('syncScreen.noName')}</dd>
            {cloud.slot !== null && (
              <>
                <dt>{t('syncScreen.slot')}</dt>
                <dd data-testid="sync-slot">{t('syncScreen.slotValue', { slot: cloud.slot })}</dd>
              </>
            )}
            <dt>{t('syncScreen.pairedAt')}</dt>
            <dd data-testid="sync-paired-at">{when(cloud.pairedAt)}</dd>
          </>
        )}
      </dl>
      {status.lastError !== null && (
        <div className="notice notice-error" role="status" data-testid="sync-last-error">
          <span>
            {t('syncScreen.lastError')} {say(status.lastError.text)}
          </span>
        </div>
      )}
      <div className="row">
        <button
          type="button"
          className="btn btn-primary"
          disabled={!canSync || syncNow.kind === 'busy'}
          data-testid="sync-now"
          onClick={() => void run()}
        >
          {syncNow.kind === 'busy' ? t('syncScreen.syncing') : t('syncScreen.syncNow')}
        </button>
        {!canSync && <small className="member-sub">{t('syncScreen.pairFirst')}</small>}
      </div>
      {syncNow.kind === 'done' && (
        <div
          className={`notice ${syncNow.ok ? 'notice-info' : 'notice-error'}`}
          role="status"
          data-testid="sync-report"
          data-ok={syncNow.ok}
        >
          <span>{say(syncNow.text)}</span>
        </div>
      )}
      {status.rejected > 0 && (
        <div className="stack" data-testid="sync-rejected">
          <h3 className="subhead">{t('syncScreen.rejected', { count: status.rejected })}</h3>
          <p className="member-sub">{t('syncScreen.rejectedHint')}</p>
          <ul className="print-jobs">
            {status.rejectedEvents.map((event) => (
              <li key={event.eventId} className="print-job" data-testid="sync-rejected-event">
                <span className="offer-text">
                  <strong>{say(event.kind)}</strong>
                  <small className="job-error">{say(event.text)}</small>
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {status.quarantined > 0 && (
        <div className="stack" data-testid="sync-quarantine">
          <h3 className="subhead">{t('syncScreen.quarantined', { count: status.quarantined })}</h3>
          <p className="member-sub">{t('syncScreen.quarantinedHint')}</p>
          <ul className="print-jobs">
            {status.quarantine.map((entry, i) => (
              <li
                key={`${entry.direction}-${entry.eventId ?? i}`}
                className="print-job"
                data-testid="sync-quarantined-event"
                data-code={entry.code}
              >
                <span className="offer-text">
                  <strong>{say(entry.kind)}</strong>
                  <small className="job-error">{say(entry.text)}</small>
                  <small className="member-sub">
                    {entry.direction === 'pulled'
                      ? t('syncScreen.quarantinePulled')
                      : t('syncScreen.quarantineLocal')}
                    {', '}
                    {when(entry.at)}
                    {', '}
                    {entry.reported
                      ? t('syncScreen.quarantineReported')
                      : t('syncScreen.quarantineNotReported')}
                  </small>
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {status.foreignEvents > 0 && (
        <p className="member-sub" data-testid="sync-foreign-events">
          {t('syncScreen.foreignEvents', { count: status.foreignEvents })}
        </p>
      )}
    </section>
  );
}
