/**
 * Member care for the member on the checkout screen: their history, profile
 * (manager), consent given and withdrawn, PIN reset (manager), a coupon bought
 * with points and points for an action (manager), export and erasure
 * (manager). A cashier sees the manager's parts disabled with the reason; the
 * service refuses them too. Consent is withdrawn on the member's word; a
 * cashier gives it only with the member verified here (card, QR or PIN).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  HistoryEntry,
  MemberDetail,
  MemberHistory,
  StaffSummary,
} from '../../contract/commands';
import type { Shown } from '../../core/i18n';
import type { Programme } from '../../core/programme';
import { api } from '../api';
import { Dialog } from '../components/Dialog';
import { TextField } from '../components/TextField';
import { errorText, problemAt, problemOf } from '../errors';
import type { Problem } from '../errors';
import { useNotices } from '../hooks/useNotices';
import { useI18n } from '../i18n';
import type { UiKey } from '../i18n';

type Section = 'history' | 'profile' | 'consent' | 'pin' | 'points' | 'data';
const SECTIONS: ReadonlyArray<{ id: Section; label: UiKey }> = [
  { id: 'history', label: 'care.history' },
  { id: 'profile', label: 'care.profile' },
  { id: 'consent', label: 'care.consent' },
  { id: 'pin', label: 'care.pin' },
  { id: 'points', label: 'care.points' },
  { id: 'data', label: 'care.data' },
];

interface MemberCareProps {
  staff: StaffSummary;
  member: MemberDetail;
  /** The service's verification for this member in this session, or null. */
  verification: string | null;
  programme: Programme | null;
  /** The member typed their PIN: asks the service for a verification. */
  onPin(pin: string): Promise<void>;
  /** The member changed: the panel shows this view. */
  onChanged(detail: MemberDetail): void;
  onErased(): void;
  onClose(): void;
}

export function MemberCareDialog(props: MemberCareProps) {
  const { t } = useI18n();
  const [section, setSection] = useState<Section>('history');
  const name = props.member.profile.firstName ?? t('member.unnamed');
  const isManager = props.staff.role === 'manager';

  return (
    <Dialog title={t('care.title', { name })} onClose={props.onClose} wide testId="member-care">
      <div className="care-tabs" role="group" aria-label={t('care.sections')}>
        {SECTIONS.map((s, i) => (
          <button
            key={s.id}
            type="button"
            className="btn btn-small"
            aria-pressed={section === s.id}
            data-testid={`care-tab-${s.id}`}
            data-autofocus={i === 0 || undefined}
            onClick={() => setSection(s.id)}
          >
            {t(s.label)}
          </button>
        ))}
      </div>
      <div className="care-body">
        {section === 'history' && <HistorySection memberId={props.member.memberId} />}
        {section === 'profile' && <ProfileSection {...props} isManager={isManager} />}
        {section === 'consent' && <ConsentSection {...props} isManager={isManager} />}
        {section === 'pin' && <PinSection {...props} isManager={isManager} />}
        {section === 'points' && <PointsSection {...props} isManager={isManager} />}
        {section === 'data' && <DataSection {...props} isManager={isManager} />}
      </div>
    </Dialog>
  );
}

type SectionProps = MemberCareProps & { isManager: boolean };

function ManagerOnly({ isManager }: { isManager: boolean }) {
  const { t } = useI18n();
  if (isManager) return null;
  return (
    <div className="notice notice-warn" role="note" data-testid="care-manager-only">
      {t('care.managerOnly')}
    </div>
  );
}

