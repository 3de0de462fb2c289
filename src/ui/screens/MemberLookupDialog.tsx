/**
 * Kundeklubb: find the member by phone (big keypad), by scanning the card / QR
 * (scanner into the same field, or the till's camera; both go the till's one
 * scan path). Not found → "Bli medlem" with the number filled in. A manager
 * may type a name instead and choose among the members it finds.
 */
import { Suspense, lazy, useRef, useState } from 'react';
import type { Shown } from '../../core/i18n';
import type { MemberSummary, ScanResult } from '../../contract/commands';
import { api } from '../api';
import { Dialog } from '../components/Dialog';
import { Keypad } from '../components/Keypad';
import { errorText } from '../errors';
import { useI18n } from '../i18n';

const CameraPanel = lazy(() => import('../components/CameraPanel'));

interface MemberLookupDialogProps {
  /** The member found by what was typed; the caller shows them and loads the rest. */
  onFound(member: MemberSummary, verification: string | null): void;
  /** A code from the camera, handled like every other scan (a member card attaches at once). */
  onScan(code: string): Promise<ScanResult | null>;
  onEnrol(phone: string): void;
  /** Meld inn med mobilen: the join QR the customer fills in on their own phone. */
  onJoin?(): void;
  onClose(): void;
  /** A manager may search by name (member.search is theirs). */
  canSearchByName?: boolean;
}

export function MemberLookupDialog({
  onFound,
  onScan,
  onEnrol,
  onJoin,
  onClose,
  canSearchByName = false,
}: MemberLookupDialogProps) {
  const { t, say } = useI18n();
  const [camera, setCamera] = useState(false);
  const [query, setQuery] = useState('');
  const [problem, setProblem] = useState<Shown | null>(null);
  const [notFound, setNotFound] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [byName, setByName] = useState<MemberSummary[] | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const change = (next: string) => {
    setQuery(next);
    setProblem(null);
    setNotFound(null);
    setByName(null);
    input.current?.focus();
  };

  const search = async () => {
    const typed = query.trim();
    if (busy || typed === '') return;
    setBusy(true);
    try {
      if (canSearchByName && /\p{L}/u.test(typed)) {
        const members = await api.call('member.search', { name: typed, limit: 20 });
        if (members.length === 0) setNotFound(typed);
        else setByName(members);
        return;
      }
      const found = await api.call('member.lookup', { query: typed });
      if (!found.member) {
        setNotFound(typed);
        return;
      }
      // The service verifies a card number or QR; a phone number alone is not proof.
      onFound(found.member, found.verification?.token ?? null);
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const scanned = async (code: string) => {
    setProblem(null);
    setNotFound(null);
    const result = await onScan(code);
    if (result?.kind === 'rejected') setProblem(result.reason);
  };

  const phoneForEnrolment = /^[\d\s+]+$/.test(query.trim()) ? query.trim() : '';

  return (
    <Dialog title={t('club.title')} onClose={onClose} testId="club-dialog">
      <form
        noValidate
        className="lookup"
        onSubmit={(event) => {
          event.preventDefault();
          void search();
        }}
      >
        <div className="stack">
          <label className="field">
            <span>{t('club.phoneLabel')}</span>
            <input
              ref={input}
              className="input input-big"
              data-autofocus
              autoComplete="off"
              inputMode={canSearchByName ? 'text' : 'tel'}
              spellCheck={false}
              data-testid="member-query"
              value={query}
              onChange={(event) => change(event.target.value)}
            />
          </label>
          <p className="member-sub">{t('club.scanHint')}</p>
          {canSearchByName && <p className="member-sub">{t('club.nameHint')}</p>}
          {byName && (
            <ul className="name-results" data-testid="name-results">
              {byName.map((member) => (
                <li key={member.memberId}>
                  <button
                    type="button"
                    className="btn"
                    data-testid={`name-result-${member.memberNumber}`}
                    onClick={() => onFound(member, null)}
                  >
                    {member.firstName ?? t('member.unnamed')} ·{' '}
                    {t('member.number', { number: member.memberNumber })} · {member.phoneMasked}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {problem && (
            <div className="notice notice-error" role="alert" data-testid="lookup-error">
              {say(problem)}
            </div>
          )}
          {notFound && (
            <div className="notice notice-warn" role="status" data-testid="member-not-found">
              {t('club.notFound', { query: notFound })}
            </div>
          )}
          <button
            type="submit"
            className="btn btn-primary btn-big"
            disabled={busy || query.trim() === ''}
          >
            {busy ? t('club.searching') : t('club.search')}
          </button>
          <button
            type="button"
            className="btn btn-big"
            data-testid="enrol-button"
            onClick={() => onEnrol(phoneForEnrolment)}
          >
            {t('club.enrolInstead')}
          </button>
          {onJoin && (
            <button type="button" className="btn" data-testid="join-button" onClick={onJoin}>
              {t('join.button')}
            </button>
          )}
          {!camera && (
            <button
              type="button"
              className="btn"
              data-testid="camera-button"
              onClick={() => setCamera(true)}
            >
              {t('club.camera')}
            </button>
          )}
        </div>
        {camera ? (
          <Suspense fallback={<p role="status">{t('club.cameraLoading')}</p>}>
            <CameraPanel onScan={(code) => void scanned(code)} onClose={() => setCamera(false)} />
          </Suspense>
        ) : (
          <Keypad
            disabled={busy}
            onDigit={(digit) => change(query + digit)}
            onBackspace={() => change(query.slice(0, -1))}
            onClear={() => change('')}
          />
        )}
      </form>
    </Dialog>
  );
}
