/**
 * "Konflikter": what tills did offline that cannot both stand — a coupon, a
 * punch-card reward or a tier's once-a-period discount used twice, points or
 * bonus spent beyond the balance — with the member, where and when. The open
 * ones first (oldest first), each settled in a dialog: written off, adjusted
 * (points the tills get) or the member contacted, with a note. The settled
 * ones below, with who settled them, when and how.
 */
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { BoConflict, BoConflicts, BoSettleAction } from '../../contract/backoffice/conflicts';
import { msg } from '../../core/i18n';
import type { Shown } from '../../core/i18n';
import { TextField } from '../../ui/components/TextField';
import { call, failureText } from '../api';
import { Alert } from '../components/Alert';
import { Modal } from '../components/Modal';
import { useCommandForm } from '../components/useCommandForm';
import { useBo } from '../i18n';
import '../conflicts.css';

/** Where a coupon came from, by its id's prefix (docs/architecture.md, deterministic ids). */
const COUPON_SOURCES: Record<string, string> = {
  W: 'welcome',
  B: 'birthday',
  S: 'spend',
  T: 'tier',
  C: 'campaign',
  P: 'points',
  R: 'referral',
};

function couponSource(couponId: string | null): string {
  return COUPON_SOURCES[(couponId ?? '').split('-')[0] ?? ''] ?? 'other';
}

function useConflictWords() {
  const { t, money, dateTime } = useBo();
  const headline = (c: BoConflict): string => {
    switch (c.kind) {
      case 'coupon_redeemed_twice':
        return t('conflicts.kind.coupon', { source: couponSource(c.subject) });
      case 'reward_redeemed_twice':
        return t('conflicts.kind.reward');
      case 'tier_once_used_twice':
        return t('conflicts.kind.tierOnce');
      case 'negative_points':
        return t('conflicts.kind.points', { points: Math.abs(c.amount ?? 0) });
      case 'negative_cashback':
        return t('conflicts.kind.cashback', { amount: money(Math.abs(c.amount ?? 0)) });
    }
  };
  const member = (c: BoConflict): string => {
    if (c.member.erased) return t('conflicts.memberErased');
    const parts = [c.member.name ?? t('conflicts.memberNoName'), c.member.memberNumber];
    if (c.member.phone) parts.push(c.member.phone);
    if (c.member.email) parts.push(c.member.email);
    return parts.join(' · ');
  };
  const event = (e: BoConflict['events'][number]): string => {
    const what =
      e.what === 'sale'
        ? t('conflicts.what.sale')
        : e.what === 'return'
          ? t('conflicts.what.return')
          : t('conflicts.what.adjustment');
    const when = dateTime(e.at);
    if (!e.reachable) return t('conflicts.event.elsewhere', { what, when });
    if (e.storeName === null) return t('conflicts.event.backOffice', { what, when });
    return t('conflicts.event.at', {
      what,
      when,
      store: e.storeName,
      till: e.tillName ?? t('conflicts.unknownTill'),
      receipt: e.receiptNo ?? '–',
    });
  };
  const settlement = (c: BoConflict): string => {
    const s = c.settlement!;
    const by = { who: s.byName, when: dateTime(s.at) };
    if (s.action === 'write_off') return t('conflicts.settled.writeOff', by);
    if (s.action === 'contacted') return t('conflicts.settled.contacted', by);
    return t('conflicts.settled.adjust', { ...by, points: s.points ?? 0 });
  };
  return { headline, member, event, settlement };
}

function ConflictCard({ conflict, onSettle }: { conflict: BoConflict; onSettle?(): void }) {
  const { t, dateTime } = useBo();
  const words = useConflictWords();
  return (
    <article
      className={
        conflict.settlement ? 'bo-card bo-conflict bo-conflict-settled' : 'bo-card bo-conflict'
      }
      data-testid={conflict.settlement ? 'conflict-settled' : 'conflict-open'}
      data-kind={conflict.kind}
    >
      <header className="bo-conflict-head">
        <div>
          <h3 className="bo-conflict-title">{words.headline(conflict)}</h3>
          <p className="bo-conflict-member" data-testid="conflict-member">
            {words.member(conflict)}
          </p>
        </div>
        {onSettle && (
          <button
            type="button"
            className="btn btn-primary"
            onClick={onSettle}
            data-testid="conflict-settle"
          >
            {t('conflicts.settle')}
          </button>
        )}
      </header>
      <ul className="bo-conflict-events" data-testid="conflict-events">
        {conflict.events.map((e, i) => (
          <li key={i}>{words.event(e)}</li>
        ))}
        {conflict.events.length === 0 && <li>{t('conflicts.noEvents')}</li>}
      </ul>
      <p className="bo-hint">
        {t('conflicts.firstSeen', { when: dateTime(conflict.firstSeenAt) })}
      </p>
      {conflict.settlement && (
        <div className="bo-settlement" data-testid="conflict-settlement">
          <strong>{words.settlement(conflict)}</strong>
          <p>{conflict.settlement.note}</p>
        </div>
      )}
    </article>
  );
}

const ACTIONS: BoSettleAction[] = ['write_off', 'adjust', 'contacted'];