function HistorySection({ memberId }: { memberId: string }) {
  const { t, say, money, date, time } = useI18n();
  const notices = useNotices();
  const [history, setHistory] = useState<MemberHistory | null>(null);
  useEffect(() => {
    api
      .call('member.history', { memberId, limit: 50 })
      .then(setHistory, (error: unknown) => notices.error(error));
  }, [memberId, notices]);

  if (!history) return <p role="status">{t('care.loading')}</p>;
  if (history.entries.length === 0) return <p className="empty">{t('care.historyEmpty')}</p>;

  const describe = (entry: HistoryEntry): { text: string; details?: Shown[] } => {
    switch (entry.kind) {
      case 'sale': {
        const tags = [
          entry.voided ? t('care.hSaleVoidedTag') : null,
          entry.returnedOre > 0
            ? t('care.hSaleReturnedTag', { amount: money(entry.returnedOre) })
            : null,
        ].filter((tag): tag is string => tag !== null);
        const head = t('care.hSale', { receiptNo: entry.receiptNo, total: money(entry.totalOre) });
        return {
          text: tags.length > 0 ? `${head} (${tags.join(', ')})` : head,
          details: entry.benefits.map((b) => b.reason),
        };
      }
      case 'sale_voided':
        return { text: t('care.hVoided', { receiptNo: entry.receiptNo }) };
      case 'sale_returned':
        return {
          text: t('care.hReturned', {
            receiptNo: entry.receiptNo,
            amount: money(entry.refundOre),
          }),
        };
      case 'points':
        return {
          text: `${entry.points > 0 ? '+' : entry.points < 0 ? '−' : ''}${t('care.hPoints', {
            points: Math.abs(entry.points),
            reason: say(entry.reason),
          })}`,
        };
      case 'stamps':
        return {
          text: `${entry.count < 0 ? '−' : '+'}${t('care.hStamps', {
            count: Math.abs(entry.count),
            card: entry.cardName ? say(entry.cardName) : entry.cardId,
          })}`,
        };
      case 'coupon':
        return { text: t('care.hCoupon', { state: entry.state, reason: say(entry.reason) }) };
      case 'consent':
        return {
          text: t('care.hConsent', {
            channel: entry.channel,
            granted: entry.granted ? 'yes' : 'no',
          }),
        };
      case 'enrolled':
        return { text: t('care.hEnrolled') };
      case 'profile':
        return {
          text: t('care.hProfile', {
            fields: entry.fields.map((field) => t('care.field', { field })).join(', '),
          }),
        };
      case 'pin_set':
        return { text: t('care.hPin') };
    }
  };

  return (
    <>
      <ol className="care-history" data-testid="care-history">
        {history.entries.map((entry, i) => {
          const { text, details } = describe(entry);
          return (
            <li key={i} className={`care-entry care-${entry.kind}`}>
              <span className="care-when">
                {date(entry.at)} {time(entry.at)}
              </span>
              <span>
                {text}
                {details && details.length > 0 && (
                  <ul className="care-details">
                    {details.map((d, j) => (
                      <li key={j}>{say(d)}</li>
                    ))}
                  </ul>
                )}
              </span>
            </li>
          );
        })}
      </ol>
      {history.more && <p className="member-sub">{t('care.historyMore')}</p>}
    </>
  );
}

/** Runs a write, says what went wrong at its field or as a notice, and hands the answer on. */
function useWrite() {
  const notices = useNotices();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const run = useCallback(
    async <T,>(work: () => Promise<T>, done: (result: T) => void) => {
      setBusy(true);
      setProblem(null);
      try {
        done(await work());
      } catch (error) {
        const found = problemOf(error);
        setProblem(found);
        if (found.field === null) notices.error(error);
      } finally {
        setBusy(false);
      }
    },
    [notices],
  );
  return { busy, problem, run };
}

function ProfileSection({ member, isManager, onChanged }: SectionProps) {
  const { t } = useI18n();
  const notices = useNotices();
  const { busy, problem, run } = useWrite();
  const p = member.profile;
  const [form, setForm] = useState({
    firstName: p.firstName ?? '',
    lastName: p.lastName ?? '',
    email: p.email ?? '',
    birthDate: p.birthDate ?? '',
    postalCode: p.postalCode ?? '',
    phone: member.masked ? '' : (member.phoneE164 ?? ''),
  });
  const set = (field: keyof typeof form) => (value: string) =>
    setForm((f) => ({ ...f, [field]: value }));
  /**
   * Only what the manager changed is sent: a name emptied is cleared; the
   * e-mail, birth date and postal code have a form to keep, so an empty one
   * is left as it was.
   */
  const changes = () => {
    const profile: Record<string, string> = {};
    const fields = ['firstName', 'lastName', 'email', 'birthDate', 'postalCode'] as const;
    for (const name of fields) {
      const value = form[name].trim();
      if (value === (p[name] ?? '')) continue;
      if (value === '' && name !== 'firstName' && name !== 'lastName') continue;
      profile[name] = value;
    }
    return profile;
  };
  const save = () =>
    void run(
      () =>
        api.call('member.update', {
          memberId: member.memberId,
          profile: changes(),
          ...(form.phone.trim() === '' || form.phone === member.phoneE164
            ? {}
            : { phone: form.phone }),
        }),
      (detail) => {
        onChanged(detail);
        notices.info(t('care.saved'));
      },
    );
  const field = (name: keyof typeof form, label: UiKey, path: string, extra = {}) => (
    <TextField
      label={t(label)}
      value={form[name]}
      onChange={set(name)}
      disabled={!isManager || busy}
      error={problemAt(problem, path)}
      testId={`care-${name}`}
      {...extra}
    />
  );
  return (
    <form
      className="stack"
      // The service's words beside the field, not the browser's bubble at the first one.
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (isManager) save();
      }}
    >
      <ManagerOnly isManager={isManager} />
      {member.masked && <p className="member-sub">{t('care.masked')}</p>}
      <div className="form-grid">
        {field('firstName', 'care.firstName', 'profile.firstName')}
        {field('lastName', 'care.lastName', 'profile.lastName')}
        {field('phone', 'care.phone', 'phone', { inputMode: 'tel' })}
        {field('email', 'care.email', 'profile.email', { type: 'email' })}
        {field('birthDate', 'care.birthDate', 'profile.birthDate', { placeholder: 'YYYY-MM-DD' })}
        {field('postalCode', 'care.postalCode', 'profile.postalCode', { inputMode: 'numeric' })}
      </div>
      <div className="row">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={!isManager || busy}
          data-testid="care-save-profile"
        >
          {t('care.save')}
        </button>
      </div>
    </form>
  );
}

