/** The programme's versions, newest first, with who and when and what changed; roll-back after a confirmation. */
import { useState } from 'react';
import type { BoProgrammeVersion } from '../../../contract/backoffice/programme';
import type { BoStoreRef } from '../../../contract/backoffice/types';
import { call, failureText } from '../../api';
import { Alert } from '../../components/Alert';
import { Modal } from '../../components/Modal';
import type { Shown } from '../../../core/i18n';
import { usePe } from './fields';

export function History({
  versions,
  currentNumber,
  canRollBack,
  onRolledBack,
}: {
  versions: BoProgrammeVersion[] | null;
  currentNumber: number | null;
  canRollBack: boolean;
  onRolledBack(version: BoProgrammeVersion): void;
}) {
  const { t, dateTime, date } = usePe();
  const names = (stores: readonly BoStoreRef[]) => stores.map((s) => s.name).join(', ');
  const [asked, setAsked] = useState<BoProgrammeVersion | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Shown | null>(null);

  const rollBack = async () => {
    if (!asked) return;
    setBusy(true);
    setProblem(null);
    try {
      const version = await call('programme.rollBack', { number: asked.number });
      setAsked(null);
      onRolledBack(version);
    } catch (error) {
      setProblem(failureText(error));
    } finally {
      setBusy(false);
    }
  };

  const author = (v: BoProgrammeVersion) =>
    v.author.name ?? (v.author.storeId ? t('history.byTill') : t('history.byCloud'));

  return (
    <section className="bo-card pe-history" id="pe-history" data-testid="pe-history">
      <h2>{t('section.history')}</h2>
      {versions?.length === 0 && <p className="bo-empty">{t('history.none')}</p>}
      <ol className="pe-versions">
        {versions?.map((v) => (
          <li key={v.eventId} data-testid="pe-version">
            <div className="pe-version-head">
              <strong>{t('history.version', { number: v.number })}</strong>
              {v.inForce.everywhere && (
                <span className="bo-tag bo-tag-ok" data-testid="pe-version-in-force">
                  {t('history.current')}
                </span>
              )}
              {!v.inForce.everywhere && v.inForce.stores.length > 0 && (
                <span className="bo-tag bo-tag-ok" data-testid="pe-version-in-force">
                  {t('history.inForceAt', { stores: names(v.inForce.stores) })}
                </span>
              )}
              {v.planned && (
                <span className="bo-tag" data-testid="pe-version-planned">
                  {t('history.planned', { date: date(v.startsAt) })}
                </span>
              )}
            </div>
            <div className="bo-hint">
              {dateTime(v.at)} · {author(v)}
            </div>
            <div className="bo-hint" data-testid="pe-version-where">
              {v.stores === null
                ? t('history.toAll')
                : v.stores.length > 0
                  ? t('history.toStores', { stores: names(v.stores) })
                  : t('history.toOthers')}
            </div>
            {v.rolledBackTo !== null && (
              <div className="bo-hint">{t('history.rolledBack', { number: v.rolledBackTo })}</div>
            )}
            {v.note && (
              <div className="pe-note" data-testid="pe-version-note">
                «{v.note}»
              </div>
            )}
            {v.number === 1 && <div className="bo-hint">{t('history.first')}</div>}
            {v.changed.length > 0 && (
              <div className="bo-hint">
                {t('history.changed', {
                  parts: v.changed.map((part) => t(`part.${part}`)).join(', '),
                })}
              </div>
            )}
            {canRollBack && !(v.inForce.everywhere && v.number === currentNumber) && (
              <button
                type="button"
                className="btn btn-small"
                onClick={() => setAsked(v)}
                data-testid="pe-rollback"
              >
                {t('history.rollBack')}
              </button>
            )}
          </li>
        ))}
      </ol>
      {asked && (
        <Modal
          title={t('history.confirmTitle', { number: asked.number })}
          onClose={() => setAsked(null)}
          testId="pe-rollback-dialog"
        >
          <div className="bo-form">
            <p>{t('history.confirm', { number: asked.number })}</p>
            <Alert kind="error" shown={problem} />
            <div className="bo-actions">
              <button
                type="button"
                className="btn btn-primary"
                disabled={busy}
                onClick={() => void rollBack()}
                data-testid="pe-rollback-confirm"
              >
                {t('history.confirmButton', { number: asked.number })}
              </button>
              <button type="button" className="btn" onClick={() => setAsked(null)}>
                {t('common.cancel')}
              </button>
            </div>
          </div>
        </Modal>
      )}
    </section>
  );
}