function SettleDialog({
  conflict,
  maxAdjustment,
  onClose,
  onSettled,
}: {
  conflict: BoConflict;
  maxAdjustment: number;
  onClose(): void;
  onSettled(conflict: BoConflict): void;
}) {
  const { t } = useBo();
  const words = useConflictWords();
  const suggested =
    conflict.kind === 'negative_points' ? String(Math.abs(conflict.amount ?? 0)) : '';
  const [action, setAction] = useState<BoSettleAction>(
    conflict.kind === 'negative_points' ? 'adjust' : 'write_off',
  );
  const [points, setPoints] = useState(suggested);
  const [note, setNote] = useState('');
  const [pointsProblem, setPointsProblem] = useState<Shown | null>(null);
  const form = useCommandForm();
  const canAdjust = !conflict.member.erased;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let value: number | null = null;
    if (action === 'adjust') {
      const typed = points.replace(/\s/g, '').replace('−', '-');
      value = /^[+-]?\d{1,7}$/.test(typed) ? Number(typed) : NaN;
      if (!Number.isSafeInteger(value) || value === 0) {
        setPointsProblem(msg('backoffice.conflicts.pointsWhole'));
        return;
      }
    }
    setPointsProblem(null);
    const answer = await form.run(() =>
      call('conflicts.settle', { conflictId: conflict.conflictId, action, note, points: value }),
    );
    if (answer) onSettled(answer);
  };

  return (
    <Modal title={t('settle.title')} onClose={onClose} testId="settle-dialog">
      <form className="bo-form bo-settle" onSubmit={submit} noValidate>
        <p className="bo-settle-what">
          <strong>{words.headline(conflict)}</strong>
          <br />
          {words.member(conflict)}
        </p>
        <fieldset className="bo-choices">
          <legend>{t('settle.how')}</legend>
          {ACTIONS.map((a) => (
            <label key={a} className="bo-choice">
              <input
                type="radio"
                name="settle-action"
                value={a}
                checked={action === a}
                disabled={a === 'adjust' && !canAdjust}
                onChange={() => setAction(a)}
                data-testid={`settle-${a}`}
              />
              <span>
                <strong>{t(`settle.action.${a}`)}</strong>
                <small>{t(`settle.explain.${a}`)}</small>
              </span>
            </label>
          ))}
        </fieldset>
        {action === 'adjust' && (
          <TextField
            label={t('settle.points')}
            value={points}
            onChange={setPoints}
            inputMode="numeric"
            hint={t('settle.pointsHint', { max: maxAdjustment })}
            error={pointsProblem ?? form.fieldError('points')}
            testId="settle-points"
          />
        )}
        <TextField
          label={t('settle.note')}
          value={note}
          onChange={setNote}
          rows={3}
          hint={t('settle.noteHint')}
          error={form.fieldError('note')}
          testId="settle-note"
        />
        <Alert kind="error" shown={form.formError(['points', 'note'])} />
        <div className="bo-actions">
          <button
            type="submit"
            className="btn btn-primary"
            disabled={form.busy}
            data-testid="settle-submit"
          >
            {t('settle.submit')}
          </button>
          <button type="button" className="btn" onClick={onClose}>
            {t('app.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

export function ConflictsPage() {
  const { t } = useBo();
  const [conflicts, setConflicts] = useState<BoConflicts | null>(null);
  const [problem, setProblem] = useState<Shown | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [settling, setSettling] = useState<BoConflict | null>(null);
  const [reads, setReads] = useState(0);

  useEffect(() => {
    let live = true;
    call('conflicts.list', {}).then(
      (answer) => {
        if (!live) return;
        setConflicts(answer);
        setProblem(null);
      },
      (error: unknown) => live && setProblem(failureText(error)),
    );
    return () => {
      live = false;
    };
  }, [reads]);

  return (
    <section className="bo-page" aria-labelledby="conflicts-title">
      <header className="bo-page-head">
        <h1 id="conflicts-title">{t('conflicts.title')}</h1>
        <p className="bo-lead">{t('conflicts.lead')}</p>
      </header>
      <Alert kind="error" shown={problem} />
      <Alert kind="ok" shown={notice} testId="conflicts-notice" />
      {conflicts === null && !problem && <p aria-busy="true">{t('app.loading')}</p>}
      {conflicts && (
        <>
          <h2 className="bo-section-title">
            {t('conflicts.openTitle', { count: conflicts.open.length })}
          </h2>
          {conflicts.open.length === 0 && (
            <p className="bo-empty" data-testid="conflicts-none">
              {t('conflicts.noneOpen')}
            </p>
          )}
          <div className="bo-conflicts">
            {conflicts.open.map((c) => (
              <ConflictCard key={c.conflictId} conflict={c} onSettle={() => setSettling(c)} />
            ))}
          </div>
          <h2 className="bo-section-title">
            {t('conflicts.settledTitle', { count: conflicts.settled.length })}
          </h2>
          {conflicts.settled.length === 0 && (
            <p className="bo-empty">{t('conflicts.noneSettled')}</p>
          )}
          <div className="bo-conflicts">
            {conflicts.settled.map((c) => (
              <ConflictCard key={c.conflictId} conflict={c} />
            ))}
          </div>
        </>
      )}
      {settling && conflicts && (
        <SettleDialog
          conflict={settling}
          maxAdjustment={conflicts.maxAdjustment}
          onClose={() => setSettling(null)}
          onSettled={() => {
            setNotice(t('conflicts.settledNotice'));
            setSettling(null);
            setReads((n) => n + 1);
          }}
        />
      )}
    </section>
  );
}