function ConsentSection({ member, verification, isManager, onChanged, onPin }: SectionProps) {
  const { t, say } = useI18n();
  const notices = useNotices();
  const { busy, run } = useWrite();
  const [pin, setPin] = useState('');
  const [pinProblem, setPinProblem] = useState<Shown | null>(null);
  const present = verification !== null;
  const mayGive = isManager || present;

  const change = (channel: 'sms' | 'email', granted: boolean) =>
    void run(
      () =>
        api.call('member.consent', {
          memberId: member.memberId,
          channel,
          granted,
          ...(verification ? { verification } : {}),
        }),
      (detail) => {
        onChanged(detail);
        notices.info(t(granted ? 'care.consentGiven' : 'care.consentWithdrawn'));
      },
    );

  const verify = async () => {
    setPinProblem(null);
    try {
      await onPin(pin);
      setPin('');
    } catch (error) {
      setPinProblem(errorText(error));
    }
  };

  return (
    <div className="stack">
      <p className="member-sub" data-testid="care-consent-why">
        {t('care.consentWhy')}
      </p>
      {(['sms', 'email'] as const).map((channel) => {
        const on = member.consents[channel];
        return (
          <div key={channel} className="care-consent" data-testid={`care-consent-${channel}`}>
            <span>
              <strong>{t('care.channel', { channel })}</strong>:{' '}
              {on ? t('care.consentOn') : t('care.consentOff')}
            </span>
            {on ? (
              <button
                type="button"
                className="btn"
                disabled={busy}
                data-testid={`care-withdraw-${channel}`}
                onClick={() => change(channel, false)}
              >
                {t('care.withdraw')}
              </button>
            ) : (
              <button
                type="button"
                className="btn"
                disabled={busy || !mayGive}
                data-testid={`care-give-${channel}`}
                onClick={() => change(channel, true)}
              >
                {t('care.give')}
              </button>
            )}
          </div>
        );
      })}
      {present ? (
        <p className="verified" data-testid="care-verified">
          {t('care.consentVerified')} ✓
        </p>
      ) : (
        !isManager && (
          <form
            noValidate
            className="row"
            onSubmit={(event) => {
              event.preventDefault();
              void verify();
            }}
          >
            <TextField
              label={t('care.consentPin')}
              value={pin}
              onChange={setPin}
              type="password"
              inputMode="numeric"
              maxLength={8}
              error={pinProblem}
              testId="care-consent-pin"
            />
            <button type="submit" className="btn" disabled={pin.length < 4}>
              {t('care.verify')}
            </button>
          </form>
        )
      )}
      {pinProblem && <span className="visually-hidden">{say(pinProblem)}</span>}
    </div>
  );
}

function PinSection({ member, isManager }: SectionProps) {
  const { t } = useI18n();
  const notices = useNotices();
  const { busy, problem, run } = useWrite();
  const [pin, setPin] = useState('');
  return (
    <form
      noValidate
      className="stack"
      onSubmit={(event) => {
        event.preventDefault();
        if (!isManager) return;
        void run(
          () => api.call('member.setPin', { memberId: member.memberId, memberPin: pin }),
          () => {
            setPin('');
            notices.info(t('care.pinReset'));
          },
        );
      }}
    >
      <ManagerOnly isManager={isManager} />
      <p className="member-sub">{t('care.pinHint', { has: member.hasPin ? 'yes' : 'no' })}</p>
      <TextField
        label={t('care.newPin')}
        value={pin}
        onChange={setPin}
        type="password"
        inputMode="numeric"
        maxLength={8}
        disabled={!isManager || busy}
        error={problemAt(problem, 'memberPin')}
        testId="care-new-pin"
      />
      <div className="row">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={!isManager || busy || pin.length < 4}
          data-testid="care-reset-pin"
        >
          {t('care.resetPin')}
        </button>
      </div>
    </form>
  );
}

