/**
 * Meld inn med mobilen: the join QR the customer scans with their own phone
 * (the cloud's form at /j/{code}), with what the till is waiting for; offline,
 * it says the network is needed and offers the enrolment here at the till.
 * The request itself is the checkout screen's (useJoinRequest), so closing
 * this dialog leaves the code valid and the member still lands on the sale.
 */
import { useMemo } from 'react';
import { Dialog } from '../components/Dialog';
import { qrModules, qrPath } from '../display/qr';
import type { JoinPhase } from '../hooks/useJoinRequest';
import { useI18n } from '../i18n';

interface JoinDialogProps {
  phase: JoinPhase;
  onAgain(): void;
  onEnrolHere(): void;
  onClose(): void;
}

function JoinQr({ url, label }: { url: string; label: string }) {
  const path = useMemo(() => qrPath(qrModules(url)), [url]);
  return (
    <svg
      className="join-qr"
      viewBox={`0 0 ${path.size} ${path.size}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
      data-testid="join-qr"
      data-url={url}
    >
      <rect width={path.size} height={path.size} fill="#fff" />
      <path d={path.d} fill="#000" />
    </svg>
  );
}

export function JoinDialog({ phase, onAgain, onEnrolHere, onClose }: JoinDialogProps) {
  const { t, say, time } = useI18n();
  const enrolHere = (
    <button
      type="button"
      className="btn btn-big"
      data-testid="join-enrol-here"
      onClick={onEnrolHere}
    >
      {t('join.enrolHere')}
    </button>
  );
  return (
    <Dialog title={t('join.title')} onClose={onClose} testId="join-dialog">
      <div className="join-body">
        {phase.kind === 'starting' && <p role="status">{t('join.starting')}</p>}
        {phase.kind === 'showing' && (
          <>
            <JoinQr url={phase.url} label={t('join.title')} />
            <div className="stack join-text">
              <p>{t('join.scan')}</p>
              <p className="member-sub" role="status" data-testid="join-waiting">
                {t('join.waiting', { time: time(phase.expiresAt) })}
              </p>
              {!phase.reachable && (
                <div className="notice notice-warn" role="status" data-testid="join-unreachable">
                  {t('join.offline')}
                </div>
              )}
              {enrolHere}
            </div>
          </>
        )}
        {(phase.kind === 'offline' || phase.kind === 'failed') && (
          <div className="stack">
            <div className="notice notice-warn" role="alert" data-testid="join-offline">
              {phase.kind === 'offline' ? t('join.offline') : say(phase.text)}
            </div>
            {enrolHere}
          </div>
        )}
        {phase.kind === 'expired' && (
          <div className="stack">
            <div className="notice notice-warn" role="alert" data-testid="join-expired">
              {t('join.expired')}
            </div>
            <button
              type="button"
              className="btn btn-primary btn-big"
              data-testid="join-again"
              onClick={onAgain}
            >
              {t('join.again')}
            </button>
            {enrolHere}
          </div>
        )}
      </div>
    </Dialog>
  );
}