function PointsSection({ member, programme, isManager, onChanged }: SectionProps) {
  const { t, say } = useI18n();
  const notices = useNotices();
  const { busy, run } = useWrite();
  const offers = programme?.pointsOffers ?? [];
  const actions = programme?.points?.enabled ? programme.points.actions : [];
  const balance = member.points.balance;
  return (
    <div className="stack">
      <p data-testid="care-balance">
        <strong>{t('care.balance', { points: balance })}</strong>
      </p>
      <h3 className="section">{t('care.offers')}</h3>
      {offers.length === 0 && <p className="member-sub">{t('care.noOffers')}</p>}
      {offers.map((offer) => (
        <div key={offer.id} className="care-consent">
          <span>{say(offer.coupon.name)}</span>
          <button
            type="button"
            className="btn"
            disabled={busy || balance < offer.costPoints}
            data-testid={`care-buy-${offer.id}`}
            onClick={() =>
              void run(
                () =>
                  api.call('member.buyCoupon', { memberId: member.memberId, offerId: offer.id }),
                ({ member: detail }) => {
                  onChanged(detail);
                  notices.info(t('care.bought'));
                },
              )
            }
          >
            {t('care.buy', { points: offer.costPoints })}
          </button>
        </div>
      ))}
      <h3 className="section">{t('care.actions')}</h3>
      <ManagerOnly isManager={isManager} />
      {actions.length === 0 && <p className="member-sub">{t('care.noActions')}</p>}
      {actions.map((action) => (
        <div key={action.id} className="care-consent">
          <span>{say(action.name)}</span>
          <button
            type="button"
            className="btn"
            disabled={!isManager || busy}
            data-testid={`care-award-${action.id}`}
            onClick={() =>
              void run(
                () =>
                  api.call('member.awardAction', {
                    memberId: member.memberId,
                    actionId: action.id,
                  }),
                (detail) => {
                  onChanged(detail);
                  notices.info(t('care.awarded'));
                },
              )
            }
          >
            {t('care.award', { points: action.points })}
          </button>
        </div>
      ))}
    </div>
  );
}

function DataSection({ member, isManager, onErased }: SectionProps) {
  const { t } = useI18n();
  const notices = useNotices();
  const { busy, run } = useWrite();
  const [download, setDownload] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const eraseRef = useRef<HTMLButtonElement>(null);
  useEffect(() => () => void (download && URL.revokeObjectURL(download)), [download]);
  // By keyboard too: the question takes the focus (on its safe answer), and gives it back.
  useEffect(() => {
    if (confirming) cancelRef.current?.focus();
  }, [confirming]);
  const cancel = () => {
    setConfirming(false);
    requestAnimationFrame(() => eraseRef.current?.focus());
  };

  return (
    <div className="stack">
      <ManagerOnly isManager={isManager} />
      <div className="row">
        <button
          type="button"
          className="btn"
          disabled={!isManager || busy}
          data-testid="care-export"
          onClick={() =>
            void run(
              () => api.call('member.export', { memberId: member.memberId }),
              (data) => {
                const blob = new Blob([JSON.stringify(data, null, 2)], {
                  type: 'application/json',
                });
                setDownload(URL.createObjectURL(blob));
              },
            )
          }
        >
          {t('care.export')}
        </button>
        {download && (
          <span data-testid="care-export-ready">
            {t('care.exportReady')}{' '}
            <a href={download} download={`member-${member.memberNumber}.json`}>
              {t('care.exportFile')}
            </a>
          </span>
        )}
      </div>
      {!confirming ? (
        <div className="row">
          <button
            type="button"
            className="btn btn-danger"
            disabled={!isManager || busy}
            data-testid="care-erase"
            ref={eraseRef}
            onClick={() => setConfirming(true)}
          >
            {t('care.erase')}
          </button>
        </div>
      ) : (
        <div
          className="notice notice-error stack"
          role="alertdialog"
          data-testid="care-erase-confirm"
        >
          <p>{t('care.eraseWarn')}</p>
          <div className="row">
            <button
              type="button"
              className="btn btn-danger"
              disabled={busy}
              data-testid="care-erase-yes"
              onClick={() =>
                void run(
                  () => api.call('member.erase', { memberId: member.memberId, confirm: true }),
                  () => {
                    notices.info(t('care.erased'));
                    onErased();
                  },
                )
              }
            >
              {t('care.eraseConfirm')}
            </button>
            <button type="button" className="btn" ref={cancelRef} onClick={cancel}>
              {t('care.cancel')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
